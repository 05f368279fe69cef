package ingest

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		percent bool
		reason  string
	}{
		{in: "1406", want: 1406},
		{in: "1.406", want: 1406},
		{in: "330.909", want: 330909},
		{in: "2.191.958", want: 2191958},
		{in: "2 191 958", want: 2191958},
		{in: "2\u00a0191\u00a0958", want: 2191958},
		{in: "2,191,958", want: 2191958},
		{in: "35,36%", want: 0.3536, percent: true},
		{in: "89, 95%", want: 0.8995, percent: true},
		{in: "81.8%", want: 0.818, percent: true},
		{in: "23,52", want: 23.52},
		{in: "100%", want: 1, percent: true},
		{in: "15 tỷ", want: 15e9},
		{in: "15 tỉ đồng", want: 15e9},
		{in: "191,0 tỷ đồng", want: 191e9},
		{in: "30,9 tỉ", want: 30.9e9},
		{in: "900 triệu", want: 900e6},
		{in: "558,6 triệu đồng", want: 558.6e6},
		{in: "43.850.000 đ", want: 43850000},
		{in: "5 nghìn", want: 5000},
		{in: "1.234,5", want: 1234.5},
		{in: "1,234.5", want: 1234.5},
		{in: "-5", want: -5},
		{in: "(12)", want: -12},
		{in: "0", want: 0},
		{in: "  17  ", want: 17},
		{in: "1,406", reason: ReasonAmbiguous},
		{in: "26,542 triệu", reason: ReasonAmbiguous},
		{in: "hơn 900 triệu", reason: ReasonQualifier},
		{in: "gần 165 triệu đồng", reason: ReasonQualifier},
		{in: "mười", reason: ReasonNotNumber},
		{in: "", reason: ReasonNotNumber},
		{in: "12a", reason: ReasonNotNumber},
		{in: "1.2.3", reason: ReasonNotNumber},
		{in: "1.23.456", reason: ReasonNotNumber},
		{in: "15 tỷ%", reason: ReasonNotNumber},
		{in: "%", reason: ReasonNotNumber},
		{in: "đ", reason: ReasonNotNumber},
		{in: "1e400", reason: ReasonNotNumber},
		{in: "15 20", reason: ReasonSpacing},
		{in: "1 5", reason: ReasonSpacing},
		{in: "1520 000", reason: ReasonSpacing},
		{in: "2 19 958", reason: ReasonSpacing},
		{in: "1 171", want: 1171},
		{in: "1 234,5", want: 1234.5},
		{in: "1'234", want: 1234},
		{in: "'1234", want: 1234},
		{in: "2\u202f191\u202f958", want: 2191958},
		{in: "1\u200b234", reason: ReasonInvisible},
		{in: "1234\u200b", reason: ReasonInvisible},
		{in: "\ufeff1234", reason: ReasonInvisible},
		{in: "2,01 nghìn", want: 2010},
		{in: "0,1 tỷ", want: 1e8},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if tt.reason != "" {
				var ne *NumberError
				if !errors.As(err, &ne) || ne.Reason != tt.reason {
					t.Fatalf("ParseNumber(%q) = %v, %v; want reason %s", tt.in, got, err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tt.in, err)
			}
			if math.Abs(got.Value-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) || got.Percent != tt.percent {
				t.Errorf("ParseNumber(%q) = %+v; want %v (percent %v)", tt.in, got, tt.want, tt.percent)
			}
		})
	}
}

// Decimal arithmetic: «2,01 nghìn» is exactly 2010, as are all such amounts, and whether a typed
// number is whole is decided on its digits, not on a float.
func TestParseNumberExact(t *testing.T) {
	for i := 0; i < 100000; i++ {
		whole, frac := i/100, i%100
		text := fmt.Sprintf("%d,%02d nghìn", whole, frac)
		n, err := ParseNumber(text)
		if err != nil {
			t.Fatal(err)
		}
		if want := float64(i * 10); n.Value != want || !n.Whole() {
			t.Fatalf("ParseNumber(%q) = %v (whole %v), want exactly %v", text, n.Value, n.Whole(), want)
		}
	}
	for _, text := range []string{"1000,0000000000001", "12,5", "0,5 đồng", "2,0001 nghìn"} {
		n, err := ParseNumber(text)
		if err != nil {
			t.Fatal(err)
		}
		if n.Whole() {
			t.Errorf("ParseNumber(%q) = %v, whole; want a fraction", text, n.Value)
		}
	}
}

func TestNumberErrorShowsInvisible(t *testing.T) {
	_, err := ParseNumber("1\u200b234")
	var ne *NumberError
	if !errors.As(err, &ne) {
		t.Fatal(err)
	}
	if got := ne.Message(lang.En); !strings.Contains(got, "«1U+200B234»") {
		t.Errorf("message = %q, want the invisible character named as U+200B", got)
	}
}

func TestNumberErrorMessageNamesText(t *testing.T) {
	_, err := ParseNumber("1,406")
	var ne *NumberError
	if !errors.As(err, &ne) {
		t.Fatal(err)
	}
	want := "«1,406» không rõ nghĩa: dấu phân cách có thể là phần nghìn hoặc phần thập phân; hãy nhập số không có dấu phân cách (ví dụ 1406)"
	if got := ne.Message(lang.Vi); got != want {
		t.Errorf("message = %q\nwant      %q", got, want)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.406", "35,36%", "89, 95%", "15 tỷ", "hơn 900 triệu", "(12)", "1,234.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err == nil && (math.IsNaN(n.Value) || math.IsInf(n.Value, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, n.Value)
		}
		if err == nil && n.Whole() && math.Abs(n.Value) < 1e15 && n.Value != math.Trunc(n.Value) {
			t.Fatalf("ParseNumber(%q) = %v, said whole", s, n.Value)
		}
	})
}
