package report

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// charWidth measures a string as one mm a character.
func charWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestNameLines(t *testing.T) {
	tests := []struct {
		name  string
		width float64
		want  []string
	}{
		{"HỘI KHUYẾN HỌC TỈNH TUYÊN QUANG", 20, []string{"HỘI KHUYẾN HỌC", "TỈNH TUYÊN QUANG"}},
		{"HỘI KHUYẾN HỌC TỈNH LÂM ĐỒNG", 40, []string{"HỘI KHUYẾN HỌC TỈNH LÂM ĐỒNG"}},
		{"HỘI KHUYẾN HỌC TỈNH LÂM ĐỒNG", 25, []string{"HỘI KHUYẾN HỌC", "TỈNH LÂM ĐỒNG"}},
		{"HỘI KHUYẾN HỌC THÀNH PHỐ HỒ CHÍ MINH", 22, []string{"HỘI KHUYẾN HỌC", "THÀNH PHỐ HỒ CHÍ MINH"}},
		{"HỘI KHUYẾN HỌC THỊ XÃ KỲ ANH", 15, []string{"HỘI KHUYẾN HỌC", "THỊ XÃ KỲ ANH"}},
		{"Hội Khuyến học huyện Kỳ Anh tỉnh Hà Tĩnh", 30, []string{"Hội Khuyến học huyện Kỳ Anh", "tỉnh Hà Tĩnh"}},
		{"HỘI KHUYẾN HỌC XÃ QUẢNG HÒA BẮC SƠN ĐÔNG", 20, nil}, // a place too long: the caller sets it smaller
	}
	for _, tt := range tests {
		if got := NameLines(tt.name, tt.width, charWidth); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NameLines(%q, %v) = %q, want %q", tt.name, tt.width, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"≥ 45.000.000.000", []string{"≥ 45.000.000.000"}},
		{"≥ 45 tỷ đồng", []string{"≥ 45 tỷ đồng"}},
		{"20,74 % (3/5 xã)", []string{"20,74 %", "(3/5", "xã)"}},
		{"+1.200 hội viên", []string{"+1.200", "hội", "viên"}},
		{"Tăng + 1.200", []string{"Tăng", "+ 1.200"}},
		{"05/7/2024", []string{"05/7/2024"}},
		{"kinh tế - xã hội", []string{"kinh", "tế", "-", "xã", "hội"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestColumnWidthsHoldTheWidestNumber(t *testing.T) {
	tb := &Table{Columns: []Column{{"Chỉ tiêu", 83, Left}, {"Thực hiện", 28, Right}, {"Mục tiêu", 28, Right}, {"Kết quả", 28, Center}},
		Rows: []Row{{Cells: []string{"Quỹ khuyến học", "43.014.500.000", "≥ 45.000.000.000", "Chưa đạt"}}}}
	got := ColumnWidths(tb, 165, 2, charWidth)
	sum := 0.0
	for _, w := range got {
		sum += w
	}
	if sum < 164.99 || sum > 165.01 {
		t.Errorf("widths %v add up to %v, want 165", got, sum)
	}
	if got[1] < 16 || got[2] < 18 {
		t.Errorf("widths %v: the numbers (14 and 16 mm, 2 mm padding) do not fit", got)
	}
	narrow := ColumnWidths(tb, 30, 2, charWidth)
	if narrow[2] < 18 {
		t.Errorf("on a narrow line the widest number still has its width: %v", narrow)
	}
}
