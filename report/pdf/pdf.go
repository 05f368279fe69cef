package pdf

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/textfix"
)

const (
	fontFamily = "LiberationSerif"
	lineH      = 6.2 // mm per line of body text
	bodySize   = 13

	// The margins of Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
	topMargin, bottomMargin, leftMargin, rightMargin = 20.0, 20.0, 30.0, 15.0
	listIndent                                       = 5.0
)

// Write lays the document out as an A4 report in the layout of a Vietnamese administrative
// report: association and number top left, national motto top right, place and date, title,
// numbered sections, tables that repeat their header on a new page, the chart, the signature kept
// with the last paragraph. As Nghị định 30/2020 sets it: body in 13 pt Times-metric type, pages
// numbered from the second with a plain number centred at the top, headings kept with what follows,
// no paragraph leaving a single line at the foot or the head of a page. Fonts are embedded; the same
// document gives the same bytes. The Document's PageLabel is not used: the number stands alone.
func Write(w io.Writer, doc *report.Document) error {
	doc, _ = textfix.Document(doc, fontText) // any text: see Prepare
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
	pdf.SetMargins(leftMargin, topMargin, rightMargin)
	pdf.SetAutoPageBreak(true, bottomMargin)
	pdf.SetHeaderFuncMode(func() {
		if n := pdf.PageNo(); n > 1 {
			pdf.SetY(10)
			p.font("", bodySize)
			pdf.CellFormat(0, 6, strconv.Itoa(n), "", 0, "C", false, 0, "")
		}
	}, true)
	pdf.AddPage()
	p.header()
	var prev report.Block
	for i, b := range doc.Blocks {
		var next, after report.Block
		if i+1 < len(doc.Blocks) {
			next = doc.Blocks[i+1]
		}
		if i+2 < len(doc.Blocks) {
			after = doc.Blocks[i+2]
		}
		p.block(b, prev, next, after)
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

// textWidth is the width of a line of body text, in mm.
func (p *writer) textWidth() float64 {
	pageW, _ := p.pdf.GetPageSize()
	left, _, right, _ := p.pdf.GetMargins()
	return pageW - left - right
}

// reserve is what must stay on the page of a paragraph's last lines: the signature, or the
// head of the table or the chart the paragraph introduces.
func (p *writer) reserve(next report.Block) float64 {
	switch next.(type) {
	case *report.Signature, *report.Table, *report.Chart:
		return p.firstHeight(next)
	}
	return 0
}

func (p *writer) block(b, prev, next, after report.Block) {
	switch b := b.(type) {
	case *report.Heading:
		p.heading(b, next, after)
	case *report.Paragraph:
		p.paragraph(b, p.reserve(next))
	case *report.List:
		p.list(b, p.reserve(next))
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

// The head of the report as Nghị định 30/2020 (Phụ lục I) sets it, in pt.
const (
	bodyNameSize = 13 // the parent and the issuing body, capitals: 12–13
	numberSize   = 13 // «Số: …»
	countrySize  = 12 // the Quốc hiệu, bold capitals: 12–13
	mottoSize    = 13 // the Tiêu ngữ, bold: 13–14
	dateSize     = 13 // place and date, italic: 13–14
	kindSize     = 14 // «BÁO CÁO», bold: 13–14
	titleSize    = 13 // the trích yếu, bold: 13–14
	firstIndent  = 12.7
	paraAfter    = 2.2 // mm after a paragraph: 6 pt and a little more
	leftColShare = 0.42
)

// name writes a body's name in capitals, centred in width mm from x, breaking only before the
// name of a place (report.NameLines), at size pt or down to 12 pt when a place is longer than the
// column; it returns the width of the widest line.
func (p *writer) name(s, style string, size, x, width float64) float64 {
	pdf := p.pdf
	s = strings.ToUpper(s)
	var lines []string
	for ; size >= 12; size -= 0.5 {
		p.font(style, size)
		if lines = report.NameLines(s, width-2, pdf.GetStringWidth); lines != nil {
			break
		}
	}
	if lines == nil {
		lines = pdf.SplitText(s, width-2)
	}
	widest := 0.0
	for _, l := range lines {
		pdf.SetX(x)
		pdf.CellFormat(width, size*0.3528*1.25, l, "", 2, "C", false, 0, "")
		widest = math.Max(widest, pdf.GetStringWidth(l))
	}
	return widest
}

func (p *writer) header() {
	h, pdf := p.doc.Header, p.pdf
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	colL, colR := width*leftColShare, width*(1-leftColShare)
	top := pdf.GetY()
	pdf.SetXY(left, top)
	if h.Parent != "" {
		p.name(h.Parent, "", bodyNameSize, left, colL)
	}
	w := p.name(h.Org, "B", bodyNameSize, left, colL)
	yL := pdf.GetY() + 1.2
	lineW := math.Min(w, colL) * 0.4
	pdf.SetLineWidth(0.3)
	pdf.Line(left+colL/2-lineW/2, yL, left+colL/2+lineW/2, yL)

	pdf.SetXY(left+colL, top)
	cSize, mSize := float64(countrySize), float64(mottoSize)
	p.font("B", cSize)
	for cSize > 10 && pdf.GetStringWidth(h.Country) > colR-1 { // the English words are longer
		cSize -= 0.5
		p.font("B", cSize)
	}
	pdf.CellFormat(colR, cSize*0.3528*1.25, h.Country, "", 2, "C", false, 0, "")
	p.font("B", mSize)
	for mSize > 11 && pdf.GetStringWidth(h.Motto) > colR-1 {
		mSize -= 0.5
		p.font("B", mSize)
	}
	pdf.SetX(left + colL)
	pdf.CellFormat(colR, mSize*0.3528*1.3, h.Motto, "", 2, "C", false, 0, "")
	yR := pdf.GetY() + 0.4
	mid, mw := left+colL+colR/2, pdf.GetStringWidth(h.Motto)
	pdf.Line(mid-mw/2, yR, mid+mw/2, yR) // as long as the motto
	pdf.SetLineWidth(0.2)

	// «Số: …» and the place and date on one line, under whichever column is longer.
	y := math.Max(yL, yR) + 2.5
	p.font("", numberSize)
	pdf.SetXY(left, y)
	pdf.CellFormat(colL, 6.5, h.Number, "", 0, "C", false, 0, "")
	p.font("I", dateSize)
	pdf.SetXY(left+colL, y)
	pdf.MultiCell(colR, 6.5, h.PlaceDate, "", "C", false)
	pdf.SetY(math.Max(y+6.5, pdf.GetY()) + 7)

	p.font("B", kindSize)
	pdf.CellFormat(0, 7, h.Kind, "", 1, "C", false, 0, "")
	p.font("B", titleSize)
	for _, line := range h.Title {
		pdf.MultiCell(0, 6.5, line, "", "C", false)
	}
	y = pdf.GetY() + 1.5
	pdf.SetLineWidth(0.3)
	pdf.Line(pageW/2-20, y, pageW/2+20, y)
	pdf.SetLineWidth(0.2)
	pdf.Ln(7)
}

// heading writes a heading on the page of what follows it: when the heading and the first lines
// of the next block do not fit, both go to the next page.
func (p *writer) heading(h *report.Heading, next, after report.Block) {
	p.font("B", bodySize)
	need := 2 + float64(len(p.pdf.SplitText(h.Text, p.textWidth())))*(lineH+0.6) + 1
	if next != nil {
		need += p.firstHeight(next)
		if short, ok := next.(*report.Paragraph); ok && p.lines(short) <= 3 {
			need += p.reserve(after) // a paragraph that cannot break keeps what it keeps with
		}
	}
	if !p.atTop() && p.pdf.GetY()+need > p.bottom() {
		p.pdf.AddPage()
	}
	switch h.Level {
	case 0:
		p.font("B", bodySize)
		p.pdf.MultiCell(0, 7, h.Text, "", "C", false)
		return
	case 2:
		p.pdf.Ln(1)
		p.font("BI", bodySize)
		p.pdf.SetX(p.leftMargin() - p.pdf.GetCellMargin()) // flush with the body text
		p.pdf.MultiCell(0, lineH+0.6, h.Text, "", "L", false)
		p.pdf.Ln(1)
		return
	}
	p.pdf.Ln(2)
	p.font("B", bodySize)
	p.pdf.SetX(p.leftMargin() - p.pdf.GetCellMargin())
	p.pdf.MultiCell(0, lineH+0.6, h.Number+". "+h.Text, "", "L", false)
	p.pdf.Ln(1)
}

func (p *writer) paragraph(para *report.Paragraph, reserve float64) {
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
		p.flow(p.wrap(para.Runs, bodySize, p.textWidth(), firstIndent), p.leftMargin(), p.textWidth(), bodySize, lineH, reserve, "J")
		p.pdf.Ln(paraAfter)
	}
}

// list writes a "-" list, each item hanging after its dash, kept together like a paragraph; the
// last item keeps reserve mm below it.
func (p *writer) list(l *report.List, reserve float64) {
	width := p.textWidth() - listIndent
	for i, item := range l.Items {
		lines := p.wrap(item, bodySize, width, 0)
		if len(lines) == 0 {
			continue
		}
		r := 0.0
		if i == len(l.Items)-1 {
			r = reserve
		}
		x := p.leftMargin() + listIndent
		p.flowWith(lines, x, width, bodySize, lineH, r+paraAfter-1, "J", func(i int) {
			if i == 0 { // the dash beside the item's first line, wherever the page breaks
				p.font("", bodySize)
				_, unit := p.pdf.GetFontSize()
				p.pdf.Text(p.leftMargin(), p.pdf.GetY()+0.5*lineH+0.3*unit, "-")
			}
		})
	}
	p.pdf.Ln(1)
}

// The signature block: «Nơi nhận:» bold italic 12 pt and its lines 11 pt on the left, who signs
// on the right in bold capitals 13 pt, the name in bold under the space to sign.
const (
	recipientsW = 88.0 // mm: the left column, a usual recipient on one line
	toSize      = 11
	toLineH     = 4.8
	signerSize  = 13
)

// toLine is a line of «Nơi nhận»: an item's first line, or a line after it, set after the dash.
type toLine struct {
	text string
	hang bool
}

// recipientLines are the lines of «Nơi nhận», each item wrapped under its own text after the dash.
func (p *writer) recipientLines(s *report.Signature) []toLine {
	p.font("", toSize)
	var out []toLine
	hang := p.pdf.GetStringWidth("- ")
	for _, to := range s.To {
		for i, l := range p.pdf.SplitText(to, recipientsW-2-hang) {
			out = append(out, toLine{l, i > 0})
		}
	}
	return out
}

// signatureHeight is the height of the signature block: the space above it, the recipients on
// the left, the signer's title, the space to sign and the name on the right.
func (p *writer) signatureHeight(s *report.Signature) float64 {
	return 6 + math.Max(5+toLineH*float64(len(p.recipientLines(s))), 6*float64(len(s.Signer))+26)
}

// signature writes the recipients and the signer. The paragraph before it has kept room for it
// (see reserve), so it goes to a page of its own only after a table or a chart.
func (p *writer) signature(s *report.Signature) {
	pdf := p.pdf
	if pdf.GetY()+p.signatureHeight(s) > p.bottom() {
		pdf.AddPage()
	}
	if !p.atTop() {
		pdf.Ln(6)
	}
	y := pdf.GetY()
	left := p.leftMargin()
	colR := p.textWidth() - recipientsW
	left -= pdf.GetCellMargin() // the text, not its cell, at the margin
	p.font("BI", 12)
	pdf.SetXY(left, y)
	pdf.CellFormat(recipientsW, 5, s.Recipients, "", 2, "L", false, 0, "")
	p.font("", toSize)
	hang := pdf.GetStringWidth("- ")
	for _, l := range p.recipientLines(s) {
		x := left
		if l.hang {
			x = left + hang
		}
		pdf.SetX(x)
		pdf.CellFormat(recipientsW, toLineH, l.text, "", 2, "L", false, 0, "")
	}
	yL := pdf.GetY()
	left = p.leftMargin()
	pdf.SetXY(left+recipientsW, y)
	p.font("B", signerSize)
	for i, l := range s.Signer {
		if i > 0 {
			pdf.SetX(left + recipientsW)
		}
		pdf.CellFormat(colR, 6, strings.ToUpper(l), "", 2, "C", false, 0, "")
	}
	if s.Name != "" {
		pdf.SetXY(left+recipientsW, pdf.GetY()+20)
		pdf.CellFormat(colR, 6, s.Name, "", 2, "C", false, 0, "")
	}
	pdf.SetY(math.Max(math.Max(pdf.GetY()+22, y+30), yL))
}
