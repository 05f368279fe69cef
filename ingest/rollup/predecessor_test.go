package rollup

import (
	"bytes"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func TestPredecessorsAreChecked(t *testing.T) {
	head := "don_vi:\n  - {ma: \"VN\", ten: \"Việt Nam\"}\n"
	tests := []struct {
		name, units, want string
	}{
		{"whole twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: ["02"]}`,
			"tiền thân 02 được nhận toàn bộ bởi hai đơn vị, 08 và 10"},
		{"whole and shared", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 30%}]}`,
			"tiền thân 02 được 08 nhận toàn bộ nhưng cũng được chia cho 10"},
		{"shares over 100%", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: 60%}]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: "50,5%"}]}`,
			"các tỷ lệ của tiền thân 02125 cộng lại 110,50%, quá 100% (08, 10)"},
		{"listed twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02", " 02 "]}`, "đơn vị 08: tiền thân 02 được ghi hai lần"},
		{"share not a percentage", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 0.4}]}`, "want a percentage such as 40%"},
		{"unknown key", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", tyle: 40%}]}`, "field tyle not known"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRoster(strings.NewReader(head + tt.units + "\n"))
			if err == nil {
				t.Fatal("accepted")
			}
			msg := err.Error()
			if le, ok := err.(*lang.Error); ok {
				msg = le.Message(lang.Vi)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q, want it to say %q", msg, tt.want)
			}
		})
	}
}

// A preset written as YAML reads back as the same roster, predecessors and all; codes stay strings.
func TestPresetRosterReadsBack(t *testing.T) {
	for _, p := range []struct{ name, province string }{{"tinh-2025", ""}, {"tinh-2024", ""}, {"xa-2025", "08"}} {
		ro, err := FromPreset(p.name, p.province)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteRoster(&buf, []string{"test"}, ro); err != nil {
			t.Fatal(err)
		}
		back, err := ParseRoster(&buf)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if len(back.Units) != len(ro.Units) || len(back.Predecessors) != len(ro.Predecessors) {
			t.Fatalf("%s: %d units, %d with predecessors; want %d, %d", p.name, len(back.Units), len(back.Predecessors), len(ro.Units), len(ro.Predecessors))
		}
		for code, preds := range ro.Predecessors {
			got := back.Predecessors[code]
			if len(got) != len(preds) {
				t.Fatalf("%s %s: %d predecessors, want %d", p.name, code, len(got), len(preds))
			}
			for i := range preds {
				if got[i] != preds[i] {
					t.Errorf("%s %s: predecessor %+v, want %+v", p.name, code, got[i], preds[i])
				}
			}
		}
	}
	ro, _ := FromPreset("tinh-2025", "")
	if n := len(ro.Units); n != 35 {
		t.Errorf("tinh-2025 has %d units, want the root and 34 provinces", n)
	}
	tq := ro.Predecessors["08"]
	if len(tq) != 2 || tq[0].Code != "02" || tq[1].Code != "08" {
		t.Errorf("Tuyên Quang's predecessors = %+v, want Hà Giang (02) and Tuyên Quang (08)", tq)
	}
}
