package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Blank is a raw figure that some units gave and others left blank (or had refused), and the
// units whose return lacks it; a consolidated return that covers it only in part is among them.
type Blank struct {
	Figure *ingest.Figure
	Units  []BlankUnit
}

// BlankUnit is a unit whose return lacks a figure: Reported of Covered units behind it gave it
// (0 of 1 for a commune's own return).
type BlankUnit struct {
	Unit              ingest.Unit
	Reported, Covered int
}

// Blanks lists, for each raw figure the scope covers in part, the units whose return lacks it.
// Units that sent nothing are not repeated here: they are in the completeness.
func (tree *Tree) Blanks() []Blank {
	t := tree.Scope.Totals
	var out []Blank
	var speaking []*Node
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Return != nil {
			speaking = append(speaking, n)
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(tree.Scope)
	covered := func(n *Node) int {
		if cov := n.Return.Coverage; cov != nil {
			return max(n.Totals.Expected-cov.MissingUnits(), 0)
		}
		return n.Totals.Expected
	}
	for _, f := range t.Catalogue().Raw {
		if r := t.Reported(f); r == 0 || r >= t.Expected {
			continue
		}
		b := Blank{Figure: f}
		for _, n := range speaking {
			if r, c := n.Totals.Reported(f), covered(n); r < c {
				b.Units = append(b.Units, BlankUnit{Unit: n.Unit, Reported: r, Covered: c})
			}
		}
		if len(b.Units) > 0 {
			out = append(out, b)
		}
	}
	return out
}
