package rollup

import (
	"bytes"
	"fmt"
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
	kids   map[string][]ingest.Unit // the roster's sub-units of each unit
	once   struct{ names, kids sync.Once }

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
		vi := fmt.Sprintf("đơn vị %s không thuộc phạm vi tổng hợp %s nên không được cộng; nếu cần, hãy sửa mã cấp trên hoặc chọn phạm vi khác (--scope)", r.Unit.Code, scope)
		en := fmt.Sprintf("unit %s is outside the scope %s and is not counted; correct its parent code or choose another --scope if it should be", r.Unit.Code, scope)
		if _, listed := tree.roster.Unit(r.Unit.Code); listed {
			// The roster places the unit: its parent code is right, it is only not in this report.
			vi = fmt.Sprintf("đơn vị %s không thuộc phạm vi của báo cáo này (%s) nên không được cộng", r.Unit.Code, scope)
			en = fmt.Sprintf("unit %s is not in this report's scope (%s) and is not counted", r.Unit.Code, scope)
		}
		p := ingest.NewProblem(ingest.Warning, ingest.CodeOutsideScope, "", vi, en)
		p.File, p.Unit, p.Sheet = r.File, r.Unit.Code, ingest.SheetInfo
		tree.Problems = append(tree.Problems, p)
	}
}

func build(cat *ingest.Catalogue, returns []*ingest.Return, opts Options) (*Tree, error) {
	ro := opts.Roster
	units := map[string]ingest.Unit{}
	byUnit := map[string]*ingest.Return{}
	for _, r := range returns {
		if other, dup := byUnit[r.Unit.Code]; dup {
			return nil, lang.Errorf("đơn vị %s có hai báo cáo (%s và %s): hãy tổng hợp từng kỳ một", "unit %s has two returns (%s and %s): roll up one period at a time", r.Unit.Code, other.File, r.File)
		}
		byUnit[r.Unit.Code] = r
		units[r.Unit.Code] = r.Unit
	}
	if ro != nil {
		for _, u := range ro.Units {
			if r, ok := units[u.Code]; ok && u.Name == "" {
				u.Name = r.Name
			}
			units[u.Code] = u
		}
	}
	children := map[string][]string{}
	for code, u := range units {
		if u.Parent != "" && u.Parent != code {
			children[u.Parent] = append(children[u.Parent], code)
		}
	}
	for _, kids := range children {
		sort.Strings(kids) // map order never reaches the output
	}
	rosterKids := map[string][]ingest.Unit{}
	if ro != nil {
		for _, u := range ro.Units {
			if u.Parent != "" && u.Parent != u.Code {
				rosterKids[u.Parent] = append(rosterKids[u.Parent], u)
			}
		}
	}
	rb := &builder{cat: cat, units: units, byUnit: byUnit, children: children, roster: ro, visiting: map[string]bool{},
		rosterKids: rosterKids, leafCount: map[string]int{}}
	scope := opts.Scope
	if scope == "" {
		var roots []string
		seen := map[string]bool{}
		for _, r := range returns {
			top := rb.top(r.Unit.Code)
			if !seen[top] {
				seen[top] = true
				roots = append(roots, top)
			}
		}
		sort.Strings(roots)
		switch len(roots) {
		case 0:
			return nil, lang.Errorf("không có báo cáo nào để tổng hợp", "no returns to roll up")
		case 1:
			scope = roots[0]
		default:
			// Returns with no common parent: roll them up side by side under an unnamed scope.
			n := &Node{Unit: ingest.Unit{Code: "", Name: ""}, Totals: NewTotals(cat)}
			for _, code := range roots {
				child := rb.node(code)
				n.Children = append(n.Children, child)
				n.Totals.Add(child.Totals)
			}
			rb.sortChildren(n)
			return &Tree{Scope: n, Problems: rb.problems, kids: rb.rosterKids}, nil
		}
	}
	if c, ok := ro.Cluster(scope); ok {
		n := &Node{Unit: ingest.Unit{Code: c.Code, Name: c.Name}, Cluster: true, Totals: NewTotals(cat), Expected: true}
		for _, m := range c.Members {
			child := rb.node(m)
			n.Children = append(n.Children, child)
			n.Totals.Add(child.Totals)
		}
		rb.sortChildren(n)
		return &Tree{Scope: n, Problems: rb.problems, kids: rb.rosterKids}, nil
	}
	if _, ok := units[scope]; !ok {
		if _, hasKids := children[scope]; !hasKids {
			return nil, lang.Errorf("phạm vi %s không phải đơn vị hay cụm nào trong các báo cáo và danh sách đã đọc", "scope %s is neither a unit nor a cluster of what was read", scope)
		}
	}
	n := rb.node(scope)
	return &Tree{Scope: n, Problems: rb.problems, kids: rb.rosterKids}, nil
}

