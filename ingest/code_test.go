package ingest

import "testing"

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
		if got := Printable(tt.in); got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
