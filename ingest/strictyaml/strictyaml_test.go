package strictyaml

import (
	"errors"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

type unit struct {
	Code string `yaml:"ma"`
	Name string `yaml:"ten"`
}

type doc struct {
	Units []unit `yaml:"don_vi"`
	Due   string `yaml:"han_nop"`
}

func TestDecode(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"ok", "don_vi:\n  - {ma: \"1\", ten: A}\n", ""},
		{"empty list", "don_vi:\nhan_nop: 2024-06-30\n", ""},
		{"empty file", "", "1: the file is empty"},
		{"unknown key near", "don_vi:\n  - {ma: \"1\", tne: A}\n", "2: unknown key «tne» — did you mean ten?"},
		{"unknown key far", "xyzzy_plugh: 1\n", "1: unknown key «xyzzy_plugh»; here the keys are don_vi, han_nop"},
		{"mapping for a value", "han_nop: {a: 1}\n", "1: a single value is wanted here, not a mapping of keys to values"},
		{"value for a list", "don_vi: abc\n", "1: a list is wanted here, not «abc»"},
		{"duplicate", "han_nop: a\nhan_nop: b\n", "2: key «han_nop» is written twice (first on line 1); keep one"},
		{"second document", "han_nop: a\n---\nhan_nop: b\n", "2: the file must hold one YAML document"},
		{"syntax", "don_vi: [\n", "invalid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, err := Decode(strings.NewReader(tt.yaml), &d)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(e.Message(lang.En), tt.want) && !strings.Contains(e.Message(lang.En), tt.want) {
				t.Fatalf("Decode = %v, want %q", err, tt.want)
			}
			if strings.Contains(e.Message(lang.En), "strictyaml.") || strings.Contains(e.Message(lang.Vi), "strictyaml.") {
				t.Errorf("the message names a Go type: %s", e.Message(lang.En))
			}
		})
	}
}

func TestQuote(t *testing.T) {
	if got := Quote("a\u200bb"); got != "«aU+200Bb»" {
		t.Errorf("Quote = %q", got)
	}
	if got := Quote(strings.Repeat("x", 100)); got != "«"+strings.Repeat("x", 80)+"…»" {
		t.Errorf("Quote of 100 characters = %q", got)
	}
}
