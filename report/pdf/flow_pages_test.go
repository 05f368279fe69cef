package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// pages is the text of each page as pdftotext reads it (reading order, not layout), one string
// a page, its lines trimmed and the empty ones dropped.
func pages(t *testing.T, doc *report.Document) [][]string {
	t.Helper()
	testtool.Need(t, "pdftotext", "poppler-utils")
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var ps [][]string
	for _, page := range strings.Split(strings.TrimRight(string(out), "\f\n"), "\f") {
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		ps = append(ps, lines)
	}
	return ps
}

// cluster6 is the cluster-6 report's Document in a language.
func cluster6(t *testing.T, l lang.Lang) *report.Document {
	res, opts := reporttest.Cluster6(t, l)
	return report.Build(res, opts)
}

// words are Vietnamese words of many lengths, for paragraphs that break everywhere.
var words = strings.Fields("hội viên khuyến học khuyến tài xây dựng xã hội học tập gia đình dòng họ cộng đồng đơn vị " +
	"công dân trung tâm quỹ học bổng tăng so với năm trước đạt tỷ lệ được công nhận Nghị quyết Ban Thường vụ")

// synthetic is a Document of many paragraphs of varying length (one line to ten), some styled,
// some lists, headings between them, and the signature after a paragraph of last lines, so that
// page breaks fall everywhere. lead is the number of one-line paragraphs first: varying it moves
// every break.
func synthetic(lead int) *report.Document {
	doc := &report.Document{
		Lang: lang.Vi, Title: "Thử",
		Header: report.Header{Org: "Hội Khuyến học xã Thử", Number: "Số: 1/BC-KH", Country: "CỘNG HÒA", Motto: "Độc lập",
			PlaceDate: "Hà Nội, ngày 01 tháng 02 năm 2025", Kind: "BÁO CÁO", Title: []string{"Thử ngắt trang"}},
	}
	for i := range lead {
		doc.Blocks = append(doc.Blocks, &report.Paragraph{Runs: []report.Run{{Text: fmt.Sprintf("Dòng %d.", i+1)}}})
	}
	seed := uint32(lead*7919 + 1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	for i := range 40 {
		if i%3 == 1 {
			doc.Blocks = append(doc.Blocks, &report.Heading{Level: 1, Number: strconv.Itoa(i), Text: "MỤC SỐ " + strconv.Itoa(i)})
		}
		n := 1 + next(120)
		var b strings.Builder
		fmt.Fprintf(&b, "Đoạn %d:", i+1)
		for range n {
			b.WriteString(" " + words[next(len(words))])
		}
		b.WriteString(" (73,30%).")
		runs := []report.Run{{Text: b.String()}}
		if i%5 == 2 { // a styled paragraph: a bold figure glued to plain punctuation
			runs = []report.Run{{Text: b.String()[:len(b.String())-len(" (73,30%).")] + " ("}, {Text: "73,30%", Bold: true}, {Text: ")."}}
		}
		if i%7 == 3 {
			doc.Blocks = append(doc.Blocks, &report.List{Items: [][]report.Run{runs, {{Text: fmt.Sprintf("Mục %d.", i)}}}})
			continue
		}
		doc.Blocks = append(doc.Blocks, &report.Paragraph{Runs: runs})
	}
	doc.Blocks = append(doc.Blocks, &report.Signature{Recipients: "Nơi nhận:", To: []string{"- Như trên;", "- Lưu VP."},
		Signer: []string{"TM. BAN CHẤP HÀNH", "CHỦ TỊCH"}, Name: "Nguyễn Văn A"})
	return doc
}

// documents are the documents the layout tests run over.
func documents(t *testing.T) map[string]*report.Document {
	docs := map[string]*report.Document{"cum-6.vi": cluster6(t, lang.Vi), "cum-6.en": cluster6(t, lang.En)}
	for lead := range 14 {
		docs["synthetic."+strconv.Itoa(lead)] = synthetic(lead * 3)
	}
	return docs
}

// Pages are numbered as Nghị định 30/2020 says: nothing on the first page, a plain number centred
// at the top of the others.
func TestPagesNumberedAtTheTopFromTheSecond(t *testing.T) {
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			ps := pages(t, doc)
			if len(ps) < 2 {
				t.Fatalf("%d pages, want at least 2 for this test", len(ps))
			}
			if _, err := strconv.Atoi(ps[0][0]); err == nil {
				t.Errorf("page 1 starts with a number %q, want none", ps[0][0])
			}
			for i, p := range ps[1:] {
				if p[0] != strconv.Itoa(i+2) {
					t.Errorf("page %d starts with %q, want its number", i+2, p[0])
				}
			}
			for i, p := range ps {
				for _, l := range p {
					if strings.Contains(l, "Trang ") || strings.Contains(l, "Page ") {
						t.Errorf("page %d still says %q", i+1, l)
					}
				}
			}
		})
	}
}

