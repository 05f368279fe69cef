package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
	"github.com/xuri/excelize/v2"
)

// copyFixtures copies fixtures of testdata/fixtures/values into a new folder, under new names.
func copyFixtures(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, fixture := range files {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures", "values", fixture))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type fileOutcome struct {
	status Status
	codes  string // the problem codes of the file, in order
}

func outcomes(b *Batch) map[string]fileOutcome {
	out := map[string]fileOutcome{}
	for _, f := range b.Files {
		var codes []string
		for _, p := range b.Problems {
			if p.File == f.Path && p.Code != CodeMissingRows {
				codes = append(codes, p.Code)
			}
		}
		out[filepath.Base(f.Path)] = fileOutcome{f.Status, strings.Join(codes, " ")}
	}
	return out
}

// A unit code stored as a number (Excel dropped the zero of 02125) is rejected without a roster
// and matched with the roster's code, with a warning, when there is one; duplicates are then found
// on that code, and the later report date wins.
func TestLoadUnitCodes(t *testing.T) {
	cat := DefaultCatalogue()
	tests := []struct {
		name    string
		files   map[string]string
		units   []string
		want    map[string]fileOutcome
		returns int
	}{
		{
			name:  "number without roster",
			files: map[string]string{"so.xlsx": "openpyxl-numeric-code.xlsx"},
			want:  map[string]fileOutcome{"so.xlsx": {StatusRejected, "numeric_code"}},
		},
		{
			name:    "number with roster",
			files:   map[string]string{"so.xlsx": "openpyxl-numeric-code.xlsx"},
			units:   []string{"02125", "066"},
			want:    map[string]fileOutcome{"so.xlsx": {StatusWarnings, "numeric_code"}},
			returns: 1,
		},
		{
			// «02125» (15/12) and 2125 (20/12): one unit; the later one counts.
			name:    "number and text, later date wins",
			files:   map[string]string{"a-chu.xlsx": "openpyxl-code-text.xlsx", "b-so.xlsx": "openpyxl-numeric-code.xlsx"},
			units:   []string{"02125", "066"},
			want:    map[string]fileOutcome{"a-chu.xlsx": {StatusSkipped, "superseded"}, "b-so.xlsx": {StatusWarnings, "numeric_code"}},
			returns: 1,
		},
		{
			// «02125», « 02125​» and «'02125», all dated 15/12: neither counts, each is named.
			name: "same code written three ways, same date",
			files: map[string]string{"a.xlsx": "openpyxl-code-text.xlsx", "b.xlsx": "openpyxl-code-spaces.xlsx",
				"c.xlsx": "openpyxl-code-apostrophe.xlsx"},
			want: map[string]fileOutcome{"a.xlsx": {StatusRejected, "duplicate"}, "b.xlsx": {StatusRejected, "duplicate"},
				"c.xlsx": {StatusRejected, "duplicate"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyFixtures(t, tt.files)
			b, err := Load(context.Background(), cat, []string{dir}, LoadOptions{Units: tt.units})
			if err != nil {
				t.Fatal(err)
			}
			got := outcomes(b)
			for name, want := range tt.want {
				if got[name] != want {
					t.Errorf("%s: %+v, want %+v", name, got[name], want)
				}
			}
			if len(b.Returns) != tt.returns {
				t.Errorf("%d returns counted, want %d", len(b.Returns), tt.returns)
			}
			for _, r := range b.Returns {
				if r.Unit.Code != "02125" {
					t.Errorf("unit %q, want 02125", r.Unit.Code)
				}
			}
		})
	}
}

// An .ods return in a folder is not skipped: it is rejected, saying to save it as .xlsx.
func TestLoadODS(t *testing.T) {
	dir := copyFixtures(t, map[string]string{"bao-cao.ods": "libreoffice-return.ods", "tot.xlsx": "openpyxl-code-text.xlsx"})
	b, err := Load(context.Background(), DefaultCatalogue(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := outcomes(b)["bao-cao.ods"]; got != (fileOutcome{StatusRejected, "ods"}) {
		t.Errorf("bao-cao.ods: %+v, want rejected (ods)", got)
	}
	if b.Rejected() != 1 || len(b.Returns) != 1 {
		t.Errorf("%d rejected, %d returns; want 1 and 1", b.Rejected(), len(b.Returns))
	}
}

func TestParseReportDate(t *testing.T) {
	for _, s := range []string{"15/12/2024", "15-12-2024", "15.12.2024", "2024-12-15", "ngày 15 tháng 12 năm 2024", " 15/12/2024 ", "15/12/24", "15.12.24"} {
		d, ok := parseReportDate(s)
		if !ok || d.Format("2006-01-02") != "2024-12-15" {
			t.Errorf("parseReportDate(%q) = %v, %v", s, d, ok)
		}
	}
	for _, s := range []string{"", "tháng 12", "32/12/2024", "12/15/2024"} {
		if _, ok := parseReportDate(s); ok {
			t.Errorf("parseReportDate(%q) ok, want not a date", s)
		}
	}
}

// A report date is kept in one form whatever form it was written in; one that cannot be read is
// named with its cell, and lateness is then not judged from it.
func TestReportDateForms(t *testing.T) {
	cat := DefaultCatalogue()
	f, _ := cat.Figure("hoi_vien")
	for _, tt := range []struct{ written, kept, problem string }{
		{"2024-12-15", "15/12/2024", ""},
		{"15.12.24", "15/12/2024", ""},
		{"ngày 5 tháng 6 năm 2024", "05/06/2024", ""},
		{"hôm qua", "", "Thông tin!C9: bad_date"},
	} {
		r := NewReturn(cat, Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"}, Period{Year: 2024})
		r.Set(f, 100)
		r.ReportDate = tt.written
		var buf bytes.Buffer
		if err := WriteReturn(&buf, cat, r); err != nil {
			t.Fatal(err)
		}
		got, problems := Read("r.xlsx", buf.Bytes(), cat)
		if got == nil {
			t.Fatalf("%q: %v", tt.written, problems)
		}
		if got.ReportDate != tt.kept {
			t.Errorf("%q kept as %q, want %q", tt.written, got.ReportDate, tt.kept)
		}
		var codes []string
		for _, p := range problems {
			if p.Code == CodeBadDate {
				codes = append(codes, p.Sheet+"!"+p.Cell+": "+p.Code)
			}
		}
		if g := strings.Join(codes, "; "); g != tt.problem {
			t.Errorf("%q: problems %q, want %q", tt.written, g, tt.problem)
		}
	}
}

// A count typed as money («1.000.000.000 đồng» in the number of branches) is refused at its cell;
// money in a money cell is read.
func TestMoneyInACount(t *testing.T) {
	cat := DefaultCatalogue()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, TemplateOptions{Unit: Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{}
	rows, _ := f.GetRows(SheetFigures)
	for i, row := range rows {
		if len(row) > 0 {
			cells[row[0]] = xlsx.CellName(4, i+1)
		}
	}
	f.SetCellStr(SheetFigures, cells["chi_hoi"], "1.000.000.000 đồng")
	f.SetCellStr(SheetFigures, cells["ban_khuyen_hoc"], "1.406đ")
	f.SetCellStr(SheetFigures, cells["quy.so_du"], "15 tỷ đồng")
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	r, problems := Read("r.xlsx", out.Bytes(), cat)
	if r == nil {
		t.Fatal(problems)
	}
	refused := map[string]string{}
	for _, p := range problems {
		if p.Code == CodeMoney {
			refused[p.Figure] = p.Cell
		}
	}
	if refused["chi_hoi"] != cells["chi_hoi"] || refused["ban_khuyen_hoc"] != cells["ban_khuyen_hoc"] || len(refused) != 2 {
		t.Errorf("refused as money: %v, want chi_hoi at %s and ban_khuyen_hoc at %s", refused, cells["chi_hoi"], cells["ban_khuyen_hoc"])
	}
	quy, _ := cat.Figure("quy.so_du")
	if v := r.Value(quy); !v.OK || v.N != 15_000_000_000 {
		t.Errorf("quy.so_du = %+v, want 15 tỷ", v)
	}
}
