package ingest

import "testing"

// Report dates are read the ways offices write them, day before month.
func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD, or "" when it cannot be read
	}{
		{"28/12/2024", "2024-12-28"},
		{"5/7/2024", "2024-07-05"},
		{"05-07-2024", "2024-07-05"},
		{"05.07.2024", "2024-07-05"},
		{"2024-07-05", "2024-07-05"},
		{"2024-07-05 00:00:00", "2024-07-05"},
		{"Kỳ Anh, ngày 28 tháng 12 năm 2024", "2024-12-28"},
		{"ngày 5 tháng 7 năm 2024", "2024-07-05"},
		{"45657", "2024-12-31"},
		{"31/02/2024", ""},
		{"13/13/2024", ""},
		{"tháng 12", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
