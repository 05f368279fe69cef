package html

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/pdf"
)

// The windows the article is opened in: a phone of 390 CSS pixels (emulated through the
// DevTools protocol: headless Chromium opens no window narrower than 500 pixels) and a desktop.
var windows = []struct {
	name          string
	width, height int
	mobile        bool
}{
	{"phone", 390, 844, true},
	{"desktop", 1280, 900, false},
}

// overflowJS measures the page's width against its window and names what sticks out of it
// (a table may be wider than its box: the box scrolls).
const overflowJS = `(() => {
  const de = document.documentElement, cw = de.clientWidth, wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.parentElement && el.parentElement.closest('.khh-table')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > cw + 0.5 || r.left < -0.5)) {
      wide.push(el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  return {scrollWidth: de.scrollWidth, clientWidth: cw, innerWidth: window.innerWidth, wide: wide.slice(0, 10)};
})()`

// tablesJS is every table's cells as the reader sees them, row by row.
const tablesJS = `Array.from(document.querySelectorAll('article table')).map(t => Array.from(t.rows).map(r => Array.from(r.cells).map(c => c.innerText.trim())))`

// The article opens in Chromium at a phone's and a desktop's width: it asks nothing of any
// other address, its console stays quiet, nothing but a table's own box scrolls sideways,
// every sentence, table cell and chart value of the report is in the page as the reader sees
// it, and so is every number the PDF prints.
func TestArticleInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the article in Chromium")
	}
	chromium := testtool.Need(t, "chromium", "chromium")
	pdftotext := testtool.Need(t, "pdftotext", "poppler-utils")
	pdfinfo := testtool.Need(t, "pdfinfo", "poppler-utils")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b := startBrowser(t, chromium)
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			doc := s.document(t)
			var page bytes.Buffer
			if err := Write(&page, doc); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), s.name+".html")
			if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
			pdfNumbers := numbers(pdfBody(t, pdftotext, doc))
			for _, w := range windows {
				tab, v := visit(t, ctx, b, u, w.width, w.height, w.mobile)
				for _, p := range v.problems(u, w.width) {
					t.Errorf("%s: %s", w.name, p)
				}
				shot, err := tab.screenshot(ctx, w.width)
				if err != nil {
					t.Fatal(err)
				}
				if cfg, err := png.DecodeConfig(bytes.NewReader(shot)); err != nil || cfg.Width != w.width {
					t.Errorf("%s: screenshot %d pixels wide (%v), want %d", w.name, cfg.Width, err, w.width)
				}
				keep(t, s.name+"."+w.name+".png", shot)
				if w.name != "phone" {
					continue
				}
				var text string
				if err := tab.eval(ctx, `document.body.innerText`, &text); err != nil {
					t.Fatal(err)
				}
				checkStates(t, doc, text)
				var tables [][][]string
				if err := tab.eval(ctx, tablesJS, &tables); err != nil {
					t.Fatal(err)
				}
				checkTables(t, doc, tables)
				var svg string
				if err := tab.eval(ctx, `Array.from(document.querySelectorAll('article svg')).map(s => s.textContent).join('\n')`, &svg); err != nil {
					t.Fatal(err)
				}
				checkChart(t, doc, svg)
				dom := numbers(text + "\n" + svg)
				for _, n := range pdfNumbers {
					if !slices.Contains(dom, n) {
						t.Errorf("the PDF states %s, the page does not", n)
					}
				}
				printed, err := tab.printPDF(ctx)
				if err != nil {
					t.Fatal(err)
				}
				printedPath := keep(t, s.name+".print.pdf", printed)
				info, err := exec.Command(pdfinfo, printedPath).Output()
				if err != nil {
					t.Fatalf("pdfinfo: %v", err)
				}
				if !regexp.MustCompile(`Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)`).Match(info) {
					t.Errorf("the printed page is not A4:\n%s", info)
				}
			}
		})
	}
}

// visited is what a page did in a window: the requests it made, what its console said, and its
// width against the window's with what sticks out.
type visited struct {
	requests, logs []string
	layout         struct {
		ScrollWidth, ClientWidth, InnerWidth int
		Wide                                 []string
	}
}

