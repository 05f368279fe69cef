package ingest

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Number is a value read from a cell: a plain number, or a percentage (Value is then the ratio,
// 35,36% reads as 0.3536).
type Number struct {
	Value   float64
	Percent bool
}

// NumberError says why a cell's text is not a number that can be trusted.
type NumberError struct {
	Text   string
	Reason string // one of the reason constants below
}

// Reasons a text is not read as a number.
const (
	ReasonNotNumber = "not_number"
	ReasonAmbiguous = "ambiguous"
	ReasonQualifier = "qualifier"
)

func (e *NumberError) Error() string { return e.Message(lang.En) }

// Message explains the problem and how to fix it.
func (e *NumberError) Message(l lang.Lang) string {
	switch e.Reason {
	case ReasonAmbiguous:
		return l.Text(
			"«"+e.Text+"» không rõ nghĩa: dấu phân cách có thể là phần nghìn hoặc phần thập phân; hãy nhập số không có dấu phân cách (ví dụ 1406)",
			"«"+e.Text+"» is ambiguous: the separator may mark thousands or decimals; type the number without separators (e.g. 1406)")
	case ReasonQualifier:
		return l.Text(
			"«"+e.Text+"» không phải số chính xác; hãy bỏ chữ «hơn», «gần», «khoảng»… và nhập số cụ thể",
			"«"+e.Text+"» is not an exact number; drop words such as «over», «nearly» and type the figure itself")
	}
	return l.Text(
		"«"+e.Text+"» không phải là số; hãy nhập một số (ví dụ 1406, 1.406, 35,36% hoặc 15 tỷ)",
		"«"+e.Text+"» is not a number; type a number (e.g. 1406, 1.406, 35,36% or 15 tỷ)")
}

var qualifiers = []string{"hơn", "gần", "trên", "khoảng", "dưới", "xấp xỉ", "ước", "chừng", "trên dưới"}

var multipliers = []struct {
	word   string
	factor float64
}{
	{"tỷ", 1e9}, {"tỉ", 1e9}, {"triệu", 1e6}, {"tr", 1e6}, {"nghìn", 1e3}, {"ngàn", 1e3},
}

var currencyWords = []string{"đồng", "vnđ", "vnd", "đ"}

// ParseNumber reads a number typed the way Vietnamese offices type them: 1406, 1.406, 2.191.958,
// 330 909, 35,36%, 89, 95%, 81.8%, 15 tỷ, 191,5 tỉ đồng, 900 triệu. What could mean two different
// numbers (1,406) or is not exact (hơn 900 triệu) is refused with the reason.
func ParseNumber(text string) (Number, error) {
	s := strings.ToLower(strings.TrimSpace(norm.NFC.String(text)))
	fail := func(reason string) (Number, error) {
		return Number{}, &NumberError{Text: strings.TrimSpace(text), Reason: reason}
	}
	if s == "" {
		return fail(ReasonNotNumber)
	}
	for _, q := range qualifiers {
		if strings.HasPrefix(s, q+" ") {
			return fail(ReasonQualifier)
		}
	}
	for _, w := range currencyWords {
		if t, ok := strings.CutSuffix(s, w); ok && (t == "" || !isLetter(t)) {
			s = strings.TrimSpace(t)
			break
		}
	}
	factor := 1.0
	for _, m := range multipliers {
		if t, ok := strings.CutSuffix(s, m.word); ok && t != "" && !isLetter(t) {
			s, factor = strings.TrimSpace(t), m.factor
			break
		}
	}
	var n Number
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, n.Percent = strings.TrimSpace(t), true
		if factor != 1 {
			return fail(ReasonNotNumber)
		}
	}
	negative := false
	if t, ok := strings.CutPrefix(s, "-"); ok {
		s, negative = t, true
	} else if t, ok := strings.CutPrefix(s, "−"); ok {
		s, negative = t, true
	} else if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s, negative = s[1:len(s)-1], true
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '\'' {
			return -1
		}
		return r
	}, s)
	plain, reason := normaliseDigits(s)
	if reason != "" {
		return fail(reason)
	}
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return fail(ReasonNotNumber)
	}
	v *= factor
	if n.Percent {
		v /= 100
	}
	if negative {
		v = -v
	}
	n.Value = v
	return n, nil
}

// isLetter reports whether s ends in a letter, so that "đ" is not cut from the end of a word.
func isLetter(s string) bool {
	r := []rune(s)
	return unicode.IsLetter(r[len(r)-1])
}

// normaliseDigits turns digits with Vietnamese or English separators into Go's float syntax.
func normaliseDigits(s string) (string, string) {
	if s == "" {
		return "", ReasonNotNumber
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return "", ReasonNotNumber
		}
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots == 0 && commas == 0:
		return s, ""
	case dots > 0 && commas > 0:
		// The separator written last is the decimal mark; the other groups thousands.
		dec, group := ",", "."
		if strings.LastIndex(s, ".") > strings.LastIndex(s, ",") {
			dec, group = ".", ","
		}
		if strings.Count(s, dec) != 1 {
			return "", ReasonNotNumber
		}
		i := strings.LastIndex(s, dec)
		whole, frac := s[:i], s[i+1:]
		if !grouped(whole, group) || frac == "" {
			return "", ReasonNotNumber
		}
		return strings.ReplaceAll(whole, group, "") + "." + frac, ""
	case dots > 0:
		if grouped(s, ".") {
			return strings.ReplaceAll(s, ".", ""), ""
		}
		if dots == 1 && !strings.HasPrefix(s, ".") && !strings.HasSuffix(s, ".") {
			return s, "" // 81.8: a decimal point, since it cannot group thousands
		}
		return "", ReasonNotNumber
	default:
		if commas > 1 {
			if grouped(s, ",") {
				return strings.ReplaceAll(s, ",", ""), ""
			}
			return "", ReasonNotNumber
		}
		whole, frac, _ := strings.Cut(s, ",")
		if whole == "" || frac == "" {
			return "", ReasonNotNumber
		}
		if len(frac) == 3 {
			return "", ReasonAmbiguous // 1,406: thousands in English, decimals in Vietnamese
		}
		return whole + "." + frac, ""
	}
}

// grouped reports whether s is digits in groups of three after a first group of one to three.
func grouped(s, sep string) bool {
	parts := strings.Split(s, sep)
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}
