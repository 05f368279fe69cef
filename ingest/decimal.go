package ingest

import (
	"math"
	"strconv"
	"strings"
)

// decimal is an exact decimal number, digits × 10^exp: numbers typed as text and numbers scaled by
// a unit («2,01 nghìn», «150» under «triệu đồng») are computed in it, so that 2,01 nghìn is 2010
// and not 2009.9999999999998.
type decimal struct {
	digits string // without leading zeros; "" is zero
	exp    int
	neg    bool
}

// parseDecimal reads Go's float syntax as Excel writes it in a cell: 123, 123.45, 1.5E+3, -7.
func parseDecimal(s string) (decimal, bool) {
	var d decimal
	if t, ok := strings.CutPrefix(s, "-"); ok {
		s, d.neg = t, true
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	mant, e, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		n, err := strconv.Atoi(e)
		if err != nil || n > 400 || n < -400 {
			return decimal{}, false
		}
		d.exp = n
	}
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" {
		return decimal{}, false
	}
	for _, part := range [2]string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return decimal{}, false
			}
		}
	}
	if frac == "" {
		d.digits = strings.TrimLeft(whole, "0")
	} else {
		d.digits = strings.TrimLeft(whole+frac, "0")
	}
	d.exp -= len(frac)
	return d, true
}

// scale multiplies by 10^n.
func (d decimal) scale(n int) decimal { d.exp += n; return d }

// whole reports whether the number is an integer.
func (d decimal) whole() bool {
	if d.exp >= 0 || d.digits == "" {
		return true
	}
	if -d.exp > len(d.digits) {
		return false
	}
	return strings.Trim(d.digits[len(d.digits)+d.exp:], "0") == ""
}

// float is the nearest float64.
func (d decimal) float() float64 {
	if d.digits == "" {
		return 0
	}
	if d.exp+len(d.digits) > 400 {
		return math.Inf(1)
	}
	if d.exp+len(d.digits) < -400 {
		return 0
	}
	if d.exp >= 0 && len(d.digits)+d.exp <= 15 {
		// A whole number of at most 15 digits is exact in a float64: no text to parse.
		var n int64
		for i := 0; i < len(d.digits); i++ {
			c := d.digits[i]
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int64(c-'0')
		}
		if n >= 0 {
			for range d.exp {
				n *= 10
			}
			if d.neg {
				return -float64(n)
			}
			return float64(n)
		}
	}
	s := d.digits + "e" + strconv.Itoa(d.exp)
	if d.neg {
		s = "-" + s
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// fracDigits is how many digits the number has after the decimal mark.
func (d decimal) fracDigits() int {
	if d.exp >= 0 || d.digits == "" {
		return 0
	}
	return max(0, -d.exp-(len(d.digits)-len(strings.TrimRight(d.digits, "0"))))
}

// integer writes a whole number in plain digits: 2125.
func (d decimal) integer() string {
	if d.digits == "" {
		return "0"
	}
	if d.exp >= 0 {
		return d.digits + strings.Repeat("0", d.exp)
	}
	if -d.exp >= len(d.digits) {
		return "0"
	}
	return d.digits[:len(d.digits)+d.exp]
}
