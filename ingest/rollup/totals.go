package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Totals are raw figures summed over units, with how many of the expected units each covers, from
// which derived figures are recomputed (a ratio of sums, never an average of ratios). A ratio is
// summed over the units that gave both of its parts, so that a unit whose numerator or denominator
// is blank or refused is left out of both sides.
type Totals struct {
	cat      *ingest.Catalogue
	sum      []int64
	reported []int32 // expected units whose value is in sum
	num, den []int64 // per derived figure (catalogue order): parts over the matching units
	matched  []int32 // per derived figure: expected units that gave both parts
	Expected int     // expected units under the node: the roster's leaves, or the units read
	Units    int     // returns added

	Estimated bool // some of what was added is an estimate (last period on the new map)
}

// NewTotals makes empty totals for the catalogue.
func NewTotals(cat *ingest.Catalogue) *Totals {
	t := &Totals{cat: cat}
	t.grow()
	return t
}

// emptyTotals are totals whose figures are made when the first figure is added: the roll-up of
// a 200,000-unit roster keeps most of its units' totals empty (a branch that sent nothing).
func emptyTotals(cat *ingest.Catalogue) *Totals { return &Totals{cat: cat} }

// grow makes the figures of empty totals.
func (t *Totals) grow() {
	if t.sum != nil {
		return
	}
	raw, derived := len(t.cat.Raw), len(t.cat.Derived)
	// One allocation of each kind for all five.
	i64 := make([]int64, raw+2*derived)
	i32 := make([]int32, raw+derived)
	t.sum, t.num, t.den = i64[:raw:raw], i64[raw:raw+derived:raw+derived], i64[raw+derived:]
	t.reported, t.matched = i32[:raw:raw], i32[raw:]
}

// Sum adds up the returns, each counted once and each standing for one unit (or for the units its
// coverage sheet states).
func Sum(cat *ingest.Catalogue, returns []*ingest.Return) *Totals {
	t := NewTotals(cat)
	for _, r := range returns {
		t.AddReturn(r, 1)
	}
	return t
}

func (t *Totals) derivedIndex(f *ingest.Figure) int {
	for i, d := range t.cat.Derived {
		if d == f || d.Code == f.Code {
			return i
		}
	}
	return -1
}

// AddReturn adds one unit's return, which stands for expected units: 1 for a commune, the roster's
// communes under a district. A consolidated return that carries its coverage stands for the units
// it states, and brings its own counts and matched ratio parts.
func (t *Totals) AddReturn(r *ingest.Return, expected int) {
	cov := r.Coverage
	if cov != nil {
		expected = cov.Expected
	}
	covered := func(code string) int {
		if cov == nil {
			return expected
		}
		if n, ok := cov.Reported[code]; ok {
			return n
		}
		return expected // written before this figure was in the catalogue: take it as whole
	}
	t.grow()
	for i, f := range t.cat.Raw {
		if v := r.Value(f); v.OK {
			t.sum[i] += v.N
			t.reported[i] += int32(covered(f.Code))
		}
	}
	for i, f := range t.cat.Derived {
		if cov != nil {
			if p, ok := cov.Ratios[f.Code]; ok {
				t.num[i] += p.Num
				t.den[i] += p.Den
				t.matched[i] += int32(p.Units)
			}
			continue // no row: no unit below gave both parts
		}
		n, d := r.Value(t.cat.MustFigure(f.Num)), r.Value(t.cat.MustFigure(f.Den))
		if n.OK && d.OK {
			t.num[i] += n.N
			t.den[i] += d.N
			t.matched[i] += int32(min(covered(f.Num), covered(f.Den)))
		}
	}
	t.Expected += expected
	t.Units++
	t.Estimated = t.Estimated || r.Estimated
}

// AddMissing counts expected units that sent nothing.
func (t *Totals) AddMissing(expected int) { t.Expected += expected }

// Add adds another set of totals (a sub-unit's roll-up).
func (t *Totals) Add(o *Totals) {
	t.Expected += o.Expected
	t.Units += o.Units
	t.Estimated = t.Estimated || o.Estimated
	if o.sum == nil {
		return
	}
	t.grow()
	for i := range t.sum {
		t.sum[i] += o.sum[i]
		t.reported[i] += o.reported[i]
	}
	for i := range t.num {
		t.num[i] += o.num[i]
		t.den[i] += o.den[i]
		t.matched[i] += o.matched[i]
	}
}

// Raw is the sum of a raw figure, and whether any unit reported it.
func (t *Totals) Raw(f *ingest.Figure) (int64, bool) {
	if f.Index() < 0 || t.sum == nil {
		return 0, false
	}
	return t.sum[f.Index()], t.reported[f.Index()] > 0
}

// Parts are a derived figure's numerator and denominator summed over the units that gave both,
// and how many of the expected units that is.
func (t *Totals) Parts(f *ingest.Figure) (num, den int64, units int) {
	i := t.derivedIndex(f)
	if i < 0 || t.num == nil {
		return 0, 0, 0
	}
	return t.num[i], t.den[i], int(t.matched[i])
}

// Reported is how many of the expected units the figure covers: for a raw figure the units whose
// value is in the sum, for a ratio the units that gave both of its parts.
func (t *Totals) Reported(f *ingest.Figure) int {
	if f.Derived() {
		_, _, n := t.Parts(f)
		return n
	}
	if f.Index() < 0 || t.reported == nil {
		return 0
	}
	return int(t.reported[f.Index()])
}

// Get is the figure's value: the sum of a raw figure, or the ratio of the parts summed over the
// units that gave both. A ratio that no unit gave both parts of, or whose denominator is zero, is
// not available.
func (t *Totals) Get(f *ingest.Figure) (float64, bool) {
	if !f.Derived() {
		n, ok := t.Raw(f)
		return float64(n), ok
	}
	num, den, units := t.Parts(f)
	if units == 0 || den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// Lookup is Get by figure code.
func (t *Totals) Lookup(code string) (float64, bool) {
	f, ok := t.cat.Figure(code)
	if !ok {
		return 0, false
	}
	return t.Get(f)
}

// Return turns totals into a return of the unit: the consolidated return for the level above,
// which carries its coverage (how many units each figure covers, the matched parts of each ratio)
// so that the level above sees the gap. Missing and late units are the tree's to add.
func (t *Totals) Return(u ingest.Unit, p ingest.Period) *ingest.Return {
	r := ingest.NewReturn(t.cat, u, p)
	cov := &ingest.Coverage{Expected: t.Expected, Reported: map[string]int{}, Ratios: map[string]ingest.RatioParts{}}
	for i, f := range t.cat.Raw {
		if t.reported != nil && t.reported[i] > 0 {
			r.Set(f, t.sum[i])
			cov.Reported[f.Code] = int(t.reported[i])
		}
	}
	for i, f := range t.cat.Derived {
		if t.matched != nil && t.matched[i] > 0 {
			cov.Ratios[f.Code] = ingest.RatioParts{Num: t.num[i], Den: t.den[i], Units: int(t.matched[i])}
		}
	}
	if t.Expected > 0 {
		r.Coverage = cov
	}
	return r
}

// Catalogue is the catalogue the totals are kept for.
func (t *Totals) Catalogue() *ingest.Catalogue { return t.cat }
