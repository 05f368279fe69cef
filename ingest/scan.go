package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// header is a sheet's header row: the row with a «Mã» cell (the codes' column), and the columns
// it names.
type header struct {
	row   int
	code  int // the column of the codes
	cells []xlsx.Cell
	cols  map[string][]xlsx.Cell // recognised key (value, tong, dang_ky, cong_nhan, unit) → its header cells
	done  map[string]int         // keys already resolved: their column, or 0 when refused
}

// scan streams one sheet, finding figures by their codes and their values in the columns named by
// the header row. The codes are in the column headed «Mã» (column A in the template; a column an
// office inserts before it, such as «STT», changes nothing); above any header, a code is the first
// text of its row. role is the template sheet it was chosen as ("" for a sheet of another name).
// It reports false when the return must be rejected.
func (rd *reader) scan(sh xlsx.Sheet, role string) bool {
	sheet := sh.Name
	var h *header
	figureRows := 0
	noHeader := false
	sheetIdx := int8(-1)
	err := rd.book.Rows(sh, maxSheetRows, func(row int, cells []xlsx.Cell) bool {
		if col, ok := headerRow(cells); ok {
			h = newHeader(h, row, col, cells)
			for _, c := range cells {
				if key, ok := headerAliases[normHeader(c.Value)]; ok && key != "code" {
					h.cols[key] = append(h.cols[key], c)
				}
			}
			return true
		}
		var codeCell xlsx.Cell
		if h != nil {
			i := slices.IndexFunc(cells, func(c xlsx.Cell) bool { return c.Col >= h.code })
			if i < 0 || cells[i].Col != h.code {
				return true
			}
			codeCell = cells[i]
		} else {
			i := slices.IndexFunc(cells, func(c xlsx.Cell) bool { return c.Kind == xlsx.Text && strings.TrimSpace(c.Value) != "" })
			if i < 0 {
				return true
			}
			codeCell = cells[i]
		}
		code := normName(codeCell.Value)
		if code == "" {
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
					rd.refuse(CodeValueColumn, sheet, codeCell.Col, row, msgNoHeader, sheet, row)
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
			rd.seen[fig.index] = true
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
			rd.nearCode(sheet, codeCell.Col, row, codeCell.Value)
		}
		return true
	})
	if h != nil {
		headers.Put(h)
	}
	var large *xlsx.PartTooLargeError
	var tooMuch *xlsx.TooLargeError
	var part *xlsx.PartError
	switch {
	case errors.As(err, &large):
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "", msgSheetTooLarge, large.Size>>20)
		return false
	case errors.As(err, &tooMuch):
		rd.again = tooMuch.Limit < xlsx.MaxInflated
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "", msgInflatesTooMuch, tooMuch.Inflated>>20)
		return false
	case errors.Is(err, xlsx.ErrTooManyRows):
		rd.add(Error, CodeTooLarge, sheet, 0, 0, "", msgTooManyRows, maxSheetRows)
		return false
	case errors.Is(err, xlsx.ErrOutsideGrid):
		rd.add(Error, CodeCorrupt, sheet, 0, 0, "", msgOutsideGrid, sheet)
		return false
	case errors.As(err, &part):
		rd.add(Error, CodeCorrupt, sheet, 0, 0, "", msgSharedStrings, part.Part, sheet, xmlFault(part.Err))
		return false
	case errors.Is(err, xlsx.ErrDTD), errors.Is(err, xlsx.ErrNesting):
		rd.add(Error, CodeCorrupt, sheet, 0, 0, "", msgSheetXML, sheet, xmlFault(err))
		return false
	case err != nil:
		rd.add(Error, CodeCorrupt, sheet, 0, 0, "", msgSheetDamaged, sheet, err.Error())
		return false
	}
	if figureRows == 0 && (role == SheetFigures || role == SheetModels) {
		rd.refuse(CodeNoFigures, sheet, 0, 0, msgNoFigures, sheet)
	}
	return !rd.rejected
}

