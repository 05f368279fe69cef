package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

func sample(t *testing.T) *Document {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		img.Set(x, 10, color.RGBA{0, 0, 200, 255})
	}
	var pic bytes.Buffer
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	d := &Document{}
	d.Add(
		Paragraph{Runs: []Run{{Text: "BÁO CÁO", Bold: true}}, Align: Center},
		Paragraph{Heading: 1, Runs: []Run{{Text: "I. Tổ chức hội & hội viên <số liệu>"}}},
		Paragraph{Indent: 10, Runs: []Run{{Text: "Tổng số hội viên hiện có là "}, {Text: "2.191.958", Bold: true}, {Text: " hội viên; tăng "}, {Text: "77.086", Italic: true}}},
		Paragraph{Bullet: true, Runs: []Run{{Text: "Đắk Lắk: 26,35%"}}},
		Table{HeaderRows: 1, Borders: true, Rows: [][]Cell{
			{{Paragraphs: []Paragraph{{Runs: []Run{{Text: "Đơn vị", Bold: true}}}}, Width: 60, Shade: "D9E1F2"}, {Paragraphs: []Paragraph{{Runs: []Run{{Text: "Hội viên", Bold: true}}}}, Width: 40}},
			{{Paragraphs: []Paragraph{{Runs: []Run{{Text: "Lâm Đồng"}}}}, Width: 60}, {Paragraphs: []Paragraph{{Align: Right, Runs: []Run{{Text: "310.400"}}}}, Width: 40}},
		}},
		Image{PNG: pic.Bytes(), Width: 80, Height: 40, Align: Center},
	)
	for i := range 60 {
		d.Add(Paragraph{Runs: []Run{{Text: "Đoạn văn thứ " + strings.Repeat("x", i%7) + " để có nhiều trang."}}})
	}
	d.Add(Paragraph{KeepNext: true, Runs: []Run{{Text: "Đoạn cuối, đi cùng chữ ký."}}},
		Table{KeepRows: true, Rows: [][]Cell{
			{{Paragraphs: []Paragraph{{Runs: []Run{{Text: "Nơi nhận:", Bold: true, Italic: true, Size: 12}}}}, Width: 80}, {Paragraphs: []Paragraph{{Align: Center, Runs: []Run{{Text: "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", Bold: true}}}}, Width: 85}},
			{{Paragraphs: []Paragraph{{Runs: []Run{{Text: "- Lưu VP.", Size: 11}}}}, Width: 80}, {Paragraphs: []Paragraph{{Align: Center, Runs: []Run{{Text: "Nguyễn Văn A", Bold: true}}}}, Width: 85}},
		}})
	return d
}

func write(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf, Page{FontSize: 14, Top: 20, Bottom: 20, Left: 30, Right: 15, Title: "Báo cáo"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSameContentSameBytes(t *testing.T) {
	if !bytes.Equal(write(t, sample(t)), write(t, sample(t))) {
		t.Error("two writes of one document differ")
	}
}

// LibreOffice Writer opens the document: the text comes back whole, the PDF it makes is sound,
// and the page number stands at the top of page 2 and not on page 1.
func TestWriterOpensIt(t *testing.T) {
	if testing.Short() {
		t.Skip("needs LibreOffice Writer")
	}
	testtool.Need(t, "soffice", "libreoffice-writer")
	testtool.Need(t, "pdftotext", "poppler-utils")
	testtool.Need(t, "qpdf", "qpdf")
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.docx")
	if err := os.WriteFile(path, write(t, sample(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "pdf", "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "bao-cao.pdf")
	if out, err := exec.Command("qpdf", "--check", pdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"I. Tổ chức hội & hội viên <số liệu>", "Tổng số hội viên hiện có là 2.191.958 hội viên; tăng 77.086", "Đắk Lắk: 26,35%", "Lâm Đồng", "310.400", "TM. BAN THƯỜNG VỤ", "Nguyễn Văn A"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("the converted document does not say %q", want)
		}
	}
	pages := strings.Split(string(text), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want at least 2", len(pages)-1)
	}
	if first := strings.TrimSpace(strings.SplitN(pages[0], "\n", 2)[0]); regexp.MustCompile(`^\d+$`).MatchString(first) {
		t.Errorf("page 1 starts with a page number %q", first)
	}
	if second := strings.TrimSpace(strings.SplitN(strings.TrimLeft(pages[1], "\n"), "\n", 2)[0]); second != "2" {
		t.Errorf("page 2 starts with %q, want its number 2", second)
	}
	last := pages[len(pages)-2]
	if !strings.Contains(last, "Đoạn cuối, đi cùng chữ ký.") || !strings.Contains(last, "Nguyễn Văn A") {
		t.Errorf("the signature block is not on the page of the last paragraph:\n%s", last)
	}
}
