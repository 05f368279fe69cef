package xlsxwrite

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook is a small workbook written through StableZip, with the cells given.
func workbook(t *testing.T, cells map[string]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	StableZip(f)
	keys := make([]string, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := f.SetCellStr("Sheet1", k, cells[k]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func partNames(t *testing.T, b []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	text, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// The same workbook gives the same bytes every time, its parts in name order.
func TestStableZip(t *testing.T) {
	cells := map[string]string{"A1": "Hội Khuyến học", "B2": "2.191.958"}
	first := workbook(t, cells)
	for range 5 {
		if again := workbook(t, cells); !bytes.Equal(first, again) {
			t.Fatal("the same workbook gave different bytes")
		}
	}
	names := partNames(t, first)
	if !slices.IsSorted(names) || len(names) < 5 {
		t.Errorf("parts not in name order: %v", names)
	}
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Sheet1", "A1"); v != "Hội Khuyến học" {
		t.Errorf("A1 = %q after a round trip", v)
	}
}

// A stamp fills every marker with its value, escaped for XML, and keeps the other parts as they
// were; a marker without a value or without its end is an error, never a marker left in a file.
func TestStamp(t *testing.T) {
	b := workbook(t, map[string]string{"A1": Marker("ma"), "A2": "Tên: " + Marker("ten"), "A3": "cố định"})
	st, err := NewStamp(b)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := st.Write(&out, map[string]string{"ma": "02125", "ten": "Hội <Khuyến> học & «xã»"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A1": "02125", "A2": "Tên: Hội <Khuyến> học & «xã»", "A3": "cố định"} {
		if got, _ := f.GetCellValue("Sheet1", cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if strings.Contains(part(t, out.Bytes(), "xl/sharedStrings.xml"), "\uE000") {
		t.Error("a marker is left in the shared strings")
	}
	if got, want := partNames(t, out.Bytes()), partNames(t, b); !slices.Equal(got, want) {
		t.Errorf("parts %v, want %v", got, want)
	}
	if err := st.Write(io.Discard, map[string]string{"ma": "02125"}); err == nil || !strings.Contains(err.Error(), `"ten"`) {
		t.Errorf("a marker without a value: err = %v", err)
	}
	if _, err := fill([]byte("a\uE000ma"), map[string]string{"ma": "x"}); err == nil {
		t.Error("an unterminated marker was filled")
	}
}

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
