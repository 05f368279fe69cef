package rollup

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
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
		{"level typo", "don_vi:\n  - {ma: \"1\"}\n  - {ma: \"2\", cap: xaa, cap_tren: \"1\"}\n",
			"3: đơn vị 2: không có cấp «xaa»; các cấp: trung_uong, tinh, huyen, xa, chi_hoi, ban — có phải xa?", "3: unit 2: there is no level «xaa»"},
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

// branchRoster is a roster down to the branch, as `make synthetic BRANCHES=…` writes one: a
// country, provinces, districts, communes and, under each commune, branches.
func branchRoster(communes, branches int) []byte {
	var b bytes.Buffer
	b.WriteString("# Danh sách đơn vị\nhan_nop: 2024-12-15\ndon_vi:\n  - {ma: \"VN\", ten: \"Hội Khuyến học Việt Nam\", cap: trung_uong}\n")
	provinces := max(1, min(60, communes/150))
	districts := max(1, min(12, communes/provinces/8))
	for i := range communes {
		p, d := i%provinces+1, (i/provinces)%districts+1
		if i < provinces {
			fmt.Fprintf(&b, "  - {ma: \"P%02d\", ten: \"Hội Khuyến học tỉnh số %d\", cap: tinh, cap_tren: \"VN\"}\n", p, p)
		}
		if i < provinces*districts {
			fmt.Fprintf(&b, "  - {ma: \"P%02d-D%02d\", ten: \"Hội Khuyến học huyện %d\", cap: huyen, cap_tren: \"P%02d\"}\n", p, d, d, p)
		}
		c := fmt.Sprintf("P%02d-D%02d-X%04d", p, d, i+1)
		fmt.Fprintf(&b, "  - {ma: %q, ten: \"Hội Khuyến học xã %d\", cap: xa, cap_tren: \"P%02d-D%02d\"}\n", c, i+1, p, d)
		for k, j := 0, i; j < branches; k, j = k+1, j+communes {
			fmt.Fprintf(&b, "  - {ma: \"%s-C%03d\", ten: \"Chi hội khuyến học thôn %d\", cap: chi_hoi, cap_tren: %q}\n", c, k+1, k+1, c)
		}
	}
	return b.Bytes()
}

// BenchmarkParseRoster decodes and checks a roster of 200,261 units (22 MB), down to the branch,
// and reports the bytes allocated per unit.
func BenchmarkParseRoster(b *testing.B) {
	data := branchRoster(3000, 197000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	units, runs := 0, 0
	for b.Loop() {
		ro, err := ParseRoster(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		units = len(ro.Units)
		runs++
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(runs*units), "B/unit")
}

// A roster read a piece at a time is the roster read whole: the same units, predecessors and
// lines, whatever the way its units are written; and a mistake anywhere is named as when read
// whole.
func TestRosterByPieces(t *testing.T) {
	var b strings.Builder
	b.WriteString("# đầu\r\nhan_nop: 2024-12-15\r\ndon_vi: # các đơn vị\r\n")
	for i := range 5000 {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "  - {ma: \"u%d\", ten: \"Hội Khuyến học xã %d\", cap: xa}\r\n", i, i)
		case 1:
			fmt.Fprintf(&b, "  - ma: %d\r\n    ten: 'Chi hội %d'\r\n\r\n    cap_tren: u%d\r\n", 100000+i, i, i-1)
		case 2:
			fmt.Fprintf(&b, "# chú thích\r\n  - {ma: u%d, tien_than: [\"a%d\", {ma: \"b%d\", ty_le: 40%%}], cap: ~}\r\n", i, i, i)
		case 3:
			fmt.Fprintf(&b, "  -\r\n    ma: !!str u%d\r\n    ten: >\r\n      Hội\r\n      xã %d\r\n", i, i)
		default:
			fmt.Fprintf(&b, "  - {ma: \"u%d\", ten: , cap_tren: \"u%d\"}\r\n", i, i-4)
		}
	}
	b.WriteString("cum:\r\n  - {ma: c1, ten: Cụm 1, thanh_vien: [u0, u5]}\r\n")
	data := []byte(b.String())
	y, top, ru, ok := decodeUnitsByPiece(data, true)
	if !ok {
		t.Fatal("not read by pieces")
	}
	var whole yamlRoster
	wtop, err := strictyaml.Decode(bytes.NewReader(data), &whole)
	if err != nil {
		t.Fatal(err)
	}
	units := make([]rosterUnit, len(ru.units))
	for i, u := range ru.units {
		units[i] = rosterUnit{Unit: u, Predecessors: ru.preds[i]}
	}
	if !reflect.DeepEqual(units, whole.Units) || y.Due != whole.Due || !reflect.DeepEqual(y.Clusters, whole.Clusters) {
		t.Error("read by pieces, the roster differs from the roster read whole")
	}
	if want := strictyaml.Lines(wtop, "don_vi"); !reflect.DeepEqual(ru.lines, want) {
		t.Errorf("lines by pieces differ from the lines read whole")
	}
	if line(top, "cum") != line(wtop, "cum") {
		t.Errorf("cum on line %d, want %d", line(top, "cum"), line(wtop, "cum"))
	}

	// Mistakes deep in the list, where a piece cannot be read alone, and written otherwise.
	unit := "  - {ma: \"u%d\"}\n"
	many := func(n int, tail string) string {
		var b strings.Builder
		b.WriteString("don_vi:\n")
		for i := range n {
			fmt.Fprintf(&b, unit, i)
		}
		return b.String() + tail
	}
	tests := []struct{ name, yaml, want string }{
		{"unknown key", many(4000, "  - {ma: x, tne: y}\n"), "4002: unknown key «tne» — did you mean ten?"},
		{"duplicate key", many(4000, "  - {ma: x, ma: y}\n"), "4002: key «ma» is written twice (first on line 4002)"},
		{"syntax", many(4000, "  - {ma: \"x}\n"), "invalid YAML"},
		{"anchor in another piece", "don_vi:\n  - {ma: &a x}\n" + many(4000, "  - {ma: y, cap_tren: *a}\n")[len("don_vi:\n"):], ""},
		{"quoted across pieces", many(2047, "  - {ma: x, ten: \"x\n  - y\"}\n"), ""},
		{"duplicate code", many(4000, "  - {ma: \"u3\"}\n"), "4002: unit u3 is listed twice (first on line 5)"},
		{"twice don_vi", many(4000, "don_vi: []\n"), "4002: key «don_vi» is written twice"},
		{"tab", many(4000, "\t- {ma: y}\n"), "invalid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRoster(strings.NewReader(tt.yaml))
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("ParseRoster = %v, want %q", err, tt.want)
			}
		})
	}
}

