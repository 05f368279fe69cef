package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// Limits that keep a hostile or broken file from taking the machine: a return is a few kilobytes.
const (
	maxFileSize   = 64 << 20 // bytes on disk
	maxSheetRows  = 20000
	maxSheetsRead = 32
)

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// EncryptedPackage in UTF-16LE: the stream an encrypted OOXML file keeps inside its CFB container.
	encryptedMarker = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// ReadFile reads one return. It returns nil and the problems when the file cannot be used as a
// return at all; otherwise the return and the problems found in it (errors leave the figure unset).
func ReadFile(path string, cat *Catalogue) (*Return, []Problem) {
	fail := func(code, vi, en string) (*Return, []Problem) {
		p := problem(Error, code, vi, en)
		p.File = path
		return nil, []Problem{p}
	}
	fh, err := os.Open(path)
	if err != nil {
		return fail(CodeUnreadable, "không mở được tệp: "+osReason(err, lang.Vi), "cannot open the file: "+osReason(err, lang.En))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fail(CodeUnreadable, "không đọc được tệp: "+osReason(err, lang.Vi), "cannot read the file: "+osReason(err, lang.En))
	}
	if st.Size() > maxFileSize {
		return fail(CodeTooLarge,
			fmt.Sprintf("tệp quá lớn (%d MB) để là một báo cáo; hãy kiểm tra lại tệp", st.Size()>>20),
			fmt.Sprintf("the file is too large (%d MB) to be a return; check the file", st.Size()>>20))
	}
	data, err := io.ReadAll(fh)
	if err != nil {
		return fail(CodeUnreadable, "không đọc được tệp: "+osReason(err, lang.Vi), "cannot read the file: "+osReason(err, lang.En))
	}
	return Read(path, data, cat)
}

