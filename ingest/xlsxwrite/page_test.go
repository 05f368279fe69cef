package xlsxwrite

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Columns that fit a page keep full size; wider ones are shrunk to one page wide, down to 60%;
// wider still print at full size over pages.
func TestScale(t *testing.T) {
	tests := []struct {
		widths    []float64
		landscape bool
		want      uint
	}{
		{[]float64{10, 20, 30}, false, 100},
		{slices.Repeat([]float64{14}, 10), false, 60}, // 272 mm of columns on 174 mm of paper
		{slices.Repeat([]float64{14}, 10), true, 91},
		{slices.Repeat([]float64{14}, 11), false, 100}, // 55% would be too small to read
		{slices.Repeat([]float64{14}, 74), true, 100},
	}
	for _, tt := range tests {
		got := Scale(tt.widths, tt.landscape)
		if got != tt.want {
			t.Errorf("Scale(%d columns, landscape %v) = %d, want %d", len(tt.widths), tt.landscape, got, tt.want)
		}
		if got < minScale {
			t.Errorf("Scale = %d, below %d", got, minScale)
		}
	}
}

// Print titles repeat the header rows and the first columns on every page; the sheet's name is
// quoted in the defined name.
func TestPrintTitles(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Đơn vị's"); err != nil {
		t.Fatal(err)
	}
	if err := PrintTitles(f, "Đơn vị's", 1, 3, 2); err != nil {
		t.Fatal(err)
	}
	if err := PrintAt(f, "Đơn vị's", true, 80); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			found = true
			if want := "'Đơn vị''s'!$A:$B,'Đơn vị''s'!$1:$3"; n.RefersTo != want {
				t.Errorf("print titles %q, want %q", n.RefersTo, want)
			}
		}
	}
	if !found {
		t.Error("no print titles")
	}
	layout, err := f.GetPageLayout("Đơn vị's")
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != a4 || layout.AdjustTo == nil || *layout.AdjustTo != 80 || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v: want A4 landscape at 80%%", layout)
	}
}
