package docx

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// haGiang is the province report of Hà Giang 2023 with the office's notes and a signer.
func haGiang(t *testing.T) *report.Document {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{testdata("ha-giang", "2023")}, pipeline.Options{
		Previous: []string{testdata("ha-giang", "2022")},
		Targets:  testdata("ha-giang", "chi-tieu-2023.yaml"),
	})
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(testdata("ha-giang", "ghi-chu-2023.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, "ghi-chu-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(res, report.Options{Lang: lang.Vi, Place: "Hà Giang", Date: time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC),
		Notes: n, Signer: "Nguyễn Văn A", SignerTitles: []string{"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}, Number: "12/BC-HKH"})
}

// The Word report opens in LibreOffice Writer; its text carries every figure the report states
// and the office's words; the PDF Writer makes of it is sound; the same inputs give the same bytes.
func TestReportOpensInWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("needs LibreOffice Writer")
	}
	testtool.Need(t, "soffice", "libreoffice-writer")
	testtool.Need(t, "qpdf", "qpdf")
	doc := haGiang(t)
	var a, b bytes.Buffer
	if err := WriteReport(&a, doc); err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(&b, haGiang(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same inputs gave different bytes")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.docx")
	if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, to := range []string{"txt:Text (encoded):UTF8", "pdf"} {
		out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", to, "--outdir", dir, path).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
		}
	}
	if out, err := exec.Command("qpdf", "--check", filepath.Join(dir, "bao-cao.pdf")).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "bao-cao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	stated := 0
	for _, bl := range doc.Blocks {
		var runs [][]report.Run
		switch v := bl.(type) {
		case *report.Paragraph:
			runs = append(runs, v.Runs)
		case *report.List:
			runs = append(runs, v.Items...)
		}
		for _, rs := range runs {
			for _, r := range rs {
				if r.Figure != "" {
					stated++
					if !strings.Contains(text, strings.Join(strings.Fields(r.Text), " ")) {
						t.Errorf("the Word report does not state %s as %q", r.Figure, r.Text)
					}
				}
			}
		}
	}
	if stated < 10 {
		t.Errorf("only %d figures stated", stated)
	}
	for _, want := range []string{"HỘI KHUYẾN HỌC TỈNH HÀ GIANG", "Số: 12/BC-HKH", "Hà Giang, ngày 20 tháng 12 năm 2023",
		"Toàn tỉnh có 330.909 hội viên", "ĐÁNH GIÁ CHUNG", "Đề nghị Trung ương Hội tiếp tục quan tâm",
		"Trung ương Hội Khuyến học Việt Nam (để b/c);", "TM. BAN THƯỜNG VỤ", "Nguyễn Văn A"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Word report does not say %q", want)
		}
	}
}

func testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
}
