package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Change is a figure of the scope this period and last, summed over the units that reported it
// in both periods (for a ratio: that gave both of its parts in both), so that a unit that reported
// only once does not pass for growth or loss.
type Change struct {
	Cur, Prev float64
	Units     int // units compared
	Of        int // units that reported the figure this period
	OK        bool
	Estimated bool // last period's value holds estimates (shares of split units)
}

// AnyEstimated reports whether some comparison's previous value holds estimates.
func AnyEstimated(changes map[string]Change) bool {
	for _, c := range changes {
		if c.OK && c.Estimated {
			return true
		}
	}
	return false
}

// Diff is the change, this period minus last.
func (c Change) Diff() float64 { return c.Cur - c.Prev }

// Partial reports whether some units that reported this period are left out of the comparison.
func (c Change) Partial() bool { return c.OK && c.Units < c.Of }

// Changes compares every figure of the scope with the previous period, unit by unit: a unit is the
// one whose own return counts (or, for a unit that sent none, its sub-units), matched by code
// with last period's unit. A figure that counts the map itself (Figure.Structural) is not compared
// for a unit formed from several former units or from a part of one (Roster.Merged): its change is
// the merger's, not the work's.
func Changes(cat *ingest.Catalogue, cur, prev *Tree) map[string]Change {
	out := map[string]Change{}
	if cur == nil || prev == nil {
		return out
	}
	byCode := map[string]*Node{}
	var index func(n *Node)
	index = func(n *Node) {
		if _, seen := byCode[n.Unit.Code]; !seen {
			byCode[n.Unit.Code] = n
		}
		for _, c := range n.Children {
			index(c)
		}
	}
	index(prev.Scope)
	var speaking []*Node
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Return != nil || len(n.Children) == 0 {
			if n.HasData() {
				speaking = append(speaking, n)
			}
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(cur.Scope)
	type acc struct {
		cur, prev, curDen, prevDen int64
		units, of                  int
		estimated                  bool
	}
	sums := make([]acc, len(cat.All()))
	for _, n := range speaking {
		p := byCode[n.Unit.Code]
		if n == cur.Scope {
			p = prev.Scope
		}
		merged := cur.roster.Merged(n.Unit.Code)
		// Last period's unit stands for its sub-units when it sent nothing itself: it is compared
		// only for the figures every one of them reported (all its predecessors, on the new map).
		whole := func(f *ingest.Figure) bool {
			return p == nil || p.Return != nil || p.Totals.Reported(f) >= p.Totals.Expected
		}
		for i, f := range cat.All() {
			a := &sums[i]
			structural := f.Structural || f.Derived() && cat.MustFigure(f.Num).Structural
			if merged && structural {
				if _, ok := n.Totals.Get(f); ok {
					a.of++
				}
				continue
			}
			if f.Derived() {
				num, den, units := n.Totals.Parts(f)
				if units == 0 {
					continue
				}
				a.of++
				if p == nil {
					continue
				}
				pn, pd, pu := p.Totals.Parts(f)
				if pu == 0 || !whole(f) {
					continue
				}
				a.cur, a.curDen, a.prev, a.prevDen = a.cur+num, a.curDen+den, a.prev+pn, a.prevDen+pd
				a.units++
				a.estimated = a.estimated || p.Totals.Estimated
				continue
			}
			v, ok := n.Totals.Raw(f)
			if !ok {
				continue
			}
			a.of++
			if p == nil {
				continue
			}
			pv, pok := p.Totals.Raw(f)
			if !pok || !whole(f) {
				continue
			}
			a.cur, a.prev = a.cur+v, a.prev+pv
			a.units++
			a.estimated = a.estimated || p.Totals.Estimated
		}
	}
	for i, f := range cat.All() {
		a := sums[i]
		c := Change{Units: a.units, Of: a.of, OK: a.units > 0, Estimated: a.estimated}
		if f.Derived() {
			if a.curDen == 0 || a.prevDen == 0 {
				c.OK = false
			} else {
				c.Cur, c.Prev = float64(a.cur)/float64(a.curDen), float64(a.prev)/float64(a.prevDen)
			}
		} else {
			c.Cur, c.Prev = float64(a.cur), float64(a.prev)
		}
		out[f.Code] = c
	}
	return out
}
