package docx

import (
	"io"
	"strings"

	"golang.org/x/image/font"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/textfix"
)

// Text width of the page, mm: A4 less the margins of Nghị định 30 (left 30, right 15).
const textWidth = 165.0

// WriteReport lays the report's document out as an editable Word file, the same content and
// order as the PDF: the heading of an administrative report, numbered sections, tables whose
// header repeats on a new page, the chart as a picture, the signature kept with the last
// paragraph, page numbers at the top from page 2.
func WriteReport(w io.Writer, doc *report.Document) error {
	doc, _ = textfix.Document(doc, xmlText) // any text: see Prepare
	d := &Document{lang: doc.Lang}
	d.header(doc.Header)
	for i, b := range doc.Blocks {
		last := i+1 < len(doc.Blocks) && isSignature(doc.Blocks[i+1])
		if err := d.block(b, last); err != nil {
			return err
		}
	}
	return d.Write(w, Page{FontSize: 13, Top: 20, Bottom: 20, Left: 30, Right: 15, Title: doc.Title, Creator: doc.Author, Created: doc.Date})
}

func isSignature(b report.Block) bool { _, ok := b.(*report.Signature); return ok }

// The head and the signature as Nghị định 30/2020 (Phụ lục I) sets them, and as the PDF writes
// them: sizes in pt, the left column 42% of the text width.
const (
	leftW      = textWidth * 0.42
	cellMargin = 1.0 // mm each side of a cell's text (57 twips)
	recipW     = 88.0
)

// nameLines are a body's name in capitals on lines that break only before a place's name, at 13 pt
// or smaller down to 12 when a place is longer than the column; joined by line breaks.
func nameLines(name string, bold bool) (string, float64) {
	name = strings.ToUpper(name)
	fs, err := fonts()
	if err != nil {
		return name, 13
	}
	f := &faces{fonts: fs, made: map[[2]float64]font.Face{}}
	for size := 13.0; size >= 12; size -= 0.5 {
		measure := func(s string) float64 {
			return float64(font.MeasureString(f.face(size, bold, false), s)) / 64 / pxPerMM
		}
		if lines := report.NameLines(name, leftW-2*cellMargin-1, measure); lines != nil {
			return strings.Join(lines, "\n"), size
		}
	}
	return name, 12
}

func (d *Document) header(h report.Header) {
	var left, right []Paragraph
	if h.Parent != "" {
		text, size := nameLines(h.Parent, false)
		left = append(left, Paragraph{Align: Center, Tight: true, Runs: []Run{{Text: text, Size: size}}})
	}
	text, size := nameLines(h.Org, true)
	left = append(left,
		Paragraph{Align: Center, Tight: true, Runs: []Run{{Text: text, Bold: true, Size: size}}},
		Paragraph{Rule: leftW * 0.3, RuleIn: leftW - 2*cellMargin})
	right = append(right,
		Paragraph{Align: Center, Tight: true, Runs: []Run{{Text: h.Country, Bold: true, Size: 12}}},
		Paragraph{Align: Center, Tight: true, Runs: []Run{{Text: h.Motto, Bold: true, Size: 13}}},
		Paragraph{Rule: mottoWidth(h.Motto), RuleIn: textWidth - leftW - 2*cellMargin})
	// «Số» and the place and date on a row of their own, so that they stand on one line.
	d.Add(Table{Rows: [][]Cell{
		{{Paragraphs: left, Width: leftW}, {Paragraphs: right, Width: textWidth - leftW}},
		{{Paragraphs: []Paragraph{{Align: Center, Before: 6, Runs: []Run{{Text: h.Number, Size: 13}}}}, Width: leftW},
			{Paragraphs: []Paragraph{{Align: Center, Before: 6, Runs: []Run{{Text: h.PlaceDate, Italic: true, Size: 13}}}}, Width: textWidth - leftW}},
	}})
	d.Add(Paragraph{Align: Center, Before: 12, After: 0.1, KeepNext: true, Runs: []Run{{Text: h.Kind, Bold: true, Size: 14}}})
	for _, line := range h.Title {
		d.Add(Paragraph{Align: Center, Tight: true, KeepNext: true, Runs: []Run{{Text: line, Bold: true, Size: 13}}})
	}
	d.Add(Paragraph{Rule: 40, RuleIn: textWidth}, Paragraph{Tight: true, After: 6})
}

// mottoWidth is the width of the motto in 13 pt bold, mm: the line under it is as long.
func mottoWidth(motto string) float64 {
	fs, err := fonts()
	if err != nil {
		return 60
	}
	f := &faces{fonts: fs, made: map[[2]float64]font.Face{}}
	return float64(font.MeasureString(f.face(13, true, false), motto)) / 64 / pxPerMM
}

