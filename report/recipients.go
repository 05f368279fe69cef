package report

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// RecipientLines sets the lines of «Nơi nhận» as Nghị định 30/2020 writes them: each starts with
// «- » (a «+» of a sub-item is kept), each but the last ends with «;», the last with «.». What was
// typed is kept: a dash or a semicolon is never doubled, only added where missing; a «,» or «.»
// ending a line that is not the last becomes «;», and a «;» or «,» ending the last becomes «.».
// A list without the office's own copy («Lưu …») ends with wording.yaml's signature.copy («- Lưu:
// VT.»; none in English).
func RecipientLines(l lang.Lang, lines []string) []string {
	var out []string
	for _, s := range lines {
		s = strings.TrimSpace(s)
		if strings.Trim(s, "-–+;.,: ") == "" {
			continue
		}
		switch {
		case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "+ "):
		case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "–"), strings.HasPrefix(s, "+"):
			sign := "-"
			if s[0] == '+' {
				sign = "+"
			}
			_, rest, _ := strings.Cut(s, s[:len(s)-len(strings.TrimLeft(s, "-–+"))])
			s = sign + " " + strings.TrimSpace(rest)
		default:
			s = "- " + s
		}
		out = append(out, s)
	}
	if c := defaultWording().Signature.Copy.in(l); c != "" && !keepsCopy(out) {
		out = append(out, c)
	}
	for i, s := range out {
		end := ";"
		if i == len(out)-1 {
			end = "."
		}
		s = strings.TrimRight(s, " ")
		switch {
		case strings.HasSuffix(s, end):
		case strings.HasSuffix(s, ";"), strings.HasSuffix(s, ","), strings.HasSuffix(s, "."):
			if end == ";" && strings.HasSuffix(s, ".") && abbreviation(s) {
				s += end // "v.v." keeps its dot
				break
			}
			s = s[:len(s)-1] + end
		default:
			s += end
		}
		out[i] = s
	}
	return out
}

// keepsCopy says whether a line of the list is the office's own copy: «- Lưu: VT», «- Lưu VP».
func keepsCopy(lines []string) bool {
	for _, s := range lines {
		w := strings.Fields(strings.TrimLeft(s, "-–+ "))
		if len(w) > 0 && strings.HasPrefix(strings.ToLower(w[0]), "lưu") {
			return true
		}
	}
	return false
}

// abbreviation says whether the line ends with a dotted abbreviation («v.v.», «b/c.» is not one).
func abbreviation(s string) bool {
	w := strings.Fields(s)
	last := w[len(w)-1]
	return strings.Count(last, ".") >= 2
}
