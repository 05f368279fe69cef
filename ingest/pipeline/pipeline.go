package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// Options choose what is read and how far it is rolled up.
type Options struct {
	Period   string   // only returns of this period (2024, 2024-H1); empty takes the one period read
	Roster   string   // roster file (YAML), optional
	Scope    string   // unit or cluster to roll up; empty means the one root of what was read
	Previous []string // last period's returns, optional
	// PreviousRoster is the roster of last period's units (before the 2025 merger), optional: it
	// gives the former hierarchy when the old returns' parent codes do not.
	PreviousRoster string
	Targets        string // targets file (YAML), optional
	PerUnit        bool   // evaluate every sub-unit against the targets, not only the scope

	Progress func(done, all int) // called after each file is read
}

// Result is everything read for a command: this period's files and returns, the roll-up of the
// scope, last period's roll-up, the targets and how the scope and its units fare against them,
// and every problem found on the way.
type Result struct {
	Catalogue *ingest.Catalogue
	Batch     *ingest.Batch
	Roster    *rollup.Roster // nil without --roster
	Tree      *rollup.Tree   // nil when no return could be read
	Previous  *rollup.Tree   // nil without last period's returns
	// Changes are the scope's figures against last period over the units in both (like for
	// like), worked out once for the targets and the reports; nil without last period.
	Changes map[string]rollup.Change
	Targets *targets.File // nil without a targets file
	Results []targets.Result
	// ScopeChosen is set when the scope was not asked for (no --scope) and the roster placed every
	// return read under one unit: the lowest such unit, which the roll-up is of.
	ScopeChosen bool
	Problems    []ingest.Problem // files, roster, roll-up, comparison with last period
}

// Run reads and rolls up. Its error is a mistake in the options or the environment (a path that
// does not exist, a roster or targets file that cannot be read, a scope that is not there), said
// in both languages as a *lang.Error; problems in the returns themselves are in the Result.
func Run(ctx context.Context, cat *ingest.Catalogue, paths []string, opts Options) (*Result, error) {
	res := &Result{Catalogue: cat}
	lo := ingest.LoadOptions{Progress: opts.Progress}
	if opts.Period != "" {
		p, err := ingest.ParsePeriod(opts.Period)
		if err != nil {
			return nil, err
		}
		lo.Period = p
	}
	if opts.Roster != "" {
		ro, err := rollup.ReadRoster(opts.Roster)
		if err != nil {
			return nil, err
		}
		res.Roster = ro
	}
	var tf *targets.File
	if opts.Targets != "" {
		var err error
		if tf, err = targets.ReadFile(opts.Targets, cat); err != nil {
			return nil, err
		}
		res.Targets = tf
	}
	lo.Units = res.Roster.Codes()
	b, err := ingest.Load(ctx, cat, paths, lo)
	if err != nil {
		return nil, loadError(err, "")
	}
	res.Batch = b
	res.Roster.CheckReturns(b)
	res.Problems = append(res.Problems, b.Problems...)
	if len(b.Returns) == 0 {
		if b.Rejected() > 0 {
			return res, nil // returns were found but none could be used: a data problem
		}
		return nil, nothingToRead(b, lo.Period)
	}
	if periods := b.Periods(); len(periods) > 1 {
		return nil, msgSeveralPeriods.Errorf(periodCounts(b))
	}
	ro := rollup.Options{Scope: ingest.NormalizeCode(opts.Scope), Roster: res.Roster}
	if ro.Scope == "" && res.Roster != nil {
		// The scope a person means: the lowest unit that holds every return read (a province's
		// returns make the province's report, not the country's).
		if ro.Scope = lowestCommon(res.Roster, b.Returns); ro.Scope != "" {
			res.ScopeChosen = true
		}
	}
	if res.Tree, err = rollup.Build(cat, b.Returns, ro); err != nil {
		return nil, err
	}
	res.Problems = append(res.Problems, res.Tree.Problems...)
	if res.Roster == nil && ro.Scope == "" {
		res.countRejected()
	}
	if len(opts.Previous) > 0 {
		if err := res.readPrevious(ctx, opts, ro); err != nil {
			return nil, err
		}
		res.Changes = rollup.Changes(cat, res.Tree, res.Previous)
	}
	if tf != nil {
		if err := res.checkTargets(); err != nil {
			return nil, err
		}
		res.Results = targets.Evaluate(tf, res.Tree, res.Previous, res.Changes, opts.PerUnit)
	}
	res.keepScope()
	ingest.SortProblems(res.Problems)
	return res, nil
}

