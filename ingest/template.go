package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsxwrite"
)

// The sheets of a return. The reader finds them by name (after Unicode normalisation, ignoring case)
// and the figures inside them by their codes in column A.
const (
	SheetGuide   = "Hướng dẫn"
	SheetInfo    = "Thông tin"
	SheetFigures = "Số liệu"
	SheetModels  = "Mô hình học tập"
)

// Keys of the unit's information, in column A of the information sheet.
const (
	keyUnit     = "ma_don_vi"
	keyName     = "ten_don_vi"
	keyLevel    = "cap"
	keyParent   = "ma_cap_tren"
	keyPeriod   = "ky_bao_cao"
	keyDate     = "ngay_bao_cao"
	keyPreparer = "nguoi_lap"
	keyVersion  = "phien_ban_mau"
)

// Column headers the reader recognises (normalised: NFC, lower case).
var headerAliases = map[string]string{
	"mã": "code", "ma": "code", "code": "code", "mã số": "code",
	"giá trị": "value", "số liệu": "value", "value": "value", "gia_tri": "value",
	"tổng số": "tong", "tong": "tong", "total": "tong",
	"đăng ký": "dang_ky", "dang_ky": "dang_ky", "registered": "dang_ky",
	"được công nhận": "cong_nhan", "công nhận": "cong_nhan", "cong_nhan": "cong_nhan", "recognised": "cong_nhan",
	"đơn vị tính": "unit", "đvt": "unit", "don_vi_tinh": "unit", "unit": "unit",
}

// TemplateOptions fill in the unit's information of a template.
type TemplateOptions struct {
	Unit   Unit
	Period Period
	// Periods offered in the period drop-down; the template lists FirstYear..LastYear.
	FirstYear, LastYear int
	// Due is the date the return is due (the roster's han_nop), printed in the guide and beside
	// the report date; zero when there is none.
	Due time.Time
	// Tool is the program that made the template ("khuyenhoc 1.2.0 (1e71820abcde)"), written
	// beside the template version when set.
	Tool string
}

// WriteTemplate writes a blank return for the unit in opts (which may be empty).
func WriteTemplate(w io.Writer, cat *Catalogue, opts TemplateOptions) error {
	r := &Return{Unit: opts.Unit, Period: opts.Period}
	return writeReturn(w, cat, r, opts)
}

// WriteReturn writes a return in the template layout with its figures filled in: a consolidated
// return that the level above ingests like any other.
func WriteReturn(w io.Writer, cat *Catalogue, r *Return) error {
	return writeReturn(w, cat, r, TemplateOptions{})
}

// AddReturnSheets adds the return's sheets to a workbook being built (the report embeds the
// consolidated return this way, so that ingest reads a report as the return of its scope).
func AddReturnSheets(f *excelize.File, cat *Catalogue, r *Return) error {
	b := &returnBuilder{f: f, cat: cat, r: r}
	if err := b.makeStyles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	return b.build(TemplateOptions{}, false)
}

func writeReturn(w io.Writer, cat *Catalogue, r *Return, opts TemplateOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	xlsxwrite.StableZip(f)
	// Column widths count characters of the default font: the cells' own, which LibreOffice has
	// metric for metric (Liberation Serif), so that the sheets print alike everywhere.
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetGuide); err != nil {
		return err
	}
	b := &returnBuilder{f: f, cat: cat, r: r, due: opts.Due}
	if err := b.makeStyles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	if err := b.guide(); err != nil {
		return fmt.Errorf("write guide: %w", err)
	}
	if err := b.build(opts, true); err != nil {
		return err
	}
	f.SetActiveSheet(1)
	description := fmt.Sprintf(tplDescription, cat.Version)
	if opts.Tool != "" {
		description += fmt.Sprintf(tplMadeBy, opts.Tool)
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "khuyenhoc",
		Title:       tplTitle,
		Description: description,
		Created:     "2024-01-01T00:00:00Z",
		Modified:    "2024-01-01T00:00:00Z",
	}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

