package ingest

import (
	"math"
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
	dec     decimal // the exact value: Value may round a fraction to a whole float
	word    string  // the multiplier typed with it (tỷ, triệu, nghìn), if any
	money   bool    // typed with a currency (đồng, đ, VNĐ)
}

// Whole reports whether the number, as typed, is a whole number.
func (n Number) Whole() bool { return n.dec.whole() }

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
	ReasonSpacing   = "spacing"   // spaces that do not group thousands: 15 20
	ReasonInvisible = "invisible" // a character no one can see: 1U+200B234
)

func (e *NumberError) Error() string { return e.Message(lang.En) }

// Message explains the problem and how to fix it.
func (e *NumberError) Message(l lang.Lang) string { return e.msg().In(l, lang.Printable(e.Text)) }

// msg is the message of the reason, which takes the text as it is shown.
func (e *NumberError) msg() lang.Msg {
	switch e.Reason {
	case ReasonAmbiguous:
		return msgAmbiguous
	case ReasonSpacing:
		return msgSpacing
	case ReasonInvisible:
		return msgInvisibleNumber
	case ReasonQualifier:
		return msgQualifier
	}
	return msgNotNumber
}

var qualifiers = []string{"hơn", "gần", "trên", "khoảng", "dưới", "xấp xỉ", "ước", "chừng", "trên dưới"}

var multipliers = []struct {
	word string
	pow  int // a power of ten
}{
	{"tỷ", 9}, {"tỉ", 9}, {"triệu", 6}, {"tr", 6}, {"nghìn", 3}, {"ngàn", 3},
}

var currencyWords = []string{"đồng", "vnđ", "vnd", "đ"}

// ParseNumber reads a number typed the way Vietnamese offices type them: 1406, 1.406, 2.191.958,
// 330 909, 35,36%, 89, 95%, 81.8%, 15 tỷ, 191,5 tỉ đồng, 900 triệu. What could mean two different
// numbers (1,406; 15 20) or is not exact (hơn 900 triệu) is refused with the reason, and so is a
// number with a character no one can see in it. The arithmetic is decimal: 2,01 nghìn is 2010.
func ParseNumber(text string) (Number, error) {
	s := strings.ToLower(strings.TrimFunc(norm.NFC.String(text), unicode.IsSpace))
	fail := func(reason string) (Number, error) {
		return Number{}, &NumberError{Text: strings.TrimFunc(text, unicode.IsSpace), Reason: reason}
	}
	if s == "" {
		return fail(ReasonNotNumber)
	}
	if strings.ContainsFunc(s, func(r rune) bool { return lang.IsInvisible(r) && !isSpaceLike(r) }) {
		return fail(ReasonInvisible)
	}
	s = strings.Map(func(r rune) rune {
		if isSpaceLike(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(strings.TrimPrefix(s, "'"))
	for _, q := range qualifiers {
		if strings.HasPrefix(s, q+" ") {
			return fail(ReasonQualifier)
		}
	}
	money := false
	for _, w := range currencyWords {
		if t, ok := strings.CutSuffix(s, w); ok && (t == "" || !isLetter(t)) {
			s, money = strings.TrimSpace(t), true
			break
		}
	}
	pow := 0
	n := Number{money: money}
	for _, m := range multipliers {
		if t, ok := strings.CutSuffix(s, m.word); ok && t != "" && !isLetter(t) {
			s, pow, n.word = strings.TrimSpace(t), m.pow, m.word
			break
		}
	}
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, n.Percent = strings.TrimSpace(t), true
		if pow != 0 {
			return fail(ReasonNotNumber)
		}
		pow = -2
	}
	negative := false
	if t, ok := strings.CutPrefix(s, "-"); ok {
		s, negative = t, true
	} else if t, ok := strings.CutPrefix(s, "−"); ok {
		s, negative = t, true
	} else if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s, negative = s[1:len(s)-1], true
	}
	s, reason := joinSpaceGroups(strings.TrimSpace(s))
	if reason != "" {
		return fail(reason)
	}
	plain, reason := normaliseDigits(s)
	if reason != "" {
		return fail(reason)
	}
	d, ok := parseDecimal(plain)
	if !ok {
		return fail(ReasonNotNumber)
	}
	d = d.scale(pow)
	d.neg = negative && d.digits != ""
	v := d.float()
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fail(ReasonNotNumber)
	}
	n.Value, n.dec = v, d
	return n, nil
}

// isSpaceLike reports whether r is a space a person sees as one: no-break, narrow and figure
// spaces group thousands as well as a plain space does.
func isSpaceLike(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u2009' || unicode.IsSpace(r)
}

// joinSpaceGroups removes the spaces (and apostrophes) that group thousands, after checking that
// they do: 2 191 958 and 1 234,5 are numbers, 15 20 is two. A space beside a decimal mark is a
// slip of the keyboard (89, 95).
func joinSpaceGroups(s string) (string, string) {
	s = strings.ReplaceAll(s, "'", " ")
	for _, sep := range []string{",", "."} {
		for strings.Contains(s, sep+" ") || strings.Contains(s, " "+sep) {
			s = strings.ReplaceAll(strings.ReplaceAll(s, sep+" ", sep), " "+sep, sep)
		}
	}
	parts := strings.Fields(s)
	if len(parts) <= 1 {
		return strings.Join(parts, ""), ""
	}
	for i, p := range parts {
		head := p
		if i == len(parts)-1 {
			if j := strings.IndexAny(p, ".,"); j >= 0 {
				head = p[:j]
			}
		}
		if strings.Trim(head, "0123456789") != "" {
			return "", ReasonNotNumber
		}
		if i == 0 && (len(head) == 0 || len(head) > 3) || i > 0 && len(head) != 3 {
			return "", ReasonSpacing
		}
	}
	return strings.Join(parts, ""), ""
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
