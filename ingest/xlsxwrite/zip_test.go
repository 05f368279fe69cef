package xlsxwrite

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
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
