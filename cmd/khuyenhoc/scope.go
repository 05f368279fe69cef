package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// scopeOptions are the flags that choose what is rolled up: shared by ingest, check and report.
type scopeOptions struct {
	period   string
	roster   string
	scope    string
	previous []string
	strict   bool
}

func (o *scopeOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.period, "period", "", "chỉ đọc kỳ này / only this period: 2024 or 2024-H1")
	f.StringVar(&o.roster, "roster", "", "danh sách đơn vị và cụm (YAML) / roster of units and clusters")
	f.StringVar(&o.scope, "scope", "", "đơn vị hoặc cụm cần tổng hợp / unit or cluster to roll up")
	f.StringSliceVar(&o.previous, "previous", nil, "báo cáo kỳ trước / last period's returns")
	f.BoolVar(&o.strict, "strict", false, "coi cảnh báo là lỗi / treat warnings as errors")
}

// scoped is everything read for a command: this period's returns rolled up to the scope, and the
// previous period's when asked.
type scoped struct {
	cat      *ingest.Catalogue
	batch    *ingest.Batch
	roster   *rollup.Roster
	rollup   *rollup.Tree
	previous *rollup.Tree
	problems []ingest.Problem // every problem: files, roster, roll-up, comparison with the previous period
}

func loadScoped(ctx context.Context, g *globals, paths []string, o scopeOptions, progress func(int, int)) (*scoped, error) {
	s := &scoped{cat: ingest.DefaultCatalogue()}
	lo := ingest.LoadOptions{Progress: progress}
	if o.period != "" {
		p, err := ingest.ParsePeriod(o.period)
		if err != nil {
			return nil, usageErr(localize(g, err))
		}
		lo.Period = p
	}
	if o.roster != "" {
		fh, err := os.Open(o.roster)
		if err != nil {
			return nil, g.usage("không mở được danh sách đơn vị: %v", "roster: %v", err)
		}
		s.roster, err = rollup.ParseRoster(fh)
		fh.Close()
		if err != nil {
			return nil, usageErr(inFile(g, o.roster, err))
		}
	}
	b, err := ingest.Load(ctx, s.cat, paths, lo)
	if err != nil {
		return nil, loadErr(g, err)
	}
	s.batch = b
	s.roster.CheckReturns(b)
	s.problems = append(s.problems, b.Problems...)
	if len(b.Returns) == 0 {
		return s, nil
	}
	if periods := b.Periods(); len(periods) > 1 {
		return nil, usageErr(errors.New(g.text(
			"các báo cáo thuộc nhiều kỳ ("+strings.Join(periods, ", ")+"); hãy chọn một kỳ bằng --period, kỳ trước đưa vào --previous",
			"the returns are of several periods ("+strings.Join(periods, ", ")+"); choose one with --period, and give the previous one to --previous")))
	}
	ro := rollup.Options{Scope: o.scope, Roster: s.roster}
	s.rollup, err = rollup.Build(s.cat, b.Returns, ro)
	if err != nil {
		return nil, usageErr(localize(g, err))
	}
	s.problems = append(s.problems, s.rollup.Problems...)
	if len(o.previous) > 0 {
		pb, err := ingest.Load(ctx, s.cat, o.previous, ingest.LoadOptions{})
		if err != nil {
			return nil, usageErr(fmt.Errorf("--previous: %w", err))
		}
		if periods := pb.Periods(); len(periods) > 1 {
			return nil, usageErr(fmt.Errorf("--previous: the returns are of several periods (%s)", strings.Join(periods, ", ")))
		}
		// Last period's files were judged then; what is wrong in them now only weakens the
		// comparison, so it is shown as a warning.
		for _, p := range pb.Problems {
			p.Severity = ingest.Warning
			s.problems = append(s.problems, p)
		}
		if len(pb.Returns) > 0 {
			ro.Scope = s.rollup.Scope.Unit.Code
			if ro.Scope == "" {
				ro.Scope = o.scope
			}
			s.previous, err = rollup.Build(s.cat, pb.Returns, ro)
			if err != nil {
				return nil, usageErr(fmt.Errorf("--previous: %w", localize(g, err)))
			}
			s.problems = append(s.problems, rollup.CompareWithPrevious(s.cat, s.rollup, s.previous)...)
		}
	}
	return s, nil
}

// totals are the scope's figures (empty when nothing could be read).
func (s *scoped) totals() *rollup.Totals {
	if s.rollup == nil {
		return rollup.NewTotals(s.cat)
	}
	return s.rollup.Scope.Totals
}

// verdict is the data part of the exit status: 1 when a file was rejected or anything has an
// error (with --strict, a warning, a missing or a late return too).
func (s *scoped) verdict(g *globals, strict bool) error {
	bad := map[string]bool{}
	for _, f := range s.batch.Files {
		if f.Status == ingest.StatusRejected || f.Status == ingest.StatusErrors {
			bad[f.Path] = true
		}
	}
	for _, p := range s.problems {
		if p.Severity == ingest.Error || strict {
			bad[p.File] = true
		}
	}
	missing := 0
	if strict && s.rollup != nil && s.roster != nil {
		c := s.rollup.Completeness()
		missing = len(c.Missing) + len(c.Late)
	}
	if len(bad) == 0 && missing == 0 {
		return nil
	}
	msg := g.text(fmt.Sprintf("%d trong %d tệp có lỗi", len(bad), s.batch.Read()), fmt.Sprintf("%d of %d files have errors", len(bad), s.batch.Read()))
	if missing > 0 {
		msg += g.text(fmt.Sprintf("; %d đơn vị chưa nộp hoặc nộp muộn", missing), fmt.Sprintf("; %d units missing or late", missing))
	}
	return dataErr(errors.New(msg))
}

// localize says an error in the user's language when it knows both.
func localize(g *globals, err error) error {
	var le *lang.Error
	if errors.As(err, &le) {
		return errors.New(le.Message(g.lang))
	}
	return err
}

// inFile puts the file's name before a mistake found in it, in the user's language.
func inFile(g *globals, path string, err error) error {
	var le *lang.Error
	if errors.As(err, &le) {
		return errors.New(path + ": " + le.Message(g.lang))
	}
	return fmt.Errorf("%s: %w", path, err)
}

func readTargets(g *globals, path string, cat *ingest.Catalogue) (*targets.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, g.usage("không mở được tệp chỉ tiêu: %v", "targets: %v", err)
	}
	defer fh.Close()
	f, err := targets.Parse(fh, path, cat)
	if err != nil {
		var te *targets.Error
		if errors.As(err, &te) {
			return nil, usageErr(errors.New(te.Message(g.lang)))
		}
		return nil, usageErr(err)
	}
	return f, nil
}
