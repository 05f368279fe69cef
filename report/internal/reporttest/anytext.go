package reporttest

import (
	"reflect"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// AnyTextSeeds are texts that crashed or hung the writers once: emoji and bytes that are not
// UTF-8 in the signer, the number, the recipients, the signer's title, the place, the notes, a
// roster unit's name, a return's unit name.
var AnyTextSeeds = [][2]string{
	{"Nguyễn Văn A 😀", "12/BC-KH"},
	{"Nguyễn \xff Văn A", "Hà Giang"},
	{"😀", "\xff"},
	{"Xã 😀 Một", "Hội Khuyến học xã \xc3"},
	{"TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", "\t\r\x00\x07"},
	{"\ufffd\u2028\u00ad\u200b\ufeff", "ﷺ𝕏ǅß"},
	{"", " "},
	{"a very long word without any space that is wider than a line of the page " + string(make([]byte, 300)), "🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳🇻🇳"},
}

// AnyTextDocument is a document with every kind of block, every text of which is a or b in turn:
// what a writer's fuzz test writes.
func AnyTextDocument(tb testing.TB, l lang.Lang, a, b string) *report.Document {
	tb.Helper()
	doc := &report.Document{
		Lang: l, Date: time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC),
		Header: report.Header{Title: []string{"", ""}},
		Blocks: []report.Block{
			&report.Heading{Level: 1, Number: "I"},
			&report.Paragraph{Runs: []report.Run{{}, {Bold: true, Figure: "x"}, {Italic: true}, {Bold: true, Italic: true}}},
			&report.Heading{Level: 2},
			&report.List{Items: [][]report.Run{{{}, {Bold: true}}, {{}}}},
			&report.Paragraph{Style: report.Note, Runs: []report.Run{{}}},
			&report.Table{
				Columns: []report.Column{{Width: 60, Align: report.Left}, {Width: 57, Align: report.Right}, {Width: 50, Align: report.Center}},
				Rows: []report.Row{{Cells: []string{"", "", ""}}, {Cells: []string{"", "", ""}, Style: report.Total},
					{Cells: []string{"", "", ""}, Style: report.Met}, {Cells: []string{"", "", ""}, Style: report.Missed}},
			},
			&report.Chart{Bars: []report.Bar{{Actual: 0.7, Target: 0.65, Met: true}, {Actual: 0.4, Target: 0.8}}},
			&report.PageBreak{},
			&report.Heading{Level: 0},
			&report.Paragraph{Style: report.Caption, Runs: []report.Run{{}}},
			&report.Paragraph{Runs: []report.Run{{}, {}}},
			&report.Signature{To: []string{"", ""}, Signer: []string{"", ""}},
		},
	}
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.CanSet() {
				v.SetString([]string{a, b}[n%2])
				n++
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				fill(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				fill(v.Index(i))
			}
		}
	}
	fill(reflect.ValueOf(doc).Elem())
	return doc
}
