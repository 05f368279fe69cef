package targets

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func TestParseErrors(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	tests := []struct {
		name, yaml, want string
	}{
		{"nearest code", "nam: 2024\nchi_tieu:\n  gia_dinh.tyle: 70%\n", "t.yaml:3: gia_dinh.tyle: không có chỉ tiêu này — có phải gia_dinh.ty_le?"},
		{"unknown key", "nam: 2024\nchitieu: {}\n", "t.yaml:2: khoá «chitieu» không hợp lệ; tệp chỉ tiêu chỉ có nam, ky, chi_tieu, theo_cap, theo_don_vi"},
		{"unknown level", "nam: 2024\ntheo_cap:\n  xaa: {hoc_bong.suat: 20}\n", "t.yaml:3: theo_cap: không có cấp «xaa»; các cấp: trung_uong, tinh, huyen, xa, chi_hoi, ban"},
		{"level not a mapping", "nam: 2024\ntheo_cap: 5\n", "t.yaml:2: theo_cap phải là bảng mã cấp: chỉ tiêu"},
		{"rate without %", "nam: 2024\nchi_tieu:\n  hoi_vien.ty_le: 37\n", "t.yaml:3: hoi_vien.ty_le: «37»: chỉ tiêu tỷ lệ phải viết với dấu % (ví dụ 70%)"},
		{"count with %", "nam: 2024\nchi_tieu:\n  hoc_bong.suat: 5%\n", "t.yaml:3: hoc_bong.suat: «5%»: chỉ tiêu này là số lượng, không phải tỷ lệ; hãy bỏ dấu % hoặc dùng chỉ tiêu tỷ lệ (hoc_bong.suat.ty_le…)"},
		{"no year", "chi_tieu:\n  hoc_bong.suat: 5\n", "t.yaml:1: thiếu nam (năm của chỉ tiêu)"},
		{"bad year", "nam: hai nghìn\n", "t.yaml:1: nam: «hai nghìn» không phải là năm"},
		{"not yaml", "nam: [2024\n", "t.yaml:1: không đọc được YAML"},
		{"duplicate key", "nam: 2024\nchi_tieu:\n  gia_dinh.ty_le: 70%\n  gia_dinh.ty_le: 75%\n", "t.yaml:4: khoá «gia_dinh.ty_le» viết hai lần (lần đầu ở dòng 3)"},
		{"duplicate key in an override", "nam: 2024\ntheo_don_vi:\n  \"436\": {gia_dinh.ty_le: 75%, gia_dinh.ty_le: 80%}\n", "t.yaml:3: khoá «gia_dinh.ty_le» viết hai lần"},
		{"duplicate top key", "nam: 2024\nnam: 2025\n", "t.yaml:2: khoá «nam» viết hai lần"},
		{"one code written two ways", "nam: 2024\ntheo_don_vi:\n  \"436\": {gia_dinh.ty_le: 75%}\n  \" 436\": {gia_dinh.ty_le: 80%}\n", "t.yaml:4: theo_don_vi: đơn vị 436 được ghi hai lần"},
		{"second document", "nam: 2024\n---\nnam: 2025\n", "t.yaml:2: tệp chỉ được có một tài liệu YAML"},
		{"rate above 100%", "nam: 2024\nchi_tieu:\n  gia_dinh.ty_le: 170%\n", "t.yaml:3: gia_dinh.ty_le: «170%»: tỷ lệ phải từ 0% đến 100%"},
		{"negative rate", "nam: 2024\nchi_tieu:\n  gia_dinh.ty_le: -5%\n", "t.yaml:3: gia_dinh.ty_le: «-5%»"},
		{"negative count", "nam: 2024\nchi_tieu:\n  hoc_bong.suat: -600\n", "t.yaml:3: hoc_bong.suat: «-600»"},
		{"half of another year", "nam: 2024\nky: 2025-H1\n", "t.yaml:2: ky 2025-H1 không thuộc năm 2024 (nam)"},
		{"override of unknown code", "nam: 2024\ntheo_don_vi:\n  \"436\": {gia_dinh.tyle: 75%}\n", "t.yaml:3: gia_dinh.tyle: không có chỉ tiêu này — có phải gia_dinh.ty_le?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.yaml), "t.yaml", cat)
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want a targets.Error", err)
			}
			if got := te.Message(lang.Vi); !strings.HasPrefix(got, tt.want) {
				t.Errorf("message = %q\nwant        %q", got, tt.want)
			}
		})
	}
}

