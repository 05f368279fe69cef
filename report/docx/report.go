package docx

import (
	"io"
	"strings"

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
	d := &Document{}
	d.header(doc.Header)
	for i, b := range doc.Blocks {
		last := i+1 < len(doc.Blocks) && isSignature(doc.Blocks[i+1])
		if err := d.block(b, last); err != nil {
			return err
		}
	}
	return d.Write(w, Page{FontSize: 14, Top: 20, Bottom: 20, Left: 30, Right: 15, Title: doc.Title, Creator: doc.Author, Created: doc.Date})
}

func isSignature(b report.Block) bool { _, ok := b.(*report.Signature); return ok }

func (d *Document) header(h report.Header) {
	var left, right []Paragraph
	// Nghị định 30: the bodies' names and the country in capitals, 12–13 pt; the motto 13–14 pt.
	if h.Parent != "" {
		left = append(left, Paragraph{Align: Center, After: 0, Runs: []Run{{Text: strings.ToUpper(h.Parent), Size: 12}}})
	}
	left = append(left,
		Paragraph{Align: Center, After: 0, Runs: []Run{{Text: strings.ToUpper(h.Org), Bold: true, Size: 12}}},
		Paragraph{Align: Center, Before: 6, Runs: []Run{{Text: h.Number, Size: 13}}})
	right = append(right,
		Paragraph{Align: Center, After: 0, Runs: []Run{{Text: h.Country, Bold: true, Size: 12}}},
		Paragraph{Align: Center, After: 0, Runs: []Run{{Text: h.Motto, Bold: true, Size: 13}}},
		Paragraph{Align: Center, Before: 6, Runs: []Run{{Text: h.PlaceDate, Italic: true, Size: 13}}})
	const leftW = 68.0
	d.Add(Table{Rows: [][]Cell{{{Paragraphs: left, Width: leftW}, {Paragraphs: right, Width: textWidth - leftW}}}})
	d.Add(Paragraph{Align: Center, Before: 12, KeepNext: true, Runs: []Run{{Text: h.Kind, Bold: true}}})
	for _, line := range h.Title {
		d.Add(Paragraph{Align: Center, KeepNext: true, Runs: []Run{{Text: line, Bold: true}}})
	}
	d.Add(Paragraph{Align: Center, Runs: []Run{{Text: "———"}}})
}

func (d *Document) block(b report.Block, beforeSignature bool) error {
	switch v := b.(type) {
	case *report.Heading:
		p := Paragraph{Heading: 1, Runs: []Run{{Text: headingText(v)}}}
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
			p.Indent, p.Align = 10, Justify
		}
		d.Add(p)
	case *report.List:
		for i, item := range v.Items {
			d.Add(Paragraph{Bullet: true, KeepLines: true, KeepNext: beforeSignature && i == len(v.Items)-1, Runs: runs(item)})
		}
	case *report.Table:
		d.Add(table(v))
	case *report.Chart:
		pic, w, h, err := chartPNG(v)
		if err != nil {
			return err
		}
		d.Add(Paragraph{Align: Center, KeepNext: true, Runs: []Run{{Text: v.Title, Bold: true, Size: 12}}},
			Image{PNG: pic, Width: w, Height: h, Align: Center})
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
	scale := 1.0
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	if total > 0 {
		scale = textWidth / total
	}
	align := map[report.Align]Align{report.Left: Left, report.Right: Right, report.Center: Center}
	header := make([]Cell, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = Cell{Width: c.Width * scale, Shade: "D9E1F2", Paragraphs: []Paragraph{{Align: Center, Runs: []Run{{Text: c.Header, Bold: true, Size: 12}}}}}
	}
	out := Table{HeaderRows: 1, Borders: true, Rows: [][]Cell{header}}
	for _, r := range t.Rows {
		row := make([]Cell, len(t.Columns))
		for i, c := range t.Columns {
			text := ""
			if i < len(r.Cells) {
				text = r.Cells[i]
			}
			run := Run{Text: text, Size: 12, Bold: r.Style == report.Total}
			if i == len(t.Columns)-1 && (r.Style == report.Met || r.Style == report.Missed) {
				run.Bold = true
			}
			row[i] = Cell{Width: c.Width * scale, Paragraphs: []Paragraph{{Align: align[c.Align], Runs: []Run{run}}}}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// signature is the recipients on the left and who signs on the right, in a table whose rows stay
// together and with the paragraph before it.
func signature(s *report.Signature) Table {
	left := []Paragraph{{Runs: []Run{{Text: s.Recipients, Bold: true, Italic: true, Size: 12}}}}
	for _, to := range s.To {
		left = append(left, Paragraph{After: 0, Runs: []Run{{Text: to, Size: 11}}})
	}
	var right []Paragraph
	for _, l := range s.Signer {
		right = append(right, Paragraph{Align: Center, After: 0, Runs: []Run{{Text: l, Bold: true}}})
	}
	right = append(right, Paragraph{Before: 60, Align: Center, Runs: []Run{{Text: s.Name, Bold: true}}})
	return Table{KeepRows: true, Rows: [][]Cell{{{Paragraphs: left, Width: 75}, {Paragraphs: right, Width: textWidth - 75}}}}
}
