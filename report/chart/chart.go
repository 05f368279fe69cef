package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// Measure is the width in mm of s set at size pt, bold or not, in the surface's font.
type Measure func(s string, size float64, bold bool) float64

// Options are what the layout needs from the surface and the language.
type Options struct {
	Width     float64 // mm
	FirstRoom float64 // height left on the current page, mm
	PageRoom  float64 // height of a whole page, mm
	Measure   Measure
	Missed    string // "chưa đạt": written after a missed bar's value
	Target    string // "mục tiêu": a group's common target, in its heading
	Continued string // "(tiếp theo)": after the title of the pages after the first
}

// Fill is how a rectangle is filled.
type Fill int

// The fills.
const (
	Solid   Fill = iota // a bar that met its target
	Outline             // a bar that missed it: white inside a dark outline, hatched by Lines
)

// Text is a piece of text set from X, with its baseline at Y.
type Text struct {
	X, Y, Size   float64
	Bold, Italic bool
	S            string
}

// Rect is a bar.
type Rect struct {
	X, Y, W, H float64
	Fill       Fill
}

// Line is a straight line Width mm thick; Hatch marks the hatching of a missed bar.
type Line struct {
	X1, Y1, X2, Y2, Width float64
	Hatch                 bool
}

// Page is the part of the chart on one page: its drawings, from its own top-left corner.
type Page struct {
	NewPage bool // start it on a new page
	Height  float64
	Texts   []Text
	Rects   []Rect
	Lines   []Line
}

// row is a group's heading or a bar with its label's lines.
type row struct {
	heading string
	bar     *report.Bar
	label   []string
	h       float64
}

// The sizes of the layout, by the number of bars.
type sizes struct {
	text, line, pad float64 // label size in pt, mm per line of a label, mm above and below
}

func sizesFor(n int) sizes {
	switch {
	case n <= 24:
		return sizes{10, 4.4, 1.2}
	case n <= 80:
		return sizes{9, 3.9, 0.6}
	}
	return sizes{8, 3.4, 0.45}
}

const (
	titleH  = 9.0 // the title's line and the space under it
	axisH   = 7.0 // the axis and its tick labels
	legendH = 7.0
	gap     = 2.0 // between the label column, the bars and the values
)

// Layout lays the chart out over as many pages as it needs. The first part goes on the current
// page when at least a few bars fit there (or the whole chart does), else on a new page; every
// page holds as many whole rows as fit.
func Layout(c *report.Chart, o Options) []Page {
	if len(c.Bars) == 0 {
		return nil
	}
	sz := sizesFor(len(c.Bars))
	m := o.Measure
	// Columns: the values on the right, sized for the widest; the labels on the left, as wide as
	// the longest needs up to two-fifths of the width; the bars between.
	valueW := 0.0
	for _, b := range c.Bars {
		valueW = math.Max(valueW, m(valueText(b, o), sz.text, false))
	}
	labelW := 0.0
	for _, b := range c.Bars {
		labelW = math.Max(labelW, m(b.Label, sz.text, false))
	}
	labelW = math.Min(labelW, 0.4*o.Width)
	for _, b := range c.Bars {
		for _, w := range strings.Fields(b.Label) {
			labelW = math.Max(labelW, m(w, sz.text, false))
		}
	}
	x0 := labelW + gap
	barW := o.Width - x0 - gap - valueW
	top := 0.0
	for _, b := range c.Bars {
		top = math.Max(top, math.Max(b.Actual, b.Target))
	}
	step := tickStep(top)
	axisMax := math.Max(step, math.Ceil(top/step-1e-9)*step)
	scale := barW / axisMax

	var rows []row
	group := ""
	for i := range c.Bars {
		b := &c.Bars[i]
		if b.Group != group {
			group = b.Group
			if group != "" {
				rows = append(rows, row{heading: groupHeading(c.Bars[i:], o), h: sz.line + 2*sz.pad + 1.5})
			}
		}
		lines := wrap(b.Label, labelW, func(s string) float64 { return m(s, sz.text, false) })
		rows = append(rows, row{bar: b, label: lines, h: float64(len(lines))*sz.line + 2*sz.pad})
	}

	// Break the rows into pages.
	var pages []Page
	room := o.FirstRoom
	newPage := false
	total := titleH + axisH + legendH
	for _, r := range rows {
		total += r.h
	}
	if total > room {
		few := titleH + axisH
		for _, r := range rows[:min(len(rows), 6)] {
			few += r.h
		}
		if few > room {
			room, newPage = o.PageRoom, true
		}
	}
	for start := 0; start < len(rows); {
		used := titleH + axisH
		end := start
		for end < len(rows) {
			need := rows[end].h
			if end == len(rows)-1 {
				need += legendH
			}
			// A group's heading never ends a page.
			if rows[end].bar == nil && end+1 < len(rows) {
				need += rows[end+1].h
			}
			if used+need > room && end > start {
				break
			}
			used += rows[end].h
			end++
		}
		if end == len(rows) {
			used += legendH
		}
		title := c.Title
		if len(pages) > 0 && o.Continued != "" {
			title += " " + o.Continued
		}
		pages = append(pages, page(c, rows[start:end], title, end == len(rows), newPage || len(pages) > 0, used, o, sz, x0, scale, axisMax, step))
		start = end
		room = o.PageRoom
	}
	return pages
}

