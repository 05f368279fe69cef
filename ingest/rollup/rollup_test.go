package rollup

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

func mk(cat *ingest.Catalogue, code, parent string, values map[string]int64) *ingest.Return {
	r := ingest.NewReturn(cat, ingest.Unit{Code: code, Parent: parent}, ingest.Period{Year: 2024})
	for k, v := range values {
		f, _ := cat.Figure(k)
		r.Set(f, v)
	}
	return r
}

// A ratio is a ratio of sums: a big unit at 10% and a small one at 90% make about 10.7%, not 50%.
func TestRatioOfSumsNotAverageOfRatios(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	returns := []*ingest.Return{
		mk(cat, "a", "p", map[string]int64{"hoi_vien": 10_000, "dan_so": 100_000}),
		mk(cat, "b", "p", map[string]int64{"hoi_vien": 900, "dan_so": 1_000}),
	}
	tree, err := Build(cat, returns, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := tree.Scope.Totals.Lookup("hoi_vien.ty_le")
	want := 10_900.0 / 101_000
	if !ok || math.Abs(got-want) > 1e-12 {
		t.Errorf("hoi_vien.ty_le = %v, want %v (the average of ratios would be 0.5)", got, want)
	}
	if tree.Scope.Unit.Code != "p" || len(tree.Scope.Children) != 2 {
		t.Errorf("scope = %s with %d children, want p with 2", tree.Scope.Unit.Code, len(tree.Scope.Children))
	}
}

// A unit's own return wins over its sub-units' returns, and parts adding up to more are flagged.
func TestOwnReturnWins(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	returns := []*ingest.Return{
		mk(cat, "huyen", "tinh", map[string]int64{"hoi_vien": 1000, "chi_hoi": 10}),
		mk(cat, "xa1", "huyen", map[string]int64{"hoi_vien": 700, "chi_hoi": 4}),
		mk(cat, "xa2", "huyen", map[string]int64{"hoi_vien": 400, "chi_hoi": 5}),
		mk(cat, "huyen2", "tinh", map[string]int64{"hoi_vien": 50}),
	}
	tree, err := Build(cat, returns, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := tree.Scope.Totals.Lookup("hoi_vien"); got != 1050 {
		t.Errorf("hoi_vien = %v, want 1050 (huyen's own 1000 + huyen2's 50, communes not counted again)", got)
	}
	if got, _ := tree.Scope.Totals.Lookup("chi_hoi"); got != 10 {
		t.Errorf("chi_hoi = %v, want 10", got)
	}
	if len(tree.Problems) != 1 || tree.Problems[0].Code != ingest.CodePartsExceed || tree.Problems[0].Figure != "hoi_vien" {
		t.Fatalf("problems = %v, want one parts_exceed on hoi_vien", tree.Problems)
	}
	if n := tree.Find("huyen"); n == nil || len(n.Children) != 2 {
		t.Errorf("huyen should show its two communes beneath it")
	}
}

// Post-2025 chain: province directly above communes, no district level; levels are not hard-coded.
func TestTwoLevelChain(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	var returns []*ingest.Return
	for i, code := range []string{"x1", "x2", "x3"} {
		returns = append(returns, mk(cat, code, "42", map[string]int64{"chi_hoi": int64(i + 1)}))
	}
	tree, err := Build(cat, returns, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := tree.Scope.Totals.Lookup("chi_hoi"); got != 6 || tree.Scope.Unit.Code != "42" {
		t.Errorf("scope %s chi_hoi = %v, want 42 with 6", tree.Scope.Unit.Code, got)
	}
}

func loadRollup(t *testing.T, dir, roster, scope string) *Tree {
	t.Helper()
	cat := ingest.DefaultCatalogue()
	b, err := ingest.Load(context.Background(), cat, []string{filepath.Join("..", "..", "testdata", dir)}, ingest.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ro *Roster
	if roster != "" {
		ro = loadRoster(t, filepath.Join("..", "..", "testdata", roster))
	}
	tree, err := Build(cat, b.Returns, Options{Roster: ro, Scope: scope})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// Cluster 6, first half of 2024 against 2023 (seed 001).
func TestCluster6(t *testing.T) {
	cur := loadRollup(t, "cum-6/2024-H1", "cum-6/danh-sach.yaml", "cum-6")
	prev := loadRollup(t, "cum-6/2023", "cum-6/danh-sach.yaml", "cum-6")
	want := map[string]float64{"hoi_co_so": 1189, "chi_hoi": 13968, "ban_khuyen_hoc": 6172, "hoi_vien": 2191958, "tthtcd": 1268}
	for code, w := range want {
		if got, _ := cur.Scope.Totals.Lookup(code); got != w {
			t.Errorf("%s = %v, want %v", code, got, w)
		}
	}
	diff := func(code string) float64 {
		a, _ := cur.Scope.Totals.Lookup(code)
		b, _ := prev.Scope.Totals.Lookup(code)
		return a - b
	}
	if d := diff("chi_hoi"); d != 116 {
		t.Errorf("chi_hoi change = %v, want 116", d)
	}
	if d := diff("hoi_vien"); d != 77086 {
		t.Errorf("hoi_vien change = %v, want 77086", d)
	}
	rate, _ := cur.Scope.Totals.Lookup("hoi_vien.ty_le")
	if got := strconv.FormatFloat(rate*100, 'f', 2, 64); got != "20.74" {
		t.Errorf("hoi_vien.ty_le = %s%%, want 20.74%%", got)
	}
	fund, _ := cur.Scope.Totals.Lookup("quy.so_du")
	if fund <= 191e9 || fund >= 192e9 {
		t.Errorf("quy.so_du = %v, want over 191 tỷ", fund)
	}
	if pp, _ := cur.Scope.Totals.Lookup("quy.binh_quan"); math.Round(pp) != 18091 {
		t.Errorf("quy.binh_quan = %v, want 18.091 đồng per person", pp)
	}
	provinces := map[string]string{"66": "26.35", "67": "23.20", "52": "23.22", "58": "21.66"}
	coop := map[string]float64{"68": 25, "52": 11, "56": 10, "62": 8, "66": 5, "54": 7, "64": 5, "58": 5, "67": 2}
	for _, n := range cur.Scope.Children {
		if w, ok := provinces[n.Unit.Code]; ok {
			r, _ := n.Totals.Lookup("hoi_vien.ty_le")
			if got := strconv.FormatFloat(r*100, 'f', 2, 64); got != w {
				t.Errorf("%s hoi_vien.ty_le = %s, want %s", n.Unit.Name, got, w)
			}
		}
		if c, _ := n.Totals.Lookup("chuong_trinh_phoi_hop"); c != coop[n.Unit.Code] {
			t.Errorf("%s chuong_trinh_phoi_hop = %v, want %v", n.Unit.Name, c, coop[n.Unit.Code])
		}
	}
	var names []string
	for _, n := range cur.Scope.Children {
		names = append(names, DisplayName(n.Unit))
	}
	if got := strings.Join(names, ", "); got != "Bình Định, Đắk Lắk, Đắk Nông, Gia Lai, Khánh Hòa, Kon Tum, Lâm Đồng, Ninh Thuận, Phú Yên" {
		t.Errorf("members in Vietnamese order: %s", got)
	}
	if c := cur.Completeness(); len(c.Expected) != 9 || len(c.Received) != 9 || len(c.Missing) != 0 {
		t.Errorf("completeness = %+v", c)
	}
}

func loadRoster(t *testing.T, path string) *Roster {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ro, err := ParseRoster(fh)
	if err != nil {
		t.Fatal(err)
	}
	return ro
}

// A return of a unit the roster does not list is rejected and never in the totals; the roster's
// codes are read in their one normal form (a no-break space or a leading apostrophe is not part
// of a code).
func TestUnknownUnitNotCounted(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	ro, err := ParseRoster(strings.NewReader("don_vi:\n  - {ma: \"\u00a0066\", ten: Na Rì, cap: huyen}\n  - {ma: \"'02125\", ten: Yến Lạc, cap: xa, cap_tren: \"066 \"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ro.Unit("02125"); !ok {
		t.Fatalf("the roster's codes are %v, want 066 and 02125", ro.Codes())
	}
	known := mk(cat, "02125", "066", map[string]int64{"hoi_vien": 100})
	unknown := mk(cat, "02128", "066", map[string]int64{"hoi_vien": 5000})
	b := &ingest.Batch{Catalogue: cat, Returns: []*ingest.Return{known, unknown},
		Files: []ingest.File{{Path: "a.xlsx", Status: ingest.StatusOK, Return: known}, {Path: "b.xlsx", Status: ingest.StatusOK, Return: unknown}}}
	ro.CheckReturns(b)
	if len(b.Returns) != 1 || b.Returns[0] != known {
		t.Fatalf("returns counted: %d, want only 02125", len(b.Returns))
	}
	if b.Files[1].Status != ingest.StatusRejected || len(b.Problems) != 1 || b.Problems[0].Code != ingest.CodeUnknownUnit {
		t.Errorf("b.xlsx: %s, problems %v; want rejected with unknown_unit", b.Files[1].Status, b.Problems)
	}
	tree, err := Build(cat, b.Returns, Options{Roster: ro})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := tree.Scope.Totals.Lookup("hoi_vien"); v != 100 {
		t.Errorf("hoi_vien = %v, want 100 (the unknown unit's 5000 is not counted)", v)
	}
}
