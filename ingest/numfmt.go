package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// numberFormat is what a cell's number format does to the number a person sees.
type numberFormat struct {
	percent    bool   // an unquoted %: the number is shown × 100
	scientific bool   // 1.23E+03
	divide     int    // powers of ten the shown number is divided by (each trailing comma is 3)
	decimals   int    // digits shown after the decimal mark
	word       string // a unit word written in the format: «triệu» in #,##0" triệu đồng"
	pow        int    // the word's power of ten
	hides      bool   // the section shows no digit of the number: «;;;», or a text instead of it
	literal    bool   // a section that hides the number shows some text instead (a dash for zero)
}

// parseNumberFormat reads the section of a number format code that shows v: the first for a
// positive number (or the only one), the second for a negative one, the third for zero.
func parseNumberFormat(code string, v float64) numberFormat {
	var nf numberFormat
	sec := chooseSection(splitSections(code), v)
	var pattern, literal strings.Builder
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch c {
		case '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				j = len(sec) - i - 1
			}
			literal.WriteString(" " + sec[i+1:i+1+j] + " ")
			i += j + 1
		case '\\':
			if i+1 < len(sec) {
				r := []rune(sec[i+1:])[0]
				literal.WriteRune(r)
				i += len(string(r))
			}
		case '_', '*':
			if i+1 < len(sec) {
				i += len(string([]rune(sec[i+1:])[0]))
			}
		case '[':
			j := strings.IndexByte(sec[i+1:], ']')
			if j < 0 {
				j = len(sec) - i - 1
			}
			inner := sec[i+1 : i+1+j]
			if sym, ok := strings.CutPrefix(inner, "$"); ok { // [$₫-42A]: a currency symbol
				sym, _, _ = strings.Cut(sym, "-")
				literal.WriteString(" " + sym + " ")
			}
			i += j + 1
		case '0', '#', '?', '.', ',':
			if !nf.scientific { // the exponent's digits are not the number's
				pattern.WriteByte(c)
			}
		case '%':
			nf.percent = true
		case 'E', 'e':
			if i+1 < len(sec) && (sec[i+1] == '+' || sec[i+1] == '-') {
				nf.scientific = true
				i++
			} else {
				literal.WriteByte(c)
			}
		default:
			literal.WriteByte(c)
		}
	}
	p := pattern.String()
	lower := strings.ToLower(sec)
	shows := strings.ContainsAny(p, "0#?") || strings.Contains(lower, "general") || strings.Contains(sec, "@")
	nf.hides = !shows
	nf.literal = nf.hides && strings.TrimSpace(literal.String()) != ""
	intPart, fracPart, hasPoint := strings.Cut(p, ".")
	nf.decimals = strings.Count(fracPart, "0") + strings.Count(fracPart, "#") + strings.Count(fracPart, "?")
	// A comma followed by no more digit placeholders of the integer part scales by a thousand.
	trimmed := strings.TrimRight(intPart, ",")
	nf.divide = 3 * (len(intPart) - len(trimmed))
	if hasPoint {
		nf.divide += 3 * strings.Count(fracPart, ",")
	}
	nf.word, nf.pow = unitWord(literal.String())
	return nf
}

var condition = regexp.MustCompile(`\[(<=|>=|<>|<|>|=)\s*(-?[0-9.]+)\]`)

// chooseSection is the section of a format that shows v: by sign (positive; negative; zero), or,
// when the sections have conditions ([>=1000000]), the first whose condition holds.
func chooseSection(sections []string, v float64) string {
	conditional := false
	for i, sec := range sections {
		m := condition.FindStringSubmatch(sec)
		if m == nil || i > 1 {
			continue
		}
		conditional = true
		x, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			continue
		}
		holds := map[string]bool{"<": v < x, "<=": v <= x, ">": v > x, ">=": v >= x, "=": v == x, "<>": v != x}[m[1]]
		if holds {
			return sec
		}
	}
	switch {
	case conditional:
		if len(sections) > 2 {
			return sections[2]
		}
		return sections[len(sections)-1]
	case v < 0 && len(sections) > 1:
		return sections[1]
	case v == 0 && len(sections) > 2:
		return sections[2]
	}
	return sections[0]
}

// splitSections splits a format code at the semicolons that are not quoted or escaped.
func splitSections(code string) []string {
	var out []string
	start, quoted := 0, false
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case ';':
			if !quoted {
				out = append(out, code[start:i])
				start = i + 1
			}
		}
	}
	return append(out, code[start:])
}

var thousandWord = strings.NewReplacer("1.000", "1000", "1 000", "1000", "1,000", "1000")

// unitWord finds a word that multiplies a number (tỷ, triệu, nghìn) in text: a number format's
// literal text or a unit label. It gives the word and its power of ten, or "" and 0.
func unitWord(text string) (string, int) {
	text = splitDigits(thousandWord.Replace(text))
	words := strings.FieldsFunc(strings.ToLower(norm.NFC.String(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for _, w := range words {
		for _, m := range multipliers {
			if w == m.word {
				return w, m.pow
			}
		}
		switch w {
		case "1000":
			return "1000", 3
		case "trđ":
			return "trđ", 6
		}
	}
	return "", 0
}

// currencyLabel reports whether a unit label names đồng: đồng, đ, VNĐ, ₫, with or without a
// multiplier (nghìn đồng, triệu đồng, tr.đ).
func currencyLabel(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(norm.NFC.String(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '₫'
	})
	for _, w := range words {
		switch w {
		case "đồng", "đ", "vnđ", "vnd", "₫", "trđ", "đ/năm":
			return true
		}
	}
	return false
}

// splitDigits puts a space between digits and letters, so that «1000đ» reads as «1000 đ».
func splitDigits(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		if prev != 0 && (unicode.IsDigit(prev) && unicode.IsLetter(r) || unicode.IsLetter(prev) && unicode.IsDigit(r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
