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