type builder struct {
	cat      *ingest.Catalogue
	units    map[string]ingest.Unit
	byUnit   map[string]*ingest.Return
	children map[string][]string
	roster   *Roster
	visiting map[string]bool
	problems []ingest.Problem

	rosterKids map[string][]ingest.Unit // the roster's sub-units of each unit; the tree keeps it
	leafCount  map[string]int
	sortKeys   map[string][]byte // the collation key of each name sorted
}

// top is the highest ancestor of code among the known units.
func (rb *builder) top(code string) string {
	seen := map[string]bool{}
	for {
		u, ok := rb.units[code]
		if !ok || u.Parent == "" || seen[code] {
			return code
		}
		seen[code] = true
		if _, known := rb.units[u.Parent]; !known {
			if len(rb.children[u.Parent]) > 1 && u.Parent != code {
				// The parent sent no return and is not in a roster, but its children share it:
				// it is the root (a district rolled up from its communes' returns).
				return u.Parent
			}
			return code
		}
		code = u.Parent
	}
}

func (rb *builder) node(code string) *Node {
	u, ok := rb.units[code]
	if !ok {
		u = ingest.Unit{Code: code}
	}
	n := &Node{Unit: u, Return: rb.byUnit[code], Totals: emptyTotals(rb.cat)}
	if _, listed := rb.roster.Unit(code); listed {
		n.Expected = true
	}
	if rb.visiting[code] {
		return n // a cycle in the returns' parent codes: stop here
	}
	rb.visiting[code] = true
	defer delete(rb.visiting, code)
	var parts *Totals
	for _, c := range rb.children[code] {
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
		n.Totals.AddReturn(n.Return, rb.leaves(code))
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
		n.Totals.AddMissing(rb.leaves(code))
	}
	return n
}

// leaves is how many expected units a unit stands for: the roster's lowest-level units under it,
// or 1.
func (rb *builder) leaves(code string) int {
	if n, ok := rb.leafCount[code]; ok {
		return n
	}
	rb.leafCount[code] = 1 // a cycle stops here
	n := 0
	for _, c := range rb.rosterKids[code] {
		n += rb.leaves(c.Code)
	}
	n = max(n, 1)
	rb.leafCount[code] = n
	return n
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
		p := ingest.NewProblem(ingest.Warning, ingest.CodePartsExceed, "",
			fmt.Sprintf("%s: báo cáo của đơn vị ghi %s nhưng báo cáo của %d đơn vị cấp dưới cộng lại được %s; hãy đối chiếu lại",
				f.Vi, lang.Int(lang.Vi, v.N), n.Parts.Units, lang.Int(lang.Vi, sum)),
			fmt.Sprintf("%s: the unit's return states %s but its %d sub-units' returns add up to %s; reconcile them",
				f.En, lang.Int(lang.En, v.N), n.Parts.Units, lang.Int(lang.En, sum)))
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
// repeat: every commune has its «thôn 1»).
func (l *lockedCollator) keys(n int, s func(i int) string, made map[string][]byte) [][]byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	var buf collate.Buffer
	out := make([][]byte, n)
	for i := range n {
		str := s(i)
		k, ok := made[str]
		if !ok {
			k = l.c.KeyFromString(&buf, str)
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
	keys := vietnamese.keys(len(n.Children), func(i int) string { return sortName(n.Children[i].Unit) }, rb.sortKeys)
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

// sortName drops the "Hội Khuyến học tỉnh" prefix so that units sort by their place name.
func sortName(u ingest.Unit) string {
	name := u.Name
	if name == "" {
		return u.Code
	}
	for _, prefix := range []string{"Hội Khuyến học ", "Hội khuyến học "} {
		name = strings.TrimPrefix(name, prefix)
	}
	for _, level := range []string{"tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "thị trấn "} {
		if rest, ok := strings.CutPrefix(name, level); ok {
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
