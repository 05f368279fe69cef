package ingest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

// yenLac is what the fixtures of testdata/fixtures/values hold when nothing is wrong with them.
var yenLac = map[string]int64{
	"chi_hoi": 31, "hoi_co_so": 1, "dan_so": 4980, "hoi_vien": 1171,
	"quy.so_du": 102_300_000, "quy.van_dong": 1_500_000_000,
	"hoc_bong.suat": 45, "hoc_bong.tien": 45_000_000, "khen_thuong.suat": 12, "khen_thuong.tien": 6_000_000,
	"ho_tro.suat": 20, "ho_tro.tien": 10_000_000, "tthtcd": 1,
	"gia_dinh.tong": 1245, "gia_dinh.dang_ky": 1100, "gia_dinh.cong_nhan": 980,
	"dong_ho.tong": 14, "dong_ho.dang_ky": 13, "dong_ho.cong_nhan": 12,
}

// valueCase is what one fixture must read as: rejected, or Yến Lạc's figures with some changed
// (a value) or left out (-1); and exactly these problems, as "severity code sheet!cell figure"
// (the missing_rows warning that every fixture gets, having only some of the template's rows, is
// not listed).
type valueCase struct {
	file     string
	rejected bool
	changed  map[string]int64
	problems []string
	says     string // a part of the first problem's English message
}

