package ingesttest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
)

// The sample is Hà Tĩnh's size: 69 communes of 2025 less the missing, 210 former communes less the
// missing, and its rosters read back. KHUYENHOC_SAMPLE_DIR keeps a copy for a person to look at.
func TestHaTinh2025(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 272 workbooks; the report package tests the sample under -short")
	}
	dir := t.TempDir()
	if d := os.Getenv("KHUYENHOC_SAMPLE_DIR"); d != "" {
		dir = d
	}
	y, err := ingesttest.HaTinh2025(dir, ingest.DefaultCatalogue(), 1)
	if err != nil {
		t.Fatal(err)
	}
	count := func(root string) int {
		n := 0
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) == ".xlsx" {
				n++
			}
			return err
		})
		return n
	}
	if got, want := count(y.Returns), 69-len(y.Missing); got != want || len(y.Missing) == 0 {
		t.Errorf("%d returns of 2025, want %d (69 less %d missing)", got, want, len(y.Missing))
	}
	if got, want := count(y.Previous), 210-len(y.OldMissing); got != want || len(y.OldMissing) == 0 {
		t.Errorf("%d returns of 2024, want %d (210 less %d missing)", got, want, len(y.OldMissing))
	}
	if y.BlankUnit == "" {
		t.Error("no return leaves a figure blank")
	}
	ro := loadRoster(t, y.Roster)
	if ro.Due.IsZero() || len(ro.Units) != 71 {
		t.Errorf("roster: due %v, %d units, want a due date and VN, 42 and 69 communes", ro.Due, len(ro.Units))
	}
	if old := loadRoster(t, y.OldRoster); len(old.Units) != 1+1+12+210 {
		t.Errorf("old roster: %d units, want VN, 42, 12 districts and 210 communes", len(old.Units))
	}
}
