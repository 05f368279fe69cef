package rollup

import (
	"math"
	"sort"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// MapPrevious puts last period's returns on the roster's map, when units of the roster took over
// former units (tien_than, the 2025 merger). Each unit that lists predecessors gets one return
// for last period: the sum of its predecessors' figures — each predecessor standing for its whole
// former subtree, its own return winning over its sub-units' as always — with shares of split
// units rounded to whole numbers and marked as estimates. A figure is given only when every
// predecessor reported it. A unit that lists no predecessors keeps the return of its own code. A
// unit with a predecessor merged in part whose share is not written gets none ("không so sánh
// được"), and neither does one whose predecessors sent nothing: both then stand for the sum of
// their sub-units, as in any roll-up. The former hierarchy comes from oldRoster when given,
// otherwise from the old returns' parent codes.
//
// The problems name every old return that maps to no unit of the roster, and every unit whose
// comparison needs a share not yet written.
func MapPrevious(cat *ingest.Catalogue, ro *Roster, old []*ingest.Return, oldRoster *Roster) ([]*ingest.Return, []ingest.Problem, error) {
	if ro == nil || len(ro.Predecessors) == 0 || len(old) == 0 {
		return old, nil, nil
	}
	oldTree, err := Build(cat, old, Options{Roster: oldRoster})
	if err != nil {
		return nil, nil, err
	}
	claimed := map[string]bool{} // former codes that some unit took over
	for _, preds := range ro.Predecessors {
		for _, p := range preds {
			claimed[p.Code] = true
		}
	}
	var mapped []*ingest.Return
	var problems []ingest.Problem
	period := old[0].Period
	codes := make([]string, 0, len(ro.Units))
	for _, u := range ro.Units {
		codes = append(codes, u.Code)
	}
	for _, code := range codes {
		u, _ := ro.Unit(code)
		preds, listed := ro.Predecessors[code]
		if !listed {
			if claimed[code] {
				continue // a new unit that kept a former code it does not stand for
			}
			if n := oldTree.Find(code); n != nil && n.Return != nil {
				mapped = append(mapped, n.Return)
			}
			continue
		}
		r, problem := predecessorsReturn(cat, u, period, preds, oldTree)
		if problem != nil {
			problems = append(problems, *problem)
		}
		if r != nil {
			mapped = append(mapped, r)
		}
	}
	for _, r := range old {
		if !mapsSomewhere(r, ro, claimed, oldTree) {
			p := ingest.NewProblem(ingest.Warning, ingest.CodeUnmappedPrevious, r.File, ingest.MsgUnmappedPrevious, r.Unit.Code)
			p.Unit, p.Sheet = r.Unit.Code, ingest.SheetInfo
			problems = append(problems, p)
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].File < problems[j].File })
	return mapped, problems, nil
}

// predecessorsReturn adds up the predecessors' former figures into a return of u for last period.
func predecessorsReturn(cat *ingest.Catalogue, u ingest.Unit, period ingest.Period, preds []Predecessor, oldTree *Tree) (*ingest.Return, *ingest.Problem) {
	var nodes []*Node
	for _, p := range preds {
		if p.Part && p.Share == 0 {
			pr := ingest.NewProblem(ingest.Warning, ingest.CodeUnmappedPrevious, "", ingest.MsgPartialPredecessor, u.Code, p.Code)
			pr.Unit = u.Code
			return nil, &pr
		}
		n := oldTree.Find(p.Code)
		if n == nil || !n.HasData() {
			return nil, nil // a predecessor sent nothing: the unit stands for its sub-units
		}
		nodes = append(nodes, n)
	}
	r := ingest.NewReturn(cat, u, period)
	for _, f := range cat.Raw {
		var sum float64
		all := true
		for i, n := range nodes {
			v, ok := n.Totals.Raw(f)
			if !ok {
				all = false
				break
			}
			share := 1.0
			if preds[i].Part {
				share = preds[i].Share
			}
			sum += share * float64(v)
		}
		if all {
			r.Set(f, int64(math.Round(sum)))
		}
	}
	for _, p := range preds {
		if p.Estimated() {
			r.Estimated = true
		}
	}
	return r, nil
}

// mapsSomewhere reports whether an old return is taken over by a unit of the roster: itself or
// one of its former parents is a predecessor, or its code is a unit of the roster that lists none.
func mapsSomewhere(r *ingest.Return, ro *Roster, claimed map[string]bool, oldTree *Tree) bool {
	code := r.Unit.Code
	if _, ok := ro.Unit(code); ok && ro.Predecessors[code] == nil && !claimed[code] {
		return true
	}
	seen := map[string]bool{}
	for code != "" && !seen[code] {
		if claimed[code] {
			return true
		}
		seen[code] = true
		n := oldTree.Find(code)
		if n == nil {
			break
		}
		code = n.Unit.Parent
	}
	return false
}
