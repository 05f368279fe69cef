package rollup

import (
	"math"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// CompareWithPrevious warns about every figure of a received return that changed by more than half
// versus the same unit's previous return — but for a figure that counts the map itself
// (Figure.Structural) of a unit formed from several former units or from a part of one, which the
// merger alone explains (see MapChanged).
func CompareWithPrevious(cat *ingest.Catalogue, cur, prev *Tree) []ingest.Problem {
	if cur == nil || prev == nil {
		return nil
	}
	var out []ingest.Problem
	var walk func(n *Node)
	walk = func(n *Node) {
		for _, c := range n.Children {
			walk(c)
		}
		if n.Return == nil {
			return
		}
		p := prev.Find(n.Unit.Code)
		if p == nil || p.Return == nil {
			return
		}
		merged := cur.roster.Merged(n.Unit.Code)
		for _, f := range cat.Raw {
			if merged && f.Structural {
				continue
			}
			v, pv := n.Return.Value(f), p.Return.Value(f)
			if !v.OK || !pv.OK || pv.N == 0 || math.Abs(float64(v.N-pv.N)) <= 0.5*float64(pv.N) {
				continue
			}
			sheet, cell := n.Return.Cell(v)
			pr := ingest.NewProblem(ingest.Warning, ingest.CodeBigChange, "", ingest.MsgBigChange, f.Label, p.Return.Period, lang.Number(pv.N), lang.Number(v.N))
			pr.File, pr.Sheet, pr.Cell, pr.Unit, pr.Figure = n.Return.File, sheet, cell, n.Unit.Code, f.Code
			out = append(out, pr)
		}
	}
	walk(cur.Scope)
	return out
}

// Merged reports whether the unit's counts of the map (associations, communes, centres) changed
// with the merger: it was formed from several former units or from a part of one, or some unit
// under it in the roster was.
func (ro *Roster) Merged(code string) bool {
	if ro == nil || len(ro.Predecessors) == 0 {
		return false
	}
	ro.mergedOnce.Do(func() {
		ro.merged = map[string]bool{}
		for c := range ro.Predecessors {
			if !ro.mergedItself(c) {
				continue
			}
			for c != "" && !ro.merged[c] { // the unit and every unit above it
				ro.merged[c] = true
				u, _ := ro.Unit(c)
				c = u.Parent
			}
		}
	})
	return ro.merged[code]
}

// mergedItself reports whether the unit was formed from several former units, or from a part of one.
func (ro *Roster) mergedItself(code string) bool {
	preds := ro.Predecessors[code]
	return len(preds) > 1 || len(preds) == 1 && preds[0].Part
}

// MapChanged lists the units of the scope, compared with last period, whose structural figures
// changed with the map (Merged): the report says once that such counts are not compared unit by
// unit. Empty without a roster that lists predecessors or without last period.
func MapChanged(cur, prev *Tree) []string {
	if cur == nil || prev == nil || cur.roster == nil || len(cur.roster.Predecessors) == 0 {
		return nil
	}
	var out []string
	var walk func(n *Node)
	walk = func(n *Node) {
		if cur.roster.mergedItself(n.Unit.Code) && n.HasData() {
			if p := prev.Find(n.Unit.Code); p != nil && p.HasData() {
				out = append(out, n.Unit.Code)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(cur.Scope)
	return out
}
