package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsxwrite"
)

// SheetCoverage is the sheet of a consolidated return that says how much of the units behind it
// each figure covers. A return without it (a unit's own return, or one made before it existed)
// speaks for all of its units.
const SheetCoverage = "Phạm vi số liệu"

// Row kinds of the coverage sheet, in its column A. They are not figure codes, so that a reader
// looking for figures by code never takes a coverage row for a figure.
const (
	covExpected = "don_vi_du_kien" // C: expected units behind the return; E: their level
	covFigure   = "bao_cao"        // B: raw figure code; C: units covered; D: expected
	covRatio    = "ty_le"          // B: derived figure code; C: units matched; D: expected; E: numerator; F: denominator
	covMissing  = "chua_nop"       // B: unit code; C: name; D: parent code; E: parent's name; F: level; G: lowest-level units it stands for
	covLate     = "nop_muon"       // B: unit code; C: name; D: parent code; E: parent's name; F: level
)

// Coverage is what a consolidated return says about the units it was made from: how many were
// expected, how many gave each figure, the numerator and denominator of each ratio summed over the
// units that gave both parts, and which units are missing or late.
type Coverage struct {
	Expected int
	Level    string                // the level of the expected units, when they share one
	Reported map[string]int        // raw figure code → units whose value is in the figure
	Ratios   map[string]RatioParts // derived figure code → matched parts
	Missing  []Unit                // units that sent nothing: at the lowest level known, or the top of a subtree that sent nothing
	Stands   map[string]int        // lowest-level units a missing unit stands for, by code, when more than one
	Late     []Unit                // units that sent their return after the due date
	Parents  map[string]string     // names of the missing and late units' parents, by code
}

// MissingUnits is how many lowest-level units sent nothing: a missing unit counts for the
// lowest-level units it stands for.
func (c *Coverage) MissingUnits() int {
	n := len(c.Missing)
	for _, u := range c.Missing {
		if k := c.Stands[u.Code]; k > 1 {
			n += k - 1
		}
	}
	return n
}

// RatioParts are a ratio's numerator and denominator summed over the units that gave both.
type RatioParts struct {
	Num, Den int64
	Units    int
}

// writeCoverage adds the coverage sheet of a consolidated return.
func (b *returnBuilder) writeCoverage() error {
	c := b.r.Coverage
	w, err := b.sheet(SheetCoverage, tplCoverageHeading,
		[]float64{18, 26, 30, 16, 30, 20, 16}, tplCoverageColumns...)
	if err != nil {
		return err
	}
	row := 4
	put := func(cells ...any) {
		for i, v := range cells {
			style := b.styles.label
			if i == 0 {
				style = b.styles.locked
			}
			w.set(i+1, row, v, style)
		}
		row++
	}
	put(covExpected, "", c.Expected, c.Expected, c.Level)
	for _, f := range b.cat.Raw {
		if n, ok := c.Reported[f.Code]; ok {
			put(covFigure, f.Code, n, c.Expected)
		}
	}
	for _, f := range b.cat.Derived {
		if p, ok := c.Ratios[f.Code]; ok {
			put(covRatio, f.Code, p.Units, c.Expected, p.Num, p.Den)
		}
	}
	// The lists of units may be long (a missing subtree is one row, but a scattering of missing
	// branches is a row each): their styles are set a block at a time, as put would set them.
	from := row
	list := func(kind string, u Unit, units any) {
		for i, v := range []any{kind, u.Code, u.Name, u.Parent, c.Parents[u.Parent], u.Level, units} {
			w.set(i+1, row, v, 0)
		}
		row++
	}
	for _, u := range c.Missing {
		list(covMissing, u, max(c.Stands[u.Code], 1))
	}
	for _, u := range c.Late {
		list(covLate, u, nil)
	}
	if row > from && w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, fmt.Sprintf("A%d", from), fmt.Sprintf("A%d", row-1), b.styles.locked)
	}
	if row > from && w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, fmt.Sprintf("B%d", from), fmt.Sprintf("G%d", row-1), b.styles.label)
	}
	w.dimension("G", row-1)
	if w.err != nil {
		return w.err
	}
	return xlsxwrite.FitPage(b.f, SheetCoverage, true)
}

