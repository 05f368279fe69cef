package html

import (
	"math"
	"strconv"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// The chart is drawn in a box 360 units wide, about a phone's column, so that its text keeps
// the size of the page's small print when the box is scaled to the column; each bar's full
// name stands on its own lines above the bar, which leaves the bars the box's width.
const (
	chartW     = 360.0
	valueW     = 126.0 // room right of the bars: "19,00% – chưa đạt"
	labelChars = 46    // a label wraps after about this many characters
	lineH      = 17.0  // a label's line
	barH       = 14.0
)

// chart is the chart as the template draws it.
type chart struct {
	ID, Title, Desc, Legend string
	Width, Height           string
	Rows                    []chartRow
	Ticks                   []tick
	AxisY, AxisEnd          string
}

// chartRow is a group's heading (Heading set) or a bar.
type chartRow struct {
	Heading         *textLine
	Label           []textLine
	BarY, BarW      string
	Met             bool
	TargetX, T1, T2 string
	Value           textLine
	Missed          string // " – chưa đạt" after a missed bar's value
	Detail          *textLine
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

// newChart draws the Document's chart as the PDF does, in the Document's order: a horizontal
// bar per rate under its full name, from 0 on one scale; the target an upright black mark
// across the bar; a bar that met its target solid, one that missed it hatched with «chưa đạt»
// after its value, so that nothing is told by colour alone; a run of bars of one group under
// the group's heading, with the target when they share it. The same words, one sentence a
// bar, make the chart's text alternative.
func newChart(l lang.Lang, c *report.Chart, id string) *chart {
	top := 0.0
	for _, b := range c.Bars {
		top = math.Max(top, math.Max(b.Actual, b.Target))
	}
	step := tickStep(top)
	axisMax := math.Max(step, math.Ceil(top/step-1e-9)*step)
	barArea := chartW - valueW
	x := func(v float64) float64 { return barArea * math.Max(v, 0) / axisMax }
	out := &chart{ID: id, Title: c.Title, Legend: c.Legend}
	var desc []string
	missedWord, targetWord := c.Missed, c.Target
	y := 4.0
	group, common := "", false
	for i, b := range c.Bars {
		if b.Group != group {
			group = b.Group
			if group != "" {
				heading, same := groupHeading(c.Bars[i:], targetWord)
				common = same
				out.Rows = append(out.Rows, chartRow{Heading: &textLine{X: "0", Y: num(y + 14), Text: heading}})
				desc = append(desc, heading+":")
				y += lineH + 6
			} else {
				common = false
			}
		}
		verdict := c.Met
		r := chartRow{Met: b.Met}
		if !b.Met {
			verdict = missedWord
			r.Missed = " – " + missedWord
		}
		desc = append(desc, b.Label+": "+b.Value+", "+targetWord+" "+b.TargetText+", "+verdict+".")
		for _, line := range wrap(b.Label, labelChars) {
			r.Label = append(r.Label, textLine{X: "0", Y: num(y + 13), Text: line})
			y += lineH
		}
		y += 2
		end, tx := x(b.Actual), x(b.Target)
		r.BarY, r.BarW = num(y), num(math.Max(end, 1))
		r.TargetX, r.T1, r.T2 = num(tx), num(y-4), num(y+barH+4)
		r.Value = textLine{X: num(math.Max(end, tx) + 6), Y: num(y + 12), Text: b.Value}
		y += barH + 4
		if !common {
			r.Detail = &textLine{X: "0", Y: num(y + 11), Text: targetWord + " " + b.TargetText}
			y += lineH
		}
		y += 8
		out.Rows = append(out.Rows, r)
	}
	out.AxisY, out.AxisEnd = num(y), num(barArea)
	n := int(math.Round(axisMax / step))
	for i := 0; i <= n; i++ {
		v := float64(i) * step
		anchor := "middle"
		if i == 0 {
			anchor = "start"
		}
		out.Ticks = append(out.Ticks, tick{X: num(x(v)), Y1: num(y), Y2: num(y + 4), TextY: num(y + 16), Text: lang.Decimal(l, v*100, 0) + "%", Anchor: anchor})
	}
	y += 22
	out.Width, out.Height = num(chartW), num(y)
	out.Desc = strings.Join(desc, " ")
	return out
}

// groupHeading is a group's heading, with its target when every bar of the group has the same.
func groupHeading(bars []report.Bar, targetWord string) (string, bool) {
	g, target := bars[0].Group, bars[0].TargetText
	for _, b := range bars {
		if b.Group != g {
			break
		}
		if b.TargetText != target {
			return g, false
		}
	}
	return g + " (" + targetWord + " " + target + ")", true
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
