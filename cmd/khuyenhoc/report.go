package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/excel"
	"github.com/khuyenhoc/khuyenhoc/report/output"
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
}

func newReportCmd(g *globals) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report THƯ_MỤC... [-o bao-cao.xlsx] [--pdf bao-cao.pdf] / report PATH... [-o report.xlsx] [--pdf report.pdf]",
		Short: "Viết báo cáo tổng hợp / write the consolidated report",
		Args:  needPaths(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReport(cmd.Context(), g, opts)
		},
	}
	opts.register(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.targets, "targets", "", "tệp chỉ tiêu (YAML) / targets file")
	f.StringVarP(&opts.output, "output", "o", "", "báo cáo Excel / Excel report (.xlsx)")
	f.StringVar(&opts.pdf, "pdf", "", "báo cáo PDF / PDF report")
	f.StringVar(&opts.title, "title", "", "tên phạm vi trong tiêu đề / scope name in the title")
	f.StringVar(&opts.date, "date", "", "ngày báo cáo / report date (YYYY-MM-DD)")
	f.StringVar(&opts.place, "place", "", "địa danh / place, as in «Ninh Thuận, ngày …»")
	f.StringVar(&opts.org, "org", "", "tên hội viết báo cáo / association writing the report")
	f.StringVar(&opts.number, "number", "", "số văn bản / document number, e.g. 12/BC-KH")
	return cmd
}

func runReport(ctx context.Context, g *globals, opts reportOptions) error {
	if opts.output == "" && opts.pdf == "" {
		return g.usage("không có gì để viết: hãy cho -o bao-cao.xlsx và/hoặc --pdf bao-cao.pdf", "nothing to write: give -o report.xlsx and/or --pdf report.pdf")
	}
	outs := g.newOutputs(opts.inputs(opts.paths, opts.targets)...)
	var xlsxOut, pdfOut *output.File
	var err error
	if opts.output != "" {
		if xlsxOut, err = outs.Add("-o", opts.output, output.Excel); err != nil {
			return usageErr(localize(g, err))
		}
	}
	if opts.pdf != "" {
		if pdfOut, err = outs.Add("--pdf", opts.pdf, output.PDF); err != nil {
			return usageErr(localize(g, err))
		}
	}
	d := report.Options{Lang: g.lang, Title: opts.title, Place: opts.place, Org: opts.org, Number: opts.number}
	if opts.date != "" {
		t, err := time.Parse("2006-01-02", opts.date)
		if err != nil {
			return g.usage("--date %q: hãy ghi ngày dạng 2024-12-20", "--date %q: want YYYY-MM-DD", opts.date)
		}
		d.Date = t
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
		return g.usage("không có báo cáo đọc được để viết báo cáo tổng hợp", "no readable returns to report on")
	}
	if xlsxOut != nil {
		xlsxOut.Write = func(w io.Writer) error { return excel.Write(w, res, d) }
	}
	if pdfOut != nil {
		pdfOut.Write = func(w io.Writer) error { return pdf.Write(w, report.Build(res, d)) }
	}
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết:", "Wrote:"), strings.Join(outs.Paths(), ", "))
	return verdict(g, res, opts.strict)
}
