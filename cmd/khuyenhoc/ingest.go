package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report/view"
)

type ingestOptions struct {
	scopeOptions
	paths  []string
	format string
	output string
	date   string
	unit   ingest.Unit
}

func newIngestCmd(g *globals) *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:  "ingest",
		Args: needPaths(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runIngest(cmd.Context(), g, opts)
		},
	}
	opts.register(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "")
	f.StringVarP(&opts.output, "output", "o", "", "")
	f.StringVar(&opts.unit.Code, "unit", "", "")
	f.StringVar(&opts.unit.Name, "name", "", "")
	f.StringVar(&opts.unit.Level, "level", "", "")
	f.StringVar(&opts.unit.Parent, "parent", "", "")
	f.StringVar(&opts.date, "date", "", "")
	return cmd
}

func runIngest(ctx context.Context, g *globals, opts ingestOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return g.usage(help.UnknownIngestFormat, opts.format)
	}
	opts.unit.Code, opts.unit.Parent = ingest.NormalizeCode(opts.unit.Code), ingest.NormalizeCode(opts.unit.Parent)
	for _, code := range []string{opts.unit.Code, opts.unit.Parent} {
		if code != "" {
			if err := ingest.CheckCode(code); err != nil {
				return usageErr(err)
			}
		}
	}
	outs := g.newOutputs(opts.inputs(opts.paths)...)
	var out *output.File
	if opts.output != "" {
		var err error
		if out, err = outs.Add("-o", opts.output, output.Excel); err != nil {
			return usageErr(err)
		}
	}
	if opts.date != "" {
		t, err := time.Parse("2006-01-02", opts.date)
		if err != nil {
			return g.usage(help.BadDate, opts.date)
		}
		opts.date = t.Format("02/01/2006")
	}
	bar := newProgress(g)
	po := opts.pipelineOptions()
	po.Progress = bar.update
	res, err := read(ctx, g, opts.paths, po)
	bar.done()
	if err != nil {
		return err
	}
	// The text table is written cell by cell: buffered, it is one write, not ten thousand.
	stdout := bufio.NewWriterSize(g.stdout, 64<<10)
	if opts.format == "json" {
		err = view.IngestJSONWrite(stdout, g.lang, res, currentBuild().tool())
	} else {
		err = view.IngestText(stdout, g.lang, res)
	}
	if err == nil {
		err = stdout.Flush()
	}
	if err != nil {
		return err
	}
	if out != nil {
		if err := writeConsolidated(ctx, g, opts, res, outs, out); err != nil {
			return err
		}
	}
	return verdict(g, res, opts.strict)
}

func writeConsolidated(ctx context.Context, g *globals, opts ingestOptions, res *pipeline.Result, outs *output.Set, out *output.File) error {
	u := opts.unit
	if u.Code == "" && res.Tree != nil {
		u = res.Tree.Scope.Unit
	}
	r := res.Totals().Return(u, res.Period())
	if res.Tree != nil {
		r = res.Tree.Consolidated(u)
	}
	r.ReportDate = opts.date
	out.Write = func(w io.Writer) error { return ingest.WriteReturn(w, res.Catalogue, r) }
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintln(g.stderr, g.say(help.WroteConsolidated, opts.output))
	return nil
}

// progress draws a bar on stderr when it is a terminal, and nothing otherwise.
type progress struct {
	w    io.Writer
	on   bool
	last int // the percentage drawn last
}

func newProgress(g *globals) *progress {
	return &progress{w: g.stderr, on: isTerminal(g.stderr), last: -1}
}

func (p *progress) update(done, all int) {
	pct := done * 100 / max(all, 1)
	if !p.on || pct == p.last {
		return
	}
	p.last = pct
	const width = 30
	fmt.Fprintf(p.w, "\r[%-*s] %d/%d", width, repeat('#', pct*width/100), done, all)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func repeat(c byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
