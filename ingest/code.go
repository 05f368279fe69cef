package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// NormalizeCode is the one form of a unit code, wherever it is read (returns, roster, targets,
// flags): NFC, without the spaces, no-break spaces and zero-width characters around it, and
// without the leading apostrophe that Excel users type to keep a code as text ('02125).
// Characters inside the code are kept, so that a code with a hidden character does not match
// silently; Printable shows them in messages.
func NormalizeCode(s string) string {
	s = norm.NFC.String(s)
	s = strings.TrimFunc(s, isBlankRune)
	if t, ok := strings.CutPrefix(s, "'"); ok {
		s = strings.TrimFunc(t, isBlankRune)
	}
	return s
}

// isBlankRune reports whether r is a space or an invisible character: what a person cannot see
// around a code or in a number.
func isBlankRune(r rune) bool { return unicode.IsSpace(r) || lang.IsInvisible(r) }

// CheckCode refuses a unit code that could not be a file name's start or that hides characters:
// only ASCII letters, digits, "-", "_" and ".", at most 64 of them, beginning with a letter or a
// digit (so that ".." or "-x" is no code). It is the one rule for codes, wherever one is read or
// written: rosters, --unit and --parent, the consolidated return.
func CheckCode(code string) *lang.Error {
	if c := code[:min(len(code), 1)]; c != "" && !(c[0] >= 'a' && c[0] <= 'z' || c[0] >= 'A' && c[0] <= 'Z' || c[0] >= '0' && c[0] <= '9') {
		return msgCodeStart.Errorf(quoteCode(code))
	}
	if len(code) > 64 {
		return msgCodeLong.Errorf(quoteCode(code))
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return msgCodeChar.Errorf(quoteCode(code), quoteCode(string(r)))
		}
	}
	return nil
}

// quoteCode is a code as a message shows it: invisible characters named, cut at 80 characters.
func quoteCode(s string) string {
	s = lang.Printable(s)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return "«" + s + "»"
}
