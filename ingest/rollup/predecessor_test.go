package rollup

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

func TestPredecessorsAreChecked(t *testing.T) {
	head := "don_vi:\n  - {ma: \"VN\", ten: \"Việt Nam\"}\n"
	tests := []struct {
		name, units, want string
	}{
		{"whole twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: ["02"]}`,
			"danh-sach.yaml:4: tiền thân 02 được nhận toàn bộ bởi hai đơn vị, 08 và 10; nếu mỗi đơn vị nhận một phần, hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) ở cả hai"},
		{"whole and shared", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 30%}]}`,
			"danh-sach.yaml:4: tiền thân 02 được 08 nhận toàn bộ nhưng cũng được chia cho 10; hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) của nó ở 08"},
		{"shares over 100%", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: 60%}]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: "50,5%"}]}`,
			"danh-sach.yaml:4: các tỷ lệ của tiền thân 02125 cộng lại 110,50%, quá 100% (08, 10)"},
		{"listed twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02", " 02 "]}`, "danh-sach.yaml:3: đơn vị 08: tiền thân 02 được ghi hai lần"},
		{"no code", `  - {ma: "08", cap_tren: "VN", tien_than: [{ten: "Bãi bồi", mot_phan: true}]}`,
			"danh-sach.yaml:3: đơn vị 08: một tiền thân không có ma (mã); hãy ghi mã của đơn vị cũ, hoặc bỏ tiền thân này nếu nó không phải một đơn vị"},
		{"share not a percentage", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 0.4}]}`,
			"danh-sach.yaml:3: tien_than 02: ty_le «0.4»: hãy ghi một tỷ lệ phần trăm trên 0% và không quá 100%, như 40%"},
		{"unknown key", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", tyle: 40%}]}`,
			"danh-sach.yaml:3: tien_than: không có trường «tyle» (các trường: ma, ten, mot_phan, ty_le)"},
		{"not a mapping", `  - {ma: "08", cap_tren: "VN", tien_than: [[02]]}`, "danh-sach.yaml:3: tien_than: hãy ghi một mã hoặc {ma: …, ty_le: …}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRoster(strings.NewReader(head + tt.units + "\n"))
			var se *strictyaml.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v, want a *strictyaml.Error with its line", err)
			}
			if got := se.In("danh-sach.yaml").Message(lang.Vi); got != tt.want {
				t.Errorf("error\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestEveryPresetLoads: every built-in roster, for every province, is one that the roster's
// checker accepts as written (issue: Hà Tĩnh's and Ninh Bình's maps were refused).
func TestEveryPresetLoads(t *testing.T) {
	check := func(name, province string) {
		t.Helper()
		ro, err := FromPreset(name, province)
		if err != nil {
			t.Fatalf("%s %s: %v", name, province, err)
		}
		var buf bytes.Buffer
		if err := WriteRoster(&buf, []string{"test"}, ro); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseRoster(&buf); err != nil {
			t.Errorf("%s %s: %v", name, province, err)
		}
	}
	check("tinh-2025", "")
	check("tinh-2024", "")
	ro, _ := FromPreset("tinh-2025", "")
	if len(ro.Units) != 35 {
		t.Fatalf("tinh-2025: %d units", len(ro.Units))
	}
	for _, u := range ro.Units[1:] {
		check("xa-2025", u.Code)
		check("xa-2024", u.Code)
	}
}

// A preset written as YAML reads back as the same roster, predecessors and all; codes stay strings.
func TestPresetRosterReadsBack(t *testing.T) {
	for _, p := range []struct{ name, province string }{{"tinh-2025", ""}, {"tinh-2024", ""}, {"xa-2025", "08"}, {"xa-2025", "42"}, {"xa-2024", "42"}} {
		ro, err := FromPreset(p.name, p.province)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteRoster(&buf, []string{"test"}, ro); err != nil {
			t.Fatal(err)
		}
		back, err := ParseRoster(&buf)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if len(back.Units) != len(ro.Units) || len(back.Predecessors) != len(ro.Predecessors) {
			t.Fatalf("%s: %d units, %d with predecessors; want %d, %d", p.name, len(back.Units), len(back.Predecessors), len(ro.Units), len(ro.Predecessors))
		}
		for code, preds := range ro.Predecessors {
			got := back.Predecessors[code]
			if len(got) != len(preds) {
				t.Fatalf("%s %s: %d predecessors, want %d", p.name, code, len(got), len(preds))
			}
			for i := range preds {
				if got[i] != preds[i] {
					t.Errorf("%s %s: predecessor %+v, want %+v", p.name, code, got[i], preds[i])
				}
			}
		}
	}
	ro, _ := FromPreset("tinh-2025", "")
	if n := len(ro.Units); n != 35 {
		t.Errorf("tinh-2025 has %d units, want the root and 34 provinces", n)
	}
	tq := ro.Predecessors["08"]
	if len(tq) != 2 || tq[0].Code != "02" || tq[1].Code != "08" {
		t.Errorf("Tuyên Quang's predecessors = %+v, want Hà Giang (02) and Tuyên Quang (08)", tq)
	}
}

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
