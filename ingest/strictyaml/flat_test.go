package strictyaml

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// flatCases are lists written as rosters write them, which FlatItems reads, and lists it leaves to
// Parse.
var flatCases = []struct {
	name, src string
	read      bool
}{
	{"flow", "  - {ma: \"P01\", ten: \"Hội Khuyến học tỉnh số 1\", cap: tinh}\n  - {ma: \"P01-D01\", ten: \"Hội Khuyến học huyện P01-D01\", cap: huyen, cap_tren: \"P01\"}\n", true},
	{"flow, no newline at the end", "- {ma: a}", true},
	{"flow, tight", "  - {ma: 1,ten: A B ,cap: xa}\n", true},
	{"flow, spaces", "  -   {  ma:   'x'  ,  ten:  \"  y  \"  }   # chú thích\n", true},
	{"flow, empty", "  - {}\n", true},
	{"block", "  - ma: \"01\"\n    ten: Hội Khuyến học tỉnh Hà Giang\n    cap: tinh  # tỉnh\n  - ma: 02\n    cap_tren: 01\n", true},
	{"block, wide dash", "-    ma: x\n     ten: y\n", true},
	{"crlf, comments, blank lines", "  - {ma: a} # a\r\n\r\n# giữa\r\n      # thụt vào\r\n  - ma: b\r\n  # giữa khoá\r\n    ten: B\r\n", true},
	{"single quotes doubled", "  - {ma: 'R''Lấp', ten: ''''}\n", true},
	{"quotes inside plain", "  - {ten: Đắk R'Lấp \"A\", cap: a-b.c/d(e)}\n", true},
	{"numbers and dates as written", "  - {ma: 0123, ten: 1e3, cap: 2024-12-15, cap_tren: .inf}\n  - {ma: +1, ten: 0x1F, cap: 1_000}\n", true},
	{"yes and no are words", "  - {ma: yes, ten: no, cap: on, cap_tren: off}\n", true},
	{"long values", "  - {ma: " + strings.Repeat("a", 2000) + ", ten: \"" + strings.Repeat("b ", 1000) + "\"}\n  - ma: " + strings.Repeat("c", 2000) + "\n    ten: '" + strings.Repeat("d", 2000) + "'\n", true},
	{"hash inside a quoted value", "  - {ma: \"a #b\", ten: 'c, d: {e}'}\n", true},

	{"nothing", "# chỉ có chú thích\n\n", false},
	{"item on the lines below", "  -\n    ma: a\n", false},
	{"continued plain value", "  - ma: a\n    ten: Hội\n      xã A\n", false},
	{"flow over lines", "  - {ma: a,\n     ten: b}\n", false},
	{"quoted over lines", "  - {ma: \"a\n    b\"}\n", false},
	{"escape", "  - {ma: \"a\\tb\"}\n", false},
	{"null tilde", "  - {ma: a, cap: ~}\n", false},
	{"null word", "  - {ma: a, cap: null}\n", false},
	{"empty value", "  - {ma: a, ten: , cap: xa}\n", false},
	{"empty block value", "  - ma: a\n    ten:\n", false},
	{"anchor", "  - {ma: &x a}\n", false},
	{"alias", "  - {ma: *x}\n", false},
	{"tag", "  - {ma: !!str 1}\n", false},
	{"flow sequence", "  - {ma: a, tien_than: [b, c]}\n", false},
	{"nested mapping", "  - {ma: a, tien_than: {ma: b}}\n", false},
	{"key written twice", "  - {ma: a, ma: b}\n", false},
	{"quoted key", "  - {\"ma\": a}\n", false},
	{"boolean key", "  - {true: a}\n", false},
	{"merge key", "  - {<<: a}\n", false},
	{"tab", "  - {ma: a,\tten: b}\n", false},
	{"lone carriage return", "  - {ma: a}\r  - {ma: b}\n", false},
	{"next line character", "  - {ma: a\u0085b}\n", false},
	{"line separator", "  - {ma: a\u2028b}\n", false},
	{"byte order mark", "  - {ma: \ufeffa}\n", false},
	{"not UTF-8", "  - {ma: a\xffb}\n", false},
	{"control character", "  - {ma: a\x01b}\n", false},
	{"trailing comma", "  - {ma: a,}\n", false},
	{"colon in a value", "  - {ma: a:b}\n", false},
	{"no space after the colon", "  - {ma:a}\n", false},
	{"text after the mapping", "  - {ma: a} b\n", false},
	{"comment without a space", "  - ma: \"a\"#b\n", false},
	{"item out of line", "  - {ma: a}\n   - {ma: b}\n", false},
	{"key out of line", "  - ma: a\n     ten: b\n", false},
	{"sequence in an item", "  - - a\n", false},
	{"scalar item", "  - a\n", false},
	{"long key", "  - {" + strings.Repeat("k", 1100) + ": a}\n", false},
	{"document marker", "- {ma: a}\n---\n- {ma: b}\n", false},
}

