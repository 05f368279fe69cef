package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

const templateLong = `Viết sổ làm việc mẫu báo cáo số liệu khuyến học (.xlsx) để cấp dưới điền.
Write the blank return workbook for lower levels to fill in.

Ô cần điền được mở khoá và kiểm tra (số nguyên không âm; danh sách chọn cấp và kỳ);
mọi ô khác bị khoá. Có thể điền sẵn thông tin một đơn vị.

Examples:
  khuyenhoc template -o mau-bao-cao.xlsx
  khuyenhoc template --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" --level huyen \
      --parent 42 --period 2024 -o 447-ky-anh.xlsx

EXIT STATUS
  0 written; 2 bad flag or the file cannot be written`

type templateOptions struct {
	output string
	unit   ingest.Unit
	period string
}

func newTemplateCmd(g *globals) *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:   "template [-o FILE]",
		Short: "Viết mẫu báo cáo / write the return template",
		Long:  templateLong,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "mau-bao-cao-khuyen-hoc.xlsx", "tệp sẽ viết / file to write")
	f.StringVar(&opts.unit.Code, "unit", "", "mã đơn vị / unit code")
	f.StringVar(&opts.unit.Name, "name", "", "tên đơn vị / unit name")
	f.StringVar(&opts.unit.Level, "level", "", "cấp / level (tinh, huyen, xa, …)")
	f.StringVar(&opts.unit.Parent, "parent", "", "mã đơn vị cấp trên / parent unit code")
	f.StringVar(&opts.period, "period", "", "kỳ báo cáo / period: 2024 or 2024-H1")
	return cmd
}

func runTemplate(g *globals, opts templateOptions) error {
	cat := ingest.DefaultCatalogue()
	t := ingest.TemplateOptions{Unit: opts.unit}
	if opts.period != "" {
		p, err := ingest.ParsePeriod(opts.period)
		if err != nil {
			return usageErr(err)
		}
		t.Period = p
	}
	if opts.unit.Level != "" {
		if _, ok := cat.Level(opts.unit.Level); !ok {
			return usagef("unknown level %q", opts.unit.Level)
		}
	}
	if err := writeFileAtomic(opts.output, nil, func(w io.Writer) error {
		return ingest.WriteTemplate(w, cat, t)
	}); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết mẫu báo cáo:", "Wrote the return template:"), opts.output)
	return nil
}
