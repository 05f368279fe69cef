package html

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// The chart is drawn in a box 360 units wide, about the width of a phone's column, so that its
// text keeps the size of the page's small print when the box is scaled to the column.
const (
	chartW     = 360.0
	valueW     = 62.0 // the value's column, right of the bars
	labelChars = 50   // a label wraps after about this many characters
	lineH      = 16.0 // a label's line
	barH       = 14.0
)

// chart is the chart as the template draws it.
type chart struct {
	ID, Title, Desc, Legend string
	Width, Height          string
	Rows                   []chartRow
	Ticks                  []tick
	AxisY                  string
}

type chartRow struct {
	Label              []textLine
	BarY, BarW, BarEnd string
	Met                bool
	TargetX, T1, T2    string
	Value              textLine
	Detail             textLine
}

type textLine struct {
	X, Y, Text string
}

type tick struct {
	X, Y1, Y2, TextY, Text, Anchor string
}

func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// newChart draws the Document's chart as the PDF does: a horizontal bar per rate, longest first,
// under its full name, from 0 on one scale; its target as a black mark across the bar; the
// value after it; under it, the target and whether it was met in words, so that nothing is told
// by colour alone. The same words make the chart's text alternative.
func newChart(l lang.Lang, c *report.Chart, id string) *chart {
	bars := append([]report.Bar(nil), c.Bars...)
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].Actual > bars[j].Actual })
	top := 0.0
	for _, b := range bars {
		top = math.Max(top, math.Max(b.Actual, b.Target))
	}
	// The scale ends at the next tenth above every value and target (100% at most, unless a
	// value passes it).
	scaleMax := math.Ceil(top*10-1e-9) / 10
	if scaleMax <= 0 {
		scaleMax = 1
	}
	barArea := chartW - valueW
	x := func(v float64) float64 { return barArea * math.Max(v, 0) / scaleMax }
	out := &chart{ID: id, Title: c.Title, Legend: c.Legend}
	var desc []string
	y := 4.0
	for _, b := range bars {
		verdict := l.Text("chưa đạt", "missed")
		if b.Met {
			verdict = l.Text("đạt", "met")
		}
		target := l.Text("mục tiêu ", "target ") + b.TargetText
		detail := target + " · " + verdict
		desc = append(desc, b.Label+": "+b.Value+", "+target+", "+verdict+".")
		r := chartRow{Met: b.Met}
		for _, line := range wrap(b.Label, labelChars) {
			r.Label = append(r.Label, textLine{X: "0", Y: num(y + 12), Text: line})
			y += lineH
		}
		y += 2
		end := x(b.Actual)
		r.BarY, r.BarW, r.BarEnd = num(y), num(math.Max(end, 1)), num(end)
		tx := x(b.Target)
		r.TargetX, r.T1, r.T2 = num(tx), num(y-4), num(y+barH+4)
		r.Value = textLine{X: num(chartW), Y: num(y + 11.5), Text: b.Value}
		y += barH + 4
		r.Detail = textLine{X: "0", Y: num(y + 11), Text: detail}
		y += lineH + 10
		out.Rows = append(out.Rows, r)
	}
	// The scale: 0, its middle and its end.
	out.AxisY = num(y)
	for i, v := range []float64{0, scaleMax / 2, scaleMax} {
		anchor := []string{"start", "middle", "end"}[i]
		out.Ticks = append(out.Ticks, tick{X: num(x(v)), Y1: num(y), Y2: num(y + 4), TextY: num(y + 16), Text: lang.Decimal(l, v*100, 0) + "%", Anchor: anchor})
	}
	y += 22
	out.Width, out.Height = num(chartW), num(y)
	out.Desc = strings.Join(desc, " ")
	return out
}

// wrap cuts text into lines of at most about width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
