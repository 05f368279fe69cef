package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

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
func ReadFile(path string, cat *Catalogue) (*Return, []Problem) { return readFile(path, cat, nil) }

// readFile reads one return, setting aside in mem (when not nil) the memory it may take.
func readFile(path string, cat *Catalogue, mem *memBudget) (*Return, []Problem) {
	fail := func(code, vi, en string) (*Return, []Problem) {
		p := problem(Error, code, vi, en)
		p.File = path
		return nil, []Problem{p}
	}
	// Non-blocking, so that a FIFO put in place of the file does not wait for a writer.
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(CodeUnreadable, "không mở được tệp: "+osReason(err, lang.Vi), "cannot open the file: "+osReason(err, lang.En))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fail(CodeUnreadable, "không đọc được tệp: "+osReason(err, lang.Vi), "cannot read the file: "+osReason(err, lang.En))
	}
	if !st.Mode().IsRegular() {
		return fail(CodeUnreadable, notRegular.vi, notRegular.en)
	}
	size := st.Size()
	if size > maxFileSize {
		return fail(CodeTooLarge,
			fmt.Sprintf("tệp quá lớn (%d MB) để là một báo cáo; hãy kiểm tra lại tệp", size>>20),
			fmt.Sprintf("the file is too large (%d MB) to be a return; check the file", size>>20))
	}
	// What the parts may inflate to is set aside with the file: small for a small file; a file
	// that needs more is read again with the whole allowance.
	limit := min(xlsx.MaxInflated, max(4<<20, 32*size))
	need := mem.acquire(size + 2*limit)
	defer func() { mem.release(need) }()
	// One read of the size fstat gives; the limit reader bounds a file that grows meanwhile. The
	// buffer is reused: nothing read from a file keeps a reference to its bytes.
	buf := fileBuffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= 1<<20 {
			fileBuffers.Put(buf)
		}
	}()
	if int64(cap(*buf)) < size+1 {
		*buf = make([]byte, 0, size+1)
	}
	data := (*buf)[:0]
	lr := io.LimitReader(fh, maxFileSize+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		*buf = data
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(CodeUnreadable, "không đọc được tệp: "+osReason(err, lang.Vi), "cannot read the file: "+osReason(err, lang.En))
		}
	}
	if len(data) > maxFileSize {
		return fail(CodeTooLarge,
			fmt.Sprintf("tệp quá lớn (hơn %d MB) để là một báo cáo; hãy kiểm tra lại tệp", maxFileSize>>20),
			fmt.Sprintf("the file is too large (over %d MB) to be a return; check the file", maxFileSize>>20))
	}
	r, ps, again := read(path, data, cat, limit)
	if again {
		mem.release(need)
		need = mem.acquire(int64(len(data)) + 2*xlsx.MaxInflated)
		r, ps, _ = read(path, data, cat, xlsx.MaxInflated)
	}
	return r, ps
}

var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

// entryBuffers keep the figure cells of a workbook being read, for the next one.
var entryBuffers = sync.Pool{New: func() any { return new([]entry) }}

// notRegular is why a FIFO, a device or a socket is not read.
var notRegular = struct{ vi, en string }{
	"không phải tệp thông thường (ống FIFO, thiết bị hoặc socket) nên không được đọc",
	"not a regular file (a FIFO, a device or a socket), so it is not read",
}

func osReason(err error, l lang.Lang) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return l.Text("không tồn tại", "it does not exist")
	case errors.Is(err, os.ErrPermission):
		return l.Text("không có quyền đọc", "permission denied")
	case lockedByOther(err):
		return l.Text(lockedReason.vi, lockedReason.en)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a return from the bytes of a workbook; name is the file it came from.
func Read(name string, data []byte, cat *Catalogue) (*Return, []Problem) {
	r, ps, _ := read(name, data, cat, xlsx.MaxInflated)
	return r, ps
}

