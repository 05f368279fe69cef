package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/report/view"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

const checkLong = `So sánh số liệu của đơn vị hoặc cụm với chỉ tiêu, cho script và CI.
Compare a unit's or a cluster's figures with the targets, for scripts and CI.

Với mỗi chỉ tiêu: thực hiện, mục tiêu, chênh lệch, đạt hay chưa. --per-unit (hoặc chỉ
tiêu riêng của đơn vị) xét thêm từng đơn vị trực thuộc / each sub-unit too.

Examples:
  khuyenhoc check testdata/binh-thanh-2022 --targets testdata/binh-thanh-2022.chi-tieu.yaml
  khuyenhoc check testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --targets testdata/cum-6/chi-tieu-2024.yaml --per-unit --format junit > check.xml

EXIT STATUS
  0 every target met
  1 data problems (a return rejected, or error-level findings)
  2 bad flag, unreadable targets or roster file, no returns found
  3 a target missed`

type checkOptions struct {
	scopeOptions
	paths   []string
	targets string
	perUnit bool
	format  string
}

func newCheckCmd(g *globals) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check PATH... --targets FILE",
		Short: "So sánh với chỉ tiêu / compare with targets",
		Long:  checkLong,
		Args:  needPaths(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runCheck(cmd.Context(), g, opts)
		},
	}
	opts.register(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.targets, "targets", "", "tệp chỉ tiêu (YAML) / targets file (required)")
	f.BoolVar(&opts.perUnit, "per-unit", false, "xét từng đơn vị trực thuộc / check each sub-unit too")
	f.StringVar(&opts.format, "format", "text", "text, json or junit")
	return cmd
}

func runCheck(ctx context.Context, g *globals, opts checkOptions) error {
	switch opts.format {
	case "text", "json", "junit":
	default:
		return g.usage("định dạng %q không có; hãy dùng text, json hoặc junit", "unknown format %q (want text, json or junit)", opts.format)
	}
	if opts.targets == "" {
		return g.usage("cần tệp chỉ tiêu: --targets TỆP", "--targets is required")
	}
	po := opts.pipelineOptions()
	po.Targets, po.PerUnit = opts.targets, opts.perUnit
	v, err := read(ctx, g, opts.paths, po)
	if err != nil {
		return err
	}
	if v.Tree == nil {
		return verdict(g, v, opts.strict)
	}
	switch opts.format {
	case "json":
		err = view.CheckJSONWrite(g.stdout, g.lang, v)
	case "junit":
		err = view.CheckJUnit(g.stdout, g.lang, v)
	default:
		err = view.CheckText(g.stdout, g.lang, v)
	}
	if err != nil {
		return err
	}
	if err := verdict(g, v, opts.strict); err != nil {
		return err
	}
	if missed := targets.Missed(v.Results); missed > 0 {
		return targetsMissed(fmt.Errorf("%s", g.text(
			fmt.Sprintf("%d trong %d chỉ tiêu chưa đạt", missed, len(v.Results)),
			fmt.Sprintf("%d of %d targets missed", missed, len(v.Results)))))
	}
	return nil
}
