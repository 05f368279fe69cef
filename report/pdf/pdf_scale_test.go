package pdf

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// communes are names of the 2025 map's kinds and lengths.
var communes = []string{"Xã Thượng Đức", "Phường Nguyễn Thị Minh Khai", "Xã Ea Tiêu", "Xã Quảng Hòa Bắc Sơn Đông Thượng Lâm Hạ",
	"Xã Cư M'gar", "Phường 12", "Đặc khu Côn Đảo", "Xã Yên Thuận Phú Bình"}

// chartDoc is a page of text and then a chart of the scope's two rates and n units', sorted.
func chartDoc(n int) *report.Document {
	c := &report.Chart{Title: "Biểu đồ: tỉ lệ thực hiện so với mục tiêu", Legend: "Cột tô đặc: đạt mục tiêu; cột gạch chéo: chưa đạt; vạch đứng: mục tiêu.",
		Met: "đạt", Missed: "chưa đạt", Target: "mục tiêu", Continued: "(tiếp theo)"}
	c.Bars = append(c.Bars, report.Bar{Label: "Tỉ lệ gia đình học tập được công nhận", Actual: 0.73, Target: 0.7, Met: true, Value: "73,00%", TargetText: "70,00%"})
	for i := range n {
		v := 0.6 - 0.5*float64(i)/float64(n)
		c.Bars = append(c.Bars, report.Bar{Group: "Tỉ lệ hội viên/dân số theo đơn vị", Label: fmt.Sprintf("%s %d", communes[i%len(communes)], i+1),
			Actual: v, Target: 0.37, Met: v >= 0.37, Value: lang.Percent(lang.Vi, v), TargetText: "37,00%"})
	}
	doc := &report.Document{Lang: lang.Vi, Header: report.Header{Org: "Hội Khuyến học tỉnh Thử", Number: "Số: 1/BC-KH", Country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		Motto: "Độc lập - Tự do - Hạnh phúc", PlaceDate: "Hà Nội, ngày 01 tháng 02 năm 2025", Kind: "BÁO CÁO", Title: []string{"Thử biểu đồ"}}}
	for range 8 {
		doc.Blocks = append(doc.Blocks, &report.Paragraph{Runs: []report.Run{{Text: strings.Repeat("Nội dung của báo cáo trước biểu đồ. ", 6)}}})
	}
	doc.Blocks = append(doc.Blocks, c)
	return doc
}

// The chart holds at every size of province, 3 to 168 units: every page but the last is filled
// (no page of a lone bar), every label is whole, every missed bar says so.
func TestChartAtAnyScale(t *testing.T) {
	if testing.Short() {
		t.Skip("needs pdftotext and qpdf")
	}
	for _, n := range []int{3, 9, 62, 124, 168} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			doc := chartDoc(n)
			var buf bytes.Buffer
			if err := Write(&buf, doc); err != nil {
				t.Fatal(err)
			}
			pages := reporttest.Measure(t, buf.Bytes())
			var all strings.Builder
			for i, p := range pages {
				low := 0.0
				for _, s := range p.Segments {
					low = max(low, s.Y1())
					all.WriteString(s.Text() + "\n")
				}
				if i < len(pages)-1 && low < 150 {
					t.Errorf("page %d of %d ends at %.0f mm: nearly blank", i+1, len(pages), low)
				}
			}
			text := all.String()
			joined := strings.Join(strings.Fields(text), " ")
			c := doc.Blocks[len(doc.Blocks)-1].(*report.Chart)
			for _, b := range c.Bars {
				if !whole(joined, b.Label) {
					t.Errorf("label %q is not whole", b.Label)
				}
				if !b.Met && !strings.Contains(text, b.Value+" – chưa đạt") {
					t.Errorf("missed bar %q does not say «chưa đạt»", b.Label)
				}
			}
			if strings.Contains(text, "…") {
				t.Error("a label is cut with «…»")
			}
			if n >= 62 && strings.Count(text, c.Title+" (tiếp theo)") < 1 {
				t.Errorf("the chart's pages after the first are not titled")
			}
		})
	}
}

