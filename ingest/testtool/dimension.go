package testtool

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// CheckDimensions fails the test for every sheet of the workbook whose declared used range
// (which some readers rely on) is not the range its cells fill.
func CheckDimensions(t testing.TB, f *excelize.File) {
	t.Helper()
	for _, s := range f.GetSheetList() {
		dim, _ := f.GetSheetDimension(s)
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		cols := 0
		for _, r := range rows {
			for i, c := range r {
				if c != "" {
					cols = max(cols, i+1)
				}
			}
		}
		last, _ := excelize.CoordinatesToCellName(max(cols, 1), max(len(rows), 1))
		if want := "A1:" + last; dim != want {
			t.Errorf("%s declares %s, its cells fill %s", s, dim, want)
		}
	}
}
