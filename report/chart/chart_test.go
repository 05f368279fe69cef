package chart

import (
	"fmt"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// names are commune names of many lengths, among them the longest kinds of the 2025 map.
var names = []string{"Xã Thượng Đức", "Phường Nguyễn Thị Minh Khai", "Xã Ea Tiêu", "Thị trấn Nông trường Mộc Châu",
	"Xã Cư M'gar", "Phường 12", "Xã Quảng Hòa Bắc Sơn Đông Thượng Lâm Hạ", "Đặc khu Côn Đảo"}

// synthetic is a chart of the scope's two rates and n units' rates against a target of 37%,
// sorted from the highest, as the report builds it.
func synthetic(n int) *report.Chart {
	c := &report.Chart{Title: "Biểu đồ: tỉ lệ thực hiện so với mục tiêu", Legend: "Cột tô đặc: đạt mục tiêu; cột gạch chéo: chưa đạt; vạch đứng: mục tiêu."}
	c.Bars = append(c.Bars,
		report.Bar{Label: "Tỉ lệ gia đình học tập được công nhận", Actual: 0.7323, Target: 0.7, Met: true, Value: "73,23%", TargetText: "70,00%"},
		report.Bar{Label: "Tỉ lệ hội viên/dân số", Actual: 0.2074, Target: 0.37, Value: "20,74%", TargetText: "37,00%"})
	for i := range n {
		v := 0.62 - 0.55*float64(i)/float64(max(n, 1))
		c.Bars = append(c.Bars, report.Bar{Group: "Tỉ lệ hội viên/dân số theo đơn vị", Label: fmt.Sprintf("%s %d", names[i%len(names)], i+1),
			Actual: v, Target: 0.37, Met: v >= 0.37, Value: fmt.Sprintf("%.2f%%", v*100), TargetText: "37,00%"})
	}
	return c
}

// measure is Times-like: half an em a character, bold a little wider.
func measure(s string, size float64, bold bool) float64 {
	w := float64(len([]rune(s))) * size * 0.3528 * 0.5
	if bold {
		w *= 1.08
	}
	return w
}

func TestLayoutAtAnyScale(t *testing.T) {
	const width, page = 165.0, 257.0
	for _, n := range []int{3, 9, 62, 124, 168} {
		for _, first := range []float64{page, 120, 40} {
			t.Run(fmt.Sprintf("%d units, %.0f mm left", n, first), func(t *testing.T) {
				c := synthetic(n)
				pages := Layout(c, Options{Width: width, FirstRoom: first, PageRoom: page, Measure: measure, Missed: "chưa đạt", Target: "mục tiêu", Continued: "(tiếp theo)"})
				texts := ""
				for i, p := range pages {
					room := page
					if i == 0 && !p.NewPage {
						room = first
					}
					if p.Height > room+0.01 {
						t.Errorf("page %d is %.1f mm high, room for %.1f", i+1, p.Height, room)
					}
					if i < len(pages)-1 && p.Height < 0.8*room {
						t.Errorf("page %d of %d is filled to %.0f of %.0f mm: a nearly blank page", i+1, len(pages), p.Height, room)
					}
					if !strings.HasPrefix(p.Texts[0].S, c.Title) {
						t.Errorf("page %d starts with %q, not the title", i+1, p.Texts[0].S)
					}
					for _, tx := range p.Texts {
						if w := measure(tx.S, tx.Size, tx.Bold); tx.X < -0.01 || tx.X+w > width+0.01 {
							t.Errorf("page %d: %q runs from %.1f to %.1f mm, outside 0–%.0f", i+1, tx.S, tx.X, tx.X+w, width)
						}
						if strings.Contains(tx.S, "…") {
							t.Errorf("page %d: %q is cut", i+1, tx.S)
						}
						texts += tx.S + "\n"
					}
					for _, r := range p.Rects {
						if r.X < 0 || r.X+r.W > width || r.Y < 0 || r.Y+r.H > p.Height {
							t.Errorf("page %d: bar %+v outside the page's part", i+1, r)
						}
					}
				}
				if first == 40 && n > 3 && !pages[0].NewPage {
					t.Errorf("the chart starts in the last 40 mm of a page")
				}
				// Every label whole (its lines joined give it back), every value, each missed one said.
				joined := strings.ReplaceAll(texts, "\n", " ")
				for _, b := range c.Bars {
					if !strings.Contains(joined, b.Label+" ") {
						t.Errorf("label %q is not whole on the chart", b.Label)
					}
					want := b.Value
					if !b.Met {
						want += " – chưa đạt"
					}
					if !strings.Contains(texts, want+"\n") {
						t.Errorf("value %q not written", want)
					}
				}
				if !strings.Contains(texts, "Tỉ lệ hội viên/dân số theo đơn vị (mục tiêu 37,00%)") {
					t.Errorf("the units' heading does not give their common target")
				}
				if strings.Count(texts, c.Legend) != 1 {
					t.Errorf("the legend is written %d times", strings.Count(texts, c.Legend))
				}
			})
		}
	}
}

func TestValueLabelsDoNotOverlap(t *testing.T) {
	pages := Layout(synthetic(62), Options{Width: 165, FirstRoom: 257, PageRoom: 257, Measure: measure, Missed: "chưa đạt"})
	for i, p := range pages {
		for a := range p.Texts {
			for b := a + 1; b < len(p.Texts); b++ {
				ta, tb := p.Texts[a], p.Texts[b]
				ha, hb := ta.Size*0.3528, tb.Size*0.3528
				wa, wb := measure(ta.S, ta.Size, ta.Bold), measure(tb.S, tb.Size, tb.Bold)
				if ta.X < tb.X+wb && tb.X < ta.X+wa && ta.Y-ha*0.7 < tb.Y && tb.Y-hb*0.7 < ta.Y {
					t.Errorf("page %d: %q and %q overlap", i+1, ta.S, tb.S)
				}
			}
		}
	}
}

func TestMissedIsHatchedMetIsSolid(t *testing.T) {
	pages := Layout(synthetic(3), Options{Width: 165, FirstRoom: 257, PageRoom: 257, Measure: measure})
	var solid, outline, hatch int
	for _, r := range pages[0].Rects {
		if r.Fill == Solid {
			solid++
		} else {
			outline++
		}
	}
	for _, l := range pages[0].Lines {
		if l.Hatch {
			hatch++
		}
	}
	// Met: the families' rate and the first two units (62% and 43,7%); missed: the members' rate, the third unit.
	if solid != 3 || outline != 2 || hatch == 0 {
		t.Errorf("solid %d, outline %d, hatch lines %d; want 3 solid, 2 hatched", solid, outline, hatch)
	}
}
