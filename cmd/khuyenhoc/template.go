package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

const templateLong = `Viết sổ làm việc mẫu báo cáo số liệu khuyến học (.xlsx) để cấp dưới điền.
Write the blank return workbook for lower levels to fill in.

Ô cần điền được mở khoá và kiểm tra (số nguyên không âm; danh sách chọn cấp và kỳ);
mọi ô khác bị khoá. Có thể điền sẵn thông tin một đơn vị.

Examples:
  khuyenhoc template -o mau-bao-cao.xlsx
  khuyenhoc template --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" --level huyen \
      --parent 42 --period 2024 -o 447-ky-anh.xlsx
  khuyenhoc template --roster danh-sach.yaml --parent VN --period 2024-H1 -o mau-cac-tinh/

EXIT STATUS
  0 written; 2 bad flag or the file cannot be written`

const defaultTemplate = "mau-bao-cao-khuyen-hoc.xlsx"

type templateOptions struct {
	output string
	unit   ingest.Unit
	period string
	roster string
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
	f.StringVarP(&opts.output, "output", "o", defaultTemplate, "tệp sẽ viết (thư mục, với --roster) / file to write (a folder, with --roster)")
	f.StringVar(&opts.unit.Code, "unit", "", "mã đơn vị / unit code")
	f.StringVar(&opts.unit.Name, "name", "", "tên đơn vị / unit name")
	f.StringVar(&opts.unit.Level, "level", "", "cấp / level (tinh, huyen, xa, …)")
	f.StringVar(&opts.unit.Parent, "parent", "", "mã đơn vị cấp trên / parent unit code")
	f.StringVar(&opts.period, "period", "", "kỳ báo cáo / period: 2024 or 2024-H1")
	f.StringVar(&opts.roster, "roster", "", "viết một mẫu cho mỗi đơn vị trong danh sách (-o là thư mục; --parent, --level chọn đơn vị) / one template per unit of the roster")
	return cmd
}

func runTemplate(g *globals, opts templateOptions) error {
	cat := ingest.DefaultCatalogue()
	t := ingest.TemplateOptions{Unit: opts.unit}
	if opts.period != "" {
		p, err := ingest.ParsePeriod(opts.period)
		if err != nil {
			return usageErr(localize(g, err))
		}
		t.Period = p
	}
	if opts.unit.Level != "" {
		if _, ok := cat.Level(opts.unit.Level); !ok {
			return g.usage("cấp %q không có; hãy dùng một mã cấp như tinh, huyen, xa", "unknown level %q (use a level code such as tinh, huyen, xa)", opts.unit.Level)
		}
	}
	if opts.roster != "" {
		return writeRosterTemplates(g, cat, opts, t.Period)
	}
	if err := writeFileAtomic(g, opts.output, nil, func(w io.Writer) error {
		return ingest.WriteTemplate(w, cat, t)
	}); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "%s %s\n", g.text("Đã viết mẫu báo cáo:", "Wrote the return template:"), opts.output)
	return nil
}

// writeRosterTemplates writes a pre-filled template for every unit of the roster (those under
// --parent and of --level, when given) into the folder -o.
func writeRosterTemplates(g *globals, cat *ingest.Catalogue, opts templateOptions, p ingest.Period) error {
	ro, err := rollup.ReadRoster(opts.roster)
	if err != nil {
		return usageErr(localize(g, err))
	}
	dir := opts.output
	if dir == defaultTemplate {
		dir = "mau-bao-cao"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usageErr(err)
	}
	var units []ingest.Unit
	for _, u := range ro.Units {
		if opts.unit.Parent != "" && u.Parent != opts.unit.Parent || opts.unit.Level != "" && u.Level != opts.unit.Level ||
			opts.unit.Parent == "" && u.Parent == "" {
			continue
		}
		units = append(units, u)
	}
	n := len(units)
	if n > 0 {
		stamp, err := ingest.NewTemplateStamp(cat, ingest.TemplateOptions{Period: p})
		if err != nil {
			return err
		}
		// Every file is written whole or not at all, in parallel; the first failure stops the rest.
		var (
			next = make(chan ingest.Unit)
			errs = make(chan error, runtime.GOMAXPROCS(0))
			wg   sync.WaitGroup
		)
		for range cap(errs) {
			wg.Go(func() {
				var buf bytes.Buffer
				for u := range next {
					buf.Reset()
					if err := stamp.Write(&buf, u); err != nil {
						errs <- err
						return
					}
					path := filepath.Join(dir, u.Code+"-"+ingest.Slug(rollup.DisplayName(u))+".xlsx")
					if err := writeFileAtomic(g, path, nil, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
						errs <- err
						return
					}
				}
			})
		}
	feed:
		for _, u := range units {
			select {
			case next <- u:
			case err := <-errs:
				errs <- err
				break feed
			}
		}
		close(next)
		wg.Wait()
		close(errs)
		if err := <-errs; err != nil {
			return err
		}
	}
	if n == 0 {
		return g.usage("không có đơn vị nào trong danh sách khớp --parent %q --level %q", "no unit of the roster matches --parent %q --level %q", opts.unit.Parent, opts.unit.Level)
	}
	fmt.Fprintf(g.stderr, "%s\n", g.text(fmt.Sprintf("Đã viết %d mẫu báo cáo vào %s", n, dir), fmt.Sprintf("Wrote %d templates into %s", n, dir)))
	return nil
}
