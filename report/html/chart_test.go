package html

import (
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// The chart keeps the Document's order, heads a run of bars with its group and the target they
// share, says «chưa đạt» after a missed bar's value and hatches it, and tells every bar in its
// text alternative.
func TestChartGroupsAndVerdicts(t *testing.T) {
	bar := func(group, label string, actual, target float64, met bool) report.Bar {
		return report.Bar{Group: group, Label: label, Actual: actual, Target: target, Met: met,
			Value: lang.Percent(lang.Vi, actual), TargetText: lang.Percent(lang.Vi, target)}
	}
	c := newChart(lang.Vi, &report.Chart{Title: "Biểu đồ", Met: "đạt", Missed: "chưa đạt", Target: "mục tiêu", Bars: []report.Bar{
		bar("", "Tỷ lệ gia đình học tập được công nhận", 0.7323, 0.70, true),
		bar("Tỷ lệ hội viên/dân số theo đơn vị", "Bình Định", 0.2322, 0.20, true),
		bar("Tỷ lệ hội viên/dân số theo đơn vị", "Phú Yên", 0.1650, 0.20, false),
	}}, "khh-x-c1")
	if len(c.Rows) != 4 {
		t.Fatalf("%d rows, want a bar, a heading and two bars", len(c.Rows))
	}
	if h := c.Rows[1].Heading; h == nil || h.Text != "Tỷ lệ hội viên/dân số theo đơn vị (mục tiêu 20,00%)" {
		t.Errorf("heading = %+v", h)
	}
	if c.Rows[0].Detail == nil || c.Rows[0].Detail.Text != "mục tiêu 70,00%" {
		t.Errorf("a bar without a group says its target under it: %+v", c.Rows[0].Detail)
	}
	if c.Rows[2].Detail != nil {
		t.Errorf("a bar whose group shares one target repeats it: %+v", c.Rows[2].Detail)
	}
	if c.Rows[2].Label[0].Text != "Bình Định" || c.Rows[3].Label[0].Text != "Phú Yên" {
		t.Error("the bars are not in the Document's order")
	}
	if c.Rows[3].Met || c.Rows[3].Missed != " – chưa đạt" || c.Rows[2].Missed != "" {
		t.Errorf("missed = %q, %q", c.Rows[2].Missed, c.Rows[3].Missed)
	}
	for _, want := range []string{"Phú Yên: 16,50%, mục tiêu 20,00%, chưa đạt.", "Bình Định: 23,22%, mục tiêu 20,00%, đạt."} {
		if !strings.Contains(c.Desc, want) {
			t.Errorf("the text alternative does not say %q: %s", want, c.Desc)
		}
	}
	// The scale ends at the tick above the highest value: 80% in steps of 20%.
	if last := c.Ticks[len(c.Ticks)-1]; last.Text != "80%" || last.X != "234" {
		t.Errorf("last tick %+v, want 80%% at the bars' end", last)
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width int
		want  []string
	}{
		{"Phú Yên", 10, []string{"Phú Yên"}},
		{"Tỷ lệ đơn vị học tập (cơ quan, trường học, doanh nghiệp) được công nhận", 46, []string{"Tỷ lệ đơn vị học tập (cơ quan, trường học,", "doanh nghiệp) được công nhận"}},
		{"", 10, []string{""}},
	} {
		if got := wrap(tc.text, tc.width); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
