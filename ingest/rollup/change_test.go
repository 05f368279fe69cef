package rollup

import (
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// A comparison is like for like: a unit is compared only when last period covers all of it (every
// predecessor reported), and the counts of the map only for units the merger left whole.
func TestChangesAreLikeForLike(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	ro, err := ParseRoster(strings.NewReader(`don_vi:
  - {ma: "42", ten: "Tỉnh"}
  - {ma: "A", cap_tren: "42", tien_than: ["a1", "a2"]}
  - {ma: "B", cap_tren: "42", tien_than: ["b1"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	hv, hcs := cat.MustFigure("hoi_vien"), cat.MustFigure("hoi_co_so")
	ret := func(code, parent string, year int, members int64) *ingest.Return {
		r := ingest.NewReturn(cat, ingest.Unit{Code: code, Parent: parent}, ingest.Period{Year: year})
		r.Set(hv, members)
		r.Set(hcs, 1)
		return r
	}
	tree := func(rs []*ingest.Return, roster *Roster) *Tree {
		tr, err := Build(cat, rs, Options{Scope: "42", Roster: roster})
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	prevOf := func(old ...*ingest.Return) *Tree {
		mapped, _, err := MapPrevious(cat, ro, old, nil)
		if err != nil {
			t.Fatal(err)
		}
		return tree(mapped, ro)
	}
	communes := tree([]*ingest.Return{ret("A", "42", 2025, 110), ret("B", "42", 2025, 50)}, ro)
	province := tree([]*ingest.Return{ret("42", "", 2025, 160)}, ro)
	tests := []struct {
		name       string
		cur, prev  *Tree
		hv, hcs    Change
		hvOK, hcOK bool
	}{
		{"every predecessor reported", communes, prevOf(ret("a1", "x", 2024, 60), ret("a2", "x", 2024, 40), ret("b1", "x", 2024, 45)),
			Change{Cur: 160, Prev: 145, Units: 2, Of: 2}, Change{Cur: 1, Prev: 1, Units: 1, Of: 2}, true, true},
		{"one predecessor of A missing", communes, prevOf(ret("a1", "x", 2024, 60), ret("b1", "x", 2024, 45)),
			Change{Cur: 50, Prev: 45, Units: 1, Of: 2}, Change{Cur: 1, Prev: 1, Units: 1, Of: 2}, true, true},
		{"the province's own return against part of last year", province, prevOf(ret("a1", "x", 2024, 60), ret("b1", "x", 2024, 45)),
			Change{Units: 0, Of: 1}, Change{Units: 0, Of: 1}, false, false},
		{"the province's own return against all of last year", province, prevOf(ret("a1", "x", 2024, 60), ret("a2", "x", 2024, 40), ret("b1", "x", 2024, 45)),
			Change{Cur: 160, Prev: 145, Units: 1, Of: 1}, Change{Units: 0, Of: 1}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Changes(cat, tt.cur, tt.prev)
			tt.hv.OK, tt.hcs.OK = tt.hvOK, tt.hcOK
			if got := cs["hoi_vien"]; got != tt.hv {
				t.Errorf("hoi_vien: %+v, want %+v", got, tt.hv)
			}
			if got := cs["hoi_co_so"]; got != tt.hcs {
				t.Errorf("hoi_co_so: %+v, want %+v", got, tt.hcs)
			}
		})
	}
}
