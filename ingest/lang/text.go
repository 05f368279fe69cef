package lang

import (
	"fmt"
	"strings"
	"unicode"
)

// IsInvisible reports whether r is a character that shows nothing: zero-width spaces and joiners,
// the byte order mark, soft hyphens and the other format characters, no-break spaces.
func IsInvisible(r rune) bool {
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
	if !strings.ContainsFunc(s, func(r rune) bool { return IsInvisible(r) || !unicode.IsPrint(r) && r != ' ' }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsInvisible(r) || !unicode.IsPrint(r) && r != ' ' {
			fmt.Fprintf(&b, "U+%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Nearest is the candidate closest to word, for "did you mean" messages; "" when none is close
// (more than half of word's length, and more than two edits, away).
func Nearest(word string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := EditDistance(word, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD > max(2, len([]rune(word))/2) {
		return ""
	}
	return best
}

// EditDistance is the number of single-byte insertions, deletions and substitutions that turn a
// into b (Levenshtein), for "did you mean" suggestions.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