// newHeader is the header found on row, its maps and cells reused: from the header it replaces
// (old), or from one of a sheet read before (nothing keeps a header once its sheet is read).
func newHeader(old *header, row, code int, cells []xlsx.Cell) *header {
	h := old
	if h == nil {
		h, _ = headers.Get().(*header)
	}
	if h == nil {
		h = &header{cols: map[string][]xlsx.Cell{}, done: map[string]int{}}
	}
	for k, v := range h.cols {
		h.cols[k] = v[:0]
	}
	clear(h.done)
	h.row, h.code, h.cells = row, code, append(h.cells[:0], cells...)
	return h
}

// headers keeps the header rows of sheets read, for the next sheet's.
var headers sync.Pool

// xmlFault says what is wrong with a part's XML (a phrase that follows «it» / the part's name).
func xmlFault(err error) lang.Msg {
	switch {
	case errors.Is(err, xlsx.ErrDTD):
		return wordDTD
	case errors.Is(err, xlsx.ErrNesting):
		return wordNesting
	}
	return wordBadXML.With(err.Error())
}

// column is the column of key under the header, when exactly one visible header cell names it;
// otherwise the return is rejected, naming the sheet and the columns found.
func (rd *reader) column(sheet string, h *header, key string) (int, bool) {
	if col, done := h.done[key]; done {
		return col, col > 0
	}
	h.done[key] = 0
	var vis, hid [4]xlsx.Cell
	visible, hidden := vis[:0], hid[:0]
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
		rd.refuse(CodeValueColumn, sheet, visible[1].Col, h.row, msgSeveralColumns, sheet, name, headerList(visible, h.row))
	case len(hidden) > 0:
		rd.refuse(CodeHidden, sheet, hidden[0].Col, h.row, msgHiddenColumn, name, xlsx.CellName(hidden[0].Col, h.row), sheet)
	default:
		rd.refuse(CodeValueColumn, sheet, h.code, h.row, msgNoColumn, sheet, name, h.row, headerList(h.cells, h.row))
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

// headerRow finds the codes' column of a header row: the first cell that says «Mã», in column A
// (the template's place) or anywhere in a row that also names a column of figures or units.
func headerRow(cells []xlsx.Cell) (int, bool) {
	for i, c := range cells {
		if !maybeCodeHeader(c.Value) || headerAliases[normHeader(c.Value)] != "code" {
			continue
		}
		if c.Col == 1 {
			return 1, true
		}
		for _, o := range cells[i+1:] {
			if len(o.Value) <= 40 {
				if key, ok := headerAliases[normHeader(o.Value)]; ok && key != "code" {
					return c.Col, true
				}
			}
		}
		return 0, false
	}
	return 0, false
}

// normHeader is normName of a cell that may be a column's header: the short ones are the same
// few words in every workbook, remembered.
func normHeader(v string) string {
	if len(v) > 40 {
		return normName(v)
	}
	return normKnown(v)
}

// maybeCodeHeader is a cheap test that lets most cells skip the lookup of headerRow: the headers
// of the codes' column are short words that begin with m or c.
func maybeCodeHeader(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) >= 2 && len(v) <= 12 && (v[0]|0x20 == 'm' || v[0]|0x20 == 'c')
}

func isInfoKey(code string) bool {
	switch code {
	case keyUnit, keyName, keyLevel, keyParent, keyPeriod, keyDate, keyPreparer, keyVersion:
		return true
	}
	return false
}

// nearCode warns about a text in the codes' column that is close to a figure code but is not one
// («hoi vien», «gia_dinh.tongso»): its figure is not read, and the warning names the nearest code.
func (rd *reader) nearCode(sheet string, col, row int, text string) {
	code, ok := rd.nearestCode(text)
	if !ok {
		return
	}
	shown := lang.Printable(strings.TrimSpace(text))
	rd.add(Warning, CodeUnknownCode, sheet, col, row, code, msgUnknownCode, shown, code)
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
