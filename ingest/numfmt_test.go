package ingest

import "testing"

func TestParseNumberFormat(t *testing.T) {
	tests := []struct {
		code string
		v    float64
		want numberFormat
	}{
		{code: "General", v: 5, want: numberFormat{}},
		{code: "@", v: 5, want: numberFormat{}},
		{code: ";;;", v: 5, want: numberFormat{hides: true}},
		{code: `"có"`, v: 5, want: numberFormat{hides: true, literal: true}},
		{code: "#,##0", v: 5, want: numberFormat{}},
		{code: "#,##0.00", v: 5, want: numberFormat{decimals: 2}},
		{code: "0%", v: 0.35, want: numberFormat{percent: true}},
		{code: "0.00%", v: 0.35, want: numberFormat{percent: true, decimals: 2}},
		{code: `0"%"`, v: 35, want: numberFormat{}}, // a quoted % is text: the number is not scaled
		{code: `#,##0" triệu đồng"`, v: 150, want: numberFormat{word: "triệu", pow: 6}},
		{code: `#,##0,," triệu"`, v: 15e7, want: numberFormat{divide: 6, word: "triệu", pow: 6}},
		{code: `#,##0,`, v: 15e7, want: numberFormat{divide: 3}},
		{code: `0.0,,`, v: 15e7, want: numberFormat{divide: 6, decimals: 1}},
		{code: `0.0" tỷ đồng"`, v: 2.5, want: numberFormat{decimals: 1, word: "tỷ", pow: 9}},
		{code: `#,##0" học sinh"`, v: 12, want: numberFormat{}},
		{code: `#,##0" trường"`, v: 12, want: numberFormat{}}, // «tr» only as a word of its own
		{code: `#,##0\ "tr"`, v: 12, want: numberFormat{word: "tr", pow: 6}},
		{code: `#,##0 [$₫-42A]`, v: 12, want: numberFormat{}},
		{code: `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`, v: 0, want: numberFormat{hides: true, literal: true}}, // a dash for zero
		{code: `#,##0;[Red]-#,##0%`, v: -1, want: numberFormat{percent: true}},                                    // the negative section
		{code: "0.00E+00", v: 1234, want: numberFormat{scientific: true, decimals: 2}},
		// Conditions choose the section: millions shown as «1,5 tr», smaller amounts as they are.
		{code: `[>=1000000]#,##0.0,," tr";#,##0`, v: 1500000, want: numberFormat{divide: 6, decimals: 1, word: "tr", pow: 6}},
		{code: `[>=1000000]#,##0.0,," tr";#,##0`, v: 1500, want: numberFormat{}},
	}
	for _, tt := range tests {
		if got := parseNumberFormat(tt.code, tt.v); got != tt.want {
			t.Errorf("parseNumberFormat(%q, %v) = %+v, want %+v", tt.code, tt.v, got, tt.want)
		}
	}
}

func TestCurrencyLabel(t *testing.T) {
	for _, s := range []string{"đồng", "Đồng", "triệu đồng", "nghìn đồng", "tr.đ", "trđ", "VNĐ", "1.000 đồng", "đ"} {
		if !currencyLabel(s) {
			t.Errorf("currencyLabel(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"USD", "người", "%", "suất"} {
		if currencyLabel(s) {
			t.Errorf("currencyLabel(%q) = true, want false", s)
		}
	}
	for s, want := range map[string]int{"triệu đồng": 6, "nghìn đồng": 3, "1.000 đồng": 3, "tỷ đồng": 9, "trđ": 6, "1000đ": 3, "triệu": 6, "đồng": 0, "chi hội": 0, "trường": 0} {
		if _, pow := unitWord(s); pow != want {
			t.Errorf("unitWord(%q) = %d, want %d", s, pow, want)
		}
	}
}

// Column A holds codes, but also titles, notes and row numbers: only a slip of a code is named.
func TestNearestCode(t *testing.T) {
	rd := &reader{cat: DefaultCatalogue()}
	near := map[string]string{
		"hoi vien": "hoi_vien", "Hội viên": "hoi_vien", "gia_dinh.tongso": "gia_dinh.tong", "quy.sodu": "quy.so_du",
		"gia dinh": "gia_dinh", "HOI_VIEN": "hoi_vien", "dan-so": "dan_so",
	}
	for text, want := range near {
		if got, ok := rd.nearestCode(text); !ok || got != want {
			t.Errorf("nearestCode(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{"SỐ LIỆU KHUYẾN HỌC", "Ghi chú: số liệu đến ngày 30/11/2023", "STT", "1", "II", "I.1",
		"Tổ chức hội", "Người lập biểu", "Mã số", "Chỉ tiêu", "Tổng cộng"} {
		if got, ok := rd.nearestCode(text); ok {
			t.Errorf("nearestCode(%q) = %q, want no code", text, got)
		}
	}
}

// Excel names a copied sheet «Số liệu (2)», LibreOffice «Số liệu_2».
func TestCopySuffix(t *testing.T) {
	for _, name := range []string{"số liệu (2)", "số liệu(3)", "số liệu_2"} {
		if got := copySuffix.ReplaceAllString(name, ""); got != "số liệu" {
			t.Errorf("%q without its copy suffix = %q", name, got)
		}
	}
	if got := copySuffix.ReplaceAllString("số liệu 2024", ""); got != "số liệu 2024" {
		t.Errorf("«số liệu 2024» is not a copy: %q", got)
	}
}
