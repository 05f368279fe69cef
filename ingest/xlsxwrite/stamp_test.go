package xlsxwrite

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

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
