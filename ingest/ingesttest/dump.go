package ingesttest

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// DumpWorkbook writes every non-empty cell of a workbook as "Sheet!A1 = value" (formulas as
// "=FORMULA"), sheet by sheet, so that workbooks can be compared as text. With sheet set, only that
// sheet.
func DumpWorkbook(w io.Writer, r io.Reader, sheet string) error {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		if sheet != "" && name != sheet {
			continue
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		width := 0
		for _, row := range rows {
			width = max(width, len(row))
		}
		for r := range rows {
			for c := range width + 8 {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				v := ""
				if c < len(rows[r]) {
					v = rows[r][c]
				}
				if formula, _ := f.GetCellFormula(name, cell); formula != "" {
					v = "=" + formula
				}
				if v != "" {
					if _, err := fmt.Fprintf(w, "%s!%s = %s\n", name, cell, v); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
