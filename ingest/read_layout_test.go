package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// filledTemplate is the template of unit 447 for 2024 with hoi_vien, dan_so and the gia_dinh model
// filled in, as excelize writes it; edit may change the workbook before the figures are set, and
// cols says how many columns were inserted before the codes.
func filledTemplate(t *testing.T, cat *Catalogue, cols int, edit func(f *excelize.File)) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, TemplateOptions{Unit: Unit{Code: "447"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if edit != nil {
		edit(f)
	}
	col := func(c string) string { return string(rune(c[0]) + rune(cols)) }
	set := func(sheet, code, c string, v any) {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			if len(row) > cols && row[cols] == code {
				if err := f.SetCellValue(sheet, col(c)+strconv.Itoa(i+1), v); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no row %s on %s", code, sheet)
	}
	set(SheetFigures, "hoi_vien", "D", 1234)
	set(SheetFigures, "dan_so", "D", "4.980")
	set(SheetModels, "gia_dinh", "C", 100)
	set(SheetModels, "gia_dinh", "D", 80)
	set(SheetModels, "gia_dinh", "E", 60)
	out, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A clerk inserts a column before the codes (a «STT» column numbering the rows) in every sheet of
// the template, with excelize as a program would: the return reads as before, from the moved cells.
func TestReadColumnInsertedBeforeCodes(t *testing.T) {
	cat := DefaultCatalogue()
	plain := filledTemplate(t, cat, 0, nil)
	moved := filledTemplate(t, cat, 1, func(f *excelize.File) {
		for _, sheet := range []string{SheetInfo, SheetFigures, SheetModels} {
			if err := f.InsertCols(sheet, "A", 1); err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows(sheet)
			n := 0
			for i, row := range rows {
				switch {
				case len(row) > 1 && row[1] == "Mã":
					f.SetCellValue(sheet, "A"+strconv.Itoa(i+1), "STT")
				case len(row) > 1 && strings.Trim(row[1], "abcdefghijklmnopqrstuvwxyz_.") == "" && row[1] != "":
					n++
					f.SetCellValue(sheet, "A"+strconv.Itoa(i+1), n)
				}
			}
		}
	})
	want, wantProblems := Read("plain.xlsx", plain, cat)
	got, problems := Read("moved.xlsx", moved, cat)
	if want == nil || got == nil {
		t.Fatalf("rejected: %v / %v", wantProblems, problems)
	}
	if len(problems) != len(wantProblems) {
		t.Errorf("problems %v, want %v", problems, wantProblems)
	}
	if got.Unit != want.Unit || got.Period != want.Period {
		t.Errorf("unit %+v %v, want %+v %v", got.Unit, got.Period, want.Unit, want.Period)
	}
	g, w := figures(t, cat, got), figures(t, cat, want)
	if len(w) != 5 || len(g) != len(w) {
		t.Errorf("figures %v, want %v (5 of them)", g, w)
	}
	for code, v := range w {
		if g[code] != v {
			t.Errorf("%s = %d, want %d", code, g[code], v)
		}
	}
	for code, cell := range map[string]string{"hoi_vien": "E", "gia_dinh.tong": "D", "gia_dinh.cong_nhan": "F"} {
		if _, c := got.Cell(got.Value(cat.byCode[code])); !strings.HasPrefix(c, cell) {
			t.Errorf("%s read from %s, want column %s", code, c, cell)
		}
	}
}

// editPart rewrites one part of a workbook: old, which must be in it, becomes new.
func editPart(t *testing.T, data []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == part {
			if !bytes.Contains(body, []byte(old)) {
				t.Fatalf("%s holds no %q", part, old)
			}
			body, found = bytes.Replace(body, []byte(old), []byte(new), 1), true
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	zw.Close()
	return buf.Bytes()
}

// A cell no spreadsheet shows (beyond column XFD or row 1,048,576, or in row 0) makes its sheet a
// damaged file, named; no message names the impossible cell.
func TestCellsOutsideTheSheet(t *testing.T) {
	cat := DefaultCatalogue()
	data := filledTemplate(t, cat, 0, nil)
	const part = "xl/worksheets/sheet3.xml" // «Số liệu»
	for _, tt := range []struct{ name, rows, impossible string }{
		{"column XFE", `<row r="40"><c r="A40" t="inlineStr"><is><t>hoi_vien</t></is></c><c r="XFE40"><v>7</v></c></row>`, "XFE"},
		{"row 0", `<row r="0"><c r="A0"><v>7</v></c></row>`, "A0"},
		{"row 1,048,577", `<row r="1048577"><c r="D1048577"><v>7</v></c></row>`, "1048577"},
		{"a 20-digit row", `<row r="12345678901234567890"><c r="D12345678901234567890"><v>7</v></c></row>`, "12345678901234567890"},
		{"a cell in row 0 inside row 41", `<row r="41"><c r="D0"><v>7</v></c></row>`, "D0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, problems := Read("grid.xlsx", editPart(t, data, part, "</sheetData>", tt.rows+"</sheetData>"), cat)
			if r != nil || len(problems) != 1 {
				t.Fatalf("read %v, problems %v; want one problem, rejected", r != nil, problems)
			}
			p := problems[0]
			if p.Code != CodeCorrupt || p.Sheet != SheetFigures || p.Cell != "" {
				t.Errorf("problem %s %s!%s, want corrupt «Số liệu» with no cell", p.Code, p.Sheet, p.Cell)
			}
			for _, l := range []lang.Lang{lang.Vi, lang.En} {
				if m := p.Message(l); strings.Contains(m, tt.impossible) || !strings.Contains(m, "XFD") {
					t.Errorf("message %q names %s or not the last column", m, tt.impossible)
				}
			}
		})
	}
}

// Shared strings with a document type declaration, or nested too deep, are said to be so, in the
// user's language, not taken for a missing string.
func TestSharedStringsDamaged(t *testing.T) {
	cat := DefaultCatalogue()
	data := filledTemplate(t, cat, 0, nil)
	for _, tt := range []struct{ name, insert, vi string }{
		{"doctype", `<!DOCTYPE sst [<!ENTITY a "b">]>`, "<!DOCTYPE>"},
		{"nesting", strings.Repeat("<x>", 1000), "lồng nhau quá sâu"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := editPart(t, data, "xl/sharedStrings.xml", "<si>", tt.insert+"<si>")
			r, problems := Read("sst.xlsx", bad, cat)
			if r != nil || len(problems) != 1 {
				t.Fatalf("read %v, problems %v; want one problem, rejected", r != nil, problems)
			}
			m := problems[0].Message(lang.Vi)
			if problems[0].Code != CodeCorrupt || !strings.Contains(m, tt.vi) || !strings.Contains(m, "xl/sharedStrings.xml") || strings.Contains(m, "does not exist") {
				t.Errorf("problem %s: %s", problems[0].Code, m)
			}
		})
	}
}
