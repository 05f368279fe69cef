package ingest

import (
	"strings"
	"testing"
)

func TestCatalogueIsStrict(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "version: 1\nfigurs: []\n", "field figurs not found"},
		{"twice", "version: 1\nsections:\n  - code: a\n    figures:\n      - {code: x}\n      - {code: x}\n", "figure x defined twice"},
		{"derived of nothing", "version: 1\nderived:\n  - {code: r, num: a, den: b}\n", "derived figure r: a is not a raw figure"},
		{"level without its units' word", "version: 1\nlevels:\n  - {code: xa, vi: Xã, en: Commune, unit_vi: xã}\n", "level xa: unit_vi and unit_en"},
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
