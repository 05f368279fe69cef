package ingest

import (
	"bytes"
	"strings"
	"testing"
)

// Adding a figure is an edit of the catalogue only: the template gets its row, the reader reads it,
// the totals add it up.
func TestAddingAFigureIsData(t *testing.T) {
	yaml := strings.Replace(string(catalogueYAML),
		`      - {code: tthtcd,`,
		"      - {code: lop_hoc, vi: \"Lớp học tình thương\", en: \"Charity classes\", unit_vi: lớp, unit_en: classes}\n      - {code: tthtcd,", 1)
	cat, err := ParseCatalogue(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	f, ok := cat.Figure("lop_hoc")
	if !ok {
		t.Fatal("the new figure is not in the catalogue")
	}
	r := NewReturn(cat, Unit{Code: "447"}, Period{Year: 2024})
	r.Set(f, 12)
	var buf bytes.Buffer
	if err := WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	got, problems := Read("new.xlsx", buf.Bytes(), cat)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if v := got.Value(f); !v.OK || v.N != 12 {
		t.Errorf("lop_hoc read back as %+v, want 12", v)
	}
	if n, _ := Sum(cat, []*Return{got, got}).Lookup("lop_hoc"); n != 24 {
		t.Errorf("lop_hoc summed to %v, want 24", n)
	}
}

func TestCatalogueIsStrict(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "version: 1\nfigurs: []\n", "field figurs not found"},
		{"twice", "version: 1\nsections:\n  - code: a\n    figures:\n      - {code: x}\n      - {code: x}\n", "figure x defined twice"},
		{"derived of nothing", "version: 1\nderived:\n  - {code: r, num: a, den: b}\n", "derived figure r: a is not a raw figure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCatalogue(strings.NewReader(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
