package rollup

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

func TestParseRosterRefuses(t *testing.T) {
	tests := []struct {
		name, yaml string
		vi, en     string
	}{
		{"unknown key", "don_vi:\n  - {ma: \"1\", tne: A}\n",
			"2: khoá «tne» không có — có phải ten?", "2: unknown key «tne» — did you mean ten?"},
		{"wrong type", "don_vi:\n  ma: \"1\"\n",
			"2: ở đây cần một danh sách, không phải một bảng khoá: giá trị", "2: a list is wanted here, not a mapping of keys to values"},
		{"list for a value", "don_vi:\n  - ma: [\"1\"]\n",
			"2: ở đây cần một giá trị, không phải một danh sách", "2: a single value is wanted here, not a list"},
		{"duplicate key", "don_vi:\n  - {ma: \"1\", ma: \"2\"}\n",
			"2: khoá «ma» viết hai lần (lần đầu ở dòng 2); hãy giữ một", "2: key «ma» is written twice (first on line 2); keep one"},
		{"second document", "don_vi: []\n---\ndon_vi: []\n",
			"2: tệp chỉ được có một tài liệu YAML", "2: the file must hold one YAML document"},
		{"path in a code", "don_vi:\n  - {ma: \"a/../x\"}\n",
			"2: mã «a/../x» có ký tự «/»", "2: code «a/../x» has the character «/»"},
		{"dots for a code", "don_vi:\n  - {ma: \"..\"}\n",
			"2: mã «..» phải bắt đầu bằng chữ cái hoặc chữ số", "2: code «..» must begin with a letter or a digit"},
		{"control character", "don_vi:\n  - {ma: \"a\\tb\"}\n",
			"mã «aU+0009b» có ký tự «U+0009»", "code «aU+0009b» has the character «U+0009»"},
		{"long code", "don_vi:\n  - {ma: \"" + strings.Repeat("a", 65) + "\"}\n",
			"dài quá 64 ký tự", "longer than 64 characters"},
		{"long value quoted cut", "don_vi:\n  - {ma: \"1\", cap_tren: \"" + strings.Repeat("b", 200) + "\"}\n",
			"cấp trên «" + strings.Repeat("b", 80) + "…» không có", "parent «" + strings.Repeat("b", 80) + "…» is not"},
		{"parent typo", "don_vi:\n  - {ma: \"449\"}\n  - {ma: \"1\", cap_tren: \"4490\"}\n",
			"3: đơn vị 1: cấp trên «4490» không có trong danh sách — có phải 449?", "3: unit 1: parent «4490» is not in the roster — did you mean 449?"},
		{"member twice", "don_vi:\n  - {ma: \"1\"}\ncum:\n  - {ma: a, thanh_vien: [\"1\", \"1\"]}\n",
			"4: cụm a: thành viên 1 được ghi hai lần", "4: cluster a: member 1 is listed twice"},
		{"cycle", "don_vi:\n  - {ma: \"1\", cap_tren: \"2\"}\n  - {ma: \"2\", cap_tren: \"1\"}\n",
			"các cấp trên tạo thành vòng lặp: 1 → 2 → 1", "parents go round in a cycle: 1 → 2 → 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRoster(strings.NewReader(tt.yaml))
			var se *strictyaml.Error
			if !errors.As(err, &se) {
				t.Fatalf("ParseRoster = %v, want a *strictyaml.Error", err)
			}
			if vi := se.Message(lang.Vi); !strings.Contains(vi, tt.vi) {
				t.Errorf("vi = %q, want %q", vi, tt.vi)
			}
			if en := se.Message(lang.En); !strings.Contains(en, tt.en) || strings.Contains(en, "ingest.") || strings.Contains(en, "rollup.") {
				t.Errorf("en = %q, want %q", en, tt.en)
			}
		})
	}
}

// A 20,000-deep chain of parents is accepted (the check walks each chain once; its speed is
// BenchmarkParseRosterDeepChain's, not a wall-clock bound that a busy machine would break).
func TestParseRosterDeepChain(t *testing.T) {
	const n = 20000
	ro, err := ParseRoster(strings.NewReader(deepChain(n)))
	if err != nil {
		t.Fatal(err)
	}
	if len(ro.Units) != n {
		t.Fatalf("%d units", len(ro.Units))
	}
}

func BenchmarkParseRosterDeepChain(b *testing.B) {
	src := deepChain(20000)
	for b.Loop() {
		if _, err := ParseRoster(strings.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}

// deepChain is a roster of n units, each the parent of the next.
func deepChain(n int) string {
	var b strings.Builder
	b.WriteString("don_vi:\n  - {ma: \"u0\"}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {ma: \"u%d\", cap_tren: \"u%d\"}\n", i, i-1)
	}
	return b.String()
}
