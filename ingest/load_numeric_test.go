package ingest

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"
)

// A code stored as a number is matched through the index of the roster's numeric codes exactly as
// through a scan of the whole roster: the same code, the same problem.
func TestNumericCandidates(t *testing.T) {
	roster := []string{"02125", "2125", "066", "66", "0066", "42", "P01", "18571", "0", "00", "447", "00571", "085"}
	units := []Unit{
		{Code: "2125"}, {Code: "66", Parent: "42"}, {Code: "18571", Parent: "447"}, {Code: "447", Parent: "447"},
		{Code: "0", Parent: "0"}, {Code: "99", Parent: "066"}, {Code: "066", Parent: "66"}, {Code: "P01", Parent: "42"}, {Code: "571", Parent: "85"}, {Code: "85", Parent: "571"}, {Code: "571", Parent: "571"},
	}
	numeric := &numericCodes{units: roster}
	for _, u := range units {
		for _, flags := range [][2]bool{{true, false}, {false, true}, {true, true}, {false, false}} {
			scan := &Return{Unit: u, numericUnit: flags[0], numericParent: flags[1]}
			look := &Return{Unit: u, numericUnit: flags[0], numericParent: flags[1]}
			wantP, wantOK := resolveCodes(scan, roster)
			gotP, gotOK := resolveCodes(look, numeric.candidates(look))
			if gotOK != wantOK || !reflect.DeepEqual(gotP, wantP) || look.Unit != scan.Unit {
				t.Errorf("%+v %v: by the index %v %+v (%s), by a scan %v %+v (%s)", u, flags, gotOK, look.Unit, gotP.Code, wantOK, scan.Unit, wantP.Code)
			}
		}
	}
	// Without a roster, no candidates: the return cannot be attributed.
	if got := (&numericCodes{}).candidates(&Return{numericUnit: true}); got != nil {
		t.Errorf("candidates without a roster = %v, want nil", got)
	}
}

// BenchmarkNumericCodes matches 3,000 codes stored as numbers with a roster of 200,000 numeric
// codes (communes and branches numbered as the statistics office numbers them).
func BenchmarkNumericCodes(b *testing.B) {
	roster := make([]string, 200000)
	for i := range roster {
		roster[i] = fmt.Sprintf("%07d", i)
	}
	for b.Loop() {
		numeric := &numericCodes{units: roster}
		for i := range 3000 {
			r := &Return{Unit: Unit{Code: strconv.Itoa(i * 61), Parent: strconv.Itoa(i)}, numericUnit: true, numericParent: true}
			if _, ok := resolveCodes(r, numeric.candidates(r)); !ok {
				b.Fatal("not resolved")
			}
		}
	}
}
