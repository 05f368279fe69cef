package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/report/view"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

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
		Use:  "check",
		Args: needPaths(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runCheck(cmd.Context(), g, opts)
		},
	}
	opts.register(cmd)
	f := cmd.Flags()
	f.StringVar(&opts.targets, "targets", "", "")
	f.BoolVar(&opts.perUnit, "per-unit", false, "")
	f.StringVar(&opts.format, "format", "text", "")
	return cmd
}

func runCheck(ctx context.Context, g *globals, opts checkOptions) error {
	switch opts.format {
	case "text", "json", "junit":
	default:
		return g.usage(help.UnknownCheckFormat, opts.format)
	}
	if opts.targets == "" {
		return g.usage(help.NeedTargets)
	}
	po := opts.pipelineOptions()
	po.Targets, po.PerUnit = opts.targets, opts.perUnit
	v, err := read(ctx, g, opts.paths, po)
	if err != nil {
		return err
	}
	if v.Tree != nil && len(v.Results) == 0 {
		return g.usage(help.NoTargetApplies, opts.targets, v.Tree.Scope.Unit.Code)
	}
	switch opts.format {
	case "json":
		err = view.CheckJSONWrite(g.stdout, g.lang, v, currentBuild().tool())
	case "junit":
		err = view.CheckJUnit(g.stdout, g.lang, v, opts.strict)
	case "text":
		if v.Tree == nil { // every return rejected: say what became of the files
			err = view.IngestText(g.stdout, g.lang, v)
			break
		}
		err = view.CheckText(g.stdout, g.lang, v)
	}
	if err != nil {
		return err
	}
	if err := verdict(g, v, opts.strict); err != nil {
		return err
	}
	if missed := targets.Missed(v.Results); missed > 0 {
		return targetsMissed(help.TargetsMissed.Errorf(missed, len(v.Results)))
	}
	return nil
}
