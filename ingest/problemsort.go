package ingest

import (
	"sort"
	"strconv"
	"strings"
)

// SortProblems puts problems in one order whatever order they were found in: by file, sheet,
// cell (row, then column, so that D9 comes before D10), code, figure and message. The same inputs
// then give the same output.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if c := compareCells(a.Cell, b.Cell); c != 0 {
			return c < 0
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.Figure != b.Figure {
			return a.Figure < b.Figure
		}
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		return a.en < b.en
	})
}

// compareCells orders "D9" before "D10" and "Z5" before "AA5": by row, then by column.
func compareCells(a, b string) int {
	ac, ar, aok := splitCell(a)
	bc, br, bok := splitCell(b)
	switch {
	case !aok || !bok:
		return strings.Compare(a, b)
	case ar != br:
		return ar - br
	}
	return ac - bc
}

// splitCell reads "AA10" as column 27, row 10.
func splitCell(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, i > 0 && err == nil
}
