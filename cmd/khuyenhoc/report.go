package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/excel"
	"github.com/khuyenhoc/khuyenhoc/report/pdf"
)

const reportLong = `Viết báo cáo tổng hợp (Excel và PDF) của một đơn vị hoặc một cụm thi đua: số liệu, so sánh
với kỳ trước và với chỉ tiêu, xếp hạng, tình hình nộp báo cáo, mọi vấn đề tìm thấy.
Write the consolidated report (Excel and PDF) of a unit or an emulation cluster.

Báo cáo Excel chứa cả báo cáo số liệu tổng hợp theo mẫu, nên cấp trên đọc được bằng
«khuyenhoc ingest». Cùng đầu vào và cùng --date cho ra cùng một tệp (từng byte).

Examples:
  khuyenhoc report testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --previous testdata/cum-6/2023 --targets testdata/cum-6/chi-tieu-2024.yaml \
      --date 2024-07-05 --place "Ninh Thuận" -o cum-6.xlsx --pdf cum-6.pdf

EXIT STATUS
  0 written, data without errors
  1 written, but a return was rejected or has errors (they are listed in the report)
  2 bad flag, unreadable targets or roster file, no returns found`

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
		Use:   "report PATH... [-o report.xlsx] [--pdf report.pdf]",
		Short: "Viết báo cáo tổng hợp / write the consolidated report",
		Long:  reportLong,
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
	inputs := append(append([]string{}, opts.paths...), opts.previous...)
	for _, out := range []string{opts.output, opts.pdf} {
		if out != "" {
			if err := refuseInput(g, out, inputs); err != nil {
				return err
			}
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
	if s := res.Tree.Scope; s.Unit.Code == "" && !s.Cluster && opts.org == "" {
		return g.usage("các báo cáo thuộc nhiều đơn vị không chung cấp trên; hãy chọn phạm vi bằng --scope (hoặc --roster) hoặc ghi tên hội viết báo cáo bằng --org",
			"the returns have several roots; choose the scope with --scope (or --roster), or name the association writing the report with --org")
	}
	if opts.output != "" {
		if err := writeFileAtomic(g, opts.output, inputs, func(w io.Writer) error { return excel.Write(w, res, d) }); err != nil {
			return err
		}
		fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết báo cáo Excel:", "Wrote the Excel report:"), opts.output)
	}
	if opts.pdf != "" {
		if err := writeFileAtomic(g, opts.pdf, inputs, func(w io.Writer) error { return pdf.Write(w, report.Build(res, d)) }); err != nil {
			return err
		}
		fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết báo cáo PDF:", "Wrote the PDF report:"), opts.pdf)
	}
	return verdict(g, res, opts.strict)
}