func TestFlatItems(t *testing.T) {
	for _, tt := range flatCases {
		t.Run(tt.name, func(t *testing.T) {
			if read := checkFlat(t, tt.src, 3); read != tt.read {
				t.Errorf("FlatItems read it: %v, want %v", read, tt.read)
			}
		})
	}
}

// FuzzFlatItems holds FlatItems to its contract: whatever it reads, Parse reads the same way.
func FuzzFlatItems(f *testing.F) {
	for _, tt := range flatCases {
		f.Add(tt.src, uint16(1))
	}
	// The units of the sample rosters, one item at a time and all together.
	rosters, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "danh-sach*.yaml"))
	for _, path := range rosters {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		_, list, _ := strings.Cut(string(data), "don_vi:\n")
		list, _, _ = strings.Cut(list, "cum:")
		f.Add(list, uint16(4))
		for l := range strings.Lines(list) {
			f.Add(l, uint16(10))
		}
	}
	f.Add("  - {ma: \"P01-D01-X0001-C001\", ten: \"Chi hội khuyến học thôn 1\", cap: chi_hoi, cap_tren: \"P01-D01-X0001\"}\n", uint16(6))
	f.Fuzz(func(t *testing.T, src string, line uint16) {
		checkFlat(t, src, int(line%1000)+1)
	})
}

// checkFlat reads src with FlatItems (its first line being line) and, when it does, with Parse:
// both must give the same items (mappings on the same lines) of the same keys and values, the keys
// plain strings and the values scalars that read into a string as written.
func checkFlat(t *testing.T, src string, line int) (read bool) {
	t.Helper()
	type item struct {
		line   int
		fields []Field
	}
	var got []item
	if !FlatItems(src, line, func(l int, fields []Field) bool {
		got = append(got, item{l, slices.Clone(fields)})
		return true
	}) {
		return false
	}
	n, err := Parse(strings.NewReader(strings.Repeat("\n", line-1) + src))
	if err != nil {
		t.Fatalf("FlatItems read %q, Parse refuses it: %v", src, err)
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) != len(got) {
		t.Fatalf("FlatItems read %d items in %q, Parse not the same", len(got), src)
	}
	for i, it := range n.Content {
		g := got[i]
		if it.Kind != yaml.MappingNode || it.Tag != "!!map" || it.Anchor != "" || it.Line != g.line || len(it.Content) != 2*len(g.fields) {
			t.Fatalf("item %d of %q: FlatItems read %d fields on line %d, Parse a node of kind %d on line %d", i, src, len(g.fields), g.line, it.Kind, it.Line)
		}
		for k, f := range g.fields {
			key, val := it.Content[2*k], it.Content[2*k+1]
			if key.Kind != yaml.ScalarNode || key.Tag != "!!str" || key.Style&yaml.TaggedStyle != 0 || key.Anchor != "" || key.Value != f.Key || key.Line != f.Line {
				t.Fatalf("item %d of %q: FlatItems read key %q on line %d, Parse %q (%s) on line %d", i, src, f.Key, f.Line, key.Value, key.Tag, key.Line)
			}
			var s string
			if val.Kind != yaml.ScalarNode || val.Tag == "!!null" || val.Style&yaml.TaggedStyle != 0 || val.Anchor != "" ||
				val.Value != f.Value || val.Line != f.Line || val.Decode(&s) != nil || s != f.Value {
				t.Fatalf("item %d of %q: FlatItems read %s: %q on line %d, Parse %q (%s) on line %d, decoded %q", i, src, f.Key, f.Value, f.Line, val.Value, val.Tag, val.Line, s)
			}
		}
	}
	return true
}