func TestOverridesAndComparisons(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	f, err := Parse(strings.NewReader(`nam: 2024
chi_tieu:
  gia_dinh.ty_le: 70%
  hoc_bong.suat: 600
  ho_tro.tien: "<= 50000000"
theo_don_vi:
  "436": {gia_dinh.ty_le: 75%, dong_ho.ty_le: 65%}
`), "t.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Target{}
	for _, t := range f.For("436") {
		got[t.Figure.Code] = t
	}
	if len(got) != 4 || got["gia_dinh.ty_le"].Value != 0.75 || got["dong_ho.ty_le"].Value != 0.65 || got["hoc_bong.suat"].Value != 600 {
		t.Errorf("targets for 436 = %+v", got)
	}
	if len(f.Units) != 1 || f.Units[0] != (UnitLine{Code: "436", Line: 7}) {
		t.Errorf("units = %+v", f.Units)
	}
	if len(f.For("437")) != 3 {
		t.Errorf("targets for 437 = %d, want the 3 defaults", len(f.For("437")))
	}
	money := got["ho_tro.tien"]
	if money.Op != AtMost || !money.Met(50_000_000) || money.Met(50_000_001) {
		t.Errorf("ho_tro.tien <= 50000000: %+v", money)
	}
	if !got["hoc_bong.suat"].Met(600) || got["hoc_bong.suat"].Met(599) {
		t.Error("a plain value means at least")
	}
}

// A plain value is the scope's own target; a rate applies to the scope and every unit under it;
// theo_cap gives values per level and theo_don_vi per unit, each replacing what comes before.
func TestTargetsByLevel(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	f, err := Parse(strings.NewReader(`nam: 2025
chi_tieu:
  quy.van_dong: 45000000000
  hoi_vien: 8000
  gia_dinh.ty_le: 70%
  hoi_vien.ty_le: 30%
theo_cap:
  xa: {hoc_bong.suat: 20, hoi_vien.ty_le: 25%}
theo_don_vi:
  "18073": {hoi_vien.ty_le: 35%, quy.van_dong: 900000000}
`), "t.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	show := func(ts []Target) string {
		var s []string
		for _, t := range ts {
			s = append(s, t.Figure.Code+"="+strconv.FormatFloat(t.Value, 'g', -1, 64))
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name  string
		unit  ingest.Unit
		scope bool
		want  string
	}{
		{"the province", ingest.Unit{Code: "42", Level: "tinh"}, true, "gia_dinh.ty_le=0.7 hoi_vien=8000 hoi_vien.ty_le=0.3 quy.van_dong=4.5e+10"},
		{"a commune", ingest.Unit{Code: "18075", Level: "xa"}, false, "gia_dinh.ty_le=0.7 hoi_vien.ty_le=0.25 hoc_bong.suat=20"},
		{"a commune with its own", ingest.Unit{Code: "18073", Level: "xa"}, false, "gia_dinh.ty_le=0.7 hoi_vien.ty_le=0.35 hoc_bong.suat=20 quy.van_dong=9e+08"},
		{"a district (no level block)", ingest.Unit{Code: "436", Level: "huyen"}, false, "gia_dinh.ty_le=0.7 hoi_vien.ty_le=0.3"},
		{"a commune as the scope", ingest.Unit{Code: "18075", Level: "xa"}, true, "gia_dinh.ty_le=0.7 hoi_vien=8000 hoi_vien.ty_le=0.25 quy.van_dong=4.5e+10 hoc_bong.suat=20"},
	}
	for _, tt := range tests {
		if got := show(f.ForUnit(tt.unit, tt.scope)); got != tt.want {
			t.Errorf("%s: %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