// lowestCommon is the lowest unit of the roster that is, or is above, the unit of every return
// ("" when there is none).
func lowestCommon(ro *rollup.Roster, returns []*ingest.Return) string {
	chain := func(code string) []string { // the unit, its parent, …, the root
		var c []string
		seen := map[string]bool{}
		for code != "" && !seen[code] {
			u, ok := ro.Unit(code)
			if !ok {
				break
			}
			seen[code] = true
			c = append(c, code)
			code = u.Parent
		}
		return c
	}
	var common []string // root first
	for i, r := range returns {
		c := chain(r.Unit.Code)
		slices.Reverse(c)
		if i == 0 {
			common = c
			continue
		}
		n := 0
		for n < len(common) && n < len(c) && common[n] == c[n] {
			n++
		}
		common = common[:n]
	}
	if len(common) == 0 {
		return ""
	}
	return common[len(common)-1]
}

// nothingToRead says why no file is a return of the period asked for: the periods the files hold.
func nothingToRead(b *ingest.Batch, want ingest.Period) error {
	var held []string
	for _, f := range b.Files {
		if p := f.Period; !p.IsZero() && !slices.Contains(held, p.String()) {
			held = append(held, p.String())
		}
	}
	sort.Strings(held)
	if len(held) == 0 {
		return msgNothingToRead.Errorf()
	}
	list := strings.Join(held, ", ")
	return msgNoneOfPeriod.Errorf(want, list)
}

// checkTargets holds the targets file to the data: its year is the returns' year (and its half,
// when it names one), and every unit it gives targets of its own is a unit of the roster (or, without
// a roster, one that sent a return: otherwise a warning, as it may just not have reported).
func (res *Result) checkTargets() error {
	tf, p := res.Targets, res.Period()
	if tf.Year != p.Year || tf.Half && !p.FirstHalf {
		return msgTargetsOtherPeriod.Errorf(tf.Name, tf.Period.Label, tf.Year, p.Label)
	}
	for _, u := range tf.Units {
		if res.Roster != nil {
			if _, ok := res.Roster.Unit(u.Code); ok {
				continue
			}
			if _, ok := res.Roster.Cluster(u.Code); ok {
				continue
			}
			return msgTargetUnitNotInRoster.Errorf(tf.Name, u.Line, u.Code).DidYouMean(res.Roster.Nearest(u.Code))
		}
		if res.Tree.Find(u.Code) != nil || res.Batch.Has(u.Code) {
			continue
		}
		p := ingest.NewProblem(ingest.Warning, ingest.CodeTargetNoReturn, fmt.Sprintf("%s:%d", tf.Name, u.Line), ingest.MsgTargetNoReturn, u.Code)
		p.Unit = u.Code
		res.Problems = append(res.Problems, p)
	}
	return nil
}

// keepScope drops the problems of units outside the scope: a cluster's report does not count the
// problems of units that are not in it. A unit is outside when its return was read but not
// counted, or when the roster places it elsewhere; the problems of files with no unit (a corrupt
// file), of units the roster does not know, and the notices of returns outside the scope stay.
func (res *Result) keepScope() {
	out := res.outside()
	kept := res.Problems[:0]
	for _, p := range res.Problems {
		switch {
		case p.Code == ingest.CodeOutsideScope, p.Code == ingest.CodeUnknownUnit, p.Code == ingest.CodeUnmappedPrevious, !out[p.Unit]:
			kept = append(kept, p)
		}
	}
	res.Problems = kept
}

// outside is the set of unit codes outside the scope (nil without a tree: everything counts).
func (res *Result) outside() map[string]bool {
	if res.Tree == nil {
		return nil
	}
	out := map[string]bool{}
	for _, p := range res.Tree.Problems {
		if p.Code == ingest.CodeOutsideScope {
			out[p.Unit] = true
		}
	}
	if ro := res.Roster; ro != nil {
		in := make([]bool, len(ro.Units)) // the roster's units in the tree, by their place in it
		var walk func(n *rollup.Node)
		walk = func(n *rollup.Node) {
			if i, ok := ro.Index(n.Unit.Code); ok {
				in[i] = true
			}
			for _, c := range n.Children {
				walk(c)
			}
		}
		walk(res.Tree.Scope)
		for i, u := range ro.Units {
			if !in[i] {
				out[u.Code] = true
			}
		}
	}
	return out
}

