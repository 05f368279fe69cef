package ingest

import (
	"bytes"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

func TestNormalizeCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"02125", "02125"},
		{" 02125 ", "02125"},
		{"\u00a002125\u00a0", "02125"},
		{"\u200b02125\u200b", "02125"},
		{"\ufeff42", "42"},
		{"'02125", "02125"},
		{" '02125", "02125"},
		{"\t447\n", "447"},
		{"02\u200b125", "02\u200b125"}, // inside: kept, so it does not match silently
		{"cum-6", "cum-6"},
		{"Ha\u0300", "H\u00e0"}, // NFC
	}
	for _, tt := range tests {
		if got := NormalizeCode(tt.in); got != tt.want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"02125", "02125"},
		{"02\u200b125", "02U+200B125"},
		{"1\u00a0234", "1U+00A0234"},
		{"Hà Tĩnh", "Hà Tĩnh"},
		{"a\x01b", "aU+0001b"},
	}
	for _, tt := range tests {
		if got := lang.Printable(tt.in); got != tt.want {
			t.Errorf("lang.Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The template formats the code cells as text, so that Excel keeps the leading zero of 02125.
func TestTemplateCodeCellsAreText(t *testing.T) {
	cat := DefaultCatalogue()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, TemplateOptions{Unit: Unit{Code: "02125", Parent: "066"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	book, err := xlsx.Open(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]string{}
	for _, sh := range book.Sheets() {
		if sh.Name != SheetInfo {
			continue
		}
		err := book.Rows(sh, 100, func(row int, cells []xlsx.Cell) bool {
			for _, c := range cells {
				if c.Col == 3 {
					formats[xlsx.CellName(c.Col, row)] = c.Format
				}
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, cell := range []string{"C4", "C7"} { // ma_don_vi, ma_cap_tren
		if formats[cell] != "@" {
			t.Errorf("%s has number format %q, want text (@)", cell, formats[cell])
		}
	}
}
