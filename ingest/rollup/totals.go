package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest"

// Totals are raw figures summed over units, with how many units reported each, from which derived
// figures are recomputed (a ratio of sums, never an average of ratios).
type Totals struct {
	cat       *ingest.Catalogue
	sum       []int64
	reported  []int32
	Units     int  // how many units were added
	Estimated bool // some of what was added is an estimate (last period on the new map)
}

// NewTotals makes empty totals for the catalogue.
func NewTotals(cat *ingest.Catalogue) *Totals {
	return &Totals{cat: cat, sum: make([]int64, len(cat.Raw)), reported: make([]int32, len(cat.Raw))}
}

// Sum adds up the returns, each counted once.
func Sum(cat *ingest.Catalogue, returns []*ingest.Return) *Totals {
	t := NewTotals(cat)
	for _, r := range returns {
		t.AddReturn(r)
	}
	return t
}

// AddReturn adds one unit's return.
func (t *Totals) AddReturn(r *ingest.Return) {
	for i, f := range t.cat.Raw {
		if v := r.Value(f); v.OK {
			t.sum[i] += v.N
			t.reported[i]++
		}
	}
	t.Units++
	t.Estimated = t.Estimated || r.Estimated
}

// Add adds another set of totals (a sub-unit's roll-up).
func (t *Totals) Add(o *Totals) {
	for i := range t.sum {
		t.sum[i] += o.sum[i]
		t.reported[i] += o.reported[i]
	}
	t.Units += o.Units
	t.Estimated = t.Estimated || o.Estimated
}

// Raw is the sum of a raw figure, and whether any unit reported it.
func (t *Totals) Raw(f *ingest.Figure) (int64, bool) {
	if f.Index() < 0 {
		return 0, false
	}
	return t.sum[f.Index()], t.reported[f.Index()] > 0
}

// Reported is how many units reported the figure (for a ratio: its numerator).
func (t *Totals) Reported(f *ingest.Figure) int {
	if f.Derived() {
		return t.Reported(t.cat.MustFigure(f.Num))
	}
	return int(t.reported[f.Index()])
}

// Get is the figure's value: the sum of a raw figure, or the ratio of summed parts of a derived
// one. A ratio whose parts are not reported, or whose denominator is zero, is not available.
func (t *Totals) Get(f *ingest.Figure) (float64, bool) {
	if !f.Derived() {
		n, ok := t.Raw(f)
		return float64(n), ok
	}
	num, ok1 := t.Raw(t.cat.MustFigure(f.Num))
	den, ok2 := t.Raw(t.cat.MustFigure(f.Den))
	if !ok1 || !ok2 || den == 0 {
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

// ingest.Return turns totals into a return of the unit: the consolidated return for the level above.
func (t *Totals) Return(u ingest.Unit, p ingest.Period) *ingest.Return {
	r := ingest.NewReturn(t.cat, u, p)
	for i, f := range t.cat.Raw {
		if t.reported[i] > 0 {
			r.Set(f, t.sum[i])
		}
	}
	return r
}

// ingest.Catalogue is the catalogue the totals are kept for.
func (t *Totals) Catalogue() *ingest.Catalogue { return t.cat }