func osReason(err error, l lang.Lang) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return l.Text("không tồn tại", "it does not exist")
	case errors.Is(err, os.ErrPermission):
		return l.Text("không có quyền đọc", "permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a return from the bytes of a workbook; name is the file it came from.
func Read(name string, data []byte, cat *Catalogue) (*Return, []Problem) {
	fail := func(code, vi, en string) (*Return, []Problem) {
		p := problem(Error, code, vi, en)
		p.File = name
		return nil, []Problem{p}
	}
	switch {
	case len(data) == 0:
		return fail(CodeEmptyFile, "tệp rỗng (0 byte); hãy gửi lại tệp báo cáo", "the file is empty (0 bytes); send the return again")
	case bytes.HasPrefix(data, cfbMagic):
		if bytes.Contains(data[:min(len(data), 1<<20)], encryptedMarker) {
			return fail(CodeEncrypted,
				"tệp được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại",
				"the workbook is password-protected and cannot be read; remove the password (File > Info > Protect Workbook) and send it again")
		}
		return fail(CodeLegacyXLS,
			"tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
			"Excel 97-2003 workbooks (.xls) are not supported; open it in Excel or LibreOffice and save it as .xlsx")
	case !bytes.HasPrefix(data, zipMagic):
		if strings.EqualFold(filepath.Ext(name), ".xls") {
			return fail(CodeLegacyXLS,
				"tệp .xls không phải sổ làm việc Excel hợp lệ; hãy lưu báo cáo dạng .xlsx",
				"the .xls file is not a valid Excel workbook; save the return as .xlsx")
		}
		return fail(CodeNotWorkbook,
			"tệp không phải sổ làm việc Excel (.xlsx), có thể là tệp khác bị đổi đuôi; hãy lưu báo cáo từ Excel dạng .xlsx",
			"the file is not an Excel workbook (.xlsx); it may be another kind of file renamed; save the return from Excel as .xlsx")
	}
	book, err := xlsx.Open(data)
	if err != nil {
		var large *xlsx.TooLargeError
		switch {
		case errors.Is(err, xlsx.ErrCorrupt):
			return fail(CodeCorrupt,
				"tệp .xlsx bị hỏng hoặc không đầy đủ (có thể do gửi/tải về bị lỗi); hãy gửi lại tệp",
				"the .xlsx file is damaged or truncated (perhaps by a failed transfer); send it again")
		case errors.As(err, &large) && large.Entries > 0:
			return fail(CodeTooLarge,
				fmt.Sprintf("tệp có quá nhiều thành phần (%d); không phải một báo cáo bình thường", large.Entries),
				fmt.Sprintf("the file has too many parts (%d) for a return", large.Entries))
		case errors.As(err, &large):
			return fail(CodeTooLarge,
				fmt.Sprintf("tệp giải nén ra quá lớn (%d MB); có thể là tệp hỏng hoặc độc hại", large.Inflated>>20),
				fmt.Sprintf("the file inflates to too much data (%d MB); it may be damaged or hostile", large.Inflated>>20))
		case errors.Is(err, xlsx.ErrNotWorkbook):
			return fail(CodeNotWorkbook,
				"tệp là tệp nén nhưng không phải sổ làm việc Excel (.xlsx); hãy lưu báo cáo từ Excel dạng .xlsx",
				"the file is a zip archive but not an Excel workbook (.xlsx); save the return from Excel as .xlsx")
		}
		return fail(CodeCorrupt,
			"tệp .xlsx bị hỏng, không đọc được ("+err.Error()+"); hãy mở và lưu lại bằng Excel rồi gửi lại",
			"the .xlsx file is damaged and cannot be read ("+err.Error()+"); open and save it again in Excel and resend it")
	}
	rd := &reader{name: name, cat: cat, book: book, r: NewReturn(cat, Unit{}, Period{})}
	rd.r.File = name
	rd.r.Version = 0
	return rd.read()
}

type reader struct {
	name     string
	cat      *Catalogue
	book     *xlsx.Book
	r        *Return
	problems []Problem
	info     map[string]rawCell
	parts    map[string]xlsx.Sheet
}

type rawCell struct {
	text  string
	sheet string
	col   int
	row   int
}

func normName(s string) string { return strings.ToLower(strings.TrimSpace(norm.NFC.String(s))) }

func (rd *reader) add(sev Severity, code, sheet string, col, row int, figure, vi, en string) {
	p := problem(sev, code, vi, en)
	p.File, p.Sheet, p.Figure = rd.name, sheet, figure
	if row > 0 {
		p.Cell = cellName(col, row)
	}
	rd.problems = append(rd.problems, p)
}

func (rd *reader) rejectAll() (*Return, []Problem) {
	for i := range rd.problems {
		rd.problems[i].Unit = rd.r.Unit.Code
	}
	return nil, rd.problems
}

func (rd *reader) read() (*Return, []Problem) {
	var sheets []string
	parts := map[string]xlsx.Sheet{}
	for _, sh := range rd.book.Sheets() {
		sheets = append(sheets, sh.Name)
		parts[sh.Name] = sh
	}
	rd.parts = parts
	byName := map[string]string{}
	for _, s := range sheets {
		byName[normName(s)] = s
	}
	want := []string{SheetInfo, SheetFigures, SheetModels}
	found := map[string]string{}
	var missing []string
	for _, w := range want {
		if s, ok := byName[normName(w)]; ok {
			found[w] = s
		} else {
			missing = append(missing, w)
		}
	}
	rd.info = map[string]rawCell{}
	for _, w := range want {
		if s, ok := found[w]; ok {
			if !rd.scan(s) {
				return rd.rejectAll()
			}
		}
	}
	renamed := false
	if len(missing) > 0 {
		// A renamed sheet still reads: look for the codes on the sheets that are not the expected ones.
		for i, s := range sheets {
			if i >= maxSheetsRead {
				break
			}
			if isExpected(s, found) || normName(s) == normName(SheetGuide) {
				continue
			}
			before := rd.r.reported() + len(rd.info)
			if !rd.scan(s) {
				return rd.rejectAll()
			}
			if rd.r.reported()+len(rd.info) > before {
				renamed = true
				rd.add(Warning, CodeRenamedSheet, s, 0, 0, "",
					fmt.Sprintf("trang tính «%s» không có tên như mẫu (thiếu trang %s); số liệu vẫn được đọc theo mã, nhưng hãy dùng đúng mẫu", s, quoteList(missing)),
					fmt.Sprintf("sheet «%s» is not named as in the template (missing: %s); its figures were read by their codes, but please use the template as it is", s, quoteList(missing)))
			}
		}
	}
	if rd.r.reported() == 0 && len(rd.info) == 0 {
		if len(missing) == len(want) {
			rd.add(Error, CodeNotReturn, "", 0, 0, "",
				fmt.Sprintf("sổ làm việc này không phải báo cáo số liệu khuyến học theo mẫu (không có các trang %s và không có mã chỉ tiêu nào); hãy dùng mẫu do «khuyenhoc template» tạo ra", quoteList(want)),
				fmt.Sprintf("this workbook is not a khuyến học return (no %s sheets and no figure codes); use the template made by «khuyenhoc template»", quoteList(want)))
		} else {
			rd.add(Error, CodeMissingSheet, "", 0, 0, "",
				fmt.Sprintf("thiếu trang tính %s và không tìm thấy số liệu nào; các trang có trong tệp: %s", quoteList(missing), quoteList(sheets)),
				fmt.Sprintf("sheets %s are missing and no figures were found; the workbook has: %s", quoteList(missing), quoteList(sheets)))
		}
		return rd.rejectAll()
	}
	for _, w := range missing {
		if w == SheetInfo && len(rd.info) > 0 || w != SheetInfo && renamed {
			continue
		}
		rd.add(Error, CodeMissingSheet, "", 0, 0, "",
			fmt.Sprintf("thiếu trang tính «%s»; các trang có trong tệp: %s; hãy dùng đúng mẫu báo cáo", w, quoteList(sheets)),
			fmt.Sprintf("sheet «%s» is missing; the workbook has: %s; use the return template", w, quoteList(sheets)))
	}
	if !rd.unitInfo() {
		return rd.rejectAll()
	}
	rd.checkRules()
	rd.readCoverage()
	for i := range rd.problems {
		rd.problems[i].Unit = rd.r.Unit.Code
	}
	return rd.r, rd.problems
}

func isExpected(s string, found map[string]string) bool {
	for _, f := range found {
		if f == s {
			return true
		}
	}
	return false
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "«" + n + "»"
	}
	return strings.Join(q, ", ")
}

