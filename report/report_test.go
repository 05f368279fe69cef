package report

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "testdata"}, parts...)...)
}

// cluster6 is what `khuyenhoc report` reads for cluster 6, first half of 2024 (seed 001), and
// how it writes it.
func cluster6(t *testing.T, l lang.Lang) (*pipeline.Result, Options) {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{testdata("cum-6", "2024-H1")}, pipeline.Options{
		Roster:   testdata("cum-6", "danh-sach.yaml"),
		Scope:    "cum-6",
		Previous: []string{testdata("cum-6", "2023")},
		Targets:  testdata("cum-6", "chi-tieu-2024.yaml"),
		PerUnit:  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, Options{Lang: l, Date: time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC), Place: "Ninh Thuận", Org: "Hội Khuyến học tỉnh Lâm Đồng"}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; look at the difference and, if it is right, run go test ./report -run Golden -update\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

func itoa(i int) string { return lang.Int(lang.En, int64(i)) }

// writeTwice writes the cluster-6 report twice and checks that both runs give the same bytes.
func writeTwice(t *testing.T, l lang.Lang, write func(io.Writer, *pipeline.Result, Options) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		res, opts := cluster6(t, l)
		if err := write(buf, res, opts); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same inputs wrote different bytes")
	}
	return a.Bytes()
}

func TestGoldenExcel(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		t.Run(string(l), func(t *testing.T) {
			var dump bytes.Buffer
			if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(writeTwice(t, l, WriteExcel)), ""); err != nil {
				t.Fatal(err)
			}
			golden(t, "cum-6."+string(l)+".xlsx.txt", dump.Bytes())
		})
	}
}

func TestGoldenPDF(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		t.Run(string(l), func(t *testing.T) {
			golden(t, "cum-6."+string(l)+".pdf.txt", []byte(pdfText(t, writeTwice(t, l, WritePDF))))
		})
	}
}

// pdfText is what pdftotext reads from the PDF: the exact text a reader copies out of it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftotext := testtool.Need(t, "pdftotext", "poppler-utils")
	qpdf := testtool.Need(t, "qpdf", "qpdf")
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	return string(out)
}

// The cluster-6 report says what the seed article says.
func TestCluster6ReportStatesSeedFigures(t *testing.T) {
	var buf bytes.Buffer
	res, opts := cluster6(t, lang.Vi)
	if err := WritePDF(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Ninh Thuận, ngày 05 tháng 7 năm 2024",
		"Tổng số Hội Khuyến học cơ sở hiện có: 1.189; chi hội khuyến học: 13.968; ban khuyến học: 6.172, so với năm 2023 tăng 116 chi hội.",
		"Tổng số hội viên hiện có là 2.191.958 hội viên, so với năm 2023 tăng 77.086 hội viên; tỉ lệ hội viên/dân số đạt 20,74%.",
		"Những đơn vị có tỉ lệ hội viên cao: Đắk Lắk (26,35%), Bình Định (23,22%), Đắk Nông (23,20%), Ninh Thuận (21,66%).",
		"Tổng quỹ khuyến học đạt 191,2 tỷ đồng",
		"bình quân đạt 18.091 đồng/người dân",
		"1.268 trung tâm học tập cộng đồng",
		"Lâm Đồng (25), Bình Định (11), Khánh Hòa (10), Kon Tum (8), Phú Yên (7), Đắk Lắk (5), Gia Lai (5), Ninh Thuận (5), Đắk Nông (2)",
		"Xếp theo tỉ lệ hội viên/dân số: 1. Đắk Lắk (26,35%)",
		"Đã nhận 9/9 báo cáo.",
		"Trang 1/3",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
}

// A national report (every commune listed on its own sheet) is still the country's return.
func TestNationalReportIsAReturn(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	dir := t.TempDir()
	s, err := ingesttest.Synthesize(dir, cat, 300, 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Roster: s.Roster})
	if err != nil {
		t.Fatal(err)
	}
	ru := res.Tree
	var buf bytes.Buffer
	if err := WriteExcel(&buf, res, Options{Lang: lang.Vi}); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(buf.Bytes()), "Tất cả đơn vị"); err != nil {
		t.Fatal(err)
	}
	if got := len(regexp.MustCompile(`(?m)^Tất cả đơn vị!A\d+ = `).FindAllString(dump.String(), -1)); got != 1+300+len(ru.Scope.Children)+countDistricts(ru) { // the code header, every unit (the label header has no code)
		t.Errorf("«Tất cả đơn vị» has %d rows, want every unit", got)
	}
	r, problems := ingest.Read("national.xlsx", buf.Bytes(), cat)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if r.Unit.Code != "VN" {
		t.Errorf("the report is the return of %s, want VN", r.Unit.Code)
	}
	for _, f := range cat.Raw {
		want, ok := s.Totals.Raw(f)
		if got := r.Value(f); got.OK != ok || got.N != want {
			t.Errorf("%s = %+v, want %d", f.Code, got, want)
		}
	}
}

func countDistricts(ru *rollup.Tree) int {
	n := 0
	for _, p := range ru.Scope.Children {
		n += len(p.Children)
	}
	return n
}

func loadRoster(t testing.TB, path string) *rollup.Roster {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ro, err := rollup.ParseRoster(fh)
	if err != nil {
		t.Fatal(err)
	}
	return ro
}