// A roster written as rosters are, in flow or block mappings, is read without the YAML library
// (strictyaml.FlatItems) in every piece, to the same roster as with it.
func TestRosterFlat(t *testing.T) {
	flow := branchRoster(30, 3000)
	block := regexp.MustCompile(`(?m)^  - \{(.*)\}$`).ReplaceAllStringFunc(string(flow), func(s string) string {
		return "  - " + strings.ReplaceAll(s[len("  - {"):len(s)-1], ", ", "\n    ")
	})
	for _, data := range [][]byte{flow, []byte(block)} {
		_, list, _ := bytes.Cut(data, []byte("don_vi:\n"))
		if !strictyaml.FlatItems(string(list), 4, func(int, []strictyaml.Field) bool { return true }) {
			t.Fatalf("FlatItems does not read the units of\n%.300s", list)
		}
		checkRosterFlat(t, data)
	}
}

// FuzzRosterFastPath holds the roster's reading without the YAML library to its contract: the
// same roster, or the same error, as the YAML library's reading.
func FuzzRosterFastPath(f *testing.F) {
	for _, units := range []string{
		"  - {ma: \"VN\", ten: \"Hội Khuyến học Việt Nam\", cap: trung_uong}\n  - {ma: \"P01\", ten: \"Hội Khuyến học tỉnh số 1\", cap: tinh, cap_tren: \"VN\"}\n",
		"  - {ma: \"P01-D01-X0001-C001\", ten: \"Chi hội khuyến học thôn 1\", cap: chi_hoi, cap_tren: \"P01-D01-X0001\"}\n  - {ma: P01-D01-X0001, cap: xa}\n",
		"  - ma: \"01\"\n    ten: 'Hội Khuyến học tỉnh Hà Giang'\n    cap: tinh\n  - ma: 0123\n    cap_tren: \"01\"\n",
		"  - {ma: \"1\", tne: A}\n", "  - {ma: \"1\", ma: \"2\"}\n", "  - {ma: \"a/../x\"}\n", "  - {ma: 1}\n  - {ma: \"1\"}\n",
		"  - {ma: \"1\"}\n  - {ma: \"2\", cap: xaa, cap_tren: \"1\"}\n", "  - {ma: \"..\"}\n", "  - {ma: \" a \"}\n  - {ma: b, cap_tren: 'a'}\n",
		"  - {ma: \"449\"}\n  - {ma: \"1\", cap_tren: \"4490\"}\n", "  - {ma: \"1\", cap_tren: \"2\"}\n  - {ma: \"2\", cap_tren: \"1\"}\n",
		"  - {ma: u1, tien_than: [\"a\", {ma: \"b\", ty_le: 40%}], cap: ~}\n", "  - {}\n", "  - {ten: A}\n", "  - {ma: Ａ１}\n",
		"  - {ma: \"x\", ten: \"Hội Khuyến học xa\u0301\"}\n", "  - {ma: x, ten: \"a\n  - b\"}\n  - {ma: y}\n", "  - {ma: 'x', cap: XA}\n", "  - {ma: x, cap: chi_hoi }  # c\n",
	} {
		f.Add(units)
	}
	f.Fuzz(func(t *testing.T, units string) {
		checkRosterFlat(t, []byte("# danh sách\nhan_nop: 2024-12-15\ndon_vi:\n"+units+"cum:\n  - {ma: cum-1, thanh_vien: [\"P01\"]}\n"))
	})
}

// checkRosterFlat reads a roster with and without the YAML library for its plainly written units:
// both must give the same roster, or the same error.
func checkRosterFlat(t *testing.T, data []byte) {
	t.Helper()
	got, gerr := parseRosterBy(data, true)
	want, werr := parseRosterBy(data, false)
	if gerr != nil || werr != nil {
		var g, w *lang.Error
		if !errors.As(gerr, &g) || !errors.As(werr, &w) || g.Line != w.Line || g.Vi != w.Vi || g.En != w.En {
			t.Fatalf("read without the YAML library: %v\nwith it: %v\nof\n%s", gerr, werr, data)
		}
		return
	}
	if !reflect.DeepEqual(got.Units, want.Units) || !reflect.DeepEqual(got.Clusters, want.Clusters) ||
		!reflect.DeepEqual(got.Predecessors, want.Predecessors) || !got.Due.Equal(want.Due) || !reflect.DeepEqual(got.byCode, want.byCode) {
		t.Fatalf("read without the YAML library, the roster differs from the roster read with it:\n%+v\n%+v\nof\n%s", got.Units, want.Units, data)
	}
}