func (r *Return) reported() int {
	n := 0
	for _, v := range r.values {
		if v.OK {
			n++
		}
	}
	return n
}

func (r *Return) sheetIndex(name string) int8 {
	for i, s := range r.sheets {
		if s == name {
			return int8(i)
		}
	}
	r.sheets = append(r.sheets, name)
	return int8(len(r.sheets) - 1)
}

// scan streams one sheet, reading figures by the codes in column A. It reports false when the sheet
// cannot be read or is too large to be a return.
func (rd *reader) scan(sheet string) bool {
	cols := map[string]int{"value": 4, "tong": 3, "dang_ky": 4, "cong_nhan": 5}
	if normName(sheet) == normName(SheetInfo) {
		cols["value"] = 3
	}
	var pending []pendingCell
	err := rd.book.Rows(rd.parts[sheet], maxSheetRows, func(row int, cells []xlsx.Cell) bool {
		if cells[0].Col != 1 {
			return true
		}
		code := normName(cells[0].Value)
		if code == "" {
			return true
		}
		if headerAliases[code] == "code" {
			for _, c := range cells {
				if key, ok := headerAliases[normName(c.Value)]; ok && key != "code" {
					cols[key] = c.Col
				}
			}
			return true
		}
		at := func(col int) xlsx.Cell {
			for _, c := range cells {
				if c.Col == col {
					c.Value = strings.TrimSpace(c.Value)
					return c
				}
			}
			return xlsx.Cell{Col: col}
		}
		if isInfoKey(code) {
			if _, seen := rd.info[code]; !seen {
				rd.info[code] = rawCell{text: at(cols["value"]).Value, sheet: sheet, col: cols["value"], row: row}
			}
			return true
		}
		if fig, ok := rd.cat.byCode[code]; ok && !fig.Derived() {
			pending = append(pending, pendingCell{fig: fig, row: row, cell: at(cols["value"])})
			return true
		}
		for _, g := range rd.cat.Models {
			if g.Code != code {
				continue
			}
			for _, part := range g.Parts {
				key := part.Code[len(g.Code)+1:]
				pending = append(pending, pendingCell{fig: part, row: row, cell: at(cols[key])})
			}
		}
		return true
	})
	var large *xlsx.PartTooLargeError
	switch {
	case errors.As(err, &large):
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "",
			fmt.Sprintf("trang tính quá lớn (%d MB khi giải nén); một báo cáo chỉ vài trăm dòng, hãy xoá các dòng thừa", large.Size>>20),
			fmt.Sprintf("the sheet is too large (%d MB inflated); a return has a few hundred rows, delete the extra rows", large.Size>>20))
		return false
	case errors.Is(err, xlsx.ErrTooManyRows):
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "",
			fmt.Sprintf("trang tính có hơn %d dòng; một báo cáo chỉ vài trăm dòng, hãy xoá các dòng thừa", maxSheetRows),
			fmt.Sprintf("the sheet has more than %d rows; a return has a few hundred, delete the extra rows", maxSheetRows))
		return false
	case err != nil:
		rd.add(Error, CodeCorrupt, sheet, 0, 0, "",
			fmt.Sprintf("trang tính «%s» bị hỏng, không đọc được (%v); hãy mở tệp bằng Excel, lưu lại rồi gửi lại", sheet, err),
			fmt.Sprintf("sheet «%s» is damaged and cannot be read (%v); open the file in Excel, save it and send it again", sheet, err))
		return false
	}
	sheetIdx := rd.r.sheetIndex(sheet)
	for _, pc := range pending {
		rd.setValue(sheet, sheetIdx, pc)
	}
	return true
}

