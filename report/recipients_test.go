package report

import (
	"reflect"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func TestRecipientLines(t *testing.T) {
	tests := []struct {
		name string
		l    lang.Lang
		in   []string
		want []string
	}{
		{"bare lines get dash, semicolons, a full stop and the office's copy", lang.Vi,
			[]string{"Trung ương Hội (để b/c)", "Các huyện, thị xã"},
			[]string{"- Trung ương Hội (để b/c);", "- Các huyện, thị xã;", "- Lưu: VT."}},
		{"typed dashes and punctuation are kept, never doubled", lang.Vi,
			[]string{"- Trung ương Hội (để b/c);", "- Lưu: VT, HKH."},
			[]string{"- Trung ương Hội (để b/c);", "- Lưu: VT, HKH."}},
		{"a dash without its space, an en dash, a sub-item", lang.Vi,
			[]string{"-Tỉnh Hội;", "– Các xã", "+ Xã A", "Lưu VP"},
			[]string{"- Tỉnh Hội;", "- Các xã;", "+ Xã A;", "- Lưu VP."}},
		{"a full stop in the middle becomes a semicolon, a semicolon at the end a full stop", lang.Vi,
			[]string{"- Tỉnh Hội.", "- Lưu: VT;"},
			[]string{"- Tỉnh Hội;", "- Lưu: VT."}},
		{"an abbreviation keeps its dot", lang.Vi,
			[]string{"- Các ban, ngành, v.v.", "- Lưu: VT."},
			[]string{"- Các ban, ngành, v.v.;", "- Lưu: VT."}},
		{"empty and dash-only lines are dropped", lang.Vi,
			[]string{"", " - ", "Tỉnh Hội"},
			[]string{"- Tỉnh Hội;", "- Lưu: VT."}},
		{"English adds no office copy", lang.En,
			[]string{"The association above", "File"},
			[]string{"- The association above;", "- File."}},
		{"nothing typed: the office's copy alone", lang.Vi, nil, []string{"- Lưu: VT."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RecipientLines(tt.l, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("RecipientLines(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
