package ingest

import (
	"bytes"
	"slices"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/xuri/excelize/v2"
)

// The template's level drop-down lists short Vietnamese words from a range of the information
// sheet, and a unit's level is written as its word.
func TestTemplateLevelDropDownShowsWords(t *testing.T) {
	cat := DefaultCatalogue()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, TemplateOptions{Unit: Unit{Code: "18208", Name: "Xã Kỳ Phú", Level: "xa", Parent: "447"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(SheetInfo, "C6"); v != "Xã" {
		t.Errorf("the level cell holds %q, want Xã", v)
	}
	var words []string
	for i := range cat.Levels {
		v, _ := f.GetCellValue(SheetInfo, "F"+string(rune('4'+i)))
		words = append(words, v)
	}
	want := []string{"Trung ương", "Tỉnh", "Huyện", "Xã", "Chi hội", "Ban khuyến học"}
	for i := range want {
		if i >= len(words) || words[i] != want[i] {
			t.Fatalf("the level list is %q, want %q", words, want)
		}
	}
	dvs, err := f.GetDataValidations(SheetInfo)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, dv := range dvs {
		if dv.Sqref == "C6" {
			found = true
			if dv.Type != "list" || dv.Formula1 != "$F$4:$F$9" {
				t.Errorf("the level drop-down is %s %q, want a list from $F$4:$F$9", dv.Type, dv.Formula1)
			}
		}
	}
	if !found {
		t.Error("the level cell has no drop-down")
	}
}

// The reader takes a level as its word, its code or its full name.
func TestReaderAcceptsLevelWordsAndCodes(t *testing.T) {
	cat := DefaultCatalogue()
	r := NewReturn(cat, Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"}, Period{Year: 2024})
	r.Set(cat.Raw[0], 5)
	var buf bytes.Buffer
	if err := WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ typed, want string }{
		{"Huyện", "huyen"}, {"huyện", "huyen"}, {"huyen", "huyen"}, {"Tỉnh", "tinh"}, {"Xã", "xa"},
		{"Trung ương", "trung_uong"}, {"Tỉnh, thành phố", "tinh"}, {"Chi hội", "chi_hoi"}, {"District", "huyen"},
	} {
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStr(SheetInfo, "C6", tc.typed); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := f.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		f.Close()
		got, problems := Read("r.xlsx", out.Bytes(), cat)
		if len(problems) > 0 {
			t.Errorf("%q: %v", tc.typed, problems)
			continue
		}
		if got.Unit.Level != tc.want {
			t.Errorf("%q read as level %q, want %q", tc.typed, got.Unit.Level, tc.want)
		}
	}
}

// The template's instructions print on one portrait A4 page: a column no wider than the page,
// fitted to one page across and down.
func TestTemplateGuideFitsOneA4Page(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, DefaultCatalogue(), TemplateOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pl, err := f.GetPageLayout(SheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "portrait" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 1 {
		t.Errorf("the guide does not print on one portrait A4 page: %+v", pl)
	}
	w, err := f.GetColWidth(SheetGuide, "A")
	if err != nil {
		t.Fatal(err)
	}
	if mm := (7*w + 5) * 25.4 / 96; mm > 210-2*17.8 {
		t.Errorf("the guide's column is %.0f mm wide, wider than a portrait A4 page", mm)
	}
	if font, _ := f.GetDefaultFont(); font != "Times New Roman" {
		t.Errorf("the default font is %q: column widths would count characters of another font than the cells'", font)
	}
}

// Each sheet of the template declares the range its cells fill.
func TestTemplateDimensionsMatchTheData(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, DefaultCatalogue(), TemplateOptions{Unit: Unit{Code: "447", Name: "Kỳ Anh", Level: "huyen", Parent: "42"}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	testtool.CheckDimensions(t, f)
}

// A stamped template is the template WriteTemplate writes for the unit, byte for byte; a unit
// with a blank field is built, not stamped, so that the field is no cell at all.
func TestTemplateStampIsTheTemplate(t *testing.T) {
	cat := DefaultCatalogue()
	opts := TemplateOptions{Period: Period{Year: 2024, FirstHalf: true}}
	st, err := NewTemplateStamp(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []Unit{
		{Code: "18208", Name: "Hội Khuyến học xã Kỳ Phú <&> \"số 2\"", Level: "xa", Parent: "447"},
		{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"},
		{Code: "42", Name: "Hội Khuyến học tỉnh Hà Tĩnh", Level: "tinh"},
	} {
		var stamped, built bytes.Buffer
		if err := st.Write(&stamped, u); err != nil {
			t.Fatal(err)
		}
		o := opts
		o.Unit = u
		if err := WriteTemplate(&built, cat, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(stamped.Bytes(), built.Bytes()) {
			t.Errorf("%s: the stamped template differs from the built one", u.Code)
		}
		// A blank template is refused as a return (empty_return): fill in one figure to read it.
		if _, problems := Read("t.xlsx", stamped.Bytes(), cat); len(problems) != 1 || problems[0].Code != CodeEmptyReturn || problems[0].Unit != u.Code {
			t.Errorf("%s: a blank template read as %v, want one empty_return error", u.Code, problems)
		}
		f, err := excelize.OpenReader(bytes.NewReader(stamped.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellInt(SheetFigures, "D6", 31); err != nil {
			t.Fatal(err)
		}
		filled, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		r, problems := Read("t.xlsx", filled.Bytes(), cat)
		if r == nil {
			t.Fatalf("%s: %v", u.Code, problems)
		}
		if r.Unit != u || r.Period != opts.Period {
			t.Errorf("read back %+v %v, want %+v %v", r.Unit, r.Period, u, opts.Period)
		}
	}
}

// BenchmarkTemplateStamp writes one unit's pre-filled template from the stamp (template --roster
// writes one of these per unit).
func BenchmarkTemplateStamp(b *testing.B) {
	cat := DefaultCatalogue()
	st, err := NewTemplateStamp(cat, TemplateOptions{Period: Period{Year: 2024}})
	if err != nil {
		b.Fatal(err)
	}
	u := Unit{Code: "18208", Name: "Hội Khuyến học xã Kỳ Phú", Level: "xa", Parent: "447"}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := st.Write(&buf, u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTemplateBuild builds the same template from scratch, as each unit's was built before.
func BenchmarkTemplateBuild(b *testing.B) {
	cat := DefaultCatalogue()
	opts := TemplateOptions{Period: Period{Year: 2024}, Unit: Unit{Code: "18208", Name: "Hội Khuyến học xã Kỳ Phú", Level: "xa", Parent: "447"}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteTemplate(&buf, cat, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// The reader's messages name a column as the template writes its header.
func TestHeaderNamesAreTheTemplates(t *testing.T) {
	for key, name := range headerNames {
		if !slices.Contains(tplFiguresColumns, name) && !slices.Contains(tplModelsColumns, name) {
			t.Errorf("column %s is «%s» in messages, a header the template does not write", key, name)
		}
	}
}
