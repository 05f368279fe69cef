package xlsxwrite

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// a4 is A4 paper in the numbering of OOXML page setup.
const a4 = 9

func orientation(landscape bool) *string {
	o := "portrait"
	if landscape {
		o = "landscape"
	}
	return &o
}

// FitPage prints the sheet on A4, as wide as one page: for a sheet narrow enough to read so, such
// as the template's instructions.
func FitPage(f *excelize.File, sheet string, landscape bool) error {
	size, one, any := a4, 1, 0
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: orientation(landscape), FitToWidth: &one, FitToHeight: &any})
}

// FitOnePage prints the sheet on one A4 page, shrunk if it has to be.
func FitOnePage(f *excelize.File, sheet string, landscape bool) error {
	size, one := a4, 1
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: orientation(landscape), FitToWidth: &one, FitToHeight: &one})
}

// PrintAt prints the sheet on A4 pages at scale percent, with no fit to page: over as many pages
// as it needs, across and down, numbered "page / pages" at the foot. PrintTitles makes each page
// readable on its own.
func PrintAt(f *excelize.File, sheet string, landscape bool, scale uint) error {
	size := a4
	fit := false
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: orientation(landscape), AdjustTo: &scale}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&P / &N"})
}

// minScale is the smallest scale a sheet is shrunk to so that it prints one page wide; a wider
// sheet prints at full size across pages (74 columns on one page cannot be read).
const minScale = 60

// Scale is the scale at which columns of these widths (in characters) print one A4 page wide,
// or 100 when they are too wide to be shrunk legibly (less than 60%) or narrow enough as they are.
// A fixed scale prints the same in Excel and LibreOffice, which reads a fit of 0 pages high as 1.
func Scale(widths []float64, landscape bool) uint {
	page := 210.0 - 2*17.8 // mm between the default margins of 0.7 in
	if landscape {
		page = 297.0 - 2*17.8
	}
	var mm float64
	for _, w := range widths {
		mm += (7*w + 5) * 25.4 / 96 // a column's pixels at 96 dpi: 7 a character of Calibri or Times New Roman 11 pt
	}
	scale := int(page / mm * 95) // a little room for the programs' rounding

	if scale >= 100 || scale < minScale {
		return 100
	}
	return uint(scale)
}

// PrintTitles repeats rows fromRow to toRow at the top and the first cols columns at the left of
// every printed page of the sheet (the defined name _xlnm.Print_Titles). Zero rows or columns
// repeat none.
func PrintTitles(f *excelize.File, sheet string, fromRow, toRow, cols int) error {
	q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	var refs []string
	if cols > 0 {
		last, err := excelize.ColumnNumberToName(cols)
		if err != nil {
			return err
		}
		refs = append(refs, q+"$A:$"+last)
	}
	if fromRow > 0 && toRow >= fromRow {
		refs = append(refs, fmt.Sprintf("%s$%d:$%d", q, fromRow, toRow))
	}
	if len(refs) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(refs, ","), Scope: sheet})
}
