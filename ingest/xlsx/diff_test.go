package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

// The differential test: generated returns, written by several writers, read by this package and
// by a reference reader (excelize, and openpyxl where installed); every cell must agree, and agree
// with what was generated. Tools that are missing skip their part, unless KHUYENHOC_REQUIRE_TOOLS
// is set (CI sets it): then a missing tool fails the test.

// readSheet and readBook are a whole workbook as this package reads it.
type readSheet struct {
	name   string
	hidden bool
	cells  map[[2]int]Cell
}

type readBook struct {
	sheets   []readSheet
	date1904 bool
	stale    bool
}

func readAll(data []byte) (*readBook, error) {
	b, err := Open(data)
	if err != nil {
		return nil, err
	}
	out := &readBook{date1904: b.Date1904(), stale: b.Stale()}
	for _, s := range b.Sheets() {
		rs := readSheet{name: s.Name, hidden: s.Hidden, cells: map[[2]int]Cell{}}
		err := b.Rows(s, 1<<20, func(row int, cells []Cell) bool {
			if row > maxRefRow {
				return false
			}
			for _, c := range cells {
				rs.cells[[2]int{row, c.Col}] = c
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.Name, err)
		}
		out.sheets = append(out.sheets, rs)
	}
	return out, nil
}

func sameNumber(a, b string) bool {
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return x == y || math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
}

// The ways writers store formula results.
const (
	noResults  = iota // openpyxl: formulas without a value
	results           // the value as generated
	strResults        // excelize: t="str", the number with 15 significant digits
)

// checkSpec compares what this package read with what was generated, formula results as the
// writer stores them.
func checkSpec(gb *gbook, rb *readBook, formulas int) []string {
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	if len(rb.sheets) != len(gb.sheets) {
		add("%d sheets, want %d", len(rb.sheets), len(gb.sheets))
		return diffs
	}
	if rb.date1904 != gb.date1904 {
		add("date1904 = %v, want %v", rb.date1904, gb.date1904)
	}
	for i, gs := range gb.sheets {
		rs := rb.sheets[i]
		if rs.name != gs.name {
			add("sheet %d is %q, want %q", i+1, rs.name, gs.name)
			continue
		}
		if rs.hidden != gs.hidden && i > 0 {
			add("%s: hidden = %v, want %v", gs.name, rs.hidden, gs.hidden)
		}
		for k, gc := range gs.cells {
			at := gs.name + "!" + CellName(k[1], k[0])
			c, ok := rs.cells[k]
			if gc.formula != "" && formulas == noResults {
				if !ok || !c.Formula || c.Value != "" {
					add("%s: %+v, want a formula with no value", at, c)
				}
				continue
			}
			if gc.formula != "" && formulas == strResults && ok && c.Kind == Text {
				x, _ := strconv.ParseFloat(c.Value, 64)
				y, _ := strconv.ParseFloat(gc.value, 64)
				if math.Abs(x-y) > 1e-14*math.Max(math.Abs(y), 1) {
					add("%s: %q, want %q", at, c.Value, gc.value)
				}
				gc.kind, gc.value = Text, c.Value
			}
			if !ok {
				add("%s: missing, want %q", at, gc.value)
				continue
			}
			switch {
			case c.Kind != gc.kind:
				add("%s: kind %d %q, want %d %q", at, c.Kind, c.Value, gc.kind, gc.value)
			case gc.kind == Number && !sameNumber(c.Value, gc.value):
				add("%s: %q, want %q", at, c.Value, gc.value)
			case gc.kind != Number && c.Value != gc.value:
				add("%s: %q, want %q", at, c.Value, gc.value)
			}
			if c.Formula != (gc.formula != "") {
				add("%s: formula = %v, want %v", at, c.Formula, gc.formula != "")
			}
			if want := cmp(gc.format, "General"); gc.kind == Number && c.Format != want {
				add("%s: format %q, want %q", at, c.Format, want)
			}
			if h := gs.hiddenRows[k[0]] || gs.hiddenCols[k[1]]; c.Hidden != h {
				add("%s: hidden = %v, want %v", at, c.Hidden, h)
			}
		}
		for k, c := range rs.cells {
			if _, ok := gs.cells[k]; !ok {
				add("%s!%s: %q was not written", gs.name, CellName(k[1], k[0]), c.Value)
			}
		}
	}
	return diffs
}

func cmp(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// checkExcelize compares what this package read with excelize's raw cell values.
func checkExcelize(data []byte, rb *readBook) []string {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return []string{"excelize: " + err.Error()}
	}
	defer f.Close()
	var diffs []string
	for _, rs := range rb.sheets {
		rows, err := f.GetRows(rs.name, excelize.Options{RawCellValue: true})
		if err != nil {
			diffs = append(diffs, "excelize: "+err.Error())
			continue
		}
		seen := map[[2]int]bool{}
		for r, row := range rows {
			if r >= maxRefRow {
				break
			}
			for c, v := range row {
				k := [2]int{r + 1, c + 1}
				ours := rs.cells[k]
				if v == "" && ours.Value == "" {
					continue
				}
				seen[k] = true
				if !sameValue(ours, v) {
					diffs = append(diffs, fmt.Sprintf("%s!%s: ours %q, excelize %q", rs.name, CellName(c+1, r+1), ours.Value, v))
				}
			}
		}
		for k, c := range rs.cells {
			if !seen[k] && c.Value != "" && k[0] <= maxRefRow {
				diffs = append(diffs, fmt.Sprintf("%s!%s: ours %q, excelize nothing", rs.name, CellName(k[1], k[0]), c.Value))
			}
		}
	}
	return diffs
}

func sameValue(c Cell, v string) bool {
	switch c.Kind {
	case Number:
		return c.Value == v || sameNumber(c.Value, v)
	case Bool:
		return c.Value == v || (c.Value == "1") == strings.EqualFold(v, "true")
	}
	return c.Value == v
}

// refBook is a workbook as openpyxl reads it (data_only=True).
type refBook struct {
	Error    string `json:"error"`
	Date1904 bool   `json:"date1904"`
	Sheets   []struct {
		Name  string  `json:"name"`
		State string  `json:"state"`
		Cells [][]any `json:"cells"` // row, column, type (n, dn, s, b, e), value, number format
	} `json:"sheets"`
}

const openpyxlDump = `
import datetime, json, sys
from openpyxl import load_workbook
from openpyxl.utils.datetime import to_excel, CALENDAR_MAC_1904

def days(v, epoch):
    if isinstance(v, datetime.timedelta):
        return v.total_seconds() / 86400
    return float(to_excel(v, epoch))

MAX_ROW = int(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    try:
        wb = load_workbook(path, data_only=True)
        sheets = []
        for ws in wb.worksheets:
            cells = []
            for (r, c), cell in sorted(ws._cells.items()):
                if r > MAX_ROW:
                    break
                v = cell.value
                if v is None:
                    continue
                if isinstance(v, bool):
                    t, s = "b", "1" if v else "0"
                elif isinstance(v, (int, float)):
                    t, s = "n", repr(v)
                elif isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
                    t, s = "dn", repr(days(v, wb.epoch))
                elif cell.data_type == "e":
                    t, s = "e", str(v)
                else:
                    t, s = "s", str(v)
                if len(s) > 2000:
                    t, s = t + "…", s[:2000]
                cells.append([r, c, t, s, cell.number_format])
            sheets.append({"name": ws.title, "state": ws.sheet_state, "cells": cells})
        out[path] = {"date1904": wb.epoch == CALENDAR_MAC_1904, "sheets": sheets}
    except Exception as e:
        out[path] = {"error": type(e).__name__ + ": " + str(e)}
json.dump(out, sys.stdout)
`

// maxRefRow bounds the rows compared with openpyxl, whose values are all held in memory.
const maxRefRow = 5000

// openpyxlRead reads files with openpyxl, in one process, up to row maxRefRow.
func openpyxlRead(t testing.TB, python string, files []string) map[string]refBook {
	t.Helper()
	out := map[string]refBook{}
	for len(files) > 0 {
		batch := files[:min(len(files), 50)]
		files = files[len(batch):]
		cmd := exec.Command(python, append([]string{"-c", openpyxlDump, strconv.Itoa(maxRefRow)}, batch...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		data, err := cmd.Output()
		if err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
		}
		var part map[string]refBook
		if err := json.Unmarshal(data, &part); err != nil {
			t.Fatal(err)
		}
		for k, v := range part {
			out[k] = v
		}
	}
	return out
}

// serial is an ISO date as a date number.
func serial(iso string, date1904 bool) (float64, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05Z", "2006-01-02", "15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(iso)); err == nil {
			epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
			if date1904 {
				epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			if layout == "15:04:05" {
				return float64(t.Hour()*3600+t.Minute()*60+t.Second()) / 86400, true
			}
			return t.Sub(epoch).Hours() / 24, true
		}
	}
	return 0, false
}

// Known errors of openpyxl (3.0.9), the reference: where it is wrong and this package right.
const (
	refEscapes   = "openpyxl leaves _xHHHH_ escapes undecoded"
	refDateRange = "openpyxl reads a number outside its date range under a date format as #VALUE!"
	refMerged    = "openpyxl drops the values under merged cells"
	refStrict    = "openpyxl reads nothing from Strict workbooks"
	refLeapDay   = "openpyxl shifts date numbers before 1 March 1900 by a day (Excel's 29 February 1900)"
	refEastAsian = "openpyxl does not know the East Asian built-in date formats (ids 27-36, 50-58)"
	refSections  = "openpyxl looks for date tokens in a format's first section only"
	refHyperlink = "openpyxl gives a cell with no value its hyperlink's target"
)

// checkOpenpyxl compares what this package read with what openpyxl read. A cell's number format
// must agree on being a date. Differences that are known errors of openpyxl are counted in known.
func checkOpenpyxl(ref refBook, rb *readBook, known map[string]int) []string {
	if ref.Error != "" {
		return []string{"openpyxl: " + ref.Error}
	}
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	byName := map[string]*readSheet{}
	for i := range rb.sheets {
		byName[rb.sheets[i].name] = &rb.sheets[i]
	}
	if len(ref.Sheets) > len(rb.sheets) {
		add("openpyxl reads %d sheets, ours %d", len(ref.Sheets), len(rb.sheets))
	}
	for _, s := range ref.Sheets {
		rs := byName[s.Name]
		if rs == nil {
			add("sheet %q: ours has none", s.Name)
			continue
		}
		if rs.hidden != (s.State != "visible") {
			add("sheet %q: hidden = %v, openpyxl %s", s.Name, rs.hidden, s.State)
		}
		seen := map[[2]int]bool{}
		for _, c := range s.Cells {
			if len(c) != 5 {
				continue
			}
			r, _ := c[0].(float64)
			col, _ := c[1].(float64)
			typ, _ := c[2].(string)
			v, _ := c[3].(string)
			k := [2]int{int(r), int(col)}
			at := s.Name + "!" + CellName(k[1], k[0])
			ours, ok := rs.cells[k]
			if typ == "s" && v == "" && !ok {
				continue
			}
			if t, cut := strings.CutSuffix(typ, "…"); cut {
				// a long text, cut after 2000 characters
				typ = t
				if r := []rune(ours.Value); len(r) > 2000 {
					ours.Value = string(r[:2000])
				}
			}
			seen[k] = true
			if !ok {
				add("%s: ours nothing, openpyxl %s %q", at, typ, v)
				continue
			}
			if typ == "e" && v == "#VALUE!" && ours.Kind == Number && IsDateFormat(ours.Format) {
				if x, err := strconv.ParseFloat(ours.Value, 64); err == nil && (x < 0 || x >= 2958466) {
					known[refDateRange]++
					continue
				}
			}
			if typ == "s" && ours.Kind == Text && ours.Value != v && (decodeEscapes(v) == ours.Value || strings.Contains(ours.Value, "_x")) {
				known[refEscapes]++
				continue
			}
			if typ == "s" && ours.Value == "" && ours.Formula {
				known[refHyperlink]++
				continue
			}
			if typ == "n" && ours.Kind == Number && sameNumber(ours.Value, v) && IsDateFormat(ours.Format) {
				fmtRef, _ := c[4].(string)
				switch {
				case fmtRef == "General" && ours.Format == builtinFormats[14]:
					known[refEastAsian]++
					continue
				case fmtRef == ours.Format && strings.Contains(fmtRef, ";"):
					known[refSections]++
					continue
				}
			}
			switch typ {
			case "n":
				if ours.Kind != Number || !sameNumber(ours.Value, v) {
					add("%s: ours %d %q, openpyxl number %s", at, ours.Kind, ours.Value, v)
				} else if IsDateFormat(ours.Format) {
					add("%s: ours a date format %q, openpyxl not", at, ours.Format)
				}
			case "dn":
				want, _ := strconv.ParseFloat(v, 64)
				got, err := strconv.ParseFloat(ours.Value, 64)
				if ours.Kind == Date {
					got, ok = serial(ours.Value, rb.date1904)
					err = nil
					if !ok {
						err = fmt.Errorf("bad ISO date")
					}
				} else if !IsDateFormat(ours.Format) {
					add("%s: ours not a date format %q, openpyxl a date", at, ours.Format)
				}
				if err == nil && !rb.date1904 && got < 61 && math.Abs(got-want) > 2e-8 && math.Abs(got-want) <= 1+2e-8 {
					known[refLeapDay]++
					break
				}
				if err != nil || math.Abs(got-want) > 2e-8 {
					add("%s: ours %q, openpyxl date %s", at, ours.Value, v)
				}
			case "b":
				if ours.Kind != Bool || ours.Value != v {
					add("%s: ours %d %q, openpyxl bool %s", at, ours.Kind, ours.Value, v)
				}
			case "e":
				if ours.Kind != Error || ours.Value != v {
					add("%s: ours %d %q, openpyxl error %s", at, ours.Kind, ours.Value, v)
				}
			default:
				if ours.Kind != Text || ours.Value != v {
					add("%s: ours %d %q, openpyxl text %q", at, ours.Kind, ours.Value, v)
				}
			}
		}
		for k, c := range rs.cells {
			if !seen[k] && c.Value != "" && k[0] <= maxRefRow {
				add("%s!%s: ours %q, openpyxl nothing", s.Name, CellName(k[1], k[0]), c.Value)
			}
		}
	}
	return diffs
}

const openpyxlWrite = `
import json, sys
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.utils import get_column_letter

for path, book in json.load(sys.stdin).items():
    wb = Workbook()
    wb.remove(wb.active)
    if book["date1904"]:
        wb.epoch = CALENDAR_MAC_1904
    for s in book["sheets"]:
        ws = wb.create_sheet(s["name"])
        if s["hidden"]:
            ws.sheet_state = "hidden"
        for r, c, kind, value, formula, fmt in s["cells"]:
            cell = ws.cell(row=r, column=c)
            if formula:
                cell.value = "=" + formula
            elif kind == "n":
                f = float(value)
                cell.value = int(f) if f.is_integer() and abs(f) < 2**53 and "." not in value and "e" not in value.lower() else f
            elif kind == "b":
                cell.value = value == "1"
            else:
                cell.value = value
            if fmt:
                cell.number_format = fmt
        for r in s["hiddenRows"]:
            ws.row_dimensions[r].hidden = True
        for c in s["hiddenCols"]:
            ws.column_dimensions[get_column_letter(c)].hidden = True
    if all(ws.sheet_state == "hidden" for ws in wb.worksheets):
        wb.worksheets[0].sheet_state = "visible"
    wb.save(path)
`

// writeOpenpyxl writes generated books with openpyxl, in one process.
func writeOpenpyxl(t testing.TB, python string, books map[string]*gbook) {
	t.Helper()
	type sheet struct {
		Name       string  `json:"name"`
		Hidden     bool    `json:"hidden"`
		Cells      [][]any `json:"cells"`
		HiddenRows []int   `json:"hiddenRows"`
		HiddenCols []int   `json:"hiddenCols"`
	}
	type book struct {
		Date1904 bool    `json:"date1904"`
		Sheets   []sheet `json:"sheets"`
	}
	spec := map[string]book{}
	for path, gb := range books {
		var bk book
		bk.Date1904 = gb.date1904
		for _, gs := range gb.sheets {
			s := sheet{Name: gs.name, Hidden: gs.hidden, HiddenRows: []int{}, HiddenCols: []int{}}
			for _, k := range gs.keys() {
				c := gs.cells[k]
				s.Cells = append(s.Cells, []any{k[0], k[1], string("nsbed"[c.kind]), c.value, c.formula, c.format})
			}
			for r := range gs.hiddenRows {
				s.HiddenRows = append(s.HiddenRows, r)
			}
			for c := range gs.hiddenCols {
				s.HiddenCols = append(s.HiddenCols, c)
			}
			bk.Sheets = append(bk.Sheets, s)
		}
		spec[path] = bk
	}
	data, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", openpyxlWrite)
	cmd.Stdin = bytes.NewReader(data)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
}

// diffSizes are how many books each writer makes: small for CI, more with KHUYENHOC_DIFF_N.
func diffSize(n int) int {
	if s, err := strconv.Atoi(os.Getenv("KHUYENHOC_DIFF_N")); err == nil && s > 0 {
		return n * s
	}
	return n
}

func diffSeed() uint64 {
	if s, err := strconv.ParseUint(os.Getenv("KHUYENHOC_DIFF_SEED"), 10, 64); err == nil {
		return s
	}
	return 10
}

func report(t *testing.T, what string, diffs []string) {
	t.Helper()
	if len(diffs) > 0 {
		t.Errorf("%s: %d differences:\n  %s", what, len(diffs), strings.Join(diffs[:min(len(diffs), 10)], "\n  "))
	}
}

// TestDifferential writes generated returns with every writer at hand and compares each cell
// read with what was written and with the reference readers.
func TestDifferential(t *testing.T) {
	seed := diffSeed()
	t.Logf("seed %d (KHUYENHOC_DIFF_SEED to repeat, KHUYENHOC_DIFF_N to multiply the sample)", seed)
	dir := t.TempDir()
	if keep := os.Getenv("KHUYENHOC_DIFF_KEEP"); keep != "" {
		dir = keep // keep the workbooks, to look into a difference
	}
	type made struct {
		path   string
		gb     *gbook
		cached bool // formula results stored
		what   string
	}
	var files []made
	save := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("excelize", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(seed, 1))
		for i := range diffSize(20) {
			gb := genBook(rng)
			data := writeExcelize(t, gb)
			path := save(fmt.Sprintf("excelize-%d.xlsx", i), data)
			files = append(files, made{path, gb, true, "excelize"})
			rb, err := readAll(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			report(t, path+" against what was written", checkSpec(gb, rb, strResults))
			report(t, path+" against excelize", checkExcelize(data, rb))
		}
	})
	t.Run("raw", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(seed, 2))
		for i := range diffSize(40) {
			gb := genBook(rng)
			o := randRawOptions(rng)
			if o.extras {
				isoDates(gb)
			}
			data := writeRaw(t, gb, o)
			path := save(fmt.Sprintf("raw-%d.xlsx", i), data)
			if !o.strict {
				files = append(files, made{path, gb, true, "raw " + o.String()})
			}
			rb, err := readAll(data)
			if err != nil {
				t.Fatalf("%s (%s): %v", path, o, err)
			}
			if !o.styles {
				for _, s := range gb.sheets {
					for k, c := range s.cells {
						c.format = ""
						s.cells[k] = c
					}
				}
			}
			report(t, path+" ("+o.String()+") against what was written", checkSpec(gb, rb, results))
			if !o.foreign { // excelize takes any element named v for the value, whatever its namespace
				report(t, path+" ("+o.String()+") against excelize", checkExcelize(data, rb))
			}
		}
	})
	var python string
	t.Run("openpyxl", func(t *testing.T) {
		python = testtool.NeedPython(t, "openpyxl", "python3-openpyxl")
		rng := rand.New(rand.NewPCG(seed, 3))
		books := map[string]*gbook{}
		for i := range diffSize(10) {
			path := filepath.Join(dir, fmt.Sprintf("openpyxl-%d.xlsx", i))
			books[path] = genBook(rng)
		}
		writeOpenpyxl(t, python, books)
		for path, gb := range books {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := readAll(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, s := range gb.sheets {
				for k, c := range s.cells {
					c.rich = false
					s.cells[k] = c
				}
			}
			report(t, path+" against what was written", checkSpec(gb, rb, noResults))
			report(t, path+" against excelize", checkExcelize(data, rb))
			files = append(files, made{path, gb, false, "openpyxl"})
		}
	})
	t.Run("libreoffice", func(t *testing.T) {
		soffice := testtool.Need(t, "soffice", "libreoffice-calc")
		in, out := filepath.Join(dir, "lo-in"), filepath.Join(dir, "lo-out")
		os.MkdirAll(in, 0o755)
		var sources []made
		for _, f := range files {
			if len(sources) < diffSize(4) && f.cached && (strings.HasPrefix(filepath.Base(f.path), "raw") || len(sources) < diffSize(2)) {
				sources = append(sources, f)
				data, _ := os.ReadFile(f.path)
				save(filepath.Join("lo-in", filepath.Base(f.path)), data)
			}
		}
		args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "lo-profile")),
			"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}
		for _, f := range sources {
			args = append(args, filepath.Join(in, filepath.Base(f.path)))
		}
		if msg, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		for _, f := range sources {
			path := filepath.Join(out, filepath.Base(f.path))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := readAll(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			report(t, path+" against excelize", checkExcelize(data, rb))
			// Every figure is still the number generated (LibreOffice recalculates formulas).
			report(t, path+" figures against what was written", checkFigures(f.gb, rb))
			files = append(files, made{path, f.gb, true, "libreoffice of " + f.what})
		}
	})
	t.Run("against openpyxl", func(t *testing.T) {
		python := testtool.NeedPython(t, "openpyxl", "python3-openpyxl")
		var paths []string
		for _, f := range files {
			paths = append(paths, f.path)
		}
		refs := openpyxlRead(t, python, paths)
		known := map[string]int{}
		for _, f := range files {
			data, err := os.ReadFile(f.path)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := readAll(data)
			if err != nil {
				t.Fatal(err)
			}
			report(t, f.path+" ("+f.what+") against openpyxl", checkOpenpyxl(refs[f.path], rb, known))
		}
		t.Logf("%d workbooks compared with openpyxl; known errors of openpyxl: %v", len(files), known)
	})
}

