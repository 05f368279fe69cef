package ingest

import (
	"fmt"
	"strconv"
)

// Lang is the language of messages, labels and reports.
type Lang string

// The languages the tool speaks. Vietnamese is the default.
const (
	Vi Lang = "vi"
	En Lang = "en"
)

// ParseLang accepts "vi" or "en" (empty means Vietnamese).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "vi":
		return Vi, nil
	case "en":
		return En, nil
	}
	return "", fmt.Errorf("unknown language %q (want vi or en)", s)
}

// Text picks the Vietnamese or the English text.
func (l Lang) Text(vi, en string) string {
	if l == En {
		return en
	}
	return vi
}

// FormatInt writes a whole number with the language's thousands separator: 2.191.958 or 2,191,958.
func FormatInt(l Lang, n int64) string {
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

// LangError is a mistake in the user's input (a roster, a scope), said in both languages.
type LangError struct {
	Vi, En string
}

func (e *LangError) Error() string { return e.En }

// Message is the error in the language.
func (e *LangError) Message(l Lang) string { return l.Text(e.Vi, e.En) }

// langErrorf formats both messages with the same arguments.
func langErrorf(vi, en string, args ...any) *LangError {
	return &LangError{Vi: fmt.Sprintf(vi, args...), En: fmt.Sprintf(en, args...)}
}
