package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Blank is a raw figure that some units gave and others left blank (or had refused), and the
// units whose return lacks it; a consolidated return that covers it only in part is among them.
type Blank struct {
	Figure *ingest.Figure
	Units  []ingest.Unit
}

// Blanks lists, for each raw figure the scope covers in part, the units whose return lacks it.
// Units that sent nothing are not repeated here: they are in the completeness.
func (ru *Tree) Blanks() []Blank {
	t := ru.Scope.Totals
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
	walk(ru.Scope)
	for _, f := range t.Catalogue().Raw {
		if r := t.Reported(f); r == 0 || r >= t.Expected {
			continue
		}
		b := Blank{Figure: f}
		for _, n := range speaking {
			if n.Totals.Reported(f) < n.Totals.Expected {
				b.Units = append(b.Units, n.Unit)
			}
		}
		if len(b.Units) > 0 {
			out = append(out, b)
		}
	}
	return out
}
