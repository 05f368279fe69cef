package targets

import (
	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// Result is one figure of one unit against its target.
type Result struct {
	Unit      ingest.Unit
	Scope     bool // the roll-up's scope itself rather than one of its units
	Target    Target
	Actual    float64
	Available bool    // false when the figure is not reported (or a ratio's parts are missing)
	Previous  float64 // the previous period's value, when PreviousOK
	PrevOK    bool
	Met       bool
	Gap       float64 // actual − target (negative when short of an "at least" target)
}

// Evaluate measures the scope, and each of its direct units when perUnit is set or when the file
// has targets for that unit, against the targets. prev (optional) gives previous values.
func Evaluate(f *File, ru, prev *rollup.Tree, perUnit bool) []Result {
	var out []Result
	add := func(n *rollup.Node, scope bool) {
		var pn *rollup.Node
		if prev != nil {
			if scope {
				pn = prev.Scope
			} else {
				pn = prev.Find(n.Unit.Code)
			}
		}
		for _, t := range f.For(n.Unit.Code) {
			r := Result{Unit: n.Unit, Scope: scope, Target: t}
			r.Actual, r.Available = n.Totals.Get(t.Figure)
			if pn != nil {
				r.Previous, r.PrevOK = pn.Totals.Get(t.Figure)
			}
			if r.Available {
				r.Met = t.Met(r.Actual)
				r.Gap = r.Actual - t.Value
			}
			out = append(out, r)
		}
	}
	add(ru.Scope, true)
	for _, n := range ru.Scope.Children {
		if perUnit || len(f.PerUnit[n.Unit.Code]) > 0 {
			add(n, false)
		}
	}
	return out
}

// Missed counts the results that are not met.
func Missed(rs []Result) int {
	n := 0
	for _, r := range rs {
		if !r.Met {
			n++
		}
	}
	return n
}