type returnBuilder struct {
	f      *excelize.File
	cat    *Catalogue
	r      *Return
	due    time.Time // the roster's due date, when known
	styles struct{ title, header, section, label, locked, input, inputText, rate int }
}

func (b *returnBuilder) makeStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold}
	}
	thousands := "#,##0"
	pct := "0.00%"
	specs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&b.styles.title, excelize.Style{Font: font(true, 14), Protection: &excelize.Protection{Locked: true}}},
		{&b.styles.header, excelize.Style{Font: font(true, 11), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Protection: &excelize.Protection{Locked: true}}},
		{&b.styles.section, excelize.Style{Font: font(true, 11), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}, Border: border, Protection: &excelize.Protection{Locked: true}}},
		{&b.styles.label, excelize.Style{Font: font(false, 11), Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}, Protection: &excelize.Protection{Locked: true}}},
		{&b.styles.locked, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 9, Color: "7F7F7F"}, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}, Protection: &excelize.Protection{Locked: true}}},
		{&b.styles.input, excelize.Style{Font: font(false, 11), Border: border, CustomNumFmt: &thousands,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Protection: &excelize.Protection{Locked: false}}},
		// Text format (@), so that Excel keeps the leading zeros of codes such as 02125.
		{&b.styles.inputText, excelize.Style{Font: font(false, 11), Border: border, NumFmt: 49,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Protection: &excelize.Protection{Locked: false}}},
		{&b.styles.rate, excelize.Style{Font: font(false, 11), Border: border, CustomNumFmt: &pct, Protection: &excelize.Protection{Locked: true}}},
	}
	for _, s := range specs {
		id, err := b.f.NewStyle(&s.style)
		if err != nil {
			return err
		}
		*s.dst = id
	}
	return nil
}

// build adds the information, figures and models sheets; protect locks every cell but the inputs.
func (b *returnBuilder) build(opts TemplateOptions, protect bool) error {
	if err := b.info(opts); err != nil {
		return fmt.Errorf("write %s: %w", SheetInfo, err)
	}
	if err := b.figures(); err != nil {
		return fmt.Errorf("write %s: %w", SheetFigures, err)
	}
	if err := b.models(); err != nil {
		return fmt.Errorf("write %s: %w", SheetModels, err)
	}
	sheets := []string{SheetGuide, SheetInfo, SheetFigures, SheetModels}
	if b.r.Coverage != nil {
		if err := b.writeCoverage(); err != nil {
			return fmt.Errorf("write %s: %w", SheetCoverage, err)
		}
		sheets = append(sheets, SheetCoverage)
	}
	for _, sh := range []struct {
		name      string
		landscape bool
	}{{SheetInfo, true}, {SheetFigures, false}, {SheetModels, true}} {
		if err := xlsxwrite.FitPage(b.f, sh.name, sh.landscape); err != nil {
			return err
		}
	}
	if !protect {
		return nil
	}
	for _, sh := range sheets {
		if err := b.f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}); err != nil {
			return err
		}
	}
	return nil
}

// exampleYear is the year the hints of a template without a period give as an example.
const exampleYear = 2025

// hintYear is the year the template's hints and examples use: its own period's.
func (b *returnBuilder) hintYear() int {
	if y := b.r.Period.Year; y != 0 {
		return y
	}
	return exampleYear
}

// dueText is the due date as the template prints it ("15/12/2025"), or "".
func (b *returnBuilder) dueText() string {
	if b.due.IsZero() {
		return ""
	}
	return b.due.Format("02/01/2006")
}

// guideLines is the guide sheet's text, with the template's own year in its examples and the due
// date when the roster gives one.
func (b *returnBuilder) guideLines() []string {
	y := b.hintYear()
	send := tplGuideSend
	if d := b.dueText(); d != "" {
		send = fmt.Sprintf(tplGuideSendBy, d)
	}
	lines := append([]string{tplGuideHeading, "", fmt.Sprintf(tplGuidePeriods, y)}, tplGuideRules...)
	return append(lines, send)
}

