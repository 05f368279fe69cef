package rollup

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Node is one unit (or cluster) of a roll-up with its figures: its own return when one was
// received, otherwise the sum of its sub-units. A return speaks for the unit's whole subtree, so
// no figure is ever counted twice.
type Node struct {
	Unit     ingest.Unit
	Cluster  bool           // an emulation cluster rather than a unit
	Return   *ingest.Return // the unit's own return, if received
	Children []*Node
	Totals   *Totals // what the node stands for
	Parts    *Totals // the sum of the children, when the node has its own return and children too
	Expected bool    // listed by the roster
	Late     bool    // received after the roster's due date
}

// Received reports whether the unit sent its own return.
func (n *Node) Received() bool { return n.Return != nil }

// HasData reports whether any return stands behind the node.
func (n *Node) HasData() bool { return n.Totals != nil && n.Totals.Units > 0 }

// Tree is the roll-up of one scope: a unit or a cluster.
type Tree struct {
	Scope    *Node
	Period   ingest.Period // the returns' period, when they share one
	Problems []ingest.Problem

	roster *Roster
	names  *namer
	once   struct{ names sync.Once }

	completeness struct {
		sync.Mutex
		c *Completeness
	}
}

// Options choose the scope of a roll-up.
type Options struct {
	Scope  string  // a unit or cluster code; empty means the one root of what was read
	Roster *Roster // optional: parents, clusters, expected units, due date
}

// BuildRollup rolls the returns up to the scope. The error is for a scope that does not exist or
// cannot be chosen.
func Build(cat *ingest.Catalogue, returns []*ingest.Return, opts Options) (*Tree, error) {
	tree, err := build(cat, returns, opts)
	if err != nil {
		return nil, err
	}
	tree.Period = (&ingest.Batch{Returns: returns}).Period()
	tree.roster = opts.Roster
	tree.flagOutside(returns)
	ingest.SortProblems(tree.Problems)
	tree.names = newNamer(tree)
	return tree, nil
}

