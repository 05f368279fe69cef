package docx

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// The chart goes into the Word file as pictures as wide as the text and no taller than half a
// page, so that Word never leaves a page nearly blank before one, at any number of units.
func TestChartPicturesFitThePage(t *testing.T) {
	extent := regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/>`)
	for _, n := range []int{3, 9, 62, 124, 168} {
		c := &report.Chart{Title: "Biểu đồ", Legend: "Chú giải.", Met: "đạt", Missed: "chưa đạt", Target: "mục tiêu", Continued: "(tiếp theo)"}
		for i := range n {
			v := 0.6 - 0.5*float64(i)/float64(n)
			c.Bars = append(c.Bars, report.Bar{Group: "Theo đơn vị", Label: fmt.Sprintf("Xã Quảng Hòa Bắc Sơn Đông Thượng Lâm Hạ %d", i+1), Actual: v, Target: 0.37, Met: v >= 0.37, Value: fmt.Sprintf("%.2f%%", v*100)})
		}
		var buf bytes.Buffer
		if err := WriteReport(&buf, &report.Document{Lang: lang.Vi, Blocks: []report.Block{c}}); err != nil {
			t.Fatal(err)
		}
		_, body := paragraphs(t, buf.Bytes())
		all := extent.FindAllStringSubmatch(body, -1)
		if len(all) == 0 {
			t.Fatalf("%d units: no picture", n)
		}
		for i, m := range all {
			cx, _ := strconv.Atoi(m[1])
			cy, _ := strconv.Atoi(m[2])
			if mm := float64(cx) / 36000; mm > textWidth+0.01 {
				t.Errorf("%d units: a picture %.1f mm wide, wider than the text (%.0f mm)", n, mm, textWidth)
			}
			if mm := float64(cy) / 36000; mm > chartPart+0.01 {
				t.Errorf("%d units: a picture %.1f mm high, want at most %.0f", n, mm, chartPart)
			}
			// Each part but the last holds as many bars as fit: none is nearly empty.
			if mm := float64(cy) / 36000; i < len(all)-1 && mm < 0.8*chartPart {
				t.Errorf("%d units: part %d of %d is %.0f mm high; nearly empty", n, i+1, len(all), mm)
			}
		}
	}
}

// A number with its sign is held together by a no-break space, and its column is as wide as it.
func TestNumbersNeverBreak(t *testing.T) {
	table := &report.Table{Columns: []report.Column{{Header: "Chỉ tiêu", Width: 113, Align: report.Left}, {Header: "Thực hiện", Width: 18, Align: report.Right},
		{Header: "Mục tiêu", Width: 18, Align: report.Right}, {Header: "Kết quả", Width: 18, Align: report.Center}},
		Rows: []report.Row{{Cells: []string{"Quỹ khuyến học (đồng)", "43.014.500.000", "≥ 45.000.000.000", "chưa đạt"}, Style: report.Missed}}}
	var buf bytes.Buffer
	if err := WriteReport(&buf, &report.Document{Lang: lang.Vi, Blocks: []report.Block{table}}); err != nil {
		t.Fatal(err)
	}
	_, body := paragraphs(t, buf.Bytes())
	if !strings.Contains(body, "≥\u00a045.000.000.000") {
		t.Error("«≥ 45.000.000.000» may break after its sign")
	}
	cols := regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`).FindAllStringSubmatch(body, -1)
	if len(cols) < 4 {
		t.Fatalf("%d columns", len(cols))
	}
	// 16 digits and marks of 10,5 pt bold: about 29 mm.
	if w, _ := strconv.Atoi(cols[len(cols)-2][1]); float64(w)/56.69 < 28 {
		t.Errorf("the target's column is %.1f mm wide, too narrow for «≥ 45.000.000.000»", float64(w)/56.69)
	}
}
