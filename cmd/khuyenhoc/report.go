package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/docx"
	"github.com/khuyenhoc/khuyenhoc/report/excel"
	"github.com/khuyenhoc/khuyenhoc/report/html"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
	"github.com/khuyenhoc/khuyenhoc/report/pdf"
)

type reportOptions struct {
	scopeOptions
	paths   []string
	targets string
	output  string
	pdf     string
	title   string
	date    string
	place   string
	org     string
	number  string
	docx    string
	notes   string
	html    string         // the article for the association's website, a whole page
	htmlCMS string         // the same article, the <article> alone for a site's editor
	own     report.Options // the signer, the recipients, the body above
}

func newReportCmd(g *globals) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:  "report",
		Args: needPaths(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReport(cmd.Context(), g, opts)
		},
	}
	opts.register(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.targets, "targets", "", "")
	f.StringVarP(&opts.output, "output", "o", "", "")
	f.StringVar(&opts.pdf, "pdf", "", "")
	f.StringVar(&opts.title, "title", "", "")
	f.StringVar(&opts.date, "date", "", "")
	f.StringVar(&opts.place, "place", "", "")
	f.StringVar(&opts.org, "org", "", "")
	f.StringVar(&opts.number, "number", "", "")
	f.StringVar(&opts.docx, "docx", "", "")
	f.StringVar(&opts.html, "html", "", "")
	f.StringVar(&opts.htmlCMS, "html-fragment", "", "")
	f.StringVar(&opts.notes, "notes", "", "")
	f.StringVar(&opts.own.OrgParent, "org-parent", "", "")
	f.StringVar(&opts.own.Signer, "signer", "", "")
	f.StringArrayVar(&opts.own.SignerTitles, "signer-title", nil, "")
	f.StringArrayVar(&opts.own.Recipients, "recipients", nil, "")
	return cmd
}

func runReport(ctx context.Context, g *globals, opts reportOptions) error {
	if opts.output == "" && opts.pdf == "" && opts.docx == "" && opts.html == "" && opts.htmlCMS == "" {
		return g.usage(help.NothingToWrite)
	}
	outs := g.newOutputs(opts.inputs(opts.paths, opts.targets, opts.notes)...)
	var xlsxOut, pdfOut, docxOut, htmlOut, cmsOut *output.File
	var err error
	for _, o := range []struct {
		flag, path string
		kind       output.Kind
		file       **output.File
	}{{"-o", opts.output, output.Excel, &xlsxOut}, {"--pdf", opts.pdf, output.PDF, &pdfOut}, {"--docx", opts.docx, output.Word, &docxOut},
		{"--html", opts.html, output.HTML, &htmlOut}, {"--html-fragment", opts.htmlCMS, output.HTML, &cmsOut}} {
		if o.path == "" {
			continue
		}
		if *o.file, err = outs.Add(o.flag, o.path, o.kind); err != nil {
			return usageErr(err)
		}
	}
	reportOpts := opts.own
	reportOpts.Lang, reportOpts.Title, reportOpts.Place, reportOpts.Org, reportOpts.Number = g.lang, opts.title, opts.place, opts.org, opts.number
	if opts.notes != "" {
		n, err := readNotes(g, opts.notes)
		if err != nil {
			return usageErr(err)
		}
		reportOpts.Notes = n
	}
	if opts.date != "" {
		t, err := time.Parse("2006-01-02", opts.date)
		if err != nil {
			return g.usage(help.BadDate, opts.date)
		}
		reportOpts.Date = t
	}
	bar := newProgress(g)
	po := opts.pipelineOptions()
	po.Progress, po.Targets, po.PerUnit = bar.update, opts.targets, true
	res, err := read(ctx, g, opts.paths, po)
	bar.done()
	if err != nil {
		return err
	}
	if res.Tree == nil {
		if err := verdict(g, res, opts.strict); err != nil {
			return err
		}
		return g.usage(help.NoReadableReturns)
	}
	if s := res.Tree.Scope; s.Unit.Code == "" && !s.Cluster && opts.org == "" {
		return g.usage(help.SeveralRoots)
	}
	// The facts are made once for every file written; the writers run at the same time and only
	// read them.
	facts := report.NewFacts(res, reportOpts)
	if facts.Unnamed() {
		fmt.Fprintf(g.stderr, "%s: %s\n", g.say(help.Warning), g.say(help.Unnamed, res.Tree.Scope.Unit.Code))
	}
	warnings, err := facts.CheckNotes()
	if err != nil {
		return usageErr(help.InFile.Errorf(opts.notes, err))
	}
	for _, w := range warnings {
		fmt.Fprintf(g.stderr, "%s: %s: %s\n", opts.notes, g.say(help.Warning), w)
	}
	// The Document is built once for the PDF, Word and HTML files; the article adds its headline
	// and lead to it once for both HTML ones.
	doc := sync.OnceValue(facts.Document)
	article := sync.OnceValue(func() *report.Document { return facts.WithArticle(doc()) })
	if htmlOut != nil {
		htmlOut.Write = func(w io.Writer) error { return html.Write(w, article()) }
	}
	if cmsOut != nil {
		cmsOut.Write = func(w io.Writer) error { return html.WriteFragment(w, article()) }
	}
	if xlsxOut != nil {
		xlsxOut.Write = func(w io.Writer) error { return excel.Write(w, facts) }
	}
	if pdfOut != nil {
		pdfDoc := prepared(g, pdf.Prepare, doc())
		pdfOut.Write = func(w io.Writer) error { return pdf.Write(w, pdfDoc) }
	}
	if docxOut != nil {
		docxDoc := prepared(g, docx.Prepare, doc())
		docxOut.Write = func(w io.Writer) error { return docx.WriteReport(w, docxDoc) }
	}
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintln(g.stderr, g.say(help.WroteReport, strings.Join(outs.Paths(), ", ")))
	return verdict(g, res, opts.strict)
}

func readNotes(g *globals, path string) (*notes.Notes, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, help.NotesNotOpen.Errorf(err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, notes.MaxSize+1))
	if err != nil {
		return nil, help.NotesNotRead.Errorf(err)
	}
	warnInvalid(g, path, data)
	return notes.Parse(bytes.NewReader(data), path) // its errors (*lang.Error) name file and line
}

// prepared is the document with every text made writable by prepare, each repair a warning on
// stderr (the first maxRepairs of them, then how many more).
func prepared(g *globals, prepare func(*report.Document) (*report.Document, []*lang.Error), doc *report.Document) *report.Document {
	const maxRepairs = 20
	doc, repairs := prepare(doc)
	for i, r := range repairs {
		if i == maxRepairs {
			fmt.Fprintf(g.stderr, "%s: %s\n", g.say(help.Warning), g.say(help.MoreRepaired, len(repairs)-i))
			break
		}
		fmt.Fprintf(g.stderr, "%s: %s\n", g.say(help.Warning), r.Message(g.lang))
	}
	return doc
}

// warnInvalid warns of the lines of a text file that hold bytes that are not UTF-8 (the first
// few): the writers show them as a replacement mark.
func warnInvalid(g *globals, path string, data []byte) {
	const most = 5
	if utf8.Valid(data) {
		return
	}
	line, bad := 0, 0
	for l := range bytes.Lines(data) {
		line++
		if utf8.Valid(l) {
			continue
		}
		if bad++; bad > most {
			break
		}
		fmt.Fprintf(g.stderr, "%s:%d: %s: %s\n", path, line, g.say(help.Warning), g.say(help.NotUTF8))
	}
}