type pendingCell struct {
	fig  *Figure
	row  int
	cell xlsx.Cell
}

func isInfoKey(code string) bool {
	switch code {
	case keyUnit, keyName, keyLevel, keyParent, keyPeriod, keyDate, keyPreparer, keyVersion:
		return true
	}
	return false
}

func (rd *reader) setValue(sheet string, sheetIdx int8, pc pendingCell) {
	fig := pc.fig
	col, text := pc.cell.Col, pc.cell.Value
	if prev := rd.r.Value(fig); prev.OK {
		psheet, pcell := rd.r.Cell(prev)
		rd.add(Warning, CodeDuplicate, sheet, col, pc.row, fig.Code,
			fmt.Sprintf("mã %s xuất hiện hai lần; giữ giá trị ở %s!%s, bỏ qua ô này", fig.Code, psheet, pcell),
			fmt.Sprintf("code %s appears twice; kept the value at %s!%s, ignored this cell", fig.Code, psheet, pcell))
		return
	}
	if text == "" {
		if pc.cell.Formula {
			rd.add(Warning, CodeNoValue, sheet, col, pc.row, fig.Code,
				fmt.Sprintf("%s: ô có công thức nhưng chưa có kết quả (tệp được lưu bởi chương trình không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại — ô này được coi là chưa báo cáo", fig.Vi),
				fmt.Sprintf("%s: the cell has a formula but no result (the file was saved by a program that does not calculate); open and save it in Excel or LibreOffice and send it again — the cell counts as not reported", fig.En))
		}
		return
	}
	label := fig.Vi
	var v float64
	var percent bool
	if f, err := strconv.ParseFloat(text, 64); err == nil && pc.cell.Kind == xlsx.Number && !math.IsInf(f, 0) && !math.IsNaN(f) {
		v = f
	} else {
		n, err := ParseNumber(text)
		if err != nil {
			var ne *NumberError
			errors.As(err, &ne)
			code := map[string]string{ReasonAmbiguous: CodeAmbiguous, ReasonQualifier: CodeQualifier}[ne.Reason]
			if code == "" {
				code = CodeNotNumber
			}
			rd.add(Error, code, sheet, col, pc.row, fig.Code, label+": "+ne.Message(lang.Vi), fig.En+": "+ne.Message(lang.En))
			return
		}
		v, percent = n.Value, n.Percent
	}
	switch {
	case percent:
		rd.add(Error, CodePercent, sheet, col, pc.row, fig.Code,
			fmt.Sprintf("%s: «%s» là tỉ lệ phần trăm, nhưng ô này cần %s; hãy nhập số lượng, tỉ lệ sẽ được tự tính", label, text, kindWord(fig, lang.Vi)),
			fmt.Sprintf("%s: «%s» is a percentage, but this cell wants %s; type the count, rates are computed", fig.En, text, kindWord(fig, lang.En)))
		return
	case v < 0:
		rd.add(Error, CodeNegative, sheet, col, pc.row, fig.Code,
			fmt.Sprintf("%s: số âm (%s) không hợp lệ; hãy nhập số không âm", label, text),
			fmt.Sprintf("%s: a negative number (%s) is not allowed; type a number of zero or more", fig.En, text))
		return
	case v > 1e15:
		rd.add(Error, CodeNotNumber, sheet, col, pc.row, fig.Code,
			fmt.Sprintf("%s: số quá lớn (%s); hãy kiểm tra lại", label, text),
			fmt.Sprintf("%s: the number is too large (%s); check it", fig.En, text))
		return
	case fig.Kind == Count && v != math.Trunc(v):
		rd.add(Error, CodeFraction, sheet, col, pc.row, fig.Code,
			fmt.Sprintf("%s: số đếm phải là số nguyên, không phải %s; hãy nhập số nguyên", label, text),
			fmt.Sprintf("%s: a count must be a whole number, not %s; type a whole number", fig.En, text))
		return
	}
	rd.r.values[fig.index] = Value{N: int64(math.Round(v)), OK: true, Sheet: sheetIdx, Col: int16(col), Row: int32(pc.row)}
}

