package ingest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// header is a sheet's header row: the row whose column A says «Mã», and the columns it names.
type header struct {
	row   int
	cells []xlsx.Cell
	cols  map[string][]xlsx.Cell // recognised key (value, tong, dang_ky, cong_nhan, unit) → its header cells
	done  map[string]int         // keys already resolved: their column, or 0 when refused
}

// scan streams one sheet, finding figures by the codes in column A and their values in the
// columns named by the header row. role is the template sheet it was chosen as ("" for a sheet
// of another name). It reports false when the return must be rejected.
func (rd *reader) scan(sh xlsx.Sheet, role string) bool {
	sheet := sh.Name
	var h *header
	figureRows := 0
	noHeader := false
	sheetIdx := int8(-1)
	err := rd.book.Rows(sh, maxSheetRows, func(row int, cells []xlsx.Cell) bool {
		if cells[0].Col != 1 {
			return true
		}
		code := normName(cells[0].Value)
		if code == "" {
			return true
		}
		if headerAliases[code] == "code" {
			h = &header{row: row, cells: append([]xlsx.Cell(nil), cells...), cols: map[string][]xlsx.Cell{}, done: map[string]int{}}
			for _, c := range cells[1:] {
				if key, ok := headerAliases[normName(c.Value)]; ok && key != "code" {
					h.cols[key] = append(h.cols[key], c)
				}
			}
			return true
		}
		at := func(col int) xlsx.Cell {
			for _, c := range cells {
				if c.Col == col {
					return c
				}
			}
			return xlsx.Cell{Col: col}
		}
		column := func(key string) (int, bool) {
			if h == nil {
				if !noHeader {
					noHeader = true
					rd.refuse(CodeValueColumn, sheet, 1, row,
						fmt.Sprintf("trang «%s» có mã chỉ tiêu ở dòng %d nhưng không có dòng tiêu đề phía trên (cột A ghi «Mã», và một cột «Giá trị»); không biết số liệu ở cột nào, hãy dùng đúng mẫu", sheet, row),
						fmt.Sprintf("sheet «%s» has a figure code on row %d but no header row above it (column A «Mã» and a «Giá trị» column); which column holds the figures cannot be told, use the template", sheet, row))
				}
				return 0, false
			}
			return rd.column(sheet, h, key)
		}
		if isInfoKey(code) {
			col, ok := column("value")
			if !ok {
				return true
			}
			c := at(col)
			if prev, seen := rd.info[code]; !seen || prev.cell.Hidden && !c.Hidden && c.Value != "" || prev.cell.Value == "" && c.Value != "" {
				rd.info[code] = rawCell{cell: c, sheet: sheet, row: row}
			}
			return true
		}
		addEntry := func(fig *Figure, key string) {
			col, ok := column(key)
			if !ok {
				return
			}
			if sheetIdx < 0 {
				sheetIdx = rd.r.sheetIndex(sheet)
			}
			e := entry{fig: fig, sheet: sheet, sheetIdx: sheetIdx, row: row, cell: at(col)}
			if ucol, ok := rd.unitColumn(h); ok {
				e.unit = at(ucol)
			}
			rd.entries = append(rd.entries, e)
			rd.seen[fig.Code] = true
		}
		if fig, ok := rd.cat.byCode[code]; ok {
			if !fig.Derived() {
				figureRows++
				addEntry(fig, "value")
			}
			return true
		}
		for _, g := range rd.cat.Models {
			if g.Code != code {
				continue
			}
			figureRows++
			for _, part := range g.Parts {
				addEntry(part, part.Code[len(g.Code)+1:])
			}
			return true
		}
		if h != nil { // codes stand below the header row; the titles above it are not slips of codes
			rd.nearCode(sheet, row, cells[0].Value)
		}
		return true
	})
	var large *xlsx.PartTooLargeError
	var tooMuch *xlsx.TooLargeError
	switch {
	case errors.As(err, &large):
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "",
			fmt.Sprintf("trang tính quá lớn (%d MB khi giải nén); một báo cáo chỉ vài trăm dòng, hãy xoá các dòng thừa", large.Size>>20),
			fmt.Sprintf("the sheet is too large (%d MB inflated); a return has a few hundred rows, delete the extra rows", large.Size>>20))
		return false
	case errors.As(err, &tooMuch):
		rd.again = tooMuch.Limit < xlsx.MaxInflated
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "",
			fmt.Sprintf("tệp giải nén ra quá lớn (%d MB); có thể là tệp hỏng hoặc độc hại", tooMuch.Inflated>>20),
			fmt.Sprintf("the file inflates to too much data (%d MB); it may be damaged or hostile", tooMuch.Inflated>>20))
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
	if figureRows == 0 && (role == SheetFigures || role == SheetModels) {
		rd.refuse(CodeNoFigures, sheet, 0, 0,
			fmt.Sprintf("trang «%s» không có dòng chỉ tiêu nào đọc được (mã chỉ tiêu phải ở cột A, như trong mẫu); số liệu của trang này không thể bỏ qua, hãy dùng đúng mẫu rồi gửi lại", sheet),
			fmt.Sprintf("no figure can be read from sheet «%s» (figure codes must be in column A, as in the template); its figures cannot be left out, use the template and send it again", sheet))
	}
	return !rd.rejected
}

