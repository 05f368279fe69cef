package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
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
		Use:  "roster",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRoster(cmd.Context(), g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.preset, "preset", "", "")
	f.StringVar(&opts.province, "tinh", "", "")
	f.StringVarP(&opts.output, "output", "o", "", "")
	return cmd
}

func runRoster(ctx context.Context, g *globals, opts rosterOptions) error {
	if opts.preset == "" {
		return g.usage(help.NeedPreset)
	}
	ro, err := rollup.FromPreset(opts.preset, opts.province)
	if err != nil {
		return usageErr(err)
	}
	comment := help.RosterComment
	if opts.preset == preset.Communes2024 {
		comment = help.RosterComment2024
	}
	lines := strings.Split(fmt.Sprintf(comment, opts.preset), "\n")
	write := func(w io.Writer) error { return rollup.WriteRoster(w, lines, ro) }
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
	fmt.Fprintln(g.stderr, g.say(help.WroteRoster, opts.output, len(ro.Units)))
	return nil
}
