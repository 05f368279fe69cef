package rollup

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

func TestPredecessorsAreChecked(t *testing.T) {
	head := "don_vi:\n  - {ma: \"VN\", ten: \"Việt Nam\"}\n"
	tests := []struct {
		name, units, want string
	}{
		{"whole twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: ["02"]}`,
			"danh-sach.yaml:4: tiền thân 02 được nhận toàn bộ bởi hai đơn vị, 08 và 10; nếu mỗi đơn vị nhận một phần, hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) ở cả hai"},
		{"whole and shared", `  - {ma: "08", cap_tren: "VN", tien_than: ["02"]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 30%}]}`,
			"danh-sach.yaml:4: tiền thân 02 được 08 nhận toàn bộ nhưng cũng được chia cho 10; hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) của nó ở 08"},
		{"shares over 100%", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: 60%}]}` + "\n" + `  - {ma: "10", cap_tren: "VN", tien_than: [{ma: "02125", ty_le: "50,5%"}]}`,
			"danh-sach.yaml:4: các tỷ lệ của tiền thân 02125 cộng lại 110,50%, quá 100% (08, 10)"},
		{"listed twice", `  - {ma: "08", cap_tren: "VN", tien_than: ["02", " 02 "]}`, "danh-sach.yaml:3: đơn vị 08: tiền thân 02 được ghi hai lần"},
		{"no code", `  - {ma: "08", cap_tren: "VN", tien_than: [{ten: "Bãi bồi", mot_phan: true}]}`,
			"danh-sach.yaml:3: đơn vị 08: một tiền thân không có ma (mã); hãy ghi mã của đơn vị cũ, hoặc bỏ tiền thân này nếu nó không phải một đơn vị"},
		{"share not a percentage", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", ty_le: 0.4}]}`,
			"danh-sach.yaml:3: tien_than 02: ty_le «0.4»: hãy ghi một tỷ lệ phần trăm trên 0% và không quá 100%, như 40%"},
		{"unknown key", `  - {ma: "08", cap_tren: "VN", tien_than: [{ma: "02", tyle: 40%}]}`,
			"danh-sach.yaml:3: tien_than: không có trường «tyle» (các trường: ma, ten, mot_phan, ty_le)"},
		{"not a mapping", `  - {ma: "08", cap_tren: "VN", tien_than: [[02]]}`, "danh-sach.yaml:3: tien_than: hãy ghi một mã hoặc {ma: …, ty_le: …}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRoster(strings.NewReader(head + tt.units + "\n"))
			var se *strictyaml.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v, want a *strictyaml.Error with its line", err)
			}
			if got := se.In("danh-sach.yaml").Message(lang.Vi); got != tt.want {
				t.Errorf("error\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestEveryPresetLoads: every built-in roster, for every province, is one that the roster's
// checker accepts as written (issue: Hà Tĩnh's and Ninh Bình's maps were refused).
func TestEveryPresetLoads(t *testing.T) {
	check := func(name, province string) {
		t.Helper()
		ro, err := FromPreset(name, province)
		if err != nil {
			t.Fatalf("%s %s: %v", name, province, err)
		}
		var buf bytes.Buffer
		if err := WriteRoster(&buf, []string{"test"}, ro); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseRoster(&buf); err != nil {
			t.Errorf("%s %s: %v", name, province, err)
		}
	}
	check("tinh-2025", "")
	check("tinh-2024", "")
	ro, _ := FromPreset("tinh-2025", "")
	if len(ro.Units) != 35 {
		t.Fatalf("tinh-2025: %d units", len(ro.Units))
	}
	for _, u := range ro.Units[1:] {
		check("xa-2025", u.Code)
		check("xa-2024", u.Code)
	}
}

// A preset written as YAML reads back as the same roster, predecessors and all; codes stay strings.
func TestPresetRosterReadsBack(t *testing.T) {
	for _, p := range []struct{ name, province string }{{"tinh-2025", ""}, {"tinh-2024", ""}, {"xa-2025", "08"}, {"xa-2025", "42"}, {"xa-2024", "42"}} {
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
