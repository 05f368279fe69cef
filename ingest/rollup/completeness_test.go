package rollup

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

func unitCodes(us []ingest.Unit) []string {
	out := []string{}
	for _, u := range us {
		out = append(out, u.Code)
	}
	return out
}

func missingCodes(ms []Missing) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Unit.Code+"<"+m.Parent.Code)
	}
	return out
}

// The sample province of issue 11: five communes in the roster under huyện Kỳ Anh (447) and thị
// xã Kỳ Anh (449). Kỳ Phú (18577) sent nothing, Kỳ Giang (18574) sent late (its date in words),
// Kỳ Ninh (18616) had its recognised families refused, Kỳ Lợi (18613) left its branches blank.
func kyAnh(t *testing.T) *Tree {
	t.Helper()
	return loadRollup(t, "ky-anh/2024", "ky-anh/danh-sach.yaml", "")
}

func TestCompletenessDownTheTree(t *testing.T) {
	c := kyAnh(t).Completeness()
	if got, want := unitCodes(c.Expected), []string{"18571", "18574", "18577", "18613", "18616"}; !reflect.DeepEqual(got, want) {
		t.Errorf("expected = %v, want %v (the roster's communes)", got, want)
	}
	if got, want := unitCodes(c.Received), []string{"18571", "18574", "18613", "18616"}; !reflect.DeepEqual(got, want) {
		t.Errorf("received = %v, want %v", got, want)
	}
	if got, want := missingCodes(c.Missing), []string{"18577<447"}; !reflect.DeepEqual(got, want) {
		t.Errorf("missing = %v, want %v (the commune, with its district; not the districts)", got, want)
	}
	if got, want := missingCodes(c.Late), []string{"18574<447"}; !reflect.DeepEqual(got, want) {
		t.Errorf("late = %v, want %v (dated «ngày 28 tháng 12 năm 2024», due 2024-12-20)", got, want)
	}
	want := []Count{
		{Unit: ingest.Unit{Code: "447"}, Covered: 2, Expected: 3, Level: "xa"},
		{Unit: ingest.Unit{Code: "449"}, Covered: 2, Expected: 2, Level: "xa"},
	}
	if len(c.Counts) != len(want) {
		t.Fatalf("counts = %+v, want %+v", c.Counts, want)
	}
	for i, w := range want {
		g := c.Counts[i]
		if g.Unit.Code != w.Unit.Code || g.Covered != w.Covered || g.Expected != w.Expected || g.Level != w.Level {
			t.Errorf("count %d = %s %d/%d %s, want %s %d/%d %s", i, g.Unit.Code, g.Covered, g.Expected, g.Level, w.Unit.Code, w.Covered, w.Expected, w.Level)
		}
	}
	if c.Covered != 4 || c.Units != 5 || c.Level != "xa" {
		t.Errorf("scope: %d/%d %s, want 4/5 xa", c.Covered, c.Units, c.Level)
	}
}

// Every total says how many of the five expected communes it covers.
func TestCoverageOfEveryFigure(t *testing.T) {
	tr := kyAnh(t)
	tot := tr.Scope.Totals
	want := map[string]int{
		"chi_hoi": 3, "dan_so": 4, "hoi_vien": 4, "gia_dinh.tong": 4, "gia_dinh.dang_ky": 4, "gia_dinh.cong_nhan": 3,
		"hoi_vien.ty_le": 4, "gia_dinh.ty_le": 3, "gia_dinh.ty_le_dang_ky": 4, "gia_dinh.ty_le_dat": 3,
	}
	for _, f := range tot.Catalogue().All() {
		if got := tot.Reported(f); got != want[f.Code] {
			t.Errorf("%s reported by %d, want %d", f.Code, got, want[f.Code])
		}
	}
	if tot.Expected != 5 || tot.Units != 4 {
		t.Errorf("expected %d, units %d; want 5 and 4", tot.Expected, tot.Units)
	}
	for code, want := range map[string][2]int{"447": {2, 3}, "449": {2, 2}} {
		n := tr.Find(code)
		if got := n.Totals.Reported(tot.Catalogue().MustFigure("hoi_vien")); got != want[0] || n.Totals.Expected != want[1] {
			t.Errorf("%s hoi_vien %d/%d, want %d/%d", code, got, n.Totals.Expected, want[0], want[1])
		}
	}
	var blanks []string
	for _, b := range tr.Blanks() {
		for _, u := range b.Units {
			blanks = append(blanks, fmt.Sprintf("%s:%s %d/%d", b.Figure.Code, u.Unit.Code, u.Reported, u.Covered))
		}
	}
	if got, want := strings.Join(blanks, ", "), "chi_hoi:18613 0/1, gia_dinh.cong_nhan:18616 0/1"; got != want {
		t.Errorf("blanks = %s, want %s", got, want)
	}
}