// rate writes a learning model's rate: in a return that carries its coverage, the rate over the
// units that gave both parts (the row's sums may include units that gave only one); otherwise the
// formula over the row.
func (b *returnBuilder) rate(w *sheetWriter, col, row int, code, formula string) {
	if c := b.r.Coverage; c != nil {
		if p, ok := c.Ratios[code]; ok && p.Den > 0 {
			w.set(col, row, float64(p.Num)/float64(p.Den), b.styles.rate)
		} else {
			w.set(col, row, nil, b.styles.rate)
		}
		return
	}
	w.formula(col, row, formula, b.styles.rate)
}

// readCoverage reads the coverage sheet when the return has one. A coverage sheet that cannot be
// read whole (too large, damaged) or does not add up rejects the return with an error: taking it
// for complete would hide the units it says are missing. A missing unit's column G is how many
// lowest-level units it stands for (a missing subtree listed once); without it, one.
func (rd *reader) readCoverage() bool {
	var part xlsx.Sheet
	sheet := ""
	for _, sh := range rd.book.Sheets() {
		if normKnown(sh.Name) == normKnown(SheetCoverage) {
			part, sheet = sh, sh.Name
		}
	}
	if sheet == "" {
		return true
	}
	c := &Coverage{Reported: map[string]int{}, Ratios: map[string]RatioParts{}, Parents: map[string]string{}, Stands: map[string]int{}}
	bad := ""
	badRow := 0
	num := func(row int, s string) int64 {
		n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || n < 0 || n != float64(int64(n)) {
			if bad == "" {
				bad, badRow = s, row
			}
			return 0
		}
		return int64(n)
	}
	err := rd.book.Rows(part, maxSheetRows, func(row int, cells []xlsx.Cell) bool {
		at := func(col int) string {
			for _, cell := range cells {
				if cell.Col == col {
					return strings.TrimSpace(cell.Value)
				}
			}
			return ""
		}
		kind := normName(at(1))
		code := strings.TrimSuffix(at(2), ".0")
		switch kind {
		case covExpected:
			c.Expected = int(num(row, at(3)))
			c.Level = at(5)
		case covFigure:
			if f, ok := rd.cat.byCode[code]; ok && !f.Derived() {
				c.Reported[code] = int(num(row, at(3)))
			}
		case covRatio:
			if f, ok := rd.cat.byCode[code]; ok && f.Derived() {
				c.Ratios[code] = RatioParts{Units: int(num(row, at(3))), Num: num(row, at(5)), Den: num(row, at(6))}
			}
		case covMissing, covLate:
			u := Unit{Code: code, Name: at(3), Parent: strings.TrimSuffix(at(4), ".0"), Level: at(6)}
			if code == "" {
				break
			}
			if name := at(5); name != "" && u.Parent != "" {
				c.Parents[u.Parent] = name
			}
			if kind == covMissing {
				if s := at(7); s != "" {
					if n := num(row, s); n == 0 {
						if bad == "" {
							bad, badRow = s, row
						}
					} else if n > 1 {
						c.Stands[code] = int(n)
					}
				}
				c.Missing = append(c.Missing, u)
			} else {
				c.Late = append(c.Late, u)
			}
		}
		return true
	})
	if err == nil && bad == "" {
		for code, n := range c.Reported {
			if n > c.Expected {
				bad = fmt.Sprintf("%s: %d > %d", code, n, c.Expected)
			}
		}
		for code, p := range c.Ratios {
			if p.Units > c.Expected {
				bad = fmt.Sprintf("%s: %d > %d", code, p.Units, c.Expected)
			}
		}
		if c.Expected == 0 {
			bad = covExpected
		} else if m := c.MissingUnits(); m > c.Expected {
			bad = fmt.Sprintf("%s: %d > %d", covMissing, m, c.Expected)
		}
	}
	if err != nil || bad != "" {
		reason := bad
		if err != nil {
			reason = err.Error()
		}
		rd.add(Error, CodeCoverage, sheet, 1, badRow, "", msgCoverage, sheet, reason)
		return false
	}
	if len(c.Stands) == 0 {
		c.Stands = nil
	}
	rd.r.Coverage = c
	return true
}
