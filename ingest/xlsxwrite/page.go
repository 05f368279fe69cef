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

// PrintAcross prints a wide sheet at its own size on as many A4 pages as it needs, across and
// down (no fit to page: a 74-column sheet squeezed to one page wide cannot be read), numbered
// "page / pages" at the foot. PrintTitles makes each page readable on its own.
func PrintAcross(f *excelize.File, sheet string, landscape bool) error {
	size, scale := a4, uint(100)
	fit := false
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: orientation(landscape), AdjustTo: &scale}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&P / &N"})
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
