package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest/preset"
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
	f.StringVar(&opts.preset, "preset", "", "tinh-2025, tinh-2024, xa-2025 hoặc/or xa-2024")
	f.StringVar(&opts.province, "tinh", "", "mã tỉnh, với xa-2025 và xa-2024 / province code, for xa-2025 and xa-2024")
	f.StringVarP(&opts.output, "output", "o", "", "tệp sẽ viết (mặc định: màn hình) / file to write (default: stdout)")
	return cmd
}

func runRoster(ctx context.Context, g *globals, opts rosterOptions) error {
	if opts.preset == "" {
		return g.usage("cần --preset: tinh-2025, tinh-2024, xa-2025 hoặc xa-2024", "--preset is required: tinh-2025, tinh-2024, xa-2025 or xa-2024")
	}
	ro, err := rollup.FromPreset(opts.preset, opts.province)
	if err != nil {
		return usageErr(err)
	}
	comment := []string{
		"Danh sách đơn vị «" + opts.preset + "» do khuyenhoc viết; sửa, bổ sung cụm (cum) và hạn nộp (han_nop) nếu cần.",
		"Nguồn: danh mục và bảng chuyển đổi đơn vị hành chính của Cục Thống kê (7/2025), qua sunshine-tech/VietnamProvinces.",
	}
	if opts.preset == preset.Communes2024 {
		comment = []string{
			"Danh sách đơn vị «" + opts.preset + "» (bản đồ hành chính trước 1/7/2025: tỉnh, huyện, xã cũ) do khuyenhoc viết;",
			"dùng cho mẫu báo cáo và số liệu năm 2024, và cho --previous-roster khi so sánh năm 2025 với năm 2024.",
			"Nguồn: danh mục đơn vị hành chính ngày 4/1/2025 và bảng chuyển đổi (7/2025) của Cục Thống kê, qua sunshine-tech/VietnamProvinces.",
		}
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
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "%s %s (%d %s)\n", g.text("Đã viết danh sách đơn vị:", "Wrote the roster:"), opts.output, len(ro.Units), g.text("đơn vị", "units"))
	return nil
}
