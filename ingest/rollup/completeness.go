package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Completeness says who has reported, down the tree. A unit is covered by its own return, or when
// all of its sub-units are covered; partly covered when some are. Missing units are named at the
// lowest level, with their parent; units that a consolidated return lists as missing stay missing.
type Completeness struct {
	Expected []ingest.Unit // the lowest-level units expected under the scope (from the roster)
	Received []ingest.Unit // the units under the scope whose own return counts
	Missing  []Missing     // the lowest-level units that sent nothing (none covered through sub-units)
	Late     []Missing     // the units whose return came after the roster's due date
	Counts   []Count       // each unit between the scope and the lowest level: covered of expected
	Covered  int           // expected units covered, of Units
	Units    int           // expected units under the scope
	Level    string        // the level of the units counted, when they share one
}

// Missing is a unit that sent nothing (or sent late), and the unit above it.
type Missing struct {
	Unit, Parent ingest.Unit
	Units        int // the lowest-level units it stands for, when a consolidated return lists a missing subtree as one unit (0: itself)
}

// Count is how many lowest-level units the missing unit stands for.
func (m Missing) Count() int { return max(m.Units, 1) }

// Count is how many of the expected units under a unit are covered ("huyện Kỳ Anh: 2/3 xã").
type Count struct {
	Unit              ingest.Unit
	Covered, Expected int
	Level             string // the level of the units counted, when they share one
}

// Completeness of the roll-up's scope. It is worked out once (reports ask for it many times);
// the slices are shared and not to be changed.
func (tree *Tree) Completeness() Completeness {
	tree.completeness.Lock()
	defer tree.completeness.Unlock()
	if c := tree.completeness.c; c == nil || c.Units != tree.Scope.Totals.Expected {
		c := tree.walkCompleteness()
		tree.completeness.c = &c
	}
	return *tree.completeness.c
}

func (tree *Tree) walkCompleteness() Completeness {
	c := Completeness{}
	levels := map[int32]string{} // leafLevel of each unit asked, by its index in the roster
	if tree.roster != nil {
		var found []ingest.Unit
		if tree.Scope.Cluster || tree.Scope.Unit.Code == "" {
			for _, k := range tree.Scope.Children {
				found = append(found, k.Unit)
			}
		} else {
			found = append(found, tree.Scope.Unit)
		}
		c.Expected = tree.rosterLeaves(found)
	}
	if n := countMissing(tree.Scope, false); n > 0 {
		c.Missing = make([]Missing, 0, n) // 190,000 branches of a roster down to the branch
	}
	// walk returns the units covered under n, and the level of the units counted.
	var walk func(n, parent *Node) (covered int, level string)
	walk = func(n, parent *Node) (int, string) {
		exp := n.Totals.Expected
		switch {
		case n.Return != nil:
			c.Received = append(c.Received, n.Unit)
			if n.Late {
				late := Missing{Unit: n.Unit}
				if parent != nil {
					late.Parent = parent.Unit
				}
				c.Late = append(c.Late, late)
			}
			level := tree.leafLevel(n.Unit, levels)
			covered := exp
			if cov := n.Return.Coverage; cov != nil {
				level = cov.Level
				for _, u := range cov.Missing {
					m := tree.placed(u, n)
					if k := cov.Stands[u.Code]; k > 1 {
						m.Units = k // a subtree: its level is not the level of the units counted
					} else {
						level = sameLevel(level, m.Unit.Level)
					}
					c.Missing = append(c.Missing, m)
				}
				for _, u := range cov.Late {
					c.Late = append(c.Late, tree.placed(u, n))
				}
				covered = max(exp-cov.MissingUnits(), 0)
				if covered < exp && n != tree.Scope {
					c.Counts = append(c.Counts, Count{Unit: n.Unit, Covered: covered, Expected: exp, Level: level})
				}
			}
			return covered, level
		case len(n.Children) == 0:
			if n.Expected && parent != nil {
				c.Missing = append(c.Missing, Missing{Unit: n.Unit, Parent: parent.Unit})
			}
			return 0, n.Unit.Level
		}
		at := len(c.Counts)
		covered, level := 0, "?"
		for _, k := range n.Children {
			kc, kl := walk(k, n)
			covered += kc
			if level == "?" {
				level = kl
			} else {
				level = sameLevel(level, kl)
			}
		}
		if level == "?" {
			level = ""
		}
		if n != tree.Scope && !n.Cluster {
			c.Counts = append(c.Counts, Count{})
			copy(c.Counts[at+1:], c.Counts[at:])
			c.Counts[at] = Count{Unit: n.Unit, Covered: covered, Expected: exp, Level: level}
		}
		return covered, level
	}
	var level string
	c.Covered, level = walk(tree.Scope, nil)
	if level != "-" && level != "?" {
		c.Level = level
	}
	c.Units = tree.Scope.Totals.Expected
	return c
}

// countMissing is how many units walkCompleteness lists as missing under n (at most).
func countMissing(n *Node, hasParent bool) int {
	switch {
	case n.Return != nil:
		if cov := n.Return.Coverage; cov != nil {
			return len(cov.Missing)
		}
		return 0
	case len(n.Children) == 0:
		if n.Expected && hasParent {
			return 1
		}
		return 0
	}
	count := 0
	for _, k := range n.Children {
		count += countMissing(k, true)
	}
	return count
}

// placed is a unit a consolidated return lists, with its parent: as the roster knows them, or as
// the return says.
func (tree *Tree) placed(u ingest.Unit, from *Node) Missing {
	if known, ok := tree.roster.Unit(u.Code); ok {
		u = known
	}
	p := from.Unit
	if pu, ok := tree.roster.Unit(u.Parent); ok {
		p = pu
	} else if u.Parent != "" && u.Parent != from.Unit.Code {
		p = ingest.Unit{Code: u.Parent, Name: from.Return.Coverage.Parents[u.Parent]}
	}
	return Missing{Unit: u, Parent: p}
}

