package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func figures(t *testing.T, cat *Catalogue, r *Return) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, f := range cat.Raw {
		if v := r.Value(f); v.OK {
			out[f.Code] = v.N
		}
	}
	return out
}

// Returns saved by other programs than khuyenhoc read the same (testdata/fixtures/make-fixtures.sh).
func TestReadOtherPrograms(t *testing.T) {
	cat := DefaultCatalogue()
	tests := []struct {
		file string
		unit Unit
		want map[string]int64
	}{
		{
			file: "openpyxl-xa-yen-lac.xlsx",
			unit: Unit{Code: "02125", Name: "Hội Khuyến học xã Yến Lạc", Level: "xa", Parent: "066"},
			want: map[string]int64{"chi_hoi": 31, "hoi_co_so": 1, "dan_so": 4980, "hoi_vien": 1171,
				"quy.so_du": 102_300_000, "quy.van_dong": 1_500_000_000,
				"dong_ho.tong": 1406, "dong_ho.dang_ky": 1300, "dong_ho.cong_nhan": 1200,
				"gia_dinh.tong": 1245, "gia_dinh.dang_ky": 1100, "gia_dinh.cong_nhan": 980},
		},
		{
			file: "libreoffice-huyen-ky-anh.xlsx",
			unit: Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"},
			want: haTinhSouth()[0].values,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, problems := ReadFile(filepath.Join("..", "testdata", "fixtures", tt.file), cat)
			for _, p := range problems {
				// The openpyxl return has only some of the template's rows, which is said once.
				if p.Code != CodeMissingRows || tt.file != "openpyxl-xa-yen-lac.xlsx" {
					t.Errorf("problem: %v", p)
				}
			}
			if r == nil {
				t.Fatal("rejected")
			}
			if r.Unit != tt.unit {
				t.Errorf("unit = %+v, want %+v", r.Unit, tt.unit)
			}
			got := figures(t, cat, r)
			for code, want := range tt.want {
				if got[code] != want {
					t.Errorf("%s = %d, want %d", code, got[code], want)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("read %d figures, want %d: %v", len(got), len(tt.want), got)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"openpyxl-xa-yen-lac.xlsx", "libreoffice-huyen-ky-anh.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, name := range []string{"openpyxl-formats.xlsx", "xlsxwriter-hidden-rows.xlsx", "xlsxwriter-stale.xlsx", "libreoffice-types.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "values", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	cat := DefaultCatalogue()
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := Read("fuzz.xlsx", data, cat)
		if r == nil && len(problems) == 0 {
			t.Fatal("a rejected file must say why")
		}
		for _, p := range problems {
			if p.Message(lang.Vi) == "" || p.Code == "" {
				t.Fatalf("problem without message or code: %+v", p)
			}
		}
	})
}

// Figures are found by their codes and columns by their headers: a workbook laid out differently
// from the template (columns moved, rows inserted, a header row lower down) reads the same.
func TestReadFindsCodesAndHeaders(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	f.SetSheetName("Sheet1", "thông tin") // case and normalisation do not matter
	set("thông tin", "A1", "Mã")
	set("thông tin", "B1", "Giá trị")
	set("thông tin", "A2", "ma_don_vi")
	set("thông tin", "B2", "9")
	set("thông tin", "A3", "ky_bao_cao")
	set("thông tin", "B3", 2024)
	f.NewSheet("Số liệu")
	set("Số liệu", "A2", "Ghi chú: số liệu đến 30/11")
	set("Số liệu", "A5", "Mã")
	set("Số liệu", "B5", "Số liệu")
	set("Số liệu", "A9", "hoi_vien")
	set("Số liệu", "B9", 1234)
	set("Số liệu", "A10", "dan_so")
	set("Số liệu", "B10", "4.980")
	f.NewSheet("Mô hình học tập")
	for i, h := range []string{"Mã", "Được công nhận", "Đăng ký", "Tổng số"} {
		set("Mô hình học tập", string(rune('A'+i))+"1", h)
	}
	set("Mô hình học tập", "A3", "gia_dinh")
	set("Mô hình học tập", "B3", 60)
	set("Mô hình học tập", "C3", 80)
	set("Mô hình học tập", "D3", 100)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	cat := DefaultCatalogue()
	r, problems := Read("moved.xlsx", buf.Bytes(), cat)
	if r == nil {
		t.Fatal(problems)
	}
	got := figures(t, cat, r)
	want := map[string]int64{"hoi_vien": 1234, "dan_so": 4980, "gia_dinh.cong_nhan": 60, "gia_dinh.dang_ky": 80, "gia_dinh.tong": 100}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s = %d, want %d", code, got[code], w)
		}
	}
	if r.Unit.Code != "9" || r.Period != (Period{Year: 2024}) {
		t.Errorf("unit %q period %v", r.Unit.Code, r.Period)
	}
	v := r.Value(cat.byCode["gia_dinh.tong"])
	if sheet, cell := r.Cell(v); sheet != "Mô hình học tập" || cell != "D3" {
		t.Errorf("gia_dinh.tong came from %s!%s, want Mô hình học tập!D3", sheet, cell)
	}
}

// A formula saved without its result (openpyxl, excelize and scripts do not calculate) is reported,
// not read as zero.
func TestFormulaWithoutResult(t *testing.T) {
	cat := DefaultCatalogue()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, TemplateOptions{Unit: Unit{Code: "447"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula(SheetFigures, "D6", "SUM(1,2)"); err != nil { // chi_hoi
		t.Fatal(err)
	}
	out, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	r, problems := Read("formula.xlsx", out.Bytes(), cat)
	if r == nil || len(problems) != 1 || problems[0].Code != CodeNoValue || problems[0].Cell != "D6" || problems[0].Figure != "chi_hoi" {
		t.Fatalf("problems = %v, want one no_value warning on D6", problems)
	}
	if v := r.Value(cat.byCode["chi_hoi"]); v.OK {
		t.Errorf("chi_hoi = %+v, want not reported", v)
	}
}
