package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// writerPDF is the PDF LibreOffice Writer makes of the .docx.
func writerPDF(t *testing.T, docx []byte) []byte {
	t.Helper()
	testtool.Need(t, "soffice", "libreoffice-writer")
	dir := t.TempDir()
	path := filepath.Join(dir, "r.docx")
	if err := os.WriteFile(path, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "pdf", "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "r.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// The Word file keeps the measures of Nghị định 30/2020, measured on the pages Writer lays out:
// the same checks as the PDF's.
func TestNghiDinh30MeasuredInWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("needs LibreOffice Writer, pdftotext and qpdf")
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, reporttest.HaGiang(t)); err != nil {
		t.Fatal(err)
	}
	head := reporttest.HaGiangHead
	head.NoStyles = true // TestNghiDinh30Styles reads them from the XML
	reporttest.NghiDinh30(t, reporttest.Measure(t, writerPDF(t, buf.Bytes())), head)
}

// xmlPara is a paragraph of document.xml as the tests read it.
type xmlPara struct {
	Style    string
	Align    string
	KeepNext bool
	Border   bool // a bottom border: a line under
	First    int  // first-line indent, twips
	Numbered bool // a list's bullet
	After    string
	Runs     []xmlRun
}

type xmlRun struct {
	Text         string
	Bold, Italic bool
	Size         int // half-points; 0 for the document's
}

func (p xmlPara) text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// paragraphs reads document.xml's paragraphs, in tables too, in order.
func paragraphs(t *testing.T, docx []byte) ([]xmlPara, string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var out []xmlPara
	var p *xmlPara
	var r *xmlRun
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "p":
				out = append(out, xmlPara{})
				p = &out[len(out)-1]
			case "pStyle":
				p.Style = attr("val")
			case "jc":
				if r == nil && p != nil {
					p.Align = attr("val")
				}
			case "keepNext":
				p.KeepNext = true
			case "bottom":
				if p != nil {
					p.Border = true
				}
			case "ind":
				if p != nil {
					p.First, _ = strconv.Atoi(attr("firstLine"))
				}
			case "numPr":
				p.Numbered = true
			case "spacing":
				if p != nil && r == nil {
					p.After = attr("after")
				}
			case "r":
				p.Runs = append(p.Runs, xmlRun{})
				r = &p.Runs[len(p.Runs)-1]
			case "b":
				r.Bold = true
			case "i":
				r.Italic = true
			case "sz":
				if r != nil {
					r.Size, _ = strconv.Atoi(attr("val"))
				}
			case "t":
				inText = true
			case "br":
				if r != nil {
					r.Text += "\n"
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "r":
				r = nil
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText && r != nil {
				r.Text += string(e)
			}
		}
	}
	return out, string(body)
}

// The .docx's XML holds the sizes and styles of Nghị định 30, the lines under the issuing body and
// the motto, headings kept with what follows, and «Nơi nhận» as typed text, left-aligned.
func TestNghiDinh30Styles(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReport(&buf, reporttest.HaGiang(t)); err != nil {
		t.Fatal(err)
	}
	ps, body := paragraphs(t, buf.Bytes())
	find := func(prefix string) (xmlPara, int) {
		t.Helper()
		for i, p := range ps {
			if strings.HasPrefix(p.text(), prefix) {
				return p, i
			}
		}
		t.Fatalf("no paragraph starts with %q", prefix)
		return xmlPara{}, -1
	}
	tests := []struct {
		prefix       string
		bold, italic bool
		size         int // half-points
	}{
		{"HỘI KHUYẾN HỌC VIỆT NAM", false, false, 26},
		{"HỘI KHUYẾN HỌC\nTỈNH HÀ GIANG", true, false, 26},
		{"Số: 12/BC-HKH", false, false, 26},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 24},
		{"Độc lập - Tự do - Hạnh phúc", true, false, 26},
		{"Hà Giang, ngày 20 tháng 12 năm 2023", false, true, 26},
		{"BÁO CÁO", true, false, 28},
		{"Kết quả công tác", true, false, 26},
		{"Nơi nhận:", true, true, 24},
		{"- Lưu VP.", false, false, 22},
		{"TM. BAN THƯỜNG VỤ", true, false, 26},
		{"Nguyễn Văn A", true, false, 26},
	}
	for _, tt := range tests {
		p, _ := find(tt.prefix)
		for _, r := range p.Runs {
			if r.Bold != tt.bold || r.Italic != tt.italic || r.Size != tt.size {
				t.Errorf("%q: bold %v italic %v size %d half-points, want %v %v %d", tt.prefix, r.Bold, r.Italic, r.Size, tt.bold, tt.italic, tt.size)
			}
		}
	}
	for _, prefix := range []string{"HỘI KHUYẾN HỌC\nTỈNH HÀ GIANG", "Độc lập - Tự do - Hạnh phúc"} {
		if _, i := find(prefix); i+1 >= len(ps) || !ps[i+1].Border || ps[i+1].text() != "" {
			t.Errorf("no line under %q", prefix)
		}
	}
	if !strings.Contains(body, `<w:sz w:val="26"/>`) || !strings.Contains(body, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`) {
		t.Errorf("margins are not 20, 15, 20, 30 mm")
	}
	para, _ := find("Năm 2023, Hội Khuyến học tỉnh Hà Giang")
	if para.First < 567 || para.First > 720 || para.Align != "both" {
		t.Errorf("body paragraph: first-line indent %d twips, align %q; want 1–1.27 cm, justified", para.First, para.Align)
	}
	for _, p := range ps {
		if p.Style == "Heading1" && !p.KeepNext {
			t.Errorf("heading %q is not kept with the next paragraph", p.text())
		}
	}
	_, i := find("Nơi nhận:")
	for _, p := range ps[i+1 : i+5] {
		if p.Align != "left" || p.Numbered || !strings.HasPrefix(p.text(), "- ") {
			t.Errorf("«Nơi nhận» line %q: align %q, bullet %v; want typed «- », left-aligned", p.text(), p.Align, p.Numbered)
		}
	}
}

// No page of the Word file, as Writer lays it out, ends with a heading: a heading goes with what
// follows it (keep-with-next).
func TestNoHeadingAtPageFootInWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("needs LibreOffice Writer, pdftotext and qpdf")
	}
	res, opts := reporttest.Cluster6(t, lang.Vi)
	var buf bytes.Buffer
	if err := WriteReport(&buf, report.Build(res, opts)); err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile(`^[IVX]+\. `)
	pages := reporttest.Measure(t, writerPDF(t, buf.Bytes()))
	for i, p := range pages[:len(pages)-1] {
		if last := p.Segments[len(p.Segments)-1]; heading.MatchString(last.Text()) {
			t.Errorf("page %d ends with the heading %q", i+1, last.Text())
		}
	}
}
