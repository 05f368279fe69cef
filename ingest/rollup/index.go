package rollup

// rosterIndex is the roster's tree by unit index (the unit's place in Roster.Units), made once for
// all the roll-ups of a roster: a roster down to the branch has 200,000 units, and looking each up
// by code in every walk costs more than the walk.
type rosterIndex struct {
	parent  []int32 // the parent of each unit, or -1
	kidFrom []int32 // the sub-units of unit i are kids[kidFrom[i]:kidFrom[i+1]], in roster order
	kids    []int32
	leaves  []int32 // the lowest-level units under each unit, or 1 for a unit with none
}

// index is the roster's index, made on first use.
func (ro *Roster) index() *rosterIndex {
	ro.indexOnce.Do(func() { ro.idx = newRosterIndex(ro) })
	return ro.idx
}

// Index is the place of a unit in Units.
func (ro *Roster) Index(code string) (int, bool) {
	if ro == nil {
		return 0, false
	}
	i, ok := ro.byCode[code]
	return i, ok
}

func newRosterIndex(ro *Roster) *rosterIndex {
	n := len(ro.Units)
	x := &rosterIndex{parent: make([]int32, n), kidFrom: make([]int32, n+1), leaves: make([]int32, n)}
	for i, u := range ro.Units {
		x.parent[i] = -1
		if p, ok := ro.byCode[u.Parent]; ok && u.Parent != "" && u.Parent != u.Code {
			x.parent[i] = int32(p)
			x.kidFrom[p+1]++
		}
	}
	for i := range n {
		x.kidFrom[i+1] += x.kidFrom[i]
	}
	x.kids = make([]int32, x.kidFrom[n])
	at := make([]int32, n)
	copy(at, x.kidFrom[:n])
	for i, p := range x.parent {
		if p >= 0 {
			x.kids[at[p]] = int32(i)
			at[p]++
		}
	}
	for i := range n {
		x.countLeaves(int32(i))
	}
	return x
}

func (x *rosterIndex) kidsOf(i int32) []int32 { return x.kids[x.kidFrom[i]:x.kidFrom[i+1]] }

// countLeaves works out leaves[i] and those of the units under it (a cycle, which a roster read
// from a file cannot have, stops at 1).
func (x *rosterIndex) countLeaves(i int32) int32 {
	if x.leaves[i] > 0 {
		return x.leaves[i]
	}
	x.leaves[i] = 1
	var n int32
	for _, k := range x.kidsOf(i) {
		n += x.countLeaves(k)
	}
	x.leaves[i] = max(n, 1)
	return x.leaves[i]
}