// checkFigures compares the numbers of the figures sheets with what was generated.
func checkFigures(gb *gbook, rb *readBook) []string {
	var diffs []string
	for _, gs := range gb.sheets {
		if gs.name != "Số liệu" && gs.name != "Mô hình học tập" {
			continue
		}
		for _, rs := range rb.sheets {
			if rs.name != gs.name {
				continue
			}
			for k, gc := range gs.cells {
				if gc.kind != Number || k[1] < 3 {
					continue
				}
				if c := rs.cells[k]; !sameNumber(c.Value, gc.value) {
					diffs = append(diffs, fmt.Sprintf("%s!%s: %q, want %q", gs.name, CellName(k[1], k[0]), c.Value, gc.value))
				}
			}
		}
	}
	return diffs
}

// isoDates turns the date numbers of a book into ISO date cells (t="d").
func isoDates(gb *gbook) {
	for _, s := range gb.sheets {
		for k, c := range s.cells {
			if c.kind == Number && c.format == "dd/mm/yyyy" && c.formula == "" {
				n, err := strconv.ParseFloat(c.value, 64)
				if err != nil || n < 61 || n > 2958465 || n != math.Trunc(n) {
					continue
				}
				epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
				if gb.date1904 {
					epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
				}
				c.kind, c.value = Date, epoch.AddDate(0, 0, int(n)).Format("2006-01-02")
				s.cells[k] = c
			}
		}
	}
}