// A ratio is summed over the communes that gave both parts: Kỳ Ninh's families are left out of
// the denominator since its recognised families were refused.
func TestRatioOverMatchingUnits(t *testing.T) {
	tot := kyAnh(t).Scope.Totals
	got, ok := tot.Lookup("gia_dinh.ty_le")
	want := float64(1_900+2_050+1_700) / float64(2_400+2_600+2_200) // Kỳ Đồng, Kỳ Giang, Kỳ Lợi
	if !ok || math.Abs(got-want) > 1e-12 {
		t.Errorf("gia_dinh.ty_le = %v, want %v (78,47%%; not 5.650/10.000 = 56,50%%)", got, want)
	}
	num, den, units := tot.Parts(tot.Catalogue().MustFigure("gia_dinh.ty_le"))
	if num != 5_650 || den != 7_200 || units != 3 {
		t.Errorf("parts = %d/%d over %d units, want 5650/7200 over 3", num, den, units)
	}
	// The raw total of families still counts every commune that gave it.
	if fam, _ := tot.Lookup("gia_dinh.tong"); fam != 10_000 {
		t.Errorf("gia_dinh.tong = %v, want 10000", fam)
	}
	members, _ := tot.Lookup("hoi_vien.ty_le")
	if want := float64(2_400+2_500+2_000+2_900) / float64(9_600+10_400+8_800+11_200); math.Abs(members-want) > 1e-12 {
		t.Errorf("hoi_vien.ty_le = %v, want %v", members, want)
	}
}