func page(c *report.Chart, rows []row, title string, last, newPage bool, height float64, o Options, sz sizes, x0, scale, axisMax, step float64) Page {
	m := o.Measure
	p := Page{NewPage: newPage, Height: height}
	centre := func(s string, y, size float64, bold, italic bool) {
		w := m(s, size, bold)
		p.Texts = append(p.Texts, Text{X: (o.Width - w) / 2, Y: y, Size: size, Bold: bold, Italic: italic, S: s})
	}
	centre(title, 5, 11, true, false)
	y := titleH
	asc := sz.text * 0.3528 * 0.75 // a capital's height, mm
	for _, r := range rows {
		if r.bar == nil {
			p.Texts = append(p.Texts, Text{X: 0, Y: y + sz.pad + 1.5 + asc, Size: sz.text, Bold: true, S: r.heading})
			y += r.h
			continue
		}
		b := r.bar
		// The label's lines, right-aligned against the bars, centred on the row.
		ly := y + (r.h-float64(len(r.label))*sz.line)/2
		for i, l := range r.label {
			w := m(l, sz.text, false)
			p.Texts = append(p.Texts, Text{X: x0 - gap - w, Y: ly + float64(i)*sz.line + (sz.line+asc)/2, Size: sz.text, S: l})
		}
		bh := math.Min(r.h-2*sz.pad, sz.line*1.1)
		by := y + (r.h-bh)/2
		bw := math.Max(b.Actual*scale, 0)
		if b.Met {
			p.Rects = append(p.Rects, Rect{X: x0, Y: by, W: bw, H: bh, Fill: Solid})
		} else {
			p.Rects = append(p.Rects, Rect{X: x0, Y: by, W: bw, H: bh, Fill: Outline})
			p.Lines = append(p.Lines, hatch(x0, by, bw, bh, 1.6)...)
		}
		p.Lines = append(p.Lines, Line{X1: x0, Y1: y, X2: x0, Y2: y + r.h, Width: 0.3}) // the axis beside the bar
		tx := x0 + b.Target*scale
		p.Lines = append(p.Lines, Line{X1: tx, Y1: y, X2: tx, Y2: y + r.h, Width: 0.6})
		p.Texts = append(p.Texts, Text{X: x0 + math.Max(b.Actual, b.Target)*scale + 1.2, Y: by + (bh+asc)/2, Size: sz.text, Bold: !b.Met, S: valueText(*b, o)})
		y += r.h
	}
	// The value axis under the bars, with its ticks.
	p.Lines = append(p.Lines, Line{X1: x0, Y1: y, X2: x0 + axisMax*scale, Y2: y, Width: 0.3})
	for v := 0.0; v <= axisMax+1e-9; v += step {
		x := x0 + v*scale
		p.Lines = append(p.Lines, Line{X1: x, Y1: y, X2: x, Y2: y + 1.2, Width: 0.3})
		s := fmt.Sprintf("%.0f%%", v*100)
		w := m(s, 8, false)
		p.Texts = append(p.Texts, Text{X: x - w/2, Y: y + 4.6, Size: 8, S: s})
	}
	y += axisH
	if last && c.Legend != "" {
		centre(c.Legend, y+4, 9, false, true)
	}
	return p
}

// valueText is what is written after a bar: its value, and the word for a missed target.
func valueText(b report.Bar, o Options) string {
	if !b.Met && o.Missed != "" {
		return b.Value + " – " + o.Missed
	}
	return b.Value
}

// groupHeading is a group's heading, with its target when every bar of it has the same.
func groupHeading(bars []report.Bar, o Options) string {
	g := bars[0].Group
	target := bars[0].TargetText
	for _, b := range bars {
		if b.Group != g {
			break
		}
		if b.TargetText != target {
			return g
		}
	}
	if o.Target == "" || target == "" {
		return g
	}
	return g + " (" + o.Target + " " + target + ")"
}

// tickStep is the step between the axis's ticks for values up to top: 10%, 20% or 25%.
func tickStep(top float64) float64 {
	switch {
	case top <= 0.5:
		return 0.1
	case top <= 1.05:
		return 0.2
	}
	return 0.25 * math.Ceil(top/1.25)
}

// hatch is diagonal lines every d mm inside a rectangle.
func hatch(x, y, w, h, d float64) []Line {
	var out []Line
	for t := -h + d/2; t < w; t += d {
		u0, u1 := math.Max(0, -t), math.Min(h, w-t)
		if u1 <= u0 {
			continue
		}
		out = append(out, Line{X1: x + t + u0, Y1: y + h - u0, X2: x + t + u1, Y2: y + h - u1, Width: 0.25, Hatch: true})
	}
	return out
}

// wrap breaks s into lines no wider than width, between words; a word wider than the width
// stands alone on its line (the label column is sized so that none is).
func wrap(s string, width float64, w func(string) float64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		if cur != "" && w(cur+" "+word) > width {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += word
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