var valueCases = []valueCase{
	// 1. Cell types and formats.
	{file: "xlsxwriter-types.xlsx",
		changed: map[string]int64{"chi_hoi": -1, "hoi_co_so": -1, "quy.so_du": -1, "quy.van_dong": -1, "hoc_bong.suat": -1, "dan_so": 2345},
		problems: []string{
			"error boolean Số liệu!D5 chi_hoi", "error date Số liệu!D6 hoi_co_so", "error percent Số liệu!D9 quy.so_du",
			"error fraction Số liệu!D10 quy.van_dong", "error fraction Số liệu!D11 hoc_bong.suat"},
		says: "logical value TRUE"},
	{file: "libreoffice-types.xlsx",
		changed: map[string]int64{"chi_hoi": -1, "hoi_co_so": -1, "quy.so_du": -1, "quy.van_dong": -1, "hoc_bong.suat": -1, "dan_so": 2345},
		problems: []string{
			"error boolean Số liệu!D5 chi_hoi", "error date Số liệu!D6 hoi_co_so", "error percent Số liệu!D9 quy.so_du",
			"error fraction Số liệu!D10 quy.van_dong", "error fraction Số liệu!D11 hoc_bong.suat"}},
	{file: "openpyxl-formats.xlsx",
		changed: map[string]int64{"dan_so": -1, "quy.so_du": 150_000_000, "hoc_bong.tien": -1, "khen_thuong.tien": -1, "ho_tro.tien": 2_500_000_000, "tthtcd": -1},
		problems: []string{
			"error date Số liệu!D7 dan_so", "warning number_format Số liệu!D9 quy.so_du", "error number_format Số liệu!D12 hoc_bong.tien",
			"error number_format Số liệu!D14 khen_thuong.tien", "warning number_format Số liệu!D16 ho_tro.tien", "error number_format Số liệu!D17 tthtcd"},
		says: "shows 19/08/1913, not the number 4,980"},
	{file: "openpyxl-hidden-format.xlsx", changed: map[string]int64{"hoc_bong.suat": -1, "khen_thuong.suat": 0},
		problems: []string{"error number_format Số liệu!D11 hoc_bong.suat"}, says: "looks empty"},
	{file: "openpyxl-date1904.xlsx", changed: map[string]int64{"hoi_co_so": -1},
		problems: []string{"error date Số liệu!D6 hoi_co_so"}, says: "shows 01/05/2024"},
	{file: "hand-date-cell.xlsx", changed: map[string]int64{"hoi_vien": -1},
		problems: []string{"error date Số liệu!D8 hoi_vien"}, says: "holds a date (01/05/2024)"},
	{file: "hand-builtin-date.xlsx", changed: map[string]int64{"hoi_vien": -1},
		problems: []string{"error date Số liệu!D8 hoi_vien"}},

	// 2. Stale formulas, and a formula whose result is "".
	{file: "xlsxwriter-stale.xlsx", changed: map[string]int64{"hoi_vien": -1, "chi_hoi": -1},
		problems: []string{"error stale_formula Số liệu!D5 chi_hoi", "error stale_formula Số liệu!D8 hoi_vien"},
		says:     "press Ctrl+Shift+F9"},
	{file: "hand-stale-cached.xlsx", changed: map[string]int64{"hoi_vien": -1},
		problems: []string{"error stale_formula Số liệu!D8 hoi_vien"}},
	{file: "libreoffice-recalculated.xlsx", changed: map[string]int64{"chi_hoi": -1},
		problems: []string{"warning no_value Số liệu!D5 chi_hoi"}, says: `formula gives an empty result ("")`},
	{file: "hand-formula-blank.xlsx", changed: map[string]int64{"chi_hoi": -1},
		problems: []string{"warning no_value Số liệu!D5 chi_hoi"}},

	// 3. Which column, which sheet.
	{file: "openpyxl-two-years.xlsx", rejected: true, problems: []string{"error value_column Số liệu!A3 "},
		says: "D3 «Năm 2023», E3 «Năm 2024»"},
	{file: "openpyxl-renamed-header.xlsx", rejected: true, problems: []string{"error value_column Số liệu!A3 "},
		says: "D3 «Số lượng»"},
	{file: "openpyxl-no-header.xlsx", rejected: true, problems: []string{"error value_column Số liệu!A5 "}},
	{file: "openpyxl-two-value-columns.xlsx", rejected: true, problems: []string{"error value_column Số liệu!E3 "},
		says: "D3 «Giá trị», E3 «Giá trị»"},
	{file: "xlsxwriter-hidden-sheet.xlsx", problems: []string{"warning hidden Số liệu! "}},
	{file: "hand-very-hidden.xlsx", problems: []string{"warning hidden Số liệu (2)! "}},
	{file: "openpyxl-sheet-copy.xlsx", rejected: true, problems: []string{"error duplicate_sheet Số liệu (2)! "},
		says: "«Số liệu», «Số liệu (2)»"},
	{file: "openpyxl-only-hidden-sheet.xlsx", rejected: true, problems: []string{"error hidden Số liệu! "}},

	// 4. Codes in column A.
	{file: "openpyxl-near-codes.xlsx",
		changed: map[string]int64{"hoi_vien": -1, "quy.so_du": -1, "gia_dinh.tong": -1, "gia_dinh.dang_ky": -1, "gia_dinh.cong_nhan": -1},
		problems: []string{"warning unknown_code Số liệu!A8 hoi_vien", "warning unknown_code Số liệu!A9 quy.so_du",
			"warning unknown_code Mô hình học tập!A4 gia_dinh"},
		says: "«hoi vien» is not in the catalogue"},
	{file: "libreoffice-blank-template.xlsx", rejected: true, problems: []string{"error empty_return ! "}},

	// 5. Unit codes (matched against a roster in TestLoadUnitCodes).
	{file: "openpyxl-code-spaces.xlsx"},
	{file: "openpyxl-code-apostrophe.xlsx"},
	{file: "openpyxl-code-invisible.xlsx", rejected: true, problems: []string{"error invisible_char Thông tin!C4 "},
		says: "«02U+200B125»"},

	// 6. Numbers typed as text.
	{file: "openpyxl-text-numbers.xlsx",
		changed: map[string]int64{"hoi_vien": -1, "chi_hoi": -1, "hoc_bong.tien": -1, "dan_so": 2_191_958, "quy.so_du": 2010},
		problems: []string{"error ambiguous Số liệu!D5 chi_hoi", "error ambiguous Số liệu!D8 hoi_vien",
			"error invisible_char Số liệu!D12 hoc_bong.tien"}},

	// 7. What a person sees decides.
	{file: "openpyxl-unit-labels.xlsx",
		changed: map[string]int64{"dan_so": 4980, "quy.so_du": 150_000_000, "quy.van_dong": 2500, "hoc_bong.tien": -1, "khen_thuong.tien": -1},
		problems: []string{"warning unit_label Số liệu!D7 dan_so", "warning unit_label Số liệu!D9 quy.so_du",
			"warning unit_label Số liệu!D10 quy.van_dong", "error unit_label Số liệu!D12 hoc_bong.tien",
			"error unit_label Số liệu!D14 khen_thuong.tien"}},
	{file: "xlsxwriter-hidden-rows.xlsx", changed: map[string]int64{"dan_so": -1},
		problems: []string{"warning hidden Số liệu!D8 hoi_vien", "error hidden Số liệu!D19 dan_so"}},
	{file: "openpyxl-hidden-value-column.xlsx"},
	{file: "openpyxl-only-value-column-hidden.xlsx", rejected: true, problems: []string{"error hidden Số liệu!D3 "}},
	{file: "openpyxl-duplicate-rows.xlsx", changed: map[string]int64{"hoi_vien": -1},
		problems: []string{"warning duplicate_row Số liệu!D19 chi_hoi", "error duplicate_row Số liệu!D18 hoi_vien"},
		says:     "Số liệu!D19"},
	// A column inserted before the codes: «Số liệu» alone, and «STT» in every sheet.
	{file: "openpyxl-codes-in-column-b.xlsx"},
	{file: "openpyxl-stt-column.xlsx"},
	{file: "libreoffice-stt-column.xlsx"},

	// 8. Other formats.
	{file: "libreoffice-return.ods", rejected: true, problems: []string{"error ods ! "}, says: "save it as .xlsx"},
}

