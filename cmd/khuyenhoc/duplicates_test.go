package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setSaved rewrites the time a return says it was saved (docProps/core.xml) to at.
func setSaved(t *testing.T, path, at string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, replaceInZip(t, data, "2024-01-01T00:00:00Z", at), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCorrectedReturns: of two returns of one unit with the same or no report date, the one saved
// later counts, with a warning naming both files; when that cannot decide either, neither counts
// and the unit is not reported in the coverage (2/3, not 2/2).
func TestCorrectedReturns(t *testing.T) {
	for _, date := range []string{"", "20/12/2023"} {
		t.Run("date "+date, func(t *testing.T) {
			dir := t.TempDir()
			testReturn(t, filepath.Join(dir, "x1.xlsx"), "X1", "Xã Một", "H", date, 100)
			testReturn(t, filepath.Join(dir, "x2.xlsx"), "X2", "Xã Hai", "H", date, 200)
			first, fixed := filepath.Join(dir, "x3.xlsx"), filepath.Join(dir, "x3-sua.xlsx")
			testReturn(t, first, "X3", "Xã Ba", "H", date, 300)
			testReturn(t, fixed, "X3", "Xã Ba", "H", date, 333)
			setSaved(t, first, "2023-12-20T08:00:00Z")
			setSaved(t, fixed, "2023-12-21T09:30:00Z")
			code, stdout, stderr := khuyenhoc(t, "ingest", dir, "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, `"hoi_vien"`) || !strings.Contains(stdout, "633") {
				t.Errorf("the correction (333) is not counted:\n%s", stdout)
			}
			_, text, _ := khuyenhoc(t, "ingest", dir)
			want := "được lưu sau (lúc 21/12/2023 09:30:00 UTC, tệp này lúc 20/12/2023 08:00:00) nên được tính là bản sửa"
			if !strings.Contains(text, want) || !strings.Contains(text, fixed) {
				t.Errorf("no warning naming both files and why:\n%s", text)
			}

			// Saved at the same time: neither counts, and X3 has not reported.
			os.WriteFile(fixed, replaceInZip(t, mustRead(t, fixed), "2023-12-21T09:30:00Z", "2023-12-20T08:00:00Z"), 0o644)
			code, text, _ = khuyenhoc(t, "ingest", dir)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(text, "không báo cáo nào được tính và đơn vị được coi là chưa báo cáo") {
				t.Errorf("no error on the duplicates:\n%s", text)
			}
			if !strings.Contains(text, "2/3") {
				t.Errorf("coverage is not 2/3:\n%s", text)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