func kindWord(f *Figure, l lang.Lang) string {
	if f.Kind == Money {
		return l.Text("số tiền (đồng)", "an amount in đồng")
	}
	return l.Text("số lượng", "a count")
}

// unitInfo reads the information sheet; it reports false when the return cannot be attributed.
func (rd *reader) unitInfo() bool {
	get := func(key string) string { return norm.NFC.String(strings.TrimSpace(rd.info[key].text)) }
	where := func(key string) (string, int, int) {
		c, ok := rd.info[key]
		if !ok {
			return SheetInfo, 0, 0
		}
		return c.sheet, c.col, c.row
	}
	r := rd.r
	r.Unit = Unit{Code: strings.TrimSuffix(get(keyUnit), ".0"), Name: get(keyName), Parent: strings.TrimSuffix(get(keyParent), ".0")}
	r.Preparer = get(keyPreparer)
	r.ReportDate = excelDate(get(keyDate))
	ok := true
	if v := get(keyVersion); v != "" {
		n, err := strconv.ParseFloat(v, 64)
		switch {
		case err != nil:
			s, c, row := where(keyVersion)
			rd.add(Warning, CodeTemplateVersion, s, c, row, "",
				fmt.Sprintf("phiên bản mẫu «%s» không đọc được; hãy dùng mẫu phiên bản %d", v, rd.cat.Version),
				fmt.Sprintf("template version «%s» cannot be read; use template version %d", v, rd.cat.Version))
		case int(n) > rd.cat.Version:
			s, c, row := where(keyVersion)
			rd.add(Error, CodeTemplateVersion, s, c, row, "",
				fmt.Sprintf("báo cáo làm theo mẫu phiên bản %d, mới hơn phiên bản %d mà công cụ này đọc được; hãy cập nhật khuyenhoc", int(n), rd.cat.Version),
				fmt.Sprintf("the return uses template version %d, newer than the version %d this tool reads; update khuyenhoc", int(n), rd.cat.Version))
			ok = false
		case int(n) < rd.cat.Version:
			s, c, row := where(keyVersion)
			rd.add(Warning, CodeTemplateVersion, s, c, row, "",
				fmt.Sprintf("báo cáo làm theo mẫu cũ (phiên bản %d); số liệu vẫn đọc theo mã, nhưng lần sau hãy dùng mẫu phiên bản %d", int(n), rd.cat.Version),
				fmt.Sprintf("the return uses an old template (version %d); figures were read by code, but use version %d next time", int(n), rd.cat.Version))
		}
		r.Version = int(n)
	}
	if r.Unit.Code == "" {
		s, c, row := where(keyUnit)
		rd.add(Error, CodeMissingUnit, s, max(c, 3), row, "",
			"thiếu mã đơn vị; hãy điền mã đơn vị (mã hành chính chính thức) ở trang «Thông tin»",
			"the unit code is missing; fill in the unit's (official administrative) code on the «Thông tin» sheet")
		ok = false
	}
	if lv := get(keyLevel); lv != "" {
		code, known := rd.levelCode(lv)
		if !known {
			s, c, row := where(keyLevel)
			rd.add(Error, CodeUnknownLevel, s, c, row, "",
				fmt.Sprintf("cấp «%s» không có trong danh mục; hãy chọn một trong: %s", lv, rd.levelList()),
				fmt.Sprintf("level «%s» is not known; choose one of: %s", lv, rd.levelList()))
		}
		r.Unit.Level = code
	}
	p := get(keyPeriod)
	if p == "" {
		s, c, row := where(keyPeriod)
		rd.add(Error, CodeMissingPeriod, s, max(c, 3), row, "",
			"thiếu kỳ báo cáo; hãy chọn kỳ ở trang «Thông tin» (2024 là cả năm, 2024-H1 là 6 tháng đầu năm)",
			"the period is missing; choose it on the «Thông tin» sheet (2024 for the year, 2024-H1 for the first half)")
		return false
	}
	period, err := ParsePeriod(p)
	if err != nil {
		s, c, row := where(keyPeriod)
		rd.add(Error, CodeMissingPeriod, s, c, row, "",
			fmt.Sprintf("kỳ báo cáo «%s» không đọc được; hãy ghi 2024 (cả năm) hoặc 2024-H1 (6 tháng đầu năm)", p),
			fmt.Sprintf("period «%s» cannot be read; write 2024 (the year) or 2024-H1 (first half)", p))
		return false
	}
	r.Period = period
	return ok
}

func (rd *reader) levelCode(s string) (string, bool) {
	n := normName(s)
	if code, _, ok := strings.Cut(n, " "); ok {
		if _, known := rd.cat.Level(code); known {
			return code, true
		}
	}
	for _, l := range rd.cat.Levels {
		if n == l.Code || n == normName(l.Vi) || n == normName(l.En) {
			return l.Code, true
		}
	}
	return s, false
}

func (rd *reader) levelList() string {
	var codes []string
	for _, l := range rd.cat.Levels {
		codes = append(codes, l.Code)
	}
	return strings.Join(codes, ", ")
}

// excelDate turns a date serial number into dd/mm/yyyy; text is kept as it is.
func excelDate(s string) string {
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 1 || n > 100000 {
		return s
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 24 * time.Hour)
	return t.Format("02/01/2006")
}

func cellName(col, row int) string { return xlsx.CellName(col, row) }