// Every trap of issue 9, in returns made by openpyxl, xlsxwriter, LibreOffice and by hand, reads
// as the number a person sees or is refused by name.
func TestReadWhatAPersonSees(t *testing.T) {
	checkValueCases(t, filepath.Join("..", "testdata", "fixtures", "values"))
}

func checkValueCases(t *testing.T, dir string) {
	cat := DefaultCatalogue()
	for _, tt := range valueCases {
		t.Run(tt.file, func(t *testing.T) {
			r, problems := ReadFile(filepath.Join(dir, tt.file), cat)
			var got []string
			for _, p := range problems {
				if p.Code != CodeMissingRows {
					got = append(got, fmt.Sprintf("%s %s %s!%s %s", p.Severity, p.Code, p.Sheet, p.Cell, p.Figure))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
			if tt.says != "" && (len(problems) == 0 || !strings.Contains(problems[0].String(), tt.says)) {
				t.Errorf("first problem %v does not say %q", problems, tt.says)
			}
			if tt.rejected {
				if r != nil {
					t.Errorf("read as a return of %s, want rejected", r.Unit.Code)
				}
				return
			}
			if r == nil {
				t.Fatalf("rejected: %v", problems)
			}
			if r.Unit.Code != "02125" && !strings.Contains(tt.file, "numeric") {
				t.Errorf("unit %q, want 02125", r.Unit.Code)
			}
			want := map[string]int64{}
			for k, v := range yenLac {
				want[k] = v
			}
			for k, v := range tt.changed {
				if v < 0 {
					delete(want, k)
				} else {
					want[k] = v
				}
			}
			gotFigures := figures(t, cat, r)
			var diff []string
			for _, f := range cat.Raw {
				g, gok := gotFigures[f.Code]
				w, wok := want[f.Code]
				if g != w || gok != wok {
					diff = append(diff, fmt.Sprintf("%s = %d (%v), want %d (%v)", f.Code, g, gok, w, wok))
				}
			}
			if len(diff) > 0 {
				t.Error(strings.Join(diff, "\n"))
			}
		})
	}
}

// The fixtures are what make.py makes: it is run into a temporary directory and what it makes
// reads the same. It needs python3-openpyxl, python3-xlsxwriter, LibreOffice and Go; without
// them the test is skipped, unless KHUYENHOC_REQUIRE_TOOLS is set (CI), when it fails.
func TestValueFixturesAreMade(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 30 workbooks with openpyxl, xlsxwriter and LibreOffice")
	}
	t.Parallel()
	python := testtool.NeedPython(t, "openpyxl, xlsxwriter", "python3-openpyxl, python3-xlsxwriter")
	testtool.Need(t, "soffice", "libreoffice-calc")
	testtool.Need(t, "go", "golang-go")
	dir := t.TempDir()
	script, _ := filepath.Abs(filepath.Join("..", "testdata", "fixtures", "values", "make.py"))
	cmd := exec.Command(python, script, dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make.py: %v\n%s", err, out)
	}
	made, _ := filepath.Glob(filepath.Join(dir, "*"))
	committed, _ := filepath.Glob(filepath.Join("..", "testdata", "fixtures", "values", "*.*"))
	var names, want []string
	for _, f := range made {
		names = append(names, filepath.Base(f))
	}
	for _, f := range committed {
		if filepath.Ext(f) != ".py" {
			want = append(want, filepath.Base(f))
		}
	}
	sort.Strings(names)
	sort.Strings(want)
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("make.py made %v, the committed fixtures are %v", names, want)
	}
	checkValueCases(t, dir)
}

// The catalogue's figures whose rows are not in a return are named once, in one warning.
func TestMissingRowsOnce(t *testing.T) {
	cat := DefaultCatalogue()
	_, problems := ReadFile(filepath.Join("..", "testdata", "fixtures", "values", "openpyxl-near-codes.xlsx"), cat)
	var missing []Problem
	for _, p := range problems {
		if p.Code == CodeMissingRows {
			missing = append(missing, p)
		}
	}
	if len(missing) != 1 {
		t.Fatalf("%d missing_rows warnings, want 1: %v", len(missing), problems)
	}
	if p := missing[0]; p.Severity != Warning || !strings.Contains(p.String(), "ban_khuyen_hoc") || !strings.Contains(p.String(), "hoi_vien") {
		t.Errorf("missing rows: %v", p)
	}
	// A return with every row of the template has none.
	data, err := os.ReadFile(filepath.Join("..", "testdata", "ha-tinh-cum-nam-2023", "447-huyen-ky-anh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, problems := Read("447.xlsx", data, cat); len(problems) != 0 {
		t.Errorf("a full return: %v", problems)
	}
}