func (d *Document) block(b report.Block, beforeSignature bool) error {
	switch v := b.(type) {
	case *report.Heading:
		p := Paragraph{Heading: 1, KeepNext: true, Runs: []Run{{Text: headingText(v)}}}
		switch v.Level {
		case 0:
			p = Paragraph{Align: Center, KeepNext: true, Before: 12, Runs: []Run{{Text: v.Text, Bold: true}}}
		case 2:
			p.Heading = 2
		}
		d.Add(p)
	case *report.Paragraph:
		p := Paragraph{Runs: runs(v.Runs), KeepLines: true, KeepNext: beforeSignature}
		switch v.Style {
		case report.Note:
			for i := range p.Runs {
				p.Runs[i].Italic, p.Runs[i].Size = true, 11
			}
		case report.Caption:
			p.Align = Center
		default:
			p.Indent, p.Align = 12.7, Justify
		}
		d.Add(p)
	case *report.List:
		for i, item := range v.Items {
			d.Add(Paragraph{Bullet: true, KeepLines: true, KeepNext: beforeSignature && i == len(v.Items)-1, Runs: runs(item)})
		}
	case *report.Table:
		d.Add(table(v))
	case *report.Chart:
		pics, err := chartPNGs(v)
		if err != nil {
			return err
		}
		for _, pic := range pics {
			d.Add(pic)
		}
	case *report.Signature:
		d.Add(signature(v))
	case *report.PageBreak:
		d.Add(Paragraph{PageBreak: true})
	}
	return nil
}

func headingText(h *report.Heading) string {
	if h.Number != "" {
		return h.Number + ". " + h.Text
	}
	return h.Text
}

func runs(rs []report.Run) []Run {
	out := make([]Run, len(rs))
	for i, r := range rs {
		out[i] = Run{Text: r.Text, Bold: r.Bold, Italic: r.Italic}
	}
	return out
}

func table(t *report.Table) Table {
	size := 10.5
	if len(t.Columns) > 5 {
		size = 9.5
	}
	measure := func(s string) float64 { return float64(len([]rune(s))) * size * 0.3528 * 0.55 } // an estimate, should the font not load
	if fs, err := fonts(); err == nil {
		f := &faces{fonts: fs, made: map[[2]float64]font.Face{}}
		measure = func(s string) float64 {
			return float64(font.MeasureString(f.face(size, true, false), s)) / 64 / pxPerMM
		}
	}
	widths := report.ColumnWidths(t, textWidth, 2*cellMargin+0.6, measure)
	align := map[report.Align]Align{report.Left: Left, report.Right: Right, report.Center: Center}
	header := make([]Cell, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = Cell{Width: widths[i], Shade: "D9E1F2", Paragraphs: []Paragraph{{Align: Center, Before: 2, After: 2, Runs: []Run{{Text: c.Header, Bold: true, Size: size}}}}}
	}
	out := Table{HeaderRows: 1, Borders: true, Rows: [][]Cell{header}}
	for _, r := range t.Rows {
		row := make([]Cell, len(t.Columns))
		for i, c := range t.Columns {
			text := ""
			if i < len(r.Cells) {
				text = r.Cells[i]
			}
			// A number with its sign or unit is held together by no-break spaces («≥ 45 tỷ»).
			text = strings.Join(mapTokens(report.Tokens(text)), " ")
			run := Run{Text: text, Size: size, Bold: r.Style == report.Total}
			if i == len(t.Columns)-1 && (r.Style == report.Met || r.Style == report.Missed) {
				run.Bold = true
			}
			row[i] = Cell{Width: widths[i], Paragraphs: []Paragraph{{Align: align[c.Align], Before: 1.5, After: 1.5, Runs: []Run{run}}}}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func mapTokens(toks []string) []string {
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(t, " ", "\u00a0")
	}
	return toks
}

// signature is the recipients on the left and who signs on the right, in a table whose rows stay
// together and with the paragraph before it: «Nơi nhận:» bold italic 12 pt, its lines 11 pt left
// aligned, each wrapped under its text after the dash; the signer's title in bold capitals and
// the name in bold, 13 pt.
func signature(s *report.Signature) Table {
	left := []Paragraph{{Align: Left, Before: 12, Runs: []Run{{Text: s.Recipients, Bold: true, Italic: true, Size: 12}}}}
	for _, to := range s.To {
		left = append(left, Paragraph{Align: Left, Tight: true, Hanging: 2.2, Runs: []Run{{Text: to, Size: 11}}})
	}
	var right []Paragraph
	for i, l := range s.Signer {
		p := Paragraph{Align: Center, Tight: true, Runs: []Run{{Text: strings.ToUpper(l), Bold: true, Size: 13}}}
		if i == 0 {
			p.Before = 12 // as the recipients: the space above the signature
		}
		right = append(right, p)
	}
	right = append(right, Paragraph{Before: 72, Align: Center, Runs: []Run{{Text: s.Name, Bold: true, Size: 13}}})
	return Table{KeepRows: true, Rows: [][]Cell{{{Paragraphs: left, Width: recipW}, {Paragraphs: right, Width: textWidth - recipW}}}}
}
