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

// Evaluate measures the scope against the targets, each of its direct units too when perUnit is
// set, and every unit the file gives targets of its own, at any depth (File.ForUnit: a unit under
// the scope is held to the rates, its level's values and its own). prev (optional) gives previous
// values, changes the scope's changes against it (rollup.Changes of tree and prev).
func Evaluate(f *File, tree, prev *rollup.Tree, changes map[string]rollup.Change, perUnit bool) []Result {
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
		for _, t := range f.ForUnit(n.Unit, scope) {
			r := Result{Unit: n.Unit, Scope: scope, Target: t}
			r.Actual, r.Available = n.Totals.Get(t.Figure)
			switch {
			case scope && prev != nil:
				// Over the units the change is over, like for like.
				c := changes[t.Figure.Code]
				r.Previous, r.PrevOK = c.Prev, c.OK
			case pn != nil:
				r.Previous, r.PrevOK = pn.Totals.Get(t.Figure)
			}
			if r.Available {
				r.Met = t.Met(r.Actual)
				r.Gap = r.Actual - t.Value
			}
			out = append(out, r)
		}
	}
	add(tree.Scope, true)
	var walk func(n *rollup.Node, depth int)
	walk = func(n *rollup.Node, depth int) {
		for _, c := range n.Children {
			if perUnit && depth == 0 || len(f.PerUnit[c.Unit.Code]) > 0 {
				add(c, false)
			}
			walk(c, depth+1)
		}
	}
	walk(tree.Scope, 0)
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