// read is Read with a bound on what the workbook's parts may inflate to; again reports that the
// bound was reached below xlsx.MaxInflated, so that the file may be read again with more.
func read(name string, data []byte, cat *Catalogue, limit int64) (_ *Return, _ []Problem, again bool) {
	fail := func(code, vi, en string) (*Return, []Problem, bool) {
		p := problem(Error, code, vi, en)
		p.File = name
		return nil, []Problem{p}, false
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
	if isODS(data) || strings.EqualFold(filepath.Ext(name), ".ods") {
		return fail(CodeODS,
			"tệp OpenDocument (.ods) không được hỗ trợ; hãy mở bằng LibreOffice, chọn Tệp > Lưu thành > Excel 2007-365 (.xlsx) rồi gửi lại",
			"OpenDocument spreadsheets (.ods) are not supported; open it in LibreOffice, save it as .xlsx (File > Save As > Excel 2007-365) and send it again")
	}
	book, err := xlsx.OpenLimit(data, limit)
	if err != nil {
		var large *xlsx.TooLargeError
		switch {
		case errors.As(err, &large) && large.Entries == 0 && large.Limit < xlsx.MaxInflated:
			return nil, nil, true
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
	entries := entryBuffers.Get().(*[]entry)
	defer func() {
		clear(*entries) // no strings of this workbook kept alive
		entryBuffers.Put(entries)
	}()
	rd := &reader{name: name, cat: cat, book: book, r: NewReturn(cat, Unit{}, Period{}), seen: make([]bool, len(cat.Raw)), entries: (*entries)[:0]}
	rd.r.File = name
	rd.r.Version = 0
	r, ps := rd.read()
	if cap(rd.entries) <= 4096 {
		*entries = rd.entries[:cap(rd.entries)]
	}
	return r, ps, rd.again
}

// isODS reports whether a zip archive is an OpenDocument file: its first entry is the
// uncompressed «mimetype».
func isODS(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument"))
}

type reader struct {
	name     string
	cat      *Catalogue
	book     *xlsx.Book
	r        *Return
	problems []Problem
	info     map[string]rawCell
	entries  []entry         // the figure cells found, in the order of the sheets and rows
	seen     []bool          // raw figures (by index) whose row was found, blank or not
	roles    map[string]bool // the template's sheets that were found
	rejected bool            // a sheet or a part cannot be trusted: the whole return is rejected
	again    bool            // the parts inflated past the bound asked for: read again with more
}

// rawCell is a cell of the unit's information.
type rawCell struct {
	cell  xlsx.Cell
	sheet string
	row   int
}

// entry is a figure's value cell: where a code in column A meets the value column.
type entry struct {
	fig      *Figure
	sheet    string
	sheetIdx int8
	row      int
	cell     xlsx.Cell // Col is set even when the cell is empty
	unit     xlsx.Cell // the unit label of the row (Đơn vị tính), if the sheet has one
}

// normKnown is normName of a name met in every workbook (the template's sheets, the levels'
// names), remembered; at most 256 names are.
func normKnown(s string) string {
	knownNames.RLock()
	n, ok := knownNames.m[s]
	knownNames.RUnlock()
	if !ok {
		n = normName(s)
		knownNames.Lock()
		if len(knownNames.m) < 256 {
			knownNames.m[s] = n
		}
		knownNames.Unlock()
	}
	return n
}

var knownNames = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// normName is a name or code as compared: NFC, trimmed, in lower case.
func normName(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(norm.NFC.String(s))
		}
	}
	return strings.ToLower(s) // ASCII is in NFC; ToLower makes no copy of a lower-case name
}

func (rd *reader) add(sev Severity, code, sheet string, col, row int, figure, vi, en string) {
	p := problem(sev, code, vi, en)
	p.File, p.Sheet, p.Figure = rd.name, sheet, figure
	if row > 0 {
		p.Cell = cellName(col, row)
	}
	rd.problems = append(rd.problems, p)
}

// refuse records a problem that makes the whole return untrustworthy.
func (rd *reader) refuse(code, sheet string, col, row int, vi, en string) {
	rd.add(Error, code, sheet, col, row, "", vi, en)
	rd.rejected = true
}

func (rd *reader) rejectAll() (*Return, []Problem) {
	code := NormalizeCode(rd.info[keyUnit].cell.Value)
	if rd.r.Unit.Code != "" {
		code = rd.r.Unit.Code
	}
	for i := range rd.problems {
		rd.problems[i].Unit = code
	}
	return nil, rd.problems
}

func (rd *reader) read() (*Return, []Problem) {
	sheets := rd.book.Sheets()
	var names []string
	for _, sh := range sheets {
		names = append(names, sh.Name)
	}
	want := []string{SheetInfo, SheetFigures, SheetModels}
	chosen := map[string]xlsx.Sheet{}
	candidates := map[string]bool{}
	var missing []string
	for _, w := range want {
		sh, found := rd.chooseSheet(w, sheets)
		for _, n := range found {
			candidates[n] = true
		}
		switch {
		case sh != nil:
			chosen[w] = *sh
		case len(found) == 0:
			missing = append(missing, w)
		}
	}
	if rd.rejected {
		return rd.rejectAll()
	}
	rd.info = map[string]rawCell{}
	rd.roles = map[string]bool{}
	for _, w := range want {
		if sh, ok := chosen[w]; ok {
			rd.roles[w] = true
			if !rd.scan(sh, w) {
				return rd.rejectAll()
			}
		}
	}
	renamed := false
	if len(missing) > 0 {
		// A renamed sheet still reads: look for the codes on the visible sheets that are not the
		// expected ones.
		for i, sh := range sheets {
			if i >= maxSheetsRead {
				break
			}
			if sh.Hidden || candidates[sh.Name] || normKnown(sh.Name) == normKnown(SheetGuide) {
				continue
			}
			before := len(rd.entries) + len(rd.info)
			if !rd.scan(sh, "") {
				return rd.rejectAll()
			}
			if len(rd.entries)+len(rd.info) > before {
				renamed = true
				rd.add(Warning, CodeRenamedSheet, sh.Name, 0, 0, "",
					fmt.Sprintf("trang tính «%s» không có tên như mẫu (thiếu trang %s); số liệu vẫn được đọc theo mã, nhưng hãy dùng đúng mẫu", sh.Name, quoteList(missing)),
					fmt.Sprintf("sheet «%s» is not named as in the template (missing: %s); its figures were read by their codes, but please use the template as it is", sh.Name, quoteList(missing)))
			}
		}
	}
	if len(rd.entries) == 0 && len(rd.info) == 0 {
		if len(missing) == len(want) {
			rd.add(Error, CodeNotReturn, "", 0, 0, "",
				fmt.Sprintf("sổ làm việc này không phải báo cáo số liệu khuyến học theo mẫu (không có các trang %s và không có mã chỉ tiêu nào); hãy dùng mẫu do «khuyenhoc template» tạo ra", quoteList(want)),
				fmt.Sprintf("this workbook is not a khuyến học return (no %s sheets and no figure codes); use the template made by «khuyenhoc template»", quoteList(want)))
		} else {
			rd.add(Error, CodeMissingSheet, "", 0, 0, "",
				fmt.Sprintf("thiếu trang tính %s và không tìm thấy số liệu nào; các trang có trong tệp: %s", quoteList(missing), quoteList(names)),
				fmt.Sprintf("sheets %s are missing and no figures were found; the workbook has: %s", quoteList(missing), quoteList(names)))
		}
		return rd.rejectAll()
	}
	for _, w := range missing {
		if w == SheetInfo && len(rd.info) > 0 || w != SheetInfo && renamed {
			continue
		}
		rd.add(Error, CodeMissingSheet, "", 0, 0, "",
			fmt.Sprintf("thiếu trang tính «%s»; các trang có trong tệp: %s; hãy dùng đúng mẫu báo cáo", w, quoteList(names)),
			fmt.Sprintf("sheet «%s» is missing; the workbook has: %s; use the return template", w, quoteList(names)))
	}
	if !rd.unitInfo() {
		return rd.rejectAll()
	}
	filled := rd.resolve()
	if filled == 0 && (rd.roles[SheetFigures] || rd.roles[SheetModels] || renamed) {
		rd.add(Error, CodeEmptyReturn, "", 0, 0, "",
			"báo cáo không có số liệu nào (mẫu trống được gửi lại); hãy điền số liệu vào các ô màu vàng rồi gửi lại",
			"the return holds no figure at all (a blank template sent back); fill in the yellow cells and send it again")
		return rd.rejectAll()
	}
	rd.missingRows(renamed)
	rd.checkRules()
	if !rd.readCoverage() {
		return rd.rejectAll()
	}
	for i := range rd.problems {
		rd.problems[i].Unit = rd.r.Unit.Code
	}
	return rd.r, rd.problems
}

// missingRows warns, once, about the catalogue's figures whose rows are not in the return: a
// figure that is not there is not reported, and the office should know it was not read.
func (rd *reader) missingRows(renamed bool) {
	var codes []string
	for _, f := range rd.cat.Raw {
		if rd.seen[f.index] {
			continue
		}
		role := SheetFigures
		if f.Section == "mo_hinh" {
			role = SheetModels
		}
		if !rd.roles[role] && !renamed {
			continue // the whole sheet is missing, which is said already
		}
		codes = append(codes, f.Code)
	}
	if len(codes) == 0 {
		return
	}
	list := strings.Join(codes, ", ")
	if len(codes) > 12 {
		list = strings.Join(codes[:12], ", ") + fmt.Sprintf(" (+%d)", len(codes)-12)
	}
	rd.add(Warning, CodeMissingRows, "", 0, 0, "",
		fmt.Sprintf("báo cáo không có dòng của %d chỉ tiêu (%s): các chỉ tiêu này được coi là chưa báo cáo; lần sau hãy dùng đúng mẫu", len(codes), list),
		fmt.Sprintf("the return has no row for %d figures (%s): they count as not reported; use the template next time", len(codes), list))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "«" + n + "»"
	}
	return strings.Join(q, ", ")
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

func cellName(col, row int) string { return xlsx.CellName(col, row) }
