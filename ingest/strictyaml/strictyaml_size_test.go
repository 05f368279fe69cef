package strictyaml

import (
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// A file over MaxSize is refused before it is parsed, saying why.
func TestSizeCap(t *testing.T) {
	big := "don_vi:\n" + strings.Repeat("  - {ma: \"01\", ten: \"Hội Khuyến học\", cap: xa}\n", MaxSize/40)
	_, err := Parse(strings.NewReader(big))
	e, ok := err.(*Error)
	if !ok || !strings.Contains(e.In("danh-sach.yaml").Message(lang.Vi), "danh-sach.yaml: tệp lớn hơn 64 MB") {
		t.Fatalf("Parse = %v, want the file refused as too large", err)
	}
}

// A roster of the whole country down to every branch (200,000 units, long Vietnamese names, each
// with its parent) stays well inside the cap: under half of it.
func TestCapHoldsNationalRoster(t *testing.T) {
	var b strings.Builder
	b.WriteString("don_vi:\n")
	for i := range 200_000 {
		b.WriteString("  - ma: \"" + strings.Repeat("9", 7) + "\"\n    ten: \"Chi hội khuyến học thôn Thượng Phước Trung " + strings.Repeat("9", len(string(rune('0'+i%10)))) + "\"\n    cap: chi_hoi\n    cap_tren: \"99999\"\n")
	}
	if b.Len() > MaxSize/2 {
		t.Errorf("a 200,000-unit roster is %d MB, over half the cap of %d MB", b.Len()>>20, MaxSize>>20)
	}
}
