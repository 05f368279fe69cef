package lang

import "fmt"

// Lang is the language of messages, labels and reports.
type Lang string

// The languages the tool speaks. Vietnamese is the default.
const (
	Vi Lang = "vi"
	En Lang = "en"
)

// Parse accepts "vi" or "en" (empty means Vietnamese).
func Parse(s string) (Lang, error) {
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

// Error is a mistake in the user's input (a roster, a scope), said in both languages.
type Error struct {
	Vi, En string
}

func (e *Error) Error() string { return e.En }

// Message is the error in the language.
func (e *Error) Message(l Lang) string { return l.Text(e.Vi, e.En) }

// Errorf formats both messages with the same arguments.
func Errorf(vi, en string, args ...any) *Error {
	return &Error{Vi: fmt.Sprintf(vi, args...), En: fmt.Sprintf(en, args...)}
}
