package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/docx"
	"github.com/khuyenhoc/khuyenhoc/report/excel"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
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
	docx    string
	notes   string
	own     report.Options // the signer, the recipients, the body above
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
	f.StringVar(&opts.docx, "docx", "", "báo cáo Word để sửa trước khi ký / Word report to edit before signing (.docx)")
	f.StringVar(&opts.notes, "notes", "", "lời văn của văn phòng (Markdown, có {{hoi_vien}}…) / the office's own words")
	f.StringVar(&opts.own.OrgParent, "org-parent", "", "cơ quan cấp trên, ghi trên tên hội / the body above the association")
	f.StringVar(&opts.own.Signer, "signer", "", "họ tên người ký / who signs")
	f.StringArrayVar(&opts.own.SignerTitles, "signer-title", nil, "chức danh ký, mỗi lần một dòng (TM. BAN THƯỜNG VỤ, CHỦ TỊCH) / signing title, one line each")
	f.StringArrayVar(&opts.own.Recipients, "recipients", nil, "nơi nhận, mỗi lần một dòng / recipients, one line each")
	return cmd
}

func runReport(ctx context.Context, g *globals, opts reportOptions) error {
	if opts.output == "" && opts.pdf == "" && opts.docx == "" {
		return g.usage("không có gì để viết: hãy cho -o bao-cao.xlsx, --pdf bao-cao.pdf và/hoặc --docx bao-cao.docx", "nothing to write: give -o report.xlsx, --pdf report.pdf and/or --docx report.docx")
	}
	inputs := append(append([]string{}, opts.paths...), opts.previous...)
	if opts.notes != "" {
		inputs = append(inputs, opts.notes)
	}
	for _, out := range []string{opts.output, opts.pdf, opts.docx} {
		if out != "" {
			if err := refuseInput(g, out, inputs); err != nil {
				return err
			}
		}
	}
	d := opts.own
	d.Lang, d.Title, d.Place, d.Org, d.Number = g.lang, opts.title, opts.place, opts.org, opts.number
	if opts.notes != "" {
		n, err := readNotes(opts.notes)
		if err != nil {
			return usageErr(localize(g, err))
		}
		d.Notes = n
	}
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
	warnings, err := report.CheckNotes(res, d)
	if err != nil {
		return usageErr(fmt.Errorf("%s: %w", opts.notes, localize(g, err)))
	}
	for _, w := range warnings {
		fmt.Fprintf(g.stderr, "%s: %s: %s\n", opts.notes, g.text("cảnh báo", "warning"), w)
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
	if opts.docx != "" {
		if err := writeFileAtomic(g, opts.docx, inputs, func(w io.Writer) error { return docx.WriteReport(w, report.Build(res, d)) }); err != nil {
			return err
		}
		fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết báo cáo Word:", "Wrote the Word report:"), opts.docx)
	}
	return verdict(g, res, opts.strict)
}

func readNotes(path string) (*notes.Notes, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, lang.Errorf("không mở được tệp lời văn: %v", "notes: %v", err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, path)
	var ne *notes.Error
	if errors.As(err, &ne) {
		return nil, &lang.Error{Vi: fmt.Sprintf("%s:%d: %s", ne.File, ne.Line, ne.Vi), En: ne.Error()}
	}
	return n, err
}
