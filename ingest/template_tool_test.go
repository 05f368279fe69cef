package ingest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The template says which build of the tool made it, beside the template version; the reader
// pays it no attention.
func TestTemplateNamesTheTool(t *testing.T) {
	cat := DefaultCatalogue()
	opts := TemplateOptions{Unit: Unit{Code: "447", Name: "Hội Khuyến học huyện Kỳ Anh", Level: "huyen", Parent: "42"},
		Period: Period{Year: 2024}, Tool: "khuyenhoc 1.2.0 (1e71820abcde)"}
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, cat, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(SheetInfo)
	if err != nil {
		t.Fatal(err)
	}
	var note string
	for _, r := range rows {
		if len(r) > 3 && r[0] == keyVersion {
			note = r[3]
		}
	}
	if want := "Không sửa. Mẫu do khuyenhoc 1.2.0 (1e71820abcde) tạo"; note != want {
		t.Errorf("note beside the template version = %q, want %q", note, want)
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(props.Description, ", tạo bởi khuyenhoc 1.2.0 (1e71820abcde)") {
		t.Errorf("description = %q, want the tool named", props.Description)
	}
	if err := f.SetCellInt(SheetFigures, "D6", 31); err != nil {
		t.Fatal(err)
	}
	filled, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	r, problems := Read("t.xlsx", filled.Bytes(), cat)
	if r == nil || len(problems) != 0 {
		t.Errorf("a template naming the tool read with problems %v", problems)
	}
	st, err := NewTemplateStamp(cat, TemplateOptions{Period: opts.Period, Tool: opts.Tool})
	if err != nil {
		t.Fatal(err)
	}
	var stamped bytes.Buffer
	if err := st.Write(&stamped, opts.Unit); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stamped.Bytes(), buf.Bytes()) {
		t.Error("the stamped template naming the tool differs from the built one")
	}
}