// whole says whether the words of label follow each other in text, a wrapped label's lines
// having at most the value of its bar between them (read in the order of their heights).
func whole(text, label string) bool {
	var parts []string
	for _, w := range strings.Fields(label) {
		parts = append(parts, regexp.QuoteMeta(w))
	}
	re := regexp.MustCompile(`(^| )` + strings.Join(parts, ` (?:\S+ ){0,4}?`) + `( |$)`)
	return re.MatchString(text)
}

var pageRe = regexp.MustCompile(`/Type /Page\b`)

// province is the report of a generated province of n communes (2025 map), with targets.
func province(t *testing.T, n int) *report.Document {
	t.Helper()
	dir := t.TempDir()
	returns, err := ingesttest.Province(dir, ingest.DefaultCatalogue(), n, 7)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{returns}, pipeline.Options{
		Roster: dir + "/danh-sach.yaml", Scope: "99", Targets: dir + "/chi-tieu.yaml", PerUnit: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(res, report.Options{Lang: lang.Vi, Date: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), Place: "Thử Nghiệm"})
}

// A province of 70 communes prints in at most 20 pages, its appendix of every commune included;
// one of 150 too, in at most 30, and no page of it is nearly blank but the body's last and the
// appendix's last.
func TestProvinceReportPages(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 150 returns")
	}
	for _, tt := range []struct{ n, most int }{{70, 20}, {150, 30}} {
		doc := province(t, tt.n)
		var buf bytes.Buffer
		if err := Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if got := len(pageRe.FindAll(buf.Bytes(), -1)); got > tt.most {
			t.Errorf("%d communes: %d pages, want at most %d", tt.n, got, tt.most)
		} else {
			t.Logf("%d communes: %d pages", tt.n, got)
		}
		if tt.n != 150 {
			continue
		}
		pages := reporttest.Measure(t, buf.Bytes())
		for i, p := range pages {
			low, signature, appendix := 0.0, false, false
			for _, s := range p.Segments {
				low = max(low, s.Y1())
				signature = signature || strings.HasPrefix(s.Text(), "Nơi nhận")
				appendix = appendix || strings.HasPrefix(s.Text(), "PHỤ LỤC")
			}
			if next := i + 1; next < len(pages) && !signature && low < 200 {
				if _, ap := pages[next].Find("PHỤ LỤC"); ap < 0 {
					t.Errorf("page %d of %d ends at %.0f mm: nearly blank", i+1, len(pages), low)
				}
			}
			_ = appendix
		}
	}
}

// A number never breaks across lines, in a sentence or in a table's narrow column: «≥ 45 tỷ»,
// «≥ 45.000.000.000» and «43.014.500.000» each stand on one line.
func TestNumbersNeverBreak(t *testing.T) {
	if testing.Short() {
		t.Skip("needs pdftotext and qpdf")
	}
	table := &report.Table{Columns: []report.Column{{Header: "Chỉ tiêu", Width: 113, Align: report.Left}, {Header: "Thực hiện", Width: 18, Align: report.Right},
		{Header: "Mục tiêu", Width: 18, Align: report.Right}, {Header: "Kết quả", Width: 18, Align: report.Center}},
		Rows: []report.Row{{Cells: []string{"Quỹ khuyến học (đồng)", "43.014.500.000", "≥ 45.000.000.000", "chưa đạt"}, Style: report.Missed}}}
	doc := chartDoc(0)
	doc.Blocks = []report.Block{table}
	for i := range 30 {
		doc.Blocks = append(doc.Blocks, &report.Paragraph{Runs: []report.Run{{Text: strings.Repeat("x", i) + " Quỹ khuyến học đạt ≥ 45 tỷ đồng, tỉ lệ 20,74 % và ngày 05/7/2024 là hạn."}}})
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range reporttest.Measure(t, buf.Bytes()) {
		for _, s := range p.Segments {
			lines = append(lines, s.Text())
		}
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"≥ 45.000.000.000", "43.014.500.000"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is broken in the table:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "≥ 45 tỷ đồng"); n != 30 {
		t.Errorf("«≥ 45 tỷ đồng» whole on %d lines of 30", n)
	}
	if n := strings.Count(text, "20,74 %"); n != 30 {
		t.Errorf("«20,74 %%» whole on %d lines of 30", n)
	}
}