// column is the column of key under the header, when exactly one visible header cell names it;
// otherwise the return is rejected, naming the sheet and the columns found.
func (rd *reader) column(sheet string, h *header, key string) (int, bool) {
	if col, done := h.done[key]; done {
		return col, col > 0
	}
	h.done[key] = 0
	var visible, hidden []xlsx.Cell
	for _, c := range h.cols[key] {
		if c.Hidden {
			hidden = append(hidden, c)
		} else {
			visible = append(visible, c)
		}
	}
	name := headerNames[key]
	switch {
	case len(visible) == 1:
		h.done[key] = visible[0].Col
		return visible[0].Col, true
	case len(visible) > 1:
		rd.refuse(CodeValueColumn, sheet, visible[1].Col, h.row,
			fmt.Sprintf("trang «%s» có nhiều cột «%s»: %s; không biết cột nào là số liệu gửi đi, hãy xoá cột thừa", sheet, name, headerList(visible, h.row)),
			fmt.Sprintf("sheet «%s» has several «%s» columns: %s; which one is the return cannot be told, delete the extra columns", sheet, name, headerList(visible, h.row)))
	case len(hidden) > 0:
		rd.refuse(CodeHidden, sheet, hidden[0].Col, h.row,
			fmt.Sprintf("cột «%s» (%s) của trang «%s» bị ẩn nên người xem không thấy số liệu; hãy bỏ ẩn cột, kiểm tra rồi gửi lại", name, xlsx.CellName(hidden[0].Col, h.row), sheet),
			fmt.Sprintf("the «%s» column (%s) of sheet «%s» is hidden, so no one sees its figures; unhide it, check it and send it again", name, xlsx.CellName(hidden[0].Col, h.row), sheet))
	default:
		rd.refuse(CodeValueColumn, sheet, 1, h.row,
			fmt.Sprintf("trang «%s» không có cột «%s» (tiêu đề ở dòng %d có: %s); không đoán cột số liệu, hãy đặt lại tiêu đề như mẫu", sheet, name, h.row, headerList(h.cells, h.row)),
			fmt.Sprintf("sheet «%s» has no «%s» column (the header on row %d has: %s); the figures' column is not guessed, name it as in the template", sheet, name, h.row, headerList(h.cells, h.row)))
	}
	return 0, false
}

// unitColumn is the column of the unit labels (Đơn vị tính), when the header has a visible one.
func (rd *reader) unitColumn(h *header) (int, bool) {
	if h == nil {
		return 0, false
	}
	for _, c := range h.cols["unit"] {
		if !c.Hidden {
			return c.Col, true
		}
	}
	return 0, false
}

// headerNames are the template's names of the columns, for messages.
var headerNames = map[string]string{
	"value": "Giá trị", "tong": "Tổng số", "dang_ky": "Đăng ký", "cong_nhan": "Được công nhận",
}

func headerList(cells []xlsx.Cell, row int) string {
	var parts []string
	for _, c := range cells {
		if strings.TrimSpace(c.Value) == "" {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s «%s»", xlsx.CellName(c.Col, row), lang.Printable(strings.TrimSpace(c.Value))))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

func isInfoKey(code string) bool {
	switch code {
	case keyUnit, keyName, keyLevel, keyParent, keyPeriod, keyDate, keyPreparer, keyVersion:
		return true
	}
	return false
}

// nearCode warns about a text in column A that is close to a figure code but is not one
// («hoi vien», «gia_dinh.tongso»): its figure is not read, and the warning names the nearest code.
func (rd *reader) nearCode(sheet string, row int, text string) {
	code, ok := rd.nearestCode(text)
	if !ok {
		return
	}
	shown := lang.Printable(strings.TrimSpace(text))
	rd.add(Warning, CodeUnknownCode, sheet, 1, row, code,
		fmt.Sprintf("mã «%s» không có trong danh mục nên dòng này không được đọc; có phải là %s? hãy sửa mã ở cột A như trong mẫu", shown, code),
		fmt.Sprintf("code «%s» is not in the catalogue, so this row is not read; did you mean %s? correct the code in column A as in the template", shown, code))
}

// nearestCode is the catalogue code that text is a slip of: the same once accents, case and
// spaces are set aside, or a few letters away.
func (rd *reader) nearestCode(text string) (string, bool) {
	if len(text) > 80 || strings.ContainsAny(text, ",:;()/!?\"'«»") {
		return "", false // a title or a note, not a code
	}
	t := strings.ToLower(foldVietnamese(strings.TrimSpace(text)))
	t = strings.Join(strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' }), "_")
	if len(t) < 3 || len(t) > 40 {
		return "", false
	}
	letters := 0
	for _, r := range t {
		switch {
		case r >= 'a' && r <= 'z':
			letters++
		case r >= '0' && r <= '9', r == '_', r == '.':
		default:
			return "", false
		}
	}
	if letters < 3 {
		return "", false
	}
	best, bestD := "", 1<<30
	try := func(code string) {
		if n := len(t) - len(code); n > 2 || n < -2 {
			return // farther than any slip the check accepts
		}
		if d := lang.EditDistance(t, code); d < bestD {
			best, bestD = code, d
		}
	}
	for _, f := range rd.cat.Raw {
		try(f.Code)
	}
	for _, g := range rd.cat.Models {
		try(g.Code)
	}
	limit := 1
	if len(best) >= 13 {
		limit = 2
	}
	return best, bestD <= limit
}