// flagOutside warns about every return that the scope does not include: it is read, but not
// counted, and says so.
func (tree *Tree) flagOutside(returns []*ingest.Return) {
	in := map[*ingest.Return]bool{}
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Return != nil {
			in[n.Return] = true
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(tree.Scope)
	scope := tree.Scope.Unit.Code
	for _, r := range returns {
		if in[r] {
			continue
		}
		m := ingest.MsgOutsideScope
		if _, listed := tree.roster.Unit(r.Unit.Code); listed {
			// The roster places the unit: its parent code is right, it is only not in this report.
			m = ingest.MsgOutsideReport
		}
		p := ingest.NewProblem(ingest.Warning, ingest.CodeOutsideScope, "", m, r.Unit.Code, scope)
		p.File, p.Unit, p.Sheet = r.File, r.Unit.Code, ingest.SheetInfo
		tree.Problems = append(tree.Problems, p)
	}
}

func build(cat *ingest.Catalogue, returns []*ingest.Return, opts Options) (*Tree, error) {
	ro := opts.Roster
	rb, err := newBuilder(cat, returns, ro)
	if err != nil {
		return nil, err
	}
	scope := opts.Scope
	if scope == "" {
		var roots []int32
		seen := map[int32]bool{}
		for _, r := range returns {
			i, _ := rb.lookup(r.Unit.Code)
			top := rb.top(i)
			if !seen[top] {
				seen[top] = true
				roots = append(roots, top)
			}
		}
		slices.SortFunc(roots, func(a, b int32) int { return strings.Compare(rb.code(a), rb.code(b)) })
		switch len(roots) {
		case 0:
			return nil, msgNothingToRollUp.Errorf()
		case 1:
			scope = rb.code(roots[0])
		default:
			// Returns with no common parent: roll them up side by side under an unnamed scope.
			n := &Node{Unit: ingest.Unit{Code: "", Name: ""}, Totals: NewTotals(cat)}
			for _, i := range roots {
				child := rb.node(i)
				n.Children = append(n.Children, child)
				n.Totals.Add(child.Totals)
			}
			rb.sortChildren(n)
			return &Tree{Scope: n, Problems: rb.problems}, nil
		}
	}
	if c, ok := ro.Cluster(scope); ok {
		n := &Node{Unit: ingest.Unit{Code: c.Code, Name: c.Name}, Cluster: true, Totals: NewTotals(cat), Expected: true}
		for _, m := range c.Members {
			child := rb.node(rb.add(m))
			n.Children = append(n.Children, child)
			n.Totals.Add(child.Totals)
		}
		rb.sortChildren(n)
		return &Tree{Scope: n, Problems: rb.problems}, nil
	}
	i, ok := rb.lookup(scope)
	if !ok || !rb.known[i] && len(rb.kidsOf(i)) == 0 {
		return nil, msgUnknownScope.Errorf(scope)
	}
	return &Tree{Scope: rb.node(i), Problems: rb.problems}, nil
}

// builder rolls the returns up the tree of units. It knows each unit by an index: the roster's
// units by their place in the roster, then the other codes of the returns and their parents, so
// that a roll-up of 200,000 units does not look each up by code again and again.
type builder struct {
	cat    *ingest.Catalogue
	roster *Roster
	listed int              // the roster's units: indices below listed
	codes  []string         // the codes of the indices from listed on
	extra  map[string]int32 // the indices of those codes
	// By index:
	ret      []*ingest.Return // the unit's own return
	known    []bool           // a unit of the roster or of a return, not only a parent code
	parent   []int32          // the parent of a known unit, or -1
	visiting []bool
	kidFrom  []int32 // the sub-units of unit i are kids[kidFrom[i]:kidFrom[i+1]], in order of code
	kids     []int32
	leaves   []int32 // the roster's lowest-level units under each of its units (nil without one)

	problems []ingest.Problem
	sortKeys map[string][]byte // the collation key of each name sorted
	keyBuf   collate.Buffer    // where they are made

	nodes  []Node   // made a slab at a time: a roster down to the branch makes 200,000
	totals []Totals // likewise
}

// newNode is a new node with empty totals.
func (rb *builder) newNode() *Node {
	if len(rb.nodes) == 0 {
		rb.nodes, rb.totals = make([]Node, 1024), make([]Totals, 1024)
	}
	n, t := &rb.nodes[0], &rb.totals[0]
	rb.nodes, rb.totals = rb.nodes[1:], rb.totals[1:]
	t.cat = rb.cat
	n.Totals = t
	return n
}

func newBuilder(cat *ingest.Catalogue, returns []*ingest.Return, ro *Roster) (*builder, error) {
	rb := &builder{cat: cat, roster: ro, extra: map[string]int32{}}
	var ri *rosterIndex
	if ro != nil {
		ri = ro.index()
		rb.listed, rb.leaves = len(ro.Units), ri.leaves
	}
	size := rb.listed + len(returns)
	rb.ret, rb.known, rb.parent = make([]*ingest.Return, rb.listed, size), make([]bool, rb.listed, size), make([]int32, rb.listed, size)
	for _, r := range returns {
		i := rb.add(r.Unit.Code)
		if other := rb.ret[i]; other != nil {
			return nil, msgTwoReturns.Errorf(r.Unit.Code, other.File, r.File)
		}
		rb.ret[i], rb.known[i] = r, true
	}
	for i := range rb.listed {
		rb.known[i], rb.parent[i] = true, ri.parent[i]
		if u := ro.Units[i]; ri.parent[i] < 0 && u.Parent != "" && u.Parent != u.Code {
			rb.parent[i] = rb.add(u.Parent) // not in the roster
		}
	}
	for _, r := range returns {
		if i, _ := rb.lookup(r.Unit.Code); int(i) >= rb.listed && r.Unit.Parent != "" && r.Unit.Parent != r.Unit.Code {
			rb.parent[i] = rb.add(r.Unit.Parent)
		}
	}
	// The sub-units of each unit, in order of code (the order of the walk, of its problems).
	n := len(rb.parent)
	rb.kidFrom = make([]int32, n+1)
	for _, p := range rb.parent {
		if p >= 0 {
			rb.kidFrom[p+1]++
		}
	}
	for i := range n {
		rb.kidFrom[i+1] += rb.kidFrom[i]
	}
	rb.kids = make([]int32, rb.kidFrom[n])
	at := slices.Clone(rb.kidFrom[:n])
	for i, p := range rb.parent {
		if p >= 0 {
			rb.kids[at[p]] = int32(i)
			at[p]++
		}
	}
	byCode := func(a, b int32) int { return strings.Compare(rb.code(a), rb.code(b)) }
	for i := range n {
		if kids := rb.kidsOf(int32(i)); !slices.IsSortedFunc(kids, byCode) {
			slices.SortFunc(kids, byCode)
		}
	}
	rb.visiting = make([]bool, n, cap(rb.parent))
	return rb, nil
}

// lookup is the index of a code.
func (rb *builder) lookup(code string) (int32, bool) {
	if i, ok := rb.roster.Index(code); ok {
		return int32(i), true
	}
	i, ok := rb.extra[code]
	return i, ok
}

// add is the index of a code, given one if it has none.
func (rb *builder) add(code string) int32 {
	if i, ok := rb.lookup(code); ok {
		return i
	}
	i := int32(rb.listed + len(rb.codes))
	rb.codes = append(rb.codes, code)
	rb.extra[code] = i
	rb.ret, rb.known, rb.parent = append(rb.ret, nil), append(rb.known, false), append(rb.parent, -1)
	if rb.visiting != nil {
		rb.visiting = append(rb.visiting, false)
	}
	return i
}

func (rb *builder) code(i int32) string {
	if int(i) < rb.listed {
		return rb.roster.Units[i].Code
	}
	return rb.codes[int(i)-rb.listed]
}

// unit is the unit of an index: as the roster lists it (named as its return names it, when the
// roster does not), or as its return does, or only its code.
func (rb *builder) unit(i int32) ingest.Unit {
	r := rb.ret[i]
	if int(i) < rb.listed {
		u := rb.roster.Units[i]
		if r != nil && u.Name == "" {
			u.Name = r.Unit.Name
		}
		return u
	}
	if r != nil {
		return r.Unit
	}
	return ingest.Unit{Code: rb.code(i)}
}

func (rb *builder) kidsOf(i int32) []int32 {
	if int(i)+1 >= len(rb.kidFrom) {
		return nil // a code met after the tree was made (a cluster's member that is no unit)
	}
	return rb.kids[rb.kidFrom[i]:rb.kidFrom[i+1]]
}

// top is the highest ancestor of unit i among the known units.
func (rb *builder) top(i int32) int32 {
	seen := map[int32]bool{}
	for {
		p := rb.parent[i]
		if !rb.known[i] || p < 0 || seen[i] {
			return i
		}
		seen[i] = true
		if !rb.known[p] {
			if len(rb.kidsOf(p)) > 1 {
				// The parent sent no return and is not in a roster, but its children share it:
				// it is the root (a district rolled up from its communes' returns).
				return p
			}
			return i
		}
		i = p
	}
}

func (rb *builder) node(i int32) *Node {
	n := rb.newNode()
	n.Unit, n.Return, n.Expected = rb.unit(i), rb.ret[i], int(i) < rb.listed
	if rb.visiting[i] {
		return n // a cycle in the returns' parent codes: stop here
	}
	rb.visiting[i] = true
	var parts *Totals
	for _, c := range rb.kidsOf(i) {
		child := rb.node(c)
		if !child.HasData() && !child.Expected {
			continue
		}
		n.Children = append(n.Children, child)
		if parts == nil {
			parts = emptyTotals(rb.cat)
		}
		parts.Add(child.Totals)
	}
	rb.sortChildren(n)
	switch {
	case n.Return != nil:
		n.Totals.AddReturn(n.Return, rb.leavesOf(i))
		if parts != nil && parts.Units > 0 {
			n.Parts = parts
			rb.compareParts(n)
		}
		if rb.roster != nil && !rb.roster.Due.IsZero() {
			// The reader writes every report date it can read as dd/mm/yyyy.
			if d, err := time.Parse("02/01/2006", n.Return.ReportDate); err == nil && d.After(rb.roster.Due) {
				n.Late = true
			}
		}
	case parts != nil:
		n.Totals.Add(parts)
	case n.Expected:
		n.Totals.AddMissing(rb.leavesOf(i))
	}
	rb.visiting[i] = false
	return n
}

// leavesOf is how many expected units a unit stands for: the roster's lowest-level units under
// it, or 1.
func (rb *builder) leavesOf(i int32) int {
	if int(i) < rb.listed {
		return int(rb.leaves[i])
	}
	return 1
}

// compareParts warns when the sub-units' own returns add up to more than the unit states.
func (rb *builder) compareParts(n *Node) {
	r := n.Return
	for _, f := range rb.cat.Raw {
		v := r.Value(f)
		sum, ok := n.Parts.Raw(f)
		if !v.OK || !ok || sum <= v.N {
			continue
		}
		sheet, cell := r.Cell(v)
		p := ingest.NewProblem(ingest.Warning, ingest.CodePartsExceed, "", ingest.MsgPartsExceed, f.Label, lang.Number(v.N), n.Parts.Units, lang.Number(sum))
		p.File, p.Sheet, p.Cell, p.Unit, p.Figure = r.File, sheet, cell, r.Unit.Code, f.Code
		rb.problems = append(rb.problems, p)
	}
}

// vietnamese sorts in Vietnamese alphabetical order, numbers in numeric order (số 2 before số 10).
// vietnamese compares names in Vietnamese order, numbers in numeric order. A collator is not
// safe for concurrent use (the report's writers run in parallel), so it is used under a lock.
var vietnamese = &lockedCollator{c: collate.New(language.Vietnamese, collate.Numeric)}

type lockedCollator struct {
	mu sync.Mutex
	c  *collate.Collator
}

func (l *lockedCollator) CompareString(a, b string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.c.CompareString(a, b)
}

// keys are the collation keys of n strings: keys compare with bytes.Compare as the strings do
// with CompareString. A key in made is not made again, and made keeps the keys made (names
// repeat: every commune has its «thôn 1»); the keys are made in buf.
func (l *lockedCollator) keys(n int, s func(i int) string, made map[string][]byte, buf *collate.Buffer) [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([][]byte, n)
	for i := range n {
		str := s(i)
		k, ok := made[str]
		if !ok {
			k = l.c.KeyFromString(buf, str)
			made[str] = k
		}
		out[i] = k
	}
	return out
}

// sortChildren orders sub-units in Vietnamese alphabetical order of their names (codes when
// unnamed). Each name's collation key is made once: a commune may have hundreds of branches.
func (rb *builder) sortChildren(n *Node) {
	if len(n.Children) < 2 {
		return
	}
	type child struct {
		key  []byte
		node *Node
	}
	kids := make([]child, len(n.Children))
	if rb.sortKeys == nil {
		rb.sortKeys = map[string][]byte{}
	}
	keys := vietnamese.keys(len(n.Children), func(i int) string { return sortName(n.Children[i].Unit) }, rb.sortKeys, &rb.keyBuf)
	for i, c := range n.Children {
		kids[i] = child{keys[i], c}
	}
	sort.SliceStable(kids, func(i, j int) bool {
		if c := bytes.Compare(kids[i].key, kids[j].key); c != 0 {
			return c < 0
		}
		return kids[i].node.Unit.Code < kids[j].node.Unit.Code
	})
	for i, c := range kids {
		n.Children[i] = c.node
	}
}

// sortName is the unit's place name, its name without the association's prefix and its level
// word ("Hội Khuyến học tỉnh Hà Giang" is "Hà Giang"), so that units sort by their place.
func sortName(u ingest.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	name := fullName(u)
	for _, level := range placeWords {
		if rest, ok := strings.CutPrefix(name, level+" "); ok {
			return rest
		}
	}
	return name
}

// DisplayName is the unit's name without the association prefix ("Đắk Lắk"), or its code.
func DisplayName(u ingest.Unit) string { return sortName(u) }

// Find looks a node up by unit code in the roll-up.
func (tree *Tree) Find(code string) *Node {
	var walk func(n *Node) *Node
	walk = func(n *Node) *Node {
		if n.Unit.Code == code {
			return n
		}
		for _, c := range n.Children {
			if f := walk(c); f != nil {
				return f
			}
		}
		return nil
	}
	return walk(tree.Scope)
}