// flat is text with its spaces made single.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// The signature block is on the page of the last paragraph's last lines, never alone.
func TestSignatureKeptWithLastParagraph(t *testing.T) {
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			var last string
			var sig *report.Signature
			for i, b := range doc.Blocks {
				if s, ok := b.(*report.Signature); ok && i > 0 {
					sig = s
					if p, ok := doc.Blocks[i-1].(*report.Paragraph); ok {
						last = flat(p.Text())
					}
				}
			}
			if sig == nil || last == "" {
				t.Fatal("the document has no signature after a paragraph")
			}
			ps := pages(t, doc)
			for i, p := range ps {
				text := flat(strings.Join(p, " "))
				if !strings.Contains(text, sig.Signer[0]) {
					continue
				}
				tail := strings.Fields(last)
				tail = tail[max(0, len(tail)-3):]
				if !strings.Contains(text, strings.Join(tail, " ")) {
					t.Errorf("the signature is on page %d without the end of the last paragraph %q:\n%s", i+1, strings.Join(tail, " "), strings.Join(p, "\n"))
				}
				return
			}
			t.Errorf("no page holds the signer %q", sig.Signer[0])
		})
	}
}

// No paragraph leaves a single line at the foot of a page or carries a single line (such as
// "(73,30%).") over to the head of the next.
func TestNoLoneLineAtPageBreaks(t *testing.T) {
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			var paras []string
			for _, b := range doc.Blocks {
				switch b := b.(type) {
				case *report.Paragraph:
					if b.Style == report.Body {
						paras = append(paras, flat(b.Text()))
					}
				case *report.List:
					for _, it := range b.Items {
						paras = append(paras, flat("- "+report.RunsText(it)))
					}
				}
			}
			ps := pages(t, doc)
			splits := 0
			for i := 1; i < len(ps); i++ {
				prev, cur := ps[i-1], ps[i][1:] // the page's number first
				if len(cur) == 0 || len(prev) == 0 {
					continue
				}
				for _, para := range paras {
					head, tail := flat(prev[len(prev)-1]), flat(cur[0])
					if strings.Contains(para, head) && strings.Contains(para, tail) && !strings.HasPrefix(para, tail) &&
						strings.Index(para, head) < strings.Index(para, tail) {
						splits++
						if strings.HasPrefix(para, head) {
							t.Errorf("page %d ends with the first line of a paragraph alone: %q", i, head)
						}
						if strings.HasSuffix(para, tail) {
							t.Errorf("page %d starts with the last line of a paragraph alone: %q", i+1, tail)
						}
					}
				}
			}
			t.Logf("%d pages, %d paragraphs broken across pages", len(ps), splits)
		})
	}
}

// A table's headers break between words, never inside one, however narrow their columns:
// "Learning communities", not "Learning communi / ties".
func TestTableHeadersBreakBetweenWords(t *testing.T) {
	headers := []string{"Unit", "Learning communities", "Learning families", "Recognised", "Registered", "Members per population", "Scholarships (million dong)", "Community learning centres"}
	tbl := &report.Table{}
	for _, h := range headers {
		tbl.Columns = append(tbl.Columns, report.Column{Header: h, Width: 167.0 / float64(len(headers)), Align: report.Right})
	}
	tbl.Rows = []report.Row{{Cells: []string{"A", "1", "2", "3", "4", "5", "6", "7"}}}
	doc := &report.Document{Lang: lang.En, Header: report.Header{Org: "Test", Kind: "REPORT"}, Blocks: []report.Block{tbl}}
	text := strings.Join(pagesFlat(t, doc), " ")
	for _, h := range headers {
		for _, w := range strings.Fields(h) {
			if !strings.Contains(" "+text+" ", " "+w+" ") {
				t.Errorf("the header word %q is not written whole:\n%s", w, text)
			}
		}
	}
}

// pagesFlat is each page's lines, as pages reads them, joined by spaces.
func pagesFlat(t *testing.T, doc *report.Document) []string {
	t.Helper()
	var out []string
	for _, p := range pages(t, doc) {
		out = append(out, strings.Join(p, " "))
	}
	return out
}

// A heading is never the last line of a page: it goes with what follows it.
func TestHeadingsKeptWithWhatFollows(t *testing.T) {
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			headings := map[string]bool{}
			for _, b := range doc.Blocks {
				if h, ok := b.(*report.Heading); ok {
					text := h.Text
					if h.Level == 1 {
						text = h.Number + ". " + h.Text
					}
					headings[flat(text)] = true
				}
			}
			ps := pages(t, doc)
			for i, p := range ps[:len(ps)-1] {
				if last := flat(p[len(p)-1]); headings[last] {
					t.Errorf("page %d ends with the heading %q", i+1, last)
				}
			}
		})
	}
}

// A table's total row never starts a page alone, whatever the table's length.
func TestTableTotalNotAloneOnAPage(t *testing.T) {
	for n := 30; n <= 50; n++ {
		tbl := &report.Table{Columns: []report.Column{{Header: "Đơn vị", Width: 100, Align: report.Left}, {Header: "Hội viên", Width: 67, Align: report.Right}}}
		for i := range n {
			tbl.Rows = append(tbl.Rows, report.Row{Cells: []string{fmt.Sprintf("Xã số %d", i+1), strconv.Itoa(1000 * (i + 1))}})
		}
		tbl.Rows = append(tbl.Rows, report.Row{Cells: []string{"Tổng cộng", "1"}, Style: report.Total})
		doc := &report.Document{Lang: lang.Vi, Header: report.Header{Org: "Thử", Kind: "BÁO CÁO"}, Blocks: []report.Block{tbl}}
		for i, p := range pagesFlat(t, doc) {
			if strings.Contains(p, "Tổng cộng") && !strings.Contains(p, fmt.Sprintf("Xã số %d ", n)) {
				t.Errorf("%d rows: the total is alone on page %d: %s", n, i+1, p)
			}
		}
	}
}
