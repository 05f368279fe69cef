package pdf

import (
	"math"

	"codeberg.org/go-pdf/fpdf"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// textWidth is what the widths of a table's columns add up to: the A4 page less the margins, in mm.
const textWidth = 167

// widths are the table's column widths in mm, scaled to the text width if they add up to more or
// less.
func (p *writer) widths(t *report.Table) []float64 {
	sum := 0.0
	for _, c := range t.Columns {
		sum += c.Width
	}
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Width
		if math.Abs(sum-textWidth) > 0.01 && sum > 0 {
			out[i] = c.Width * textWidth / sum
		}
	}
	return out
}

// table draws a bordered table that repeats its header on a new page.
func (p *writer) table(t *report.Table) {
	pdf := p.pdf
	_, pageH := pdf.GetPageSize()
	left := p.leftMargin()
	widths := p.widths(t)
	size := 10.5
	if len(t.Columns) > 5 {
		size = 9.5
	}
	header := func() {
		p.font("B", size)
		pdf.SetFillColor(217, 225, 242)
		lines := 1
		for i, c := range t.Columns {
			lines = max(lines, len(pdf.SplitText(c.Header, widths[i]-2)))
		}
		h := 5.0 * float64(lines)
		x, y := left, pdf.GetY()
		for i, c := range t.Columns {
			pdf.Rect(x, y, widths[i], h+1.5, "FD")
			pdf.SetXY(x+1, y+0.75+(h-5*float64(len(pdf.SplitText(c.Header, widths[i]-2))))/2)
			pdf.MultiCell(widths[i]-2, 5, c.Header, "", "C", false)
			x += widths[i]
		}
		pdf.SetXY(left, y+h+1.5)
	}
	if pdf.GetY()+25 > pageH-20 { // keep the header with its first rows
		pdf.AddPage()
	}
	header()
	const lh = 5.2 // mm per line inside a cell
	for _, row := range t.Rows {
		font := ""
		if row.Style == report.Total {
			font = "B"
		}
		p.font(font, size)
		lines := 1
		for i, c := range row.Cells {
			lines = max(lines, len(pdf.SplitText(c, widths[i]-2)))
		}
		h := lh*float64(lines) + 1.4
		if pdf.GetY()+h > pageH-20 {
			pdf.AddPage()
			header()
			p.font(font, size)
		}
		x, y := left, pdf.GetY()
		for i, c := range row.Cells {
			if row.Style == report.Total {
				pdf.SetFillColor(242, 242, 242)
				pdf.Rect(x, y, widths[i], h, "FD")
			} else {
				pdf.Rect(x, y, widths[i], h, "D")
			}
			if i == len(row.Cells)-1 && row.Style == report.Met {
				pdf.SetTextColor(30, 123, 52)
			} else if i == len(row.Cells)-1 && row.Style == report.Missed {
				pdf.SetTextColor(192, 0, 0)
			}
			pdf.SetXY(x+1, y+0.7)
			pdf.MultiCell(widths[i]-2, lh, c, "", string(t.Columns[i].Align), false)
			pdf.SetTextColor(0, 0, 0)
			x += widths[i]
		}
		pdf.SetXY(left, y+h)
	}
	pdf.SetFillColor(255, 255, 255)
	pdf.Ln(2)
}

// chart draws horizontal bars: each rate's actual value, and its target as a line.
func (p *writer) chart(c *report.Chart) {
	pdf := p.pdf
	const labelW, barW, rowH = 72.0, 80.0, 6.5
	need := 14 + rowH*float64(len(c.Bars))
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+need > pageH-20 {
		pdf.AddPage()
	}
	pdf.Ln(4)
	p.font("B", 11)
	pdf.CellFormat(0, 6, c.Title, "", 1, "C", false, 0, "")
	maxV := 0.0
	for _, b := range c.Bars {
		maxV = math.Max(maxV, math.Max(b.Actual, b.Target))
	}
	scale := barW / math.Max(maxV*1.05, 0.01)
	x0 := p.leftMargin() + labelW
	y := pdf.GetY() + 2
	y0 := y
	p.font("", 9)
	for _, b := range c.Bars {
		pdf.SetXY(p.leftMargin(), y)
		pdf.CellFormat(labelW-2, rowH-1, truncate(pdf, b.Label, labelW-3), "", 0, "R", false, 0, "")
		if b.Met {
			pdf.SetFillColor(47, 85, 151)
		} else {
			pdf.SetFillColor(192, 80, 77)
		}
		pdf.Rect(x0, y+0.8, b.Actual*scale, rowH-2.6, "F")
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetLineWidth(0.6)
		pdf.Line(x0+b.Target*scale, y, x0+b.Target*scale, y+rowH-1)
		pdf.SetLineWidth(0.2)
		pdf.SetXY(x0+math.Max(b.Actual, b.Target)*scale+1.5, y)
		pdf.CellFormat(30, rowH-1, b.Value, "", 0, "L", false, 0, "")
		y += rowH
	}
	pdf.Line(x0, y0, x0, y)
	pdf.SetXY(p.leftMargin(), y+1)
	p.font("I", 9)
	pdf.MultiCell(0, 4.5, c.Legend, "", "C", false)
	pdf.SetFillColor(255, 255, 255)
}

func truncate(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
