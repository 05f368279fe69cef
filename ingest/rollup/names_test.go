package rollup

import (
	"slices"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// A unit is named and sorted by its place: the association's prefix (in any of the ways offices
// write it) and the level word go, special zones' «đặc khu» too; the level word comes back only
// where two units share a place name.
func TestNamesAreThePlace(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	named := func(code, name string) *ingest.Return {
		r := mk(cat, code, "p", map[string]int64{"hoi_vien": 1})
		r.Unit.Name = name
		return r
	}
	tree, err := Build(cat, []*ingest.Return{
		named("1", "Hội Khuyến học đặc khu Phú Quốc"),
		named("2", "HỘI KHUYẾN HỌC xã An Bình"),
		named("3", "Hội khuyến học phường Kỳ Anh"),
		named("4", "Hội Khuyến học xã Kỳ Anh"),
		named("5", "Hội Khuyến học thị trấn Cô Tô"),
	}, Options{Scope: "p"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range tree.Scope.Children {
		got = append(got, tree.Name(c.Unit))
	}
	want := []string{"An Bình", "Cô Tô", "phường Kỳ Anh", "xã Kỳ Anh", "Phú Quốc"}
	if !slices.Equal(got, want) {
		t.Errorf("names in order = %q, want %q", got, want)
	}
}