func sameLevel(a, b string) string {
	if a == "" || a == b {
		return b
	}
	if b == "" {
		return a
	}
	return "-" // mixed: the units are counted without a level word
}

// leafLevel is the level of the roster's lowest-level units under u (u's own without them),
// remembered in levels for u and the units under it.
func (tree *Tree) leafLevel(u ingest.Unit, levels map[int32]string) string {
	at, listed := tree.roster.Index(u.Code)
	if !listed {
		return u.Level
	}
	x := tree.roster.index()
	var below func(i int32, own string) string // "" when no leaf under i has a level
	below = func(i int32, own string) string {
		if l, ok := levels[i]; ok {
			return l
		}
		kids := x.kidsOf(i)
		if len(kids) == 0 {
			return own
		}
		level := ""
		for _, k := range kids {
			level = sameLevel(level, below(k, tree.roster.Units[k].Level))
		}
		levels[i] = level
		return level
	}
	if level := below(int32(at), u.Level); level != "" {
		return level
	}
	return u.Level
}

// rosterLeaves is the roster's lowest-level units under the units given (or those units, when they
// have none below them), in roster order.
func (tree *Tree) rosterLeaves(found []ingest.Unit) []ingest.Unit {
	x := tree.roster.index()
	at := make([]int32, 0, len(found))
	size := 0
	for _, u := range found {
		if i, listed := tree.roster.Index(u.Code); listed {
			at = append(at, int32(i)) // the roster's units under it are listed too
			size += int(x.leaves[i])
		} else {
			at = append(at, -1)
		}
	}
	var out []ingest.Unit
	if size > 0 {
		out = make([]ingest.Unit, 0, size)
	}
	var seen map[int32]bool // only units given one under another can meet twice
	if len(found) > 1 {
		seen = map[int32]bool{}
	}
	var add func(u ingest.Unit, i int32)
	add = func(u ingest.Unit, i int32) {
		if seen != nil {
			if seen[i] {
				return
			}
			seen[i] = true
		}
		kids := x.kidsOf(i)
		if len(kids) == 0 {
			out = append(out, u)
			return
		}
		for _, k := range kids {
			add(tree.roster.Units[k], k)
		}
	}
	for k, u := range found {
		if at[k] >= 0 {
			add(u, at[k])
		}
	}
	return out
}

// Consolidated is the scope's consolidated return for the level above: its totals, how much of
// the units each figure covers, and who is missing or late, so that the gap travels up.
func (tree *Tree) Consolidated(u ingest.Unit) *ingest.Return {
	r := tree.Scope.Totals.Return(u, tree.Period)
	if cov := r.Coverage; cov != nil {
		c := tree.Completeness()
		cov.Level = c.Level
		cov.Parents = map[string]string{}
		carry := func(ms []Missing) []ingest.Unit {
			var out []ingest.Unit
			for _, m := range ms {
				mu := m.Unit
				mu.Parent = m.Parent.Code
				if m.Parent.Name != "" {
					cov.Parents[m.Parent.Code] = m.Parent.Name
				}
				out = append(out, mu)
			}
			return out
		}
		missing := tree.compact(c)
		cov.Missing, cov.Late = carry(missing), carry(c.Late)
		cov.Stands = nil
		for i, m := range missing {
			if m.Units > 1 {
				if cov.Stands == nil {
					cov.Stands = map[string]int{}
				}
				cov.Stands[cov.Missing[i].Code] = m.Units
			}
		}
	}
	return r
}

// MissingSubtrees are the scope's missing units as a consolidated return lists them: a unit all
// of whose expected lowest-level units sent nothing once, standing for them (Missing.Units).
func (tree *Tree) MissingSubtrees() []Missing {
	return tree.compact(tree.Completeness())
}

// compact lists the missing units for the level above: each at the highest unit under the scope
// all of whose expected lowest-level units sent nothing, standing for them (a roster down to the
// branch would otherwise list a hundred thousand branches), in the order of their first unit.
func (tree *Tree) compact(c Completeness) []Missing {
	node, parent := map[string]*Node{}, map[string]*Node{}
	var walk func(n *Node)
	walk = func(n *Node) {
		for _, k := range n.Children {
			node[k.Unit.Code], parent[k.Unit.Code] = k, n
			walk(k)
		}
	}
	walk(tree.Scope)
	silent := map[string]bool{} // units between the scope and the lowest level that nobody under sent for
	for _, k := range c.Counts {
		if k.Covered == 0 && k.Expected > 0 && node[k.Unit.Code] != nil && node[k.Unit.Code].Return == nil {
			silent[k.Unit.Code] = true
		}
	}
	var out []Missing
	first := map[int]Missing{} // the one unit a subtree's row stands for, while it is one
	at := map[string]int{}     // index in out of each subtree's row
	for _, m := range c.Missing {
		top := ""
		for p := m.Parent.Code; silent[p]; p = parent[p].Unit.Code {
			top = p
			if parent[p] == nil || parent[p] == tree.Scope {
				break
			}
		}
		if top == "" {
			out = append(out, m)
			continue
		}
		if i, ok := at[top]; ok {
			out[i].Units += m.Count()
			continue
		}
		up := parent[top].Unit
		if parent[top].Cluster {
			up = ingest.Unit{}
		}
		at[top] = len(out)
		first[len(out)] = m
		out = append(out, Missing{Unit: node[top].Unit, Parent: up, Units: m.Count()})
	}
	for i, m := range first {
		if out[i].Units == 1 {
			out[i] = m // a subtree that stands for one unit is listed as that unit
		}
	}
	return out
}
