package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
)

// scopeOptions are the flags that choose what is rolled up: shared by ingest, check and report.
type scopeOptions struct {
	period    string
	roster    string
	scope     string
	previous  []string
	oldRoster string
	strict    bool
}

func (o *scopeOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.period, "period", "", "")
	f.StringVar(&o.roster, "roster", "", "")
	f.StringVar(&o.scope, "scope", "", "")
	f.StringArrayVar(&o.previous, "previous", nil, "")
	f.StringVar(&o.oldRoster, "previous-roster", "", "")
	f.BoolVar(&o.strict, "strict", false, "")
}

// inputs are every input file and folder these flags name, with the paths given and extra input
// files (targets): none of them may be an output.
func (o *scopeOptions) inputs(paths []string, extra ...string) []string {
	return append(append(append([]string{o.roster, o.oldRoster}, paths...), o.previous...), extra...)
}

// pipelineOptions are the flags as the pipeline takes them.
func (o *scopeOptions) pipelineOptions() pipeline.Options {
	return pipeline.Options{Period: o.period, Roster: o.roster, Scope: o.scope, Previous: o.previous, PreviousRoster: o.oldRoster}
}

// read runs the pipeline; its errors are usage or environment errors, said in the user's language.
func read(ctx context.Context, g *globals, paths []string, opts pipeline.Options) (*pipeline.Result, error) {
	res, err := pipeline.Run(ctx, ingest.DefaultCatalogue(), paths, opts)
	if err != nil {
		return nil, usageErr(err)
	}
	if res.ScopeChosen && res.Tree != nil {
		u := res.Tree.Scope.Unit
		name := u.Name
		if name == "" {
			name = u.Code
		}
		fmt.Fprintln(g.stderr, g.say(help.ScopeChosen, name, u.Code))
	}
	return res, nil
}

// verdict is the data part of the exit status: 1 when a file was rejected or anything has an
// error (with --strict, a warning, a missing or a late return too).
func verdict(g *globals, res *pipeline.Result, strict bool) error {
	bad, read, missing := res.Verdict(strict)
	if bad == 0 && missing == 0 {
		return nil
	}
	if missing > 0 {
		return dataErr(help.FilesWithErrorsMissing.Errorf(bad, read, missing))
	}
	return dataErr(help.FilesWithErrors.Errorf(bad, read))
}
