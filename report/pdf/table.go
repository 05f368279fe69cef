package pdf

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/chart"
)

// widths are the table's column widths in mm for the text width: the Document's shares, each
// column of numbers widened to hold its widest number on one line (report.ColumnWidths).
func (p *writer) widths(t *report.Table, size float64) []float64 {
	return report.ColumnWidths(t, p.textWidth(), 2.4, func(s string) float64 {
		p.font("B", size) // a total's row is bold: the widest
		return p.pdf.GetStringWidth(s)
	})
}

// cellLines breaks a cell's text into lines for its column, never inside a number.
func (p *writer) cellLines(s string, width float64) []string {
	return report.Lines(s, width, p.pdf.GetStringWidth)
}

// table draws a bordered table that repeats its header on a new page.
func (p *writer) table(t *report.Table) {
	pdf := p.pdf
	left := p.leftMargin()
	size := 10.5
	if len(t.Columns) > 5 {
		size = 9.5
	}
	widths := p.widths(t, size)
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
			lines = max(lines, len(p.cellLines(c, widths[i]-2)))
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
			for j, l := range p.cellLines(c, widths[i]-2) {
				pdf.SetXY(x+1, y+0.7+float64(j)*lh)
				pdf.CellFormat(widths[i]-2, lh, l, "", 0, string(t.Columns[i].Align), false, 0, "")
			}
			pdf.SetTextColor(0, 0, 0)
			x += widths[i]
		}
		pdf.SetXY(left, y+h)
	}
	pdf.SetFillColor(255, 255, 255)
	pdf.Ln(2)
}

// chart draws the chart's pages as report/chart lays them out: on the rest of this page when a
// few bars fit, then on whole pages, each with the title.
func (p *writer) chart(c *report.Chart) {
	pdf := p.pdf
	pdf.Ln(3)
	pages := chart.Layout(c, chart.Options{
		Width: p.textWidth(), FirstRoom: p.bottom() - pdf.GetY(), PageRoom: p.bottom() - topMargin,
		Measure: func(s string, size float64, bold bool) float64 {
			style := ""
			if bold {
				style = "B"
			}
			p.font(style, size)
			return pdf.GetStringWidth(s)
		},
		Missed: c.Missed, Target: c.Target, Continued: c.Continued,
	})
	for _, pg := range pages {
		if pg.NewPage && !p.atTop() {
			pdf.AddPage()
		}
		x0, y0 := p.leftMargin(), pdf.GetY()
		for _, r := range pg.Rects {
			if r.Fill == chart.Solid {
				pdf.SetFillColor(47, 85, 151)
				pdf.Rect(x0+r.X, y0+r.Y, r.W, r.H, "F")
				continue
			}
			pdf.SetDrawColor(150, 30, 30)
			pdf.SetLineWidth(0.3)
			pdf.Rect(x0+r.X, y0+r.Y, r.W, r.H, "D")
		}
		for _, ln := range pg.Lines {
			if ln.Hatch {
				pdf.SetDrawColor(150, 30, 30)
			} else {
				pdf.SetDrawColor(0, 0, 0)
			}
			pdf.SetLineWidth(ln.Width)
			pdf.Line(x0+ln.X1, y0+ln.Y1, x0+ln.X2, y0+ln.Y2)
		}
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetLineWidth(0.2)
		for _, t := range pg.Texts {
			style := ""
			if t.Bold {
				style += "B"
			}
			if t.Italic {
				style += "I"
			}
			p.font(style, t.Size)
			pdf.Text(x0+t.X, y0+t.Y, t.S)
		}
		pdf.SetXY(x0, y0+pg.Height)
	}
	pdf.SetFillColor(255, 255, 255)
}

// rowFont is the font style of a table's row: bold for a total.
func rowFont(row report.Row) string {
	if row.Style == report.Total {
		return "B"
	}
	return ""
}

// chartHeight is the height of a chart's start that must stay with what introduces it: its title
// and its first bars, or the whole of a short chart.
func chartHeight(c *report.Chart) float64 {
	return 3 + 9 + 7 + 6*float64(min(len(c.Bars), 6))
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
