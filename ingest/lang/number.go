package lang

import (
	"math"
	"strconv"
	"strings"
)

// Int writes a whole number with the language's thousands separator: 2.191.958 or 2,191,958.
func Int(l Lang, n int64) string {
	sep := byte('.')
	if l == En {
		sep = ','
	}
	neg := n < 0
	if neg {
		n = -n
	}
	digits := strconv.FormatInt(n, 10)
	out := make([]byte, 0, len(digits)+len(digits)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, sep)
		}
		out = append(out, digits[i])
	}
	return string(out)
}

// Decimal writes x with the given number of decimals: 20,74 (vi) or 20.74 (en).
func Decimal(l Lang, x float64, decimals int) string {
	p := math.Pow10(decimals)
	x = math.Round(x*p) / p
	whole := math.Trunc(math.Abs(x))
	s := Int(l, int64(whole))
	if x < 0 {
		s = "-" + s
	}
	if decimals > 0 {
		frac := strconv.FormatFloat(math.Abs(x)-whole, 'f', decimals, 64) // "0.74"
		if strings.HasPrefix(frac, "1") {                                 // rounding carried: cannot happen after the Round above, but be safe
			frac = "0." + strings.Repeat("0", decimals)
		}
		s += l.Text(",", ".") + frac[2:]
	}
	return s
}

// Percent writes a ratio as a percentage with two decimals: 0.2074 → 20,74%.
func Percent(l Lang, ratio float64) string { return Decimal(l, ratio*100, 2) + "%" }

// Money writes đồng in words a reader takes in at a glance: 191,2 tỷ đồng, 900 triệu đồng,
// 43.850.000 đồng below a million.
func Money(l Lang, d float64) string {
	abs := math.Abs(d)
	switch {
	case abs >= 1e9:
		return msgBillionDong.In(l, trimZero(l, Decimal(l, d/1e9, 1)))
	case abs >= 1e6:
		return msgMillionDong.In(l, trimZero(l, Decimal(l, d/1e6, 1)))
	}
	return msgDong.In(l, Int(l, int64(math.Round(d))))
}

func trimZero(l Lang, s string) string {
	return strings.TrimSuffix(s, l.Text(",0", ".0"))
}

// NotAvailable is what a figure without a value shows.
func NotAvailable(l Lang) string { return msgNotAvailable.In(l) }