// countRejected counts, without a roster, the units whose return was read but rejected among the
// units the scope's totals expect: a unit that sent a return no figure of which can be trusted is
// not covered, and must not vanish from the count ("3/4", not "3/3").
func (res *Result) countRejected() {
	first := map[string]ingest.Problem{} // a file's first problem that names a unit
	for _, p := range res.Batch.Problems {
		if _, ok := first[p.File]; !ok && p.Unit != "" {
			first[p.File] = p
		}
	}
	rejected := map[string]bool{}
	for _, f := range res.Batch.Files {
		if f.Status != ingest.StatusRejected {
			continue
		}
		// A unit whose returns were all refused as duplicates has not reported: counted
		// missing like any other.
		if p, ok := first[f.Path]; ok && p.Code != ingest.CodeOtherPeriod && res.Tree.Find(p.Unit) == nil {
			rejected[p.Unit] = true
		}
	}
	res.Tree.Scope.Totals.AddMissing(len(rejected))
}

// readPrevious reads last period's returns and rolls them up to the same scope.
func (res *Result) readPrevious(ctx context.Context, opts Options, ro rollup.Options) error {
	pb, err := ingest.Load(ctx, res.Catalogue, opts.Previous, ingest.LoadOptions{Units: res.Roster.Codes()})
	if err != nil {
		return loadError(err, "--previous: ")
	}
	if periods := pb.Periods(); len(periods) > 1 {
		return msgPreviousSeveralPeriods.Errorf(periodCounts(pb))
	}
	// Last period's files were judged then; what is wrong in them now only weakens the
	// comparison, so it is shown as a warning.
	for _, p := range pb.Problems {
		p.Severity = ingest.Warning
		res.Problems = append(res.Problems, p)
	}
	if len(pb.Returns) == 0 {
		return nil
	}
	var oldRoster *rollup.Roster
	if opts.PreviousRoster != "" {
		if oldRoster, err = rollup.ReadRoster(opts.PreviousRoster); err != nil {
			return err
		}
	}
	// Across the merger, last period's returns are put on this period's map first.
	returns, problems, err := rollup.MapPrevious(res.Catalogue, res.Roster, pb.Returns, oldRoster)
	if err != nil {
		return err
	}
	res.Problems = append(res.Problems, problems...)
	if code := res.Tree.Scope.Unit.Code; code != "" {
		ro.Scope = code
	}
	res.Previous, err = rollup.Build(res.Catalogue, returns, ro)
	if err != nil {
		var le *lang.Error
		if errors.As(err, &le) {
			return msgPrevious.Errorf(le.Text())
		}
		return err
	}
	res.Problems = append(res.Problems, rollup.CompareWithPrevious(res.Catalogue, res.Tree, res.Previous)...)
	return nil
}

// periodCounts says how many returns there are of each period: «3 báo cáo kỳ 2023, 3 báo cáo kỳ 2024».
func periodCounts(b *ingest.Batch) lang.Msg {
	count := map[string]int{}
	for _, r := range b.Returns {
		count[r.Period.String()]++
	}
	var ms []lang.Msg
	for _, p := range b.Periods() {
		ms = append(ms, msgPeriodCount.With(count[p], p))
	}
	return lang.Join(ms, ", ")
}

func loadError(err error, prefix string) error {
	if errors.Is(err, ingest.ErrNoInput) {
		return msgNoReturnsFound.Errorf(prefix, err)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return msgCannotRead.Errorf(prefix, pe.Path, pe.Err)
	}
	return err
}

// Totals are the scope's figures (empty when nothing could be read).
func (res *Result) Totals() *rollup.Totals {
	if res.Tree == nil {
		return rollup.NewTotals(res.Catalogue)
	}
	return res.Tree.Scope.Totals
}

// Period is the period of the returns read.
func (res *Result) Period() ingest.Period { return res.Batch.Period() }

// Verdict counts what makes the data part of the exit status: the files rejected or with errors
// (with strict, with any problem), out of those read, and with strict the units missing or late.
func (res *Result) Verdict(strict bool) (bad, read, missing int) {
	files := map[string]bool{}
	out := res.outside()
	for _, f := range res.Batch.Files {
		// A rejected file (no return) counts through its problems below, which keepScope kept
		// unless they are of a unit outside the scope.
		if (f.Status == ingest.StatusRejected || f.Status == ingest.StatusErrors) && f.Return != nil && !out[f.Return.Unit.Code] {
			files[f.Path] = true
		}
	}
	for _, p := range res.Problems {
		if p.Code == ingest.CodeOutsideScope {
			continue // read, not counted, and said so: not a problem of this report's data
		}
		if p.Severity == ingest.Error || strict {
			files[p.File] = true
		}
	}
	if strict && res.Tree != nil && res.Roster != nil {
		c := res.Tree.Completeness()
		missing = len(c.Missing) + len(c.Late)
	}
	return len(files), res.Batch.Read(), missing
}
