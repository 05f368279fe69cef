package rollup

import (
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// A figure that moved by more than half since the previous period is flagged on its cell.
func TestBigChangeWarning(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	cur, err := Build(cat, []*ingest.Return{
		mk(cat, "a", "p", map[string]int64{"hoi_vien": 1600, "chi_hoi": 10}),
		mk(cat, "b", "p", map[string]int64{"hoi_vien": 100}),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	prev, err := Build(cat, []*ingest.Return{
		mk(cat, "a", "p", map[string]int64{"hoi_vien": 1000, "chi_hoi": 9}),
		mk(cat, "b", "p", map[string]int64{"hoi_vien": 95}),
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps := CompareWithPrevious(cat, cur, prev)
	if len(ps) != 1 || ps[0].Unit != "a" || ps[0].Figure != "hoi_vien" || ps[0].Severity != ingest.Warning {
		t.Fatalf("problems = %v, want one warning on a's hoi_vien (1.000 → 1.600)", ps)
	}
	if want := "Hội viên hiện có thay đổi hơn một nửa so với kỳ 2024 (1.000 → 1.600); hãy kiểm tra lại"; ps[0].Message(lang.Vi) != want {
		t.Errorf("message = %q\nwant      %q", ps[0].Message(lang.Vi), want)
	}
}