// TestCorpus compares this package with openpyxl over the workbooks under the folders in
// KHUYENHOC_CORPUS (separated by the list separator), such as the test workbooks of other readers
// and writers, and prints the counts. It fails only when openpyxl is missing; differences are
// listed for a person to judge.
func TestCorpus(t *testing.T) {
	dirs := filepath.SplitList(os.Getenv("KHUYENHOC_CORPUS"))
	if len(dirs) == 0 {
		t.Skip("KHUYENHOC_CORPUS is not set")
	}
	python := testtool.NeedPython(t, "openpyxl", "python3-openpyxl")
	var files []string
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() && (strings.EqualFold(filepath.Ext(p), ".xlsx") || strings.EqualFold(filepath.Ext(p), ".xlsm")) {
				files = append(files, p)
			}
			return nil
		})
	}
	refs := openpyxlRead(t, python, files)
	counts := map[string]int{}
	known := map[string]int{}
	var lines []string
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref := refs[path]
		rb, ourErr := readAll(data)
		switch {
		case ourErr != nil && ref.Error != "":
			counts["both refuse"]++
			lines = append(lines, fmt.Sprintf("%s: both refuse: ours %v; openpyxl %s", path, ourErr, ref.Error))
			continue
		case ourErr != nil:
			counts["only ours refuses"]++
			lines = append(lines, fmt.Sprintf("%s: ours refuses: %v", path, ourErr))
			continue
		case ref.Error != "":
			// Then excelize is the reference.
			if diffs := checkExcelize(data, rb); len(diffs) > 0 {
				counts["only openpyxl refuses, differ from excelize"]++
				lines = append(lines, fmt.Sprintf("%s: openpyxl refuses (%s); %d differences from excelize: %s", path, ref.Error, len(diffs), strings.Join(diffs[:min(3, len(diffs))], "; ")))
			} else {
				counts["only openpyxl refuses, agree with excelize"]++
			}
			continue
		}
		if isStrict(data) {
			// openpyxl reads nothing from Strict workbooks: excelize is the reference for those.
			known[refStrict]++
			if diffs := checkExcelize(data, rb); len(diffs) > 0 {
				counts["strict, differ from excelize"]++
				lines = append(lines, fmt.Sprintf("%s: Strict, %d differences from excelize: %s", path, len(diffs), strings.Join(diffs[:min(3, len(diffs))], "; ")))
			} else {
				counts["strict, agree with excelize"]++
			}
			continue
		}
		before := sumKnown(known)
		diffs := checkOpenpyxl(ref, rb, known)
		diffs = dropMerged(data, diffs, known)
		switch {
		case len(diffs) > 0:
			counts["differ"]++
			lines = append(lines, fmt.Sprintf("%s: %d differences: %s", path, len(diffs), strings.Join(diffs[:min(3, len(diffs))], "; ")))
		case sumKnown(known) > before:
			counts["agree but for known openpyxl errors"]++
		default:
			counts["agree"]++
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("%d workbooks: %v", len(files), counts)
	t.Logf("known errors of openpyxl (cells): %v", known)
}

