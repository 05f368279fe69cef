package pdf

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

const (
	fontFamily = "LiberationSerif"
	lineH      = 6.2 // mm per line of body text
	bodySize   = 13
)

// Write lays the document out as an A4 report in the layout of a Vietnamese administrative
// report: association and number top left, national motto top right, place and date, title,
// numbered sections, tables that repeat their header on a new page, the chart, the signature kept
// with the last paragraph, page numbers from "{nb}" pages. Fonts are embedded; the same document
// gives the same bytes.
func Write(w io.Writer, doc *report.Document) error {
	p := &writer{doc: doc, pdf: fpdf.New("P", "mm", "A4", "")}
	pdf := p.pdf
	pdf.AddUTF8FontFromBytes(fontFamily, "", liberationserifregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", liberationserifbold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", liberationserifitalic.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "BI", liberationserifbolditalic.TTF)
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if !doc.Date.IsZero() {
		stamp = doc.Date
	}
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(doc.Title, true)
	pdf.SetAuthor(doc.Author, true)
	pdf.SetCreator("khuyenhoc", true)
	pdf.SetMargins(25, 18, 18)
	pdf.SetAutoPageBreak(true, 18)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-13)
		pdf.SetFont(fontFamily, "I", 10)
		pdf.CellFormat(0, 6, fmt.Sprintf("%s %d/{nb}", doc.PageLabel, pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p.header()
	var prev report.Block
	for _, b := range doc.Blocks {
		p.block(b, prev)
		prev = b
	}
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

type writer struct {
	doc *report.Document
	pdf *fpdf.Fpdf
}

func (p *writer) font(style string, size float64) { p.pdf.SetFont(fontFamily, style, size) }

func (p *writer) leftMargin() float64 {
	l, _, _, _ := p.pdf.GetMargins()
	return l
}

func (p *writer) block(b, prev report.Block) {
	switch b := b.(type) {
	case *report.Heading:
		p.heading(b)
	case *report.Paragraph:
		p.paragraph(b)
	case *report.List:
		p.list(b)
	case *report.Table:
		// A little air between a sentence and the table it introduces.
		if para, ok := prev.(*report.Paragraph); ok && para.Style == report.Body {
			p.pdf.Ln(2)
		}
		p.table(b)
	case *report.Chart:
		p.chart(b)
	case *report.Signature:
		p.signature(b)
	case *report.PageBreak:
		p.pdf.AddPage()
	}
}

func (p *writer) header() {
	h, pdf := p.doc.Header, p.pdf
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	colL, colR := width*0.45, width*0.55
	top := pdf.GetY()
	pdf.SetXY(left, top)
	if h.Parent != "" {
		p.font("", 11)
		pdf.MultiCell(colL, 5.5, strings.ToUpper(h.Parent), "", "C", false)
		pdf.SetX(left)
	}
	p.font("B", 11)
	pdf.MultiCell(colL, 5.5, strings.ToUpper(h.Org), "", "C", false)
	yL := pdf.GetY()
	pdf.Line(left+colL*0.3, yL+0.8, left+colL*0.7, yL+0.8)
	p.font("", 12)
	pdf.SetXY(left, yL+2)
	pdf.CellFormat(colL, 6, h.Number, "", 2, "C", false, 0, "")
	yL = pdf.GetY()

	pdf.SetXY(left+colL, top)
	countrySize, mottoSize := 12.0, 13.0
	if p.doc.Lang == lang.En { // the English words are longer
		countrySize, mottoSize = 11, 12
	}
	p.font("B", countrySize)
	pdf.CellFormat(colR, 5.5, h.Country, "", 2, "C", false, 0, "")
	p.font("B", mottoSize)
	pdf.SetX(left + colL)
	pdf.CellFormat(colR, 6, h.Motto, "", 2, "C", false, 0, "")
	yR := pdf.GetY()
	mid := left + colL + colR/2
	pdf.Line(mid-27, yR+0.5, mid+27, yR+0.5)
	pdf.SetXY(left+colL, yR+3)
	p.font("I", 12)
	pdf.CellFormat(colR, 6, h.PlaceDate, "", 2, "C", false, 0, "")
	pdf.SetY(math.Max(yL, pdf.GetY()) + 8)

	p.font("B", 14)
	pdf.CellFormat(0, 7, h.Kind, "", 1, "C", false, 0, "")
	p.font("B", 13)
	for _, line := range h.Title {
		pdf.MultiCell(0, 6.5, line, "", "C", false)
	}
	y := pdf.GetY() + 1
	pdf.Line(pageW/2-20, y, pageW/2+20, y)
	pdf.Ln(6)
}

func (p *writer) heading(h *report.Heading) {
	switch h.Level {
	case 0:
		p.font("B", bodySize)
		p.pdf.MultiCell(0, 7, h.Text, "", "C", false)
		return
	case 2:
		p.pdf.Ln(1)
		p.font("BI", bodySize)
		p.pdf.MultiCell(0, lineH+0.6, h.Text, "", "L", false)
		p.pdf.Ln(1)
		return
	}
	p.pdf.Ln(2)
	p.font("B", bodySize)
	p.pdf.MultiCell(0, lineH+0.6, h.Number+". "+h.Text, "", "L", false)
	p.pdf.Ln(1)
}

func (p *writer) paragraph(para *report.Paragraph) {
	text := para.Text()
	switch para.Style {
	case report.Note:
		p.font("I", 10)
		p.pdf.MultiCell(0, 5, text, "", "L", false)
	case report.Caption:
		p.font("I", 11)
		p.pdf.MultiCell(0, 6, text, "", "C", false)
		p.pdf.Ln(3)
	default:
		if text == "" {
			return
		}
		p.pdf.SetX(p.leftMargin())
		if styled(para.Runs) {
			p.runs(para.Runs)
		} else {
			p.font("", bodySize)
			p.pdf.MultiCell(0, lineH, text, "", "J", false)
		}
		p.pdf.Ln(1)
	}
}

func styled(runs []report.Run) bool {
	for _, r := range runs {
		if r.Bold || r.Italic {
			return true
		}
	}
	return false
}

// runs writes runs in their styles as flowing text, left aligned (fpdf justifies only text of
// one style), and ends the line.
func (p *writer) runs(runs []report.Run) {
	for _, r := range runs {
		style := ""
		if r.Bold {
			style += "B"
		}
		if r.Italic {
			style += "I"
		}
		p.font(style, bodySize)
		p.pdf.Write(lineH, r.Text)
	}
	p.pdf.Ln(lineH)
}

// list writes a "-" list, each item hanging after its dash.
func (p *writer) list(l *report.List) {
	const indent = 5.0
	for _, item := range l.Items {
		p.font("", bodySize)
		p.pdf.SetX(p.leftMargin())
		p.pdf.CellFormat(indent, lineH, "-", "", 0, "L", false, 0, "")
		if styled(item) {
			left, top, right, _ := p.pdf.GetMargins()
			p.pdf.SetLeftMargin(left + indent) // Write wraps to the left margin
			p.runs(item)
			p.pdf.SetMargins(left, top, right)
		} else {
			p.pdf.MultiCell(0, lineH, report.RunsText(item), "", "J", false)
		}
	}
	p.pdf.Ln(1)
}

func (p *writer) signature(s *report.Signature) {
	pdf := p.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+40 > pageH-20 {
		pdf.AddPage()
	}
	pdf.Ln(6)
	y := pdf.GetY()
	left := p.leftMargin()
	p.font("BI", 11)
	pdf.SetXY(left, y)
	pdf.CellFormat(70, 5, s.Recipients, "", 2, "L", false, 0, "")
	p.font("", 10)
	for _, l := range s.To {
		pdf.SetX(left)
		pdf.CellFormat(70, 4.8, l, "", 2, "L", false, 0, "")
	}
	pdf.SetXY(left+85, y)
	p.font("B", 12)
	for i, l := range s.Signer {
		if i > 0 {
			pdf.SetX(left + 85)
		}
		pdf.CellFormat(82, 6, l, "", 2, "C", false, 0, "")
	}
	if s.Name != "" {
		pdf.SetXY(left+85, pdf.GetY()+20)
		pdf.CellFormat(82, 6, s.Name, "", 2, "C", false, 0, "")
	}
	pdf.SetY(math.Max(pdf.GetY()+22, y+30))
}