// The consolidated return carries its coverage: the level above, reading it alone, sees 4/5,
// 3/5 and the true rate, and who is missing and late, with names.
func TestTheGapTravelsUp(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	tr := kyAnh(t)
	r := tr.Consolidated(ingest.Unit{Code: "42", Name: "Hội Khuyến học tỉnh Hà Tĩnh", Level: "tinh", Parent: "VN"})
	r.ReportDate = "22/12/2024"
	path := filepath.Join(t.TempDir(), "42.xlsx")
	var buf bytes.Buffer
	if err := ingest.WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, problems := ingest.ReadFile(path, cat)
	if back == nil || len(problems) > 0 {
		t.Fatalf("read back: %v", problems)
	}
	up, err := Build(cat, []*ingest.Return{back}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tot := up.Scope.Totals
	for code, want := range map[string]int{"hoi_vien": 4, "chi_hoi": 3, "gia_dinh.cong_nhan": 3, "gia_dinh.ty_le": 3, "hoi_co_so": 0} {
		if got := tot.Reported(cat.MustFigure(code)); got != want || tot.Expected != 5 {
			t.Errorf("above: %s %d/%d, want %d/5", code, got, tot.Expected, want)
		}
	}
	rate, _ := tot.Lookup("gia_dinh.ty_le")
	if want := 5_650.0 / 7_200; math.Abs(rate-want) > 1e-12 {
		t.Errorf("above: gia_dinh.ty_le = %v, want %v", rate, want)
	}
	c := up.Completeness()
	if got := missingCodes(c.Missing); !reflect.DeepEqual(got, []string{"18577<447"}) {
		t.Errorf("above: missing = %v", got)
	}
	if len(c.Missing) == 1 && (up.FullName(c.Missing[0].Unit) != "xã Kỳ Phú" || up.FullName(c.Missing[0].Parent) != "huyện Kỳ Anh") {
		t.Errorf("above: missing named %q under %q", up.FullName(c.Missing[0].Unit), up.FullName(c.Missing[0].Parent))
	}
	if got := missingCodes(c.Late); !reflect.DeepEqual(got, []string{"18574<447"}) {
		t.Errorf("above: late = %v", got)
	}
	if c.Covered != 4 || c.Units != 5 || c.Level != "xa" {
		t.Errorf("above: %d/%d %s, want 4/5 xa", c.Covered, c.Units, c.Level)
	}
	if back.ReportDate != "22/12/2024" {
		t.Errorf("report date = %q", back.ReportDate)
	}

	// Beside the returns of other provinces, the province counts for its five communes.
	other := mk(cat, "40", "VN", map[string]int64{"hoi_vien": 1000})
	nation, err := Build(cat, []*ingest.Return{back, other}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := nation.Scope.Totals.Reported(cat.MustFigure("hoi_vien")); got != 5 || nation.Scope.Totals.Expected != 6 {
		t.Errorf("nation: hoi_vien %d/%d, want 5/6", got, nation.Scope.Totals.Expected)
	}
}

// Units that share a place name are told apart by the level word of their name, then the code;
// lists sort in Vietnamese order with numbers in numeric order.
func TestNamesPeopleCanTellApart(t *testing.T) {
	tr := kyAnh(t)
	for code, want := range map[string]string{"447": "huyện Kỳ Anh", "449": "thị xã Kỳ Anh", "18571": "Kỳ Đồng"} {
		if got := tr.Name(tr.Find(code).Unit); got != want {
			t.Errorf("Name(%s) = %q, want %q", code, got, want)
		}
	}
	cat := ingest.DefaultCatalogue()
	named := func(code, name string) *ingest.Return {
		r := mk(cat, code, "p", map[string]int64{"hoi_vien": 1})
		r.Unit.Name = name
		return r
	}
	twin, err := Build(cat, []*ingest.Return{
		named("a1", "Hội Khuyến học xã số 10"), named("a2", "Hội Khuyến học xã số 2"),
		named("b1", "Hội Khuyến học xã Kỳ Anh"), named("b2", "Hội Khuyến học xã Kỳ Anh"),
		named("c1", "Hội Khuyến học phường An Bình"),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range twin.Scope.Children {
		got = append(got, twin.Name(n.Unit))
	}
	if want := []string{"An Bình", "xã Kỳ Anh (b1)", "xã Kỳ Anh (b2)", "số 2", "số 10"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names in order = %q, want %q", got, want)
	}
	words := []string{"xã số 10", "xã số 2", "xã Ân Thi", "xã An Bình"}
	sort.Slice(words, func(i, j int) bool { return less(words[i], words[j]) })
	if want := []string{"xã An Bình", "xã Ân Thi", "xã số 2", "xã số 10"}; !reflect.DeepEqual(words, want) {
		t.Errorf("Vietnamese order = %q, want %q", words, want)
	}
}

// A change against last period is over the units that reported the figure in both.
func TestChangeOverUnitsInBothPeriods(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	cur, err := Build(cat, []*ingest.Return{
		mk(cat, "a", "p", map[string]int64{"hoi_vien": 1200, "dan_so": 10_000}),
		mk(cat, "b", "p", map[string]int64{"hoi_vien": 500, "dan_so": 2_000}),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	prev, err := Build(cat, []*ingest.Return{
		mk(cat, "a", "p", map[string]int64{"hoi_vien": 1000, "dan_so": 10_000}),
		mk(cat, "b", "p", map[string]int64{"dan_so": 2_000}),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ch := Changes(cat, cur, prev)
	if c := ch["hoi_vien"]; !c.OK || c.Diff() != 200 || c.Units != 1 || c.Of != 2 || !c.Partial() {
		t.Errorf("hoi_vien change = %+v, want +200 over 1 of 2 units (not +700)", c)
	}
	if c := ch["dan_so"]; !c.OK || c.Diff() != 0 || c.Partial() {
		t.Errorf("dan_so change = %+v, want 0 over 2 of 2", c)
	}
	if c := ch["hoi_vien.ty_le"]; !c.OK || math.Abs(c.Diff()-0.02) > 1e-12 || c.Units != 1 {
		t.Errorf("hoi_vien.ty_le change = %+v, want +2 points over a alone", c)
	}
}

// Warnings of a roll-up come out in one order: 20 runs give the same problems, D9 before D10.
func TestProblemsInOneOrder(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	returns := func() []*ingest.Return {
		var rs []*ingest.Return
		for _, d := range []string{"d1", "d2", "d3", "d4"} {
			rs = append(rs, mk(cat, d, "p", map[string]int64{"hoi_vien": 10, "chi_hoi": 1, "dan_so": 100}))
			for _, x := range []string{"1", "2"} {
				rs = append(rs, mk(cat, d+"x"+x, d, map[string]int64{"hoi_vien": 100, "chi_hoi": 5, "dan_so": 1000}))
			}
		}
		for i, r := range rs {
			r.File = fmt.Sprintf("f%02d.xlsx", len(rs)-i)
		}
		return rs
	}
	var first string
	for run := range 20 {
		tree, err := Build(cat, returns(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, p := range tree.Problems {
			fmt.Fprintf(&b, "%s %s %s %s\n", p.File, p.Cell, p.Code, p.Figure)
		}
		if run == 0 {
			first = b.String()
			if n := strings.Count(first, ingest.CodePartsExceed); n != 12 {
				t.Fatalf("%d parts_exceed warnings, want 12:\n%s", n, first)
			}
			continue
		}
		if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", run, b.String(), first)
		}
	}
	ps := []ingest.Problem{
		{File: "a.xlsx", Sheet: "Số liệu", Cell: "D10", Code: "negative"},
		{File: "a.xlsx", Sheet: "Số liệu", Cell: "D9", Code: "negative"},
		{File: "a.xlsx", Sheet: "Số liệu", Cell: "D9", Code: "exceeds"},
		{File: "", Code: "corrupt"},
	}
	ingest.SortProblems(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.File+"!"+p.Cell+" "+p.Code)
	}
	if want := []string{"! corrupt", "a.xlsx!D9 exceeds", "a.xlsx!D9 negative", "a.xlsx!D10 negative"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}
