package html

import (
	"bytes"
	"flag"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sample is a report the tests write: cluster 6 (seed 001) or Hà Giang (seed 000).
type sample struct {
	name string
	read func(testing.TB, lang.Lang) (*pipeline.Result, report.Options)
	l    lang.Lang
}

var samples = []sample{
	{"cum-6.vi", reporttest.Cluster6, lang.Vi},
	{"cum-6.en", reporttest.Cluster6, lang.En},
	{"ha-giang.vi", reporttest.ReadHaGiang, lang.Vi},
}

// document is a sample's report as the PDF writer gets it, with its article.
func (s sample) document(t testing.TB) *report.Document {
	t.Helper()
	res, opts := s.read(t, s.l)
	return report.BuildArticle(res, opts)
}

// page writes the sample's page twice, each from its own reading of the returns, and checks
// that both are the same bytes.
func (s sample) page(t testing.TB, write func(io.Writer, *report.Document) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := write(buf, s.document(t)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("%s: two runs on the same inputs wrote different bytes", s.name)
	}
	return a.Bytes()
}

func TestGoldenArticle(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			reporttest.Golden(t, *update, s.name+".html", s.page(t, Write))
		})
	}
}

// The fragment is the page's <article>, with the article's styles inside it and nothing of the
// page's (no rule for body, html or @page).
func TestFragmentIsThePagesArticle(t *testing.T) {
	s := samples[0]
	page, frag := string(s.page(t, Write)), string(s.page(t, WriteFragment))
	start, end := strings.Index(page, "<article"), strings.Index(page, "</article>")
	if start < 0 || end < 0 {
		t.Fatal("no <article> in the page")
	}
	article := page[start : end+len("</article>\n")]
	styled := strings.Replace(article, "\n<header", "\n<style>\n"+articleCSS+"</style>\n<header", 1)
	if frag != styled {
		t.Errorf("the fragment is not the page's article with its styles:\n%s", frag[:min(len(frag), 400)])
	}
	for _, bad := range []string{"<html", "<body", "<head>", "<!DOCTYPE", "@page", "body{", "html{"} {
		if strings.Contains(frag, bad) {
			t.Errorf("the fragment holds %q", bad)
		}
	}
}

// Every rule of the article's styles applies inside the article only.
func TestArticleStylesAreScoped(t *testing.T) {
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(articleCSS, "")
	// The selectors are what stands before each "{" that is not an at-rule's.
	for _, m := range regexp.MustCompile(`([^{}]+)\{`).FindAllStringSubmatch(css, -1) {
		sel := strings.TrimSpace(m[1])
		if strings.HasPrefix(sel, "@media") {
			continue
		}
		for _, one := range strings.Split(sel, ",") {
			if !strings.HasPrefix(strings.TrimSpace(one), ".khh-article") {
				t.Errorf("selector %q applies outside the article", one)
			}
		}
	}
}

// The page asks for nothing from elsewhere: no script, no link to a style sheet or font, no
// image or frame, no url() but the chart's own pattern; links to elsewhere would be fine.
func TestPageLoadsNothing(t *testing.T) {
	for _, s := range samples {
		page := string(s.page(t, Write))
		for _, re := range []string{`<script`, `<link`, `<img`, `<iframe`, `<object`, `<embed`, `<video`, `<audio`, `<source`, `@import`, `\ssrc=`, `srcset=`, `xlink:href`, `url\((?:[^#)]|#[^k])`, `@font-face`} {
			if loc := regexp.MustCompile(re).FindStringIndex(page); loc != nil {
				t.Errorf("%s: %q at byte %d: %s", s.name, re, loc[0], page[max(0, loc[0]-60):min(len(page), loc[1]+60)])
			}
		}
		for _, want := range []string{`<html lang="` + string(s.l) + `">`, `<meta charset="utf-8">`, `name="viewport"`, `default-src 'none'`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %s", s.name, want)
			}
		}
	}
}

// Text from a return or the office's notes is text: markup in it is written as characters,
// never as elements or attributes.
func TestTextIsEscaped(t *testing.T) {
	bad := `<script>alert(1)</script><img src="http://x/y.png" onerror="z()">`
	doc := &report.Document{
		Article: report.Article{Headline: []report.Run{{Text: bad}}, Lead: []report.Run{{Text: bad, Bold: true}}, Place: bad},
		Author:  bad,
		Blocks: []report.Block{
			&report.Heading{Level: 1, Text: bad},
			&report.Paragraph{Runs: []report.Run{{Text: bad, Italic: true}}},
			&report.List{Items: [][]report.Run{{{Text: bad}}}},
			&report.Table{Columns: []report.Column{{Header: bad, Align: report.Left}}, Rows: []report.Row{{Cells: []string{bad}}}},
			&report.Chart{Title: bad, Legend: bad, Bars: []report.Bar{{Label: bad, Value: bad, TargetText: bad, Actual: 0.5, Target: 0.6}}},
		},
	}
	for _, write := range []func(io.Writer, *report.Document) error{Write, WriteFragment} {
		var buf bytes.Buffer
		if err := write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, raw := range []string{"<script", "<img", `src="http`, `onerror="`} {
			if strings.Contains(out, raw) {
				t.Errorf("%q is written as markup", raw)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("the text is not written as characters")
		}
	}
}
