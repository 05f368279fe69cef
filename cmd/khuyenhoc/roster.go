package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

type rosterOptions struct {
	preset, province, output string
}

func newRosterCmd(g *globals) *cobra.Command {
	var opts rosterOptions
	cmd := &cobra.Command{
		Use:   "roster --preset TÊN [--tinh MÃ] [-o TỆP] / roster --preset NAME [--tinh CODE] [-o FILE]",
		Short: "Viết danh sách đơn vị có sẵn / write a built-in roster",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRoster(cmd.Context(), g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.preset, "preset", "", "tinh-2025, tinh-2024 hoặc/or xa-2025")
	f.StringVar(&opts.province, "tinh", "", "mã tỉnh, với xa-2025 / province code, for xa-2025")
	f.StringVarP(&opts.output, "output", "o", "", "tệp sẽ viết (mặc định: màn hình) / file to write (default: stdout)")
	return cmd
}

func runRoster(ctx context.Context, g *globals, opts rosterOptions) error {
	if opts.preset == "" {
		return g.usage("cần --preset: tinh-2025, tinh-2024 hoặc xa-2025", "--preset is required: tinh-2025, tinh-2024 or xa-2025")
	}
	ro, err := rollup.FromPreset(opts.preset, opts.province)
	if err != nil {
		return usageErr(err)
	}
	comment := []string{
		"Danh sách đơn vị «" + opts.preset + "» do khuyenhoc viết; sửa, bổ sung cụm (cum) và hạn nộp (han_nop) nếu cần.",
		"Nguồn: danh mục và bảng chuyển đổi đơn vị hành chính của Cục Thống kê (7/2025), qua sunshine-tech/VietnamProvinces.",
	}
	write := func(w io.Writer) error { return rollup.WriteRoster(w, comment, ro) }
	if opts.output == "" {
		return write(g.stdout)
	}
	outs := g.newOutputs()
	f, err := outs.Add("-o", opts.output, output.YAML)
	if err != nil {
		return usageErr(err)
	}
	f.Write = write
	return g.commit(ctx, outs)
}