func (b *returnBuilder) guide() error {
	f := b.f
	guideLines := b.guideLines()
	// 88 characters wide: the width of a portrait A4 page less its margins.
	if err := f.SetColWidth(SheetGuide, "A", "A", 88); err != nil {
		return err
	}
	for i, line := range guideLines {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellStr(SheetGuide, cell, line); err != nil {
			return err
		}
		lines := 1 + len([]rune(line))/90
		if err := f.SetRowHeight(SheetGuide, i+1, 2+15*float64(lines)); err != nil {
			return err
		}
	}
	if err := xlsxwrite.FitOnePage(f, SheetGuide, false); err != nil {
		return err
	}
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 11}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetGuide, "A2", fmt.Sprintf("A%d", len(guideLines)), style); err != nil {
		return err
	}
	if err := f.SetSheetDimension(SheetGuide, fmt.Sprintf("A1:A%d", len(guideLines))); err != nil {
		return err
	}
	return f.SetCellStyle(SheetGuide, "A1", "A1", b.styles.title)
}

type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (w *sheetWriter) set(col, row int, v any, style int) {
	if w.err != nil {
		return
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err == nil {
		err = w.f.SetCellValue(w.sheet, cell, v)
	}
	if err == nil && style != 0 {
		err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
	w.err = err
}

// richText sets a cell to text as one run of rich text in the template's font.
func (w *sheetWriter) richText(col, row int, text string, style int) {
	if w.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	w.err = w.f.SetCellRichText(w.sheet, cell, []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Family: "Times New Roman", Size: 11}}})
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
}

func (w *sheetWriter) formula(col, row int, formula string, style int) {
	if w.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	if w.err = w.f.SetCellFormula(w.sheet, cell, formula); w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
}

func (w *sheetWriter) widths(widths ...float64) {
	for i, width := range widths {
		if w.err != nil {
			return
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.err = w.f.SetColWidth(w.sheet, col, col, width)
	}
}

// dimension records the used range, which some readers (openpyxl's read-only mode) rely on.
func (w *sheetWriter) dimension(lastCol string, lastRow int) {
	if w.err == nil {
		w.err = w.f.SetSheetDimension(w.sheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow))
	}
}

func (w *sheetWriter) validate(dv *excelize.DataValidation) {
	if w.err == nil {
		w.err = w.f.AddDataValidation(w.sheet, dv)
	}
}

// sheet adds a sheet with its title in A1 and its column headers in row 3.
func (b *returnBuilder) sheet(name, title string, widths []float64, headers ...string) (*sheetWriter, error) {
	if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	w := &sheetWriter{f: b.f, sheet: name}
	w.widths(widths...)
	w.set(1, 1, title, b.styles.title)
	for i, h := range headers {
		w.set(i+1, 3, h, b.styles.header)
	}
	return w, w.err
}

