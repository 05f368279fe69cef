package ingest

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
func isBlankRune(r rune) bool { return unicode.IsSpace(r) || isInvisible(r) }

// isInvisible reports whether r is a character that shows nothing: zero-width spaces and joiners,
// the byte order mark, soft hyphens and the other format characters, no-break spaces.
func isInvisible(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007', '\u00ad', '\u034f', '\u115f', '\u1160', '\u3164', '\uffa0':
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// Printable is s as a message quotes it: characters a person cannot see (a zero-width space, a
// no-break space, a byte order mark) are written as U+200B and the like, so that «02125» and
// «02125U+200B» are not shown the same.
func Printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isInvisible(r) || !unicode.IsPrint(r) && r != ' ' }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isInvisible(r) || !unicode.IsPrint(r) && r != ' ' {
			fmt.Fprintf(&b, "U+%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