// visit opens u in a new tab of the browser, in a window width × height (a phone's when mobile).
func visit(t *testing.T, ctx context.Context, b *browser, u string, width, height int, mobile bool) (*tab, *visited) {
	t.Helper()
	tab, err := b.newTab(ctx, width, height, mobile)
	if err != nil {
		t.Fatal(err)
	}
	if err := tab.open(ctx, u); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tab.close(context.Background()) })
	v := &visited{requests: tab.requests, logs: tab.logs}
	if err := tab.eval(ctx, overflowJS, &v.layout); err != nil {
		t.Fatal(err)
	}
	return tab, v
}

// problems are what is wrong with a visit of the page u in a window width pixels wide: a
// request for anything but the page, a word on the console, a window of another width, a page
// wider than its window.
func (v *visited) problems(u string, width int) []string {
	var out []string
	for _, r := range v.requests {
		if r != u {
			out = append(out, "the page asked for "+r)
		}
	}
	for _, l := range v.logs {
		out = append(out, "the console says "+l)
	}
	m := v.layout
	if m.InnerWidth != width {
		out = append(out, fmt.Sprintf("the window is %d pixels wide, want %d", m.InnerWidth, width))
	}
	if m.ScrollWidth > m.ClientWidth || len(m.Wide) > 0 {
		out = append(out, fmt.Sprintf("the page is %d pixels wide in a window of %d; wider than the window: %v", m.ScrollWidth, m.ClientWidth, m.Wide))
	}
	return out
}

