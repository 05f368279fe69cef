package report

import (
	"math"
	"sort"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// Options are how a report is written: its language and the words of its heading.
type Options struct {
	Lang   lang.Lang
	Title  string    // overrides the default title's last line (the scope)
	Date   time.Time // the report's date; zero leaves it blank
	Place  string    // "Ninh Thuận" in "Ninh Thuận, ngày 05 tháng 7 năm 2024"
	Org    string    // association writing the report, top left
	Number string    // document number, "Số: 12/BC-KH"
}

// data is what a report is written from: everything read, and how to write it.
type data struct {
	*pipeline.Result
	Options
}

func (d *data) text(vi, en string) string { return d.Lang.Text(vi, en) }

func (d *data) scope() *rollup.Node { return d.Tree.Scope }

func (d *data) period() ingest.Period { return d.Batch.Period() }

func (d *data) prevTotals() *rollup.Totals {
	if d.Previous == nil {
		return nil
	}
	return d.Previous.Scope.Totals
}

// prevNode is the unit's node in the previous period.
func (d *data) prevNode(code string) *rollup.Node {
	if d.Previous == nil {
		return nil
	}
	if code == d.scope().Unit.Code {
		return d.Previous.Scope
	}
	return d.Previous.Find(code)
}

func (d *data) figure(code string) *ingest.Figure {
	f, _ := d.Catalogue.Figure(code)
	return f
}

// scopeName is how sentences name the scope: "Cụm thi đua số 6 (…)" or "Hội Khuyến học tỉnh Hà Giang".
func (d *data) scopeName() string {
	u := d.scope().Unit
	switch {
	case u.Name != "":
		return u.Name
	case u.Code != "":
		return u.Code
	case d.Org != "":
		return d.Org // several roots, reported on by the association that names itself
	}
	return d.text("Toàn bộ các đơn vị", "All units")
}

// target is the scope's (or a unit's) result for a figure, if there is a target.
func (d *data) target(unit string, scope bool, code string) (targets.Result, bool) {
	for _, r := range d.Results {
		if r.Target.Figure.Code == code && r.Scope == scope && (scope || r.Unit.Code == unit) {
			return r, true
		}
	}
	return targets.Result{}, false
}

// ranked is the scope's units that have the figure, best first (ties in Vietnamese name order).
func (d *data) ranked(f *ingest.Figure) []rankedUnit {
	var out []rankedUnit
	for _, n := range d.scope().Children {
		if v, ok := n.Totals.Get(f); ok {
			out = append(out, rankedUnit{node: n, value: v})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].value > out[j].value })
	return out
}

type rankedUnit struct {
	node  *rollup.Node
	value float64
}

// rankingFigures are the figures units are ranked by: members per population, then each model's rate.
func (d *data) rankingFigures() []*ingest.Figure {
	out := []*ingest.Figure{d.figure("hoi_vien.ty_le")}
	for _, g := range d.Catalogue.Models {
		out = append(out, d.figure(g.Code+".ty_le"))
	}
	return out
}

// reported lists the figures that at least one unit reported, in catalogue order.
func (d *data) reported(fs []*ingest.Figure) []*ingest.Figure {
	var out []*ingest.Figure
	for _, f := range fs {
		if _, ok := d.scope().Totals.Get(f); ok {
			out = append(out, f)
		}
	}
	return out
}

func round2(x float64) float64 { return math.Round(x*1e4) / 1e4 }
