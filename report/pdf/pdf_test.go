package pdf

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestGoldenPDF(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		t.Run(string(l), func(t *testing.T) {
			reporttest.Golden(t, *update, "cum-6."+string(l)+".pdf.txt", []byte(pdfText(t, reporttest.WriteTwice(t, l, func(w io.Writer, f *report.Facts) error {
				return Write(w, f.Document())
			}))))
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

// The cluster-6 report says what the seed article says, in the PDF's own text.
func TestCluster6ReportStatesSeedFigures(t *testing.T) {
	var buf bytes.Buffer
	res, opts := reporttest.Cluster6(t, lang.Vi)
	if err := Write(&buf, report.Build(res, opts)); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Ninh Thuận, ngày 05 tháng 7 năm 2024",
		"Toàn cụm hiện có 1.189 hội khuyến học cơ sở, 13.968 chi hội (tăng 116 chi hội so với năm 2023) và 6.172 ban khuyến học.",
		"Tổng số hội viên hiện có là 2.191.958 hội viên, so với năm 2023 tăng 77.086 hội viên; tỷ lệ hội viên/dân số đạt 20,74%",
		"Các tỉnh có tỷ lệ hội viên cao và tăng so với năm 2023 gồm: Đắk Lắk (26,35%), Bình Định (23,22%), Đắk Nông (23,20%), Ninh Thuận (21,66%).",
		"Tổng quỹ khuyến học đạt 191,2 tỷ đồng",
		"bình quân đạt 18.091 đồng/người dân",
		"1.268 trung tâm học tập cộng đồng",
		"Lâm Đồng (25), Bình Định (11), Khánh Hòa (10), Kon Tum (8), Phú Yên (7), Đắk Lắk (5), Gia Lai (5), Ninh Thuận (5), Đắk Nông (2)",
		"Gia Lai 17,97%/20%",
		"Đến ngày 05/7/2024, 9/9 tỉnh đã gửi báo cáo.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
}
