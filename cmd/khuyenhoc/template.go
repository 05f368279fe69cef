package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

const defaultTemplate = "mau-bao-cao-khuyen-hoc.xlsx"

type templateOptions struct {
	output    string
	unit      ingest.Unit
	period    string
	roster    string
	overwrite bool
}

func newTemplateCmd(g *globals) *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:  "template",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(cmd.Context(), g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", defaultTemplate, "")
	f.StringVar(&opts.unit.Code, "unit", "", "")
	f.StringVar(&opts.unit.Name, "name", "", "")
	f.StringVar(&opts.unit.Level, "level", "", "")
	f.StringVar(&opts.unit.Parent, "parent", "", "")
	f.StringVar(&opts.period, "period", "", "")
	f.StringVar(&opts.roster, "roster", "", "")
	f.BoolVar(&opts.overwrite, "ghi-de", false, "")
	f.BoolVar(&opts.overwrite, "overwrite", false, "")
	return cmd
}

func runTemplate(ctx context.Context, g *globals, opts templateOptions) error {
	cat := ingest.DefaultCatalogue()
	opts.unit.Code, opts.unit.Parent = ingest.NormalizeCode(opts.unit.Code), ingest.NormalizeCode(opts.unit.Parent)
	for _, code := range []string{opts.unit.Code, opts.unit.Parent} {
		if code != "" {
			if err := ingest.CheckCode(code); err != nil {
				return usageErr(err)
			}
		}
	}
	t := ingest.TemplateOptions{Unit: opts.unit, Tool: "khuyenhoc " + currentBuild().short()}
	if opts.period != "" {
		p, err := ingest.ParsePeriod(opts.period)
		if err != nil {
			return usageErr(err)
		}
		t.Period = p
	}
	if opts.unit.Level != "" {
		if _, ok := cat.Level(opts.unit.Level); !ok {
			return g.usage(help.UnknownLevel, opts.unit.Level)
		}
	}
	if opts.roster != "" {
		return writeRosterTemplates(ctx, g, cat, opts, t)
	}
	outs := g.newOutputs()
	f, err := outs.Add("-o", opts.output, output.Excel)
	if err != nil {
		return usageErr(err)
	}
	f.Write = func(w io.Writer) error { return ingest.WriteTemplate(w, cat, t) }
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintln(g.stderr, g.say(help.WroteTemplate, opts.output))
	return nil
}

// writeRosterUnitTemplate writes the template of the one roster unit --unit names (its name, level,
// parent and due date from the roster) to the file -o.
func writeRosterUnitTemplate(ctx context.Context, g *globals, cat *ingest.Catalogue, ro *rollup.Roster, opts templateOptions, t ingest.TemplateOptions) error {
	u, ok := ro.Unit(opts.unit.Code)
	if !ok {
		return usageErr(help.NotInRoster.Errorf(opts.unit.Code, opts.roster).DidYouMean(ro.Nearest(opts.unit.Code)))
	}
	path := opts.output
	if path == defaultTemplate {
		path = ingest.Slug(u.Code) + "-" + ingest.Slug(rollup.DisplayName(u)) + ".xlsx"
	}
	outs := g.newOutputs(opts.roster)
	f, err := outs.Add("-o", path, output.Excel)
	if err != nil {
		return usageErr(err)
	}
	t.Unit, t.Due = u, ro.Due
	f.Write = func(w io.Writer) error { return ingest.WriteTemplate(w, cat, t) }
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintln(g.stderr, g.say(help.WroteTemplate, path))
	return nil
}

// writeRosterTemplates writes a pre-filled template for every unit of the roster (those under
// --parent and of --level, when given) into the folder -o, named from its code and name.
func writeRosterTemplates(ctx context.Context, g *globals, cat *ingest.Catalogue, opts templateOptions, t ingest.TemplateOptions) error {
	ro, err := rollup.ReadRoster(opts.roster)
	if err != nil {
		return usageErr(err)
	}
	if opts.unit.Code != "" {
		return writeRosterUnitTemplate(ctx, g, cat, ro, opts, t)
	}
	dir := opts.output
	if dir == defaultTemplate {
		dir = "mau-bao-cao"
	}
	if strings.EqualFold(filepath.Ext(dir), ".xlsx") {
		return g.usage(help.RosterFolderIsFile, dir)
	}
	outs := g.newOutputs(opts.roster)
	if err := outs.Folder("-o", dir); err != nil {
		return usageErr(err)
	}
	stamp, err := ingest.NewTemplateStamp(cat, ingest.TemplateOptions{Period: t.Period, Tool: t.Tool, Due: ro.Due})
	if err != nil {
		return err
	}
	n := 0
	var exist []string
	names := map[string]string{} // file name, as a file system that ignores case sees it → unit code
	for _, u := range ro.Units {
		if opts.unit.Parent != "" && u.Parent != opts.unit.Parent || opts.unit.Level != "" && u.Level != opts.unit.Level ||
			opts.unit.Parent == "" && u.Parent == "" {
			continue
		}
		name := fileCode(u.Code) + "-" + ingest.Slug(rollup.DisplayName(u)) + ".xlsx"
		if other, ok := names[strings.ToLower(name)]; ok {
			return g.usage(help.SameFileName, other, u.Code, name, opts.roster)
		}
		names[strings.ToLower(name)] = u.Code
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err == nil {
			exist = append(exist, path)
		}
		f, err := outs.Add("-o", path, output.Excel)
		if err != nil {
			return usageErr(err)
		}
		f.Write = func(w io.Writer) error { return stamp.Write(w, u) }
		n++
	}
	if n == 0 {
		return g.usage(help.NoUnitMatches, opts.unit.Parent, opts.unit.Level)
	}
	if len(exist) > 0 && !opts.overwrite {
		// They may be the returns the offices sent back, filled in under the template's name.
		shown := exist[:min(len(exist), 5)]
		var more lang.Msg
		if len(exist) > len(shown) {
			more = help.AndMoreFiles.With(len(exist) - len(shown))
		}
		return g.usage(help.TemplatesExist, dir, len(exist), strings.Join(shown, ", "), more)
	}
	if err := g.commit(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintln(g.stderr, g.say(help.WroteTemplates, n, dir))
	return nil
}

// fileCode is a unit code as the start of a file name: in lower case, its «.», «-» and «_» kept, so
// that codes a.b, a-b and a_b give three files.
func fileCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(code) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