func (b *returnBuilder) info(opts TemplateOptions) error {
	w, err := b.sheet(SheetInfo, tplInfoHeading, []float64{16, 30, 36, 56, 3, 18}, tplInfoColumns...)
	if err != nil {
		return err
	}
	// The level drop-down lists short words (Tỉnh, Xã) from a range of the sheet, under a heading
	// in column F: a list typed into the validation itself would hold codes or long names.
	// The words are rich text, each a shared string of its own: the level cell's plain "Xã" is
	// then not shared with the list's, and a stamped template stays the built one byte for byte.
	w.set(levelListCol, 3, tplLevels, b.styles.header)
	for i, l := range b.cat.Levels {
		w.richText(levelListCol, 4+i, levelWord(l), b.styles.label)
	}
	levelRange := fmt.Sprintf("$F$4:$F$%d", 3+len(b.cat.Levels))
	u := b.r.Unit
	y := b.hintYear()
	example := fmt.Sprintf("15/12/%d", y)
	if b.r.Period.FirstHalf {
		example = fmt.Sprintf("15/06/%d", y)
	}
	dateNote := fmt.Sprintf(tplDateNote, example)
	if d := b.dueText(); d != "" {
		dateNote = fmt.Sprintf(tplDateNoteDue, d, example)
	}
	rows := []struct {
		key, label string
		value      any
		note       string
	}{
		{keyUnit, tplUnit, u.Code, tplUnitNote},
		{keyName, tplName, u.Name, tplNameNote},
		{keyLevel, tplLevel, levelShown(b.cat, u.Level), tplLevelNote},
		{keyParent, tplParent, u.Parent, tplParentNote},
		{keyPeriod, tplPeriod, b.r.Period.String(), fmt.Sprintf(tplPeriodNote, y)},
		{keyDate, tplDate, b.r.ReportDate, dateNote},
		{keyPreparer, tplPreparer, b.r.Preparer, ""},
		{keyVersion, tplVersion, b.cat.Version, tplVersionNote},
	}
	if opts.Tool != "" {
		rows[len(rows)-1].note = fmt.Sprintf(tplVersionNoteBy, opts.Tool)
	}
	for i, row := range rows {
		r := 4 + i
		w.set(1, r, row.key, b.styles.locked)
		w.set(2, r, row.label, b.styles.label)
		style := b.styles.inputText
		if row.key == keyVersion {
			style = b.styles.label
		}
		if s, ok := row.value.(string); ok && s == "" {
			w.set(3, r, nil, style)
		} else {
			w.set(3, r, row.value, style)
		}
		w.set(4, r, row.note, b.styles.locked)
		switch row.key {
		case keyLevel:
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("C%d", r))
			dv.SetSqrefDropList(levelRange)
			dv.SetError(excelize.DataValidationErrorStyleStop, tplBadLevel, tplBadLevelHelp)
			w.validate(dv)
		case keyPeriod:
			first, last := opts.FirstYear, opts.LastYear
			if first == 0 {
				first, last = 2023, 2030
				if y := b.r.Period.Year; y != 0 {
					first, last = y-1, y+4
				}
			}
			var periods []string
			for y := first; y <= last; y++ {
				periods = append(periods, strconv.Itoa(y), strconv.Itoa(y)+"-H1")
			}
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(fmt.Sprintf("C%d", r))
			_ = dv.SetDropList(periods)
			dv.SetError(excelize.DataValidationErrorStyleStop, tplBadPeriod, fmt.Sprintf(tplBadPeriodHelp, y))
			w.validate(dv)
		}
	}
	w.dimension("F", 3+max(len(rows), len(b.cat.Levels)))
	if w.err == nil {
		w.err = b.f.SetPanes(SheetInfo, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	return w.err
}

// levelListCol is the column of the information sheet that lists the levels for the drop-down.
const levelListCol = 6

// levelWord is the word a template shows for a level: its short name, else its name.
func levelWord(l Level) string {
	if l.Short != "" {
		return l.Short
	}
	return l.Vi
}

// levelShown is what the level cell of a return holds for a level code: the level's word when
// the code is known (the reader takes words and codes alike), else the text as given.
func levelShown(cat *Catalogue, code string) string {
	if l, ok := cat.Level(code); ok {
		return levelWord(l)
	}
	return code
}

func wholeNumberValidation(sqref string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	_ = dv.SetRange(0, 999999999999999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	dv.SetError(excelize.DataValidationErrorStyleStop, tplBadFigure, tplBadFigureHelp)
	return dv
}

func (b *returnBuilder) value(fig *Figure) any {
	if v := b.r.Value(fig); v.OK {
		return v.N
	}
	return nil
}

func (b *returnBuilder) figures() error {
	w, err := b.sheet(SheetFigures, tplFiguresHeading, []float64{22, 60, 14, 20}, tplFiguresColumns...)
	if err != nil {
		return err
	}
	row := 4
	first := 0
	for _, s := range b.cat.Sections {
		w.set(1, row, nil, b.styles.section)
		w.set(2, row, s.Vi, b.styles.section)
		w.set(3, row, nil, b.styles.section)
		w.set(4, row, nil, b.styles.section)
		row++
		if first == 0 {
			first = row
		}
		for _, fig := range s.Figures {
			w.set(1, row, fig.Code, b.styles.locked)
			w.set(2, row, fig.Vi, b.styles.label)
			w.set(3, row, fig.Unit(lang.Vi), b.styles.label)
			w.set(4, row, b.value(fig), b.styles.input)
			row++
		}
	}
	w.validate(wholeNumberValidation(fmt.Sprintf("D%d:D%d", first, row-1)))
	w.dimension("D", row-1)
	if w.err == nil {
		w.err = b.f.SetPanes(SheetFigures, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	return w.err
}

func (b *returnBuilder) models() error {
	w, err := b.sheet(SheetModels, tplModelsHeading, []float64{18, 46, 14, 14, 14, 12, 12, 12}, tplModelsColumns...)
	if err != nil {
		return err
	}
	row := 4
	for _, g := range b.cat.Models {
		w.set(1, row, g.Code, b.styles.locked)
		w.set(2, row, g.Vi, b.styles.label)
		for i, part := range g.Parts {
			w.set(3+i, row, b.value(part), b.styles.input)
		}
		b.rate(w, 6, row, g.Code+".ty_le", fmt.Sprintf(`IF(AND(ISNUMBER(C%[1]d),ISNUMBER(E%[1]d),N(C%[1]d)>0),E%[1]d/C%[1]d,"")`, row))
		b.rate(w, 7, row, g.Code+".ty_le_dang_ky", fmt.Sprintf(`IF(AND(ISNUMBER(C%[1]d),ISNUMBER(D%[1]d),N(C%[1]d)>0),D%[1]d/C%[1]d,"")`, row))
		b.rate(w, 8, row, g.Code+".ty_le_dat", fmt.Sprintf(`IF(AND(ISNUMBER(D%[1]d),ISNUMBER(E%[1]d),N(D%[1]d)>0),E%[1]d/D%[1]d,"")`, row))
		row++
	}
	w.validate(wholeNumberValidation(fmt.Sprintf("C4:E%d", row-1)))
	w.dimension("H", row-1)
	if w.err == nil {
		w.err = b.f.SetPanes(SheetModels, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	}
	return w.err
}

// TemplateStamp is the template of one period built once, to be written for many units: a
// roster's worth of pre-filled templates takes seconds instead of building each workbook anew.
type TemplateStamp struct {
	cat   *Catalogue
	opts  TemplateOptions
	stamp *xlsxwrite.Stamp
}

// NewTemplateStamp builds the template of opts.Period with markers where the unit's code, name,
// level and parent go.
func NewTemplateStamp(cat *Catalogue, opts TemplateOptions) (*TemplateStamp, error) {
	t := &TemplateStamp{cat: cat, opts: opts}
	opts.Unit = Unit{Code: xlsxwrite.Marker(keyUnit), Name: xlsxwrite.Marker(keyName), Level: xlsxwrite.Marker(keyLevel), Parent: xlsxwrite.Marker(keyParent)}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, opts); err != nil {
		return nil, err
	}
	s, err := xlsxwrite.NewStamp(buf.Bytes())
	if err != nil {
		return nil, err
	}
	t.stamp = s
	return t, nil
}

// Write writes the template pre-filled for the unit: the same workbook, byte for byte, as
// WriteTemplate writes for it.
func (t *TemplateStamp) Write(w io.Writer, u Unit) error {
	if u.Code == "" || u.Name == "" || u.Level == "" || u.Parent == "" {
		// A blank field is no cell at all in a template, not an empty one: build it.
		return WriteTemplate(w, t.cat, TemplateOptions{Unit: u, Period: t.opts.Period, FirstYear: t.opts.FirstYear, LastYear: t.opts.LastYear, Due: t.opts.Due, Tool: t.opts.Tool})
	}
	return t.stamp.Write(w, map[string]string{keyUnit: u.Code, keyName: u.Name, keyLevel: levelShown(t.cat, u.Level), keyParent: u.Parent})
}
