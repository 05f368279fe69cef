package xlsxwrite

import "github.com/xuri/excelize/v2"

// FitPage prints the sheet on A4, as wide as one page.
func FitPage(f *excelize.File, sheet string, landscape bool) error {
	size, one, any := 9, 1, 0 // 9 is A4
	orientation := "portrait"
	if landscape {
		orientation = "landscape"
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &any})
}
