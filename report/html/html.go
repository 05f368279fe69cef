package html

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/khuyenhoc/khuyenhoc/report"
)

//go:embed article.css
var articleCSS string

//go:embed page.css
var pageCSS string

//go:embed article.tmpl
var articleTmpl string

// tmpl is parsed when a page is first written, not when the program starts: most commands write
// none.
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("article").Parse(articleTmpl))
})

// Write writes the document as a whole HTML5 page: the article in a narrow column, readable on
// a phone, printable on A4.
func Write(w io.Writer, doc *report.Document) error {
	return write(w, doc, true)
}

// WriteFragment writes the <article> alone, with its own <style> whose rules all apply inside
// the article only, for a site's editor to paste into a page.
func WriteFragment(w io.Writer, doc *report.Document) error {
	return write(w, doc, false)
}

func write(w io.Writer, doc *report.Document, page bool) error {
	v := newView(doc)
	v.Page = page
	var buf bytes.Buffer
	if err := tmpl().ExecuteTemplate(&buf, "root", v); err != nil {
		return fmt.Errorf("write the article: %w", err)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// view is what the template writes: the document's words, set for the web.
type view struct {
	Page        bool
	Lang        string
	Title       string
	Description string
	PageCSS     template.CSS
	ArticleCSS  template.CSS
	Headline    []report.Run
	Byline      string
	Place       string
	DateISO     string
	DateText    string
	Lead        []report.Run
	Blocks      []block
}

// block is one block of the body; exactly one field is set.
type block struct {
	Heading *heading
	Para    *para
	List    *report.List
	Table   *table
	Chart   *chart
}

type heading struct {
	Level int // 2 or 3
	Text  string
}

type para struct {
	Class string
	Runs  []report.Run
}

type table struct {
	Label string
	Head  []cell
	Rows  []row
}

type row struct {
	Class string
	Cells []cell
}

type cell struct {
	Text   string
	Class  string
	Header bool // a row's header: <th scope="row">
}

func newView(doc *report.Document) *view {
	l := doc.Lang
	v := &view{
		Lang:        string(l),
		Headline:    doc.Article.Headline,
		Title:       report.RunsText(doc.Article.Headline),
		Description: report.RunsText(doc.Article.Lead),
		Lead:        doc.Article.Lead,
		Byline:      doc.Author,
		Place:       doc.Article.Place,
		PageCSS:     template.CSS(pageCSS),
		ArticleCSS:  template.CSS(articleCSS),
	}
	if v.Lang == "" {
		v.Lang = "vi"
	}
	if v.Title == "" {
		v.Title = doc.Title
		v.Headline = []report.Run{{Text: doc.Title}}
	}
	if !doc.Date.IsZero() {
		v.DateISO = doc.Date.Format("2006-01-02")
		v.DateText = l.Text(doc.Date.Format("02/01/2006"), doc.Date.Format("2 January 2006"))
	}
	ids := idPrefix(v.Title)
	section := ""
	charts := 0
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *report.Heading:
			text := b.Plain
			if text == "" {
				text = b.Text
			}
			level := 2
			if b.Level == 2 {
				level = 3
			}
			section = text
			v.Blocks = append(v.Blocks, block{Heading: &heading{Level: level, Text: text}})
		case *report.Paragraph:
			if strings.TrimSpace(b.Text()) == "" {
				continue
			}
			class := ""
			switch b.Style {
			case report.Note:
				class = "khh-note"
			case report.Caption:
				class = "khh-caption"
			}
			v.Blocks = append(v.Blocks, block{Para: &para{Class: class, Runs: b.Runs}})
		case *report.List:
			v.Blocks = append(v.Blocks, block{List: b})
		case *report.Table:
			v.Blocks = append(v.Blocks, block{Table: newTable(b, cmp.Or(section, doc.TableLabel))})
		case *report.Chart:
			charts++
			v.Blocks = append(v.Blocks, block{Chart: newChart(l, b, fmt.Sprintf("%s-c%d", ids, charts))})
		}
		// *report.Signature and *report.PageBreak belong to the signed document, not the article.
	}
	return v
}

// idPrefix names the ids of an article's elements after its headline, so that two articles on
// one page of a site do not share ids.
func idPrefix(title string) string {
	h := fnv.New32a()
	h.Write([]byte(title))
	return fmt.Sprintf("khh-%08x", h.Sum32())
}

// newTable is the table, named by label (its section's heading) for a reader of the page.
func newTable(t *report.Table, label string) *table {
	out := &table{Label: label}
	rowHeader := -1 // the first column of names heads its row
	for i, c := range t.Columns {
		if c.Align == report.Left {
			rowHeader = i
			break
		}
	}
	class := func(c report.Column) string {
		switch c.Align {
		case report.Right:
			return "khh-num"
		case report.Center:
			return "khh-c"
		}
		return ""
	}
	for _, c := range t.Columns {
		out.Head = append(out.Head, cell{Text: c.Header, Class: class(c)})
	}
	for _, r := range t.Rows {
		var cls string
		switch r.Style {
		case report.Total:
			cls = "khh-total"
		case report.Met:
			cls = "khh-met"
		case report.Missed:
			cls = "khh-missed"
		}
		rw := row{Class: cls}
		for i, text := range r.Cells {
			c := cell{Text: text, Header: i == rowHeader}
			if i < len(t.Columns) {
				c.Class = class(t.Columns[i])
			}
			rw.Cells = append(rw.Cells, c)
		}
		out.Rows = append(out.Rows, rw)
	}
	return out
}