// pdfBody is the text pdftotext reads from the PDF of the same document, without what the
// article leaves out: the heading of the administrative document (number, motto, place and
// date), page numbers, the signature.
func pdfBody(t *testing.T, pdftotext string, doc *report.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	h := doc.Header
	leave := []string{h.Number, h.PlaceDate}
	for _, b := range doc.Blocks {
		if s, ok := b.(*report.Signature); ok {
			leave = append(append(leave, s.To...), s.Signer...)
			leave = append(leave, s.Name)
		}
	}
	for _, s := range leave {
		if s != "" {
			text = strings.ReplaceAll(text, s, " ")
		}
	}
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if regexp.MustCompile(`^\s*\d+\s*$`).MatchString(line) {
			continue // a page number
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// numbers are the numbers a text states, as written (2.191.958; 20,74%; 191,2), each once.
func numbers(text string) []string {
	var out []string
	for _, n := range regexp.MustCompile(`\d+(?:[.,]\d+)*%?`).FindAllString(text, -1) {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func normal(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkStates checks that the page's text holds the headline, the lead and every sentence and
// list item of the report's body.
func checkStates(t *testing.T, doc *report.Document, text string) {
	t.Helper()
	text = normal(text)
	want := []string{report.RunsText(doc.Article.Headline), report.RunsText(doc.Article.Lead)}
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *report.Paragraph:
			want = append(want, b.Text())
		case *report.List:
			for _, item := range b.Items {
				want = append(want, report.RunsText(item))
			}
		}
	}
	for _, w := range want {
		if w = normal(w); w != "" && !strings.Contains(text, w) {
			t.Errorf("the page does not say %q", w)
		}
	}
}

// checkTables checks that the page's tables are the report's, cell for cell.
func checkTables(t *testing.T, doc *report.Document, got [][][]string) {
	t.Helper()
	var want [][][]string
	for _, b := range doc.Blocks {
		tb, ok := b.(*report.Table)
		if !ok {
			continue
		}
		var rows [][]string
		var head []string
		for _, c := range tb.Columns {
			head = append(head, c.Header)
		}
		rows = append(rows, head)
		for _, r := range tb.Rows {
			rows = append(rows, r.Cells)
		}
		want = append(want, rows)
	}
	if len(got) != len(want) {
		t.Fatalf("the page has %d tables, the report %d", len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if j >= len(got[i]) || !slices.Equal(got[i][j], want[i][j]) {
				var g []string
				if j < len(got[i]) {
					g = got[i][j]
				}
				t.Errorf("table %d row %d: got %q, want %q", i+1, j, g, want[i][j])
			}
		}
	}
}

// checkChart checks that the chart's drawing names every bar with its value and target.
func checkChart(t *testing.T, doc *report.Document, svg string) {
	t.Helper()
	svg = normal(svg)
	for _, b := range doc.Blocks {
		c, ok := b.(*report.Chart)
		if !ok {
			continue
		}
		for _, bar := range c.Bars {
			for _, w := range []string{bar.Label, bar.Value, bar.TargetText} {
				if !strings.Contains(svg, w) {
					t.Errorf("the chart does not show %q", w)
				}
			}
		}
	}
}

// The browser checks catch what they look for: a page that asks another address for an image
// and holds a block wider than a phone fails them.
func TestBrowserChecksCatchABadPage(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a page in Chromium")
	}
	chromium := testtool.Need(t, "chromium", "chromium")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b := startBrowser(t, chromium)
	path := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>x</title></head>
<body><p>Bài viết</p><img src="http://127.0.0.1:9/anh.png" alt=""><div style="width:600px">rộng</div></body></html>`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
	_, v := visit(t, ctx, b, u, 390, 844, true)
	got := strings.Join(v.problems(u, 390), "\n")
	for _, want := range []string{"asked for http://127.0.0.1:9/anh.png", "wider than the window: [div"} {
		if !strings.Contains(got, want) {
			t.Errorf("the checks did not see %q; they said:\n%s", want, got)
		}
	}
}

// Pasted into a site's page, the article changes nothing of the site's own look: the site's
// heading, paragraph, list and table keep the styles they have without it; and the page with
// the article still fits a phone.
func TestFragmentKeepsTheSitesLook(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a page in Chromium")
	}
	chromium := testtool.Need(t, "chromium", "chromium")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	b := startBrowser(t, chromium)
	var frag bytes.Buffer
	if err := WriteFragment(&frag, samples[0].document(t)); err != nil {
		t.Fatal(err)
	}
	site := func(article string) string {
		return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trang của Hội</title>
<style>body{font-family:serif;margin:8px} h1{font-size:30px;color:rgb(0,80,0)} p{margin:3px;color:rgb(90,0,0)} table{width:60%} td{padding:9px}</style></head>
<body><h1 id="h">Tin tức</h1><p id="p">Trang của Hội</p><ul id="ul"><li>Mục</li></ul><table id="table"><tr><td id="td">ô</td></tr></table>` + article + `</body></html>`
	}
	const styles = `JSON.stringify(['h','p','ul','table','td'].map(id => { const s = getComputedStyle(document.getElementById(id)); return [id, s.fontFamily, s.fontSize, s.color, s.margin, s.padding, s.width, s.boxSizing, s.lineHeight] }))`
	var looks [2]string
	var articleLook string // the lead's colour and font in the site's page
	for i, page := range []string{site(""), site(frag.String())} {
		path := filepath.Join(t.TempDir(), "site.html")
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
		tab, v := visit(t, ctx, b, u, 390, 844, true)
		for _, p := range v.problems(u, 390) {
			t.Errorf("site page %d: %s", i, p)
		}
		if err := tab.eval(ctx, styles, &looks[i]); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := tab.eval(ctx, `JSON.stringify((s => [s.color, s.fontFamily])(getComputedStyle(document.querySelector('.khh-lead'))))`, &articleLook); err != nil {
				t.Fatal(err)
			}
			shot, err := tab.screenshot(ctx, 390)
			if err != nil {
				t.Fatal(err)
			}
			keep(t, "site-with-fragment.phone.png", shot)
		}
	}
	if looks[0] != looks[1] {
		t.Errorf("the article changes the site's look:\nwithout: %s\nwith:    %s", looks[0], looks[1])
	}
	if !strings.Contains(articleLook, `"rgb(27, 27, 27)"`) || !strings.Contains(articleLook, "Noto Sans") {
		t.Errorf("the site's rules for p change the article's lead: %s", articleLook)
	}
}
