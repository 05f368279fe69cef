package pdf

import (
	"math"
	"sort"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// widths are the table's column widths in mm, scaled to the text width if they add up to more or
// less (a Document gives them for 167 mm; the margins of Nghị định 30 leave 165).
func (p *writer) widths(t *report.Table) []float64 {
	textWidth := p.textWidth()
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
	left := p.leftMargin()
	widths := p.widths(t)
	size := 10.5
	if len(t.Columns) > 5 {
		size = 9.5
	}
	// Each header is set in a size at which its longest word fits its column, so that lines
	// break between words ("Learning / communities"), never inside one.
	sizes := make([]float64, len(t.Columns))
	heads := make([][]string, len(t.Columns))
	lines := 1
	for i, c := range t.Columns {
		sizes[i] = size
		for sizes[i] > 6.5 && !p.wordsFit(c.Header, "B", sizes[i], widths[i]-2) {
			sizes[i] -= 0.5
		}
		p.font("B", sizes[i])
		heads[i] = pdf.SplitText(c.Header, widths[i]-2)
		lines = max(lines, len(heads[i]))
	}
	header := func() {
		pdf.SetFillColor(217, 225, 242)
		h := 5.0 * float64(lines)
		x, y := left, pdf.GetY()
		for i := range t.Columns {
			p.font("B", sizes[i])
			pdf.Rect(x, y, widths[i], h+1.5, "FD")
			pdf.SetXY(x+1, y+0.75+(h-5*float64(len(heads[i])))/2)
			pdf.MultiCell(widths[i]-2, 5, strings.Join(heads[i], "\n"), "", "C", false)
			x += widths[i]
		}
		pdf.SetXY(left, y+h+1.5)
	}
	if !p.atTop() && pdf.GetY()+25 > p.bottom() { // keep the header with its first rows
		pdf.AddPage()
	}
	header()
	const lh = 5.2 // mm per line inside a cell
	heights := make([]float64, len(t.Rows))
	for r, row := range t.Rows {
		p.font(rowFont(row), size)
		lines := 1
		for i, c := range row.Cells {
			lines = max(lines, len(pdf.SplitText(c, widths[i]-2)))
		}
		heights[r] = lh*float64(lines) + 1.4
	}
	for r, row := range t.Rows {
		font := rowFont(row)
		p.font(font, size)
		h := heights[r]
		// The last row (the total) never starts a page alone: the row before it goes along.
		lastTwo := r == len(t.Rows)-2 && r > 0 && pdf.GetY()+h+heights[r+1] > p.bottom()
		if pdf.GetY()+h > p.bottom() || lastTwo {
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
	const labelW, barW, rowH = 72.0, 74.0, 6.5
	if !p.atTop() && pdf.GetY()+chartHeight(c) > p.bottom() {
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

// rowFont is the font style of a table's row: bold for a total.
func rowFont(row report.Row) string {
	if row.Style == report.Total {
		return "B"
	}
	return ""
}

// chartHeight is the height of a chart: title, bars, legend.
func chartHeight(c *report.Chart) float64 {
	return 4 + 6 + 2 + 6.5*float64(len(c.Bars)) + 1 + 9
}

// wordsFit says whether every word of s fits in width mm in the given bold style and size.
func (p *writer) wordsFit(s, style string, size, width float64) bool {
	p.font(style, size)
	for _, w := range strings.Fields(s) {
		if p.pdf.GetStringWidth(w) > width-2*p.pdf.GetCellMargin() {
			return false
		}
	}
	return true
}

func truncate(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	// The longest start of s that fits with "…", found by halving: a long text takes a moment,
	// not a rune at a time (which took minutes for a page of text).
	r := []rune(s)
	k := sort.Search(len(r), func(k int) bool { return k > 0 && pdf.GetStringWidth(string(r[:k])+"…") > width })
	return string(r[:max(k-1, 1)]) + "…"
}
