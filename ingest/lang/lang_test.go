package lang

import "testing"

func TestNumbers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Int(Vi, 2191958), "2.191.958"},
		{Int(En, 2191958), "2,191,958"},
		{Int(Vi, -1234), "-1.234"},
		{Int(Vi, 0), "0"},
		{Percent(Vi, 0.2074), "20,74%"},
		{Percent(En, 0.2074), "20.74%"},
		{Decimal(Vi, 2.325, 2), "2,33"},
		{Money(Vi, 191_200_000_000), "191,2 tỷ đồng"},
		{Money(Vi, 15_000_000_000), "15 tỷ đồng"},
		{Money(Vi, 900_000_000), "900 triệu đồng"},
		{Money(En, 900_000_000), "900 million đồng"},
		{Money(Vi, 43_850_000), "43,9 triệu đồng"},
		{Money(Vi, 850_000), "850.000 đồng"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"": Vi, "vi": Vi, "en": En} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse(fr) accepted")
	}
	e := Errorf("đơn vị %s", "unit %s", "447")
	if e.Message(Vi) != "đơn vị 447" || e.Error() != "unit 447" {
		t.Errorf("Errorf = %q / %q", e.Message(Vi), e.Error())
	}
}
