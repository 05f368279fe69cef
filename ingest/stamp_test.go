package ingest

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

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