func sumKnown(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func isStrict(data []byte) bool {
	b, err := Open(data)
	if err != nil {
		return false
	}
	for name := range b.folded {
		if strings.HasSuffix(name, "workbook.xml") {
			wb, _, err := b.read(name, MaxPart)
			return err == nil && bytes.Contains(wb, []byte(nsMainStrict))
		}
	}
	return false
}

// dropMerged takes out the differences "ours X, openpyxl nothing" at cells under a merged range
// but its first: openpyxl drops those values (a known error of the reference).
func dropMerged(data []byte, diffs []string, known map[string]int) []string {
	if len(diffs) == 0 {
		return diffs
	}
	b, err := Open(data)
	if err != nil {
		return diffs
	}
	type area struct{ c1, r1, c2, r2 int }
	merged := map[string][]area{}
	for _, s := range b.Sheets() {
		part, _, err := b.read(s.part, MaxPart)
		if err != nil {
			continue
		}
		sc := scanner{data: part}
		for sc.next() {
			if sc.tok != tokStart || sc.local != "mergeCell" {
				continue
			}
			from, to, ok := strings.Cut(sc.attr("ref"), ":")
			c1, r1, ok1 := parseRef([]byte(from))
			c2, r2, ok2 := parseRef([]byte(to))
			if ok && ok1 && ok2 {
				merged[s.Name] = append(merged[s.Name], area{c1, r1, c2, r2})
			}
		}
	}
	var out []string
	for _, d := range diffs {
		at, _, _ := strings.Cut(d, ": ")
		sheet, cell, _ := strings.Cut(at, "!")
		c, r, ok := parseRef([]byte(cell))
		under := false
		for _, a := range merged[sheet] {
			if ok && c >= a.c1 && c <= a.c2 && r >= a.r1 && r <= a.r2 && (c != a.c1 || r != a.r1) {
				under = true
			}
		}
		if under && strings.HasSuffix(d, "openpyxl nothing") {
			known[refMerged]++
			continue
		}
		out = append(out, d)
	}
	return out
}
