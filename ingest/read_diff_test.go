package ingest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// Every figure of a return filled in the ways offices fill it — numbers, numbers typed as text in
// Vietnamese style, blanks, and text that is no number — reads as the number written, or is
// refused with its own cell. The workbook is filled with excelize, a second writer, on the
// template; excelize's own reading of each cell is the reference for what a person sees.
func TestFiguresAgainstAWriter(t *testing.T) {
	cat := DefaultCatalogue()
	var tmpl bytes.Buffer
	if err := WriteTemplate(&tmpl, cat, TemplateOptions{Unit: Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 7))
		f, err := excelize.OpenReader(bytes.NewReader(tmpl.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		cells := figureCells(t, f, cat)
		type want struct {
			n       int64
			ok      bool // read as n
			refused bool // refused at its cell
		}
		wants := map[string]want{}
		for code, at := range cells {
			n := consistent(rng, code)
			switch rng.IntN(5) {
			case 0: // a number
				f.SetCellValue(at.sheet, at.cell, n)
				wants[code] = want{n: n, ok: true}
			case 1: // typed as text with dots
				f.SetCellStr(at.sheet, at.cell, lang.Int(lang.Vi, n))
				wants[code] = want{n: n, ok: true}
			case 2: // typed with spaces
				f.SetCellStr(at.sheet, at.cell, spaced(n))
				wants[code] = want{n: n, ok: true}
			case 3: // left blank
				wants[code] = want{}
			case 4: // not a number at all
				f.SetCellStr(at.sheet, at.cell, fmt.Sprintf("khoảng %dx", n))
				wants[code] = want{refused: true}
			}
		}
		var out bytes.Buffer
		if _, err := f.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		f.Close()
		r, problems := Read("r.xlsx", out.Bytes(), cat)
		if r == nil {
			t.Fatalf("seed %d: rejected: %v", seed, problems)
		}
		refusedAt := map[string]string{}
		for _, p := range problems {
			if p.Severity == Error && p.Figure != "" {
				refusedAt[p.Figure] = p.Sheet + "!" + p.Cell
			}
		}
		for code, w := range wants {
			fig, _ := cat.Figure(code)
			v := r.Value(fig)
			at := cells[code].sheet + "!" + cells[code].cell
			switch {
			case w.refused:
				if v.OK || refusedAt[code] != at {
					t.Errorf("seed %d %s: not a number, read as %+v, refused at %q; want refused at %s", seed, code, v, refusedAt[code], at)
				}
			case w.ok:
				if !v.OK || v.N != w.n {
					t.Errorf("seed %d %s = %+v, want %d", seed, code, v, w.n)
				}
				if sheet, cell := r.Cell(v); sheet+"!"+cell != at {
					t.Errorf("seed %d %s read from %s!%s, want %s", seed, code, sheet, cell, at)
				}
			default:
				if v.OK {
					t.Errorf("seed %d %s: blank, read as %d", seed, code, v.N)
				}
			}
		}
	}
}

type place struct{ sheet, cell string }

// figureCells finds each raw figure's value cell in the template by its code in column A and the
// value columns' headers, as a person filling it in would.
func figureCells(t *testing.T, f *excelize.File, cat *Catalogue) map[string]place {
	t.Helper()
	out := map[string]place{}
	rows, err := f.GetRows(SheetFigures)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if len(row) > 0 {
			if fig, ok := cat.Figure(row[0]); ok && !fig.Derived() {
				out[fig.Code] = place{SheetFigures, xlsx.CellName(4, i+1)}
			}
		}
	}
	rows, err = f.GetRows(SheetModels)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for _, g := range cat.Models {
			if len(row) > 0 && row[0] == g.Code {
				for j, part := range g.Parts {
					out[part.Code] = place{SheetModels, xlsx.CellName(3+j, i+1)}
				}
			}
		}
	}
	if len(out) != len(cat.Raw) {
		t.Fatalf("found %d figure cells, want %d", len(out), len(cat.Raw))
	}
	return out
}

// spaced writes n with spaces between thousands, as some offices type it: 1 234 567.
func spaced(n int64) string {
	s := lang.Int(lang.Vi, n)
	return string(bytes.ReplaceAll([]byte(s), []byte("."), []byte(" ")))
}

// consistent draws a value that keeps the built-in rules (registered ≤ total, …), so that only the
// way it is written decides whether it is read.
func consistent(rng *rand.Rand, code string) int64 {
	switch {
	case strings.HasSuffix(code, ".tong"), code == "dan_so":
		return 1_500_000 + rng.Int64N(500_000)
	case strings.HasSuffix(code, ".dang_ky"):
		return 500_000 + rng.Int64N(500_000)
	case code == "hoi_vien":
		return 200_000 + rng.Int64N(300_000)
	case strings.HasSuffix(code, ".cong_nhan"), strings.HasSuffix(code, ".co_hoi"), code == "hoi_vien_moi":
		return rng.Int64N(200_000)
	}
	return rng.Int64N(2_000_000)
}
