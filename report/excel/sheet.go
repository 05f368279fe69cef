package excel

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsxwrite"
)

// fixImageContentTypes lists the image content types in a fixed order before a chart is added:
// excelize adds the ones missing from a map, in random order, which would make two runs of the same
// report differ.
func fixImageContentTypes(f *excelize.File) {
	ct := f.ContentTypes
	if ct == nil || len(ct.Defaults) == 0 {
		return
	}
	for _, ext := range []string{"bmp", "emf", "emz", "gif", "ico", "jpeg", "png", "svg", "tiff", "wmf", "wmz"} {
		prefix := "image/"
		switch ext {
		case "ico", "emf", "wmf", "emz", "wmz":
			prefix = "image/x-"
		}
		entry := ct.Defaults[0]
		entry.Extension, entry.ContentType = ext, prefix+ext
		ct.Defaults = append(ct.Defaults, entry)
	}
}

func (x *xlsxReport) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold, Color: color}
	}
	intFmt, pctFmt := "#,##0", "0.00%"
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	specs := []struct {
		dst *int
		st  excelize.Style
	}{
		{&x.s.title, excelize.Style{Font: font(true, 14, ""), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.s.bold, excelize.Style{Font: font(true, 11, "")}},
		{&x.s.header, excelize.Style{Font: font(true, 11, ""), Fill: fill("D9E1F2"), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		// A figure's code above its label: never broken, shrunk to fit its column when it is long.
		{&x.s.code, excelize.Style{Font: font(true, 9, "595959"), Fill: fill("D9E1F2"), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", ShrinkToFit: true}}},
		{&x.s.codeCell, excelize.Style{Font: font(false, 10, "595959"), Border: border, Alignment: &excelize.Alignment{Vertical: "center", ShrinkToFit: true}}},
		{&x.s.text, excelize.Style{Font: font(false, 11, ""), Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.s.integer, excelize.Style{Font: font(false, 11, ""), Border: border, CustomNumFmt: &intFmt}},
		{&x.s.pct, excelize.Style{Font: font(false, 11, ""), Border: border, CustomNumFmt: &pctFmt}},
		{&x.s.totalText, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2")}},
		{&x.s.totalInt, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2"), CustomNumFmt: &intFmt}},
		{&x.s.totalPct, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2"), CustomNumFmt: &pctFmt}},
		{&x.s.met, excelize.Style{Font: font(true, 11, "1E7B34"), Border: border}},
		{&x.s.missed, excelize.Style{Font: font(true, 11, "C00000"), Border: border}},
	}
	for _, sp := range specs {
		id, err := x.f.NewStyle(&sp.st)
		if err != nil {
			return err
		}
		*sp.dst = id
	}
	return nil
}

// sheet streams rows into one sheet.
type sheet struct {
	x      *xlsxReport
	name   string
	sw     *excelize.StreamWriter
	widths []float64
	row    int
	err    error
	// titleFrom is the first of the header rows that print on every page (1 unless the sheet
	// starts with a title block).
	titleFrom int
}

// stream starts a streamed sheet of rows rows and len(widths) columns, printed landscape on as
// many pages as it needs. The used range is set first (readers such as openpyxl's read-only mode
// read no further than it), so rows must be the number of rows the sheet gets.
func (x *xlsxReport) stream(name string, rows int, widths ...float64) (*sheet, error) {
	last, _ := excelize.CoordinatesToCellName(max(len(widths), 1), max(rows, 1))
	if err := x.f.SetSheetDimension(name, "A1:"+last); err != nil {
		return nil, err
	}
	// A sheet a little wider than a landscape page prints one page wide, shrunk; a wider one at
	// its own size over as many pages as it needs.
	if err := xlsxwrite.PrintAt(x.f, name, true, xlsxwrite.Scale(widths, true)); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	return &sheet{x: x, name: name, sw: sw, widths: widths, titleFrom: 1}, nil
}

// add writes the next row, as tall as its wrapped text needs: spreadsheet programs do not grow a
// row for text wrapped in a written file, and text in a row too short overlaps its neighbours.
func (s *sheet) add(cells ...any) {
	s.row++
	if s.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	lines := 1
	for i, c := range cells {
		if i >= len(s.widths) {
			break
		}
		c, ok := c.(excelize.Cell)
		text, isText := c.Value.(string)
		if !ok || !isText || (c.StyleID != s.x.s.text && c.StyleID != s.x.s.header) {
			continue
		}
		perLine := s.widths[i] * 1.1 // characters of Times New Roman 11 pt in a column this wide
		if c.StyleID == s.x.s.header {
			perLine = s.widths[i] // bold is wider
		}
		lines = max(lines, wrappedLines(text, perLine))
	}
	if lines > 1 {
		s.err = s.sw.SetRow(cell, cells, excelize.RowOpts{Height: min(409, 2+14.5*float64(lines))})
		return
	}
	s.err = s.sw.SetRow(cell, cells)
}

// addTall writes the next row as tall as lines lines of 14 pt text.
func (s *sheet) addTall(lines int, cells ...any) {
	s.row++
	if s.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	s.err = s.sw.SetRow(cell, cells, excelize.RowOpts{Height: 2 + 18.5*float64(lines)})
}

// wrappedLines is how many lines text takes when wrapped at spaces to lines of perLine
// characters; a word longer than a line takes the lines it fills.
func wrappedLines(text string, perLine float64) int {
	width := max(1, int(perLine)-1) // a character's room for the cell's padding
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		cur := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case cur == 0:
				cur = l
			case cur+1+l <= width:
				cur += 1 + l
			default:
				n++
				cur = l
			}
			for cur > width {
				n++
				cur -= width
			}
		}
	}
	return n
}

// freeze keeps the first rows and cols in view on screen, and prints them on every page (the
// rows from titleFrom).
func (s *sheet) freeze(rows, cols int) {
	if s.err != nil || rows+cols == 0 {
		return
	}
	tl, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	s.err = s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: tl, ActivePane: "bottomRight"})
	if s.err == nil {
		s.err = xlsxwrite.PrintTitles(s.x.f, s.name, s.titleFrom, rows, cols)
	}
}

func (s *sheet) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.sw.Flush()
}

func (x *xlsxReport) c(v any, style int) excelize.Cell {
	return excelize.Cell{Value: v, StyleID: style}
}

// value is a figure's cell: a number with the figure's format, or "not available" as text.
func (x *xlsxReport) value(f *ingest.Figure, t *rollup.Totals, total bool) excelize.Cell {
	if t == nil {
		return x.c(nil, x.s.text)
	}
	v, ok := t.Get(f)
	if !ok {
		return x.c(lang.NotAvailable(x.facts.Lang), x.s.text)
	}
	return x.number(f, v, total)
}

func (x *xlsxReport) number(f *ingest.Figure, v float64, total bool) excelize.Cell {
	switch {
	case f.Kind == ingest.Percent && total:
		return x.c(round4(v), x.s.totalPct)
	case f.Kind == ingest.Percent:
		return x.c(round4(v), x.s.pct)
	case total:
		return x.c(int64(math.Round(v)), x.s.totalInt)
	}
	return x.c(int64(math.Round(v)), x.s.integer)
}

// round4 keeps a ratio to four decimals (two of a percentage): what the sheet shows.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
