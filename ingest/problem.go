package ingest

import (
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Severity says whether a problem stops a figure from being trusted (Error) or only asks for a look.
type Severity int

// The severities of problems.
const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Label is the severity's name in the language.
func (s Severity) Label(l lang.Lang) string {
	if s == Error {
		return wordError.In(l)
	}
	return wordWarning.In(l)
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Problem is something wrong in a user's input, with where it is and how to fix it.
type Problem struct {
	File     string   `json:"file"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Figure   string   `json:"figure,omitempty"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	vi, en   string
}

// Message says what is wrong and how to fix it, in the language.
func (p Problem) Message(l lang.Lang) string { return l.Text(p.vi, p.en) }

// Where is "file, sheet!cell" for the problem, as much as is known.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(": " + p.Sheet)
		if p.Cell != "" {
			b.WriteString("!" + p.Cell)
		}
	}
	return b.String()
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Where(), p.Severity, p.en)
}

// problem builds a Problem that says m with args (see messages.go).
func problem(sev Severity, code string, m lang.Msg, args ...any) Problem {
	return Problem{Severity: sev, Code: code, vi: m.In(lang.Vi, args...), en: m.In(lang.En, args...)}
}

// NewProblem builds a problem found outside this package (targets, roster): one of the messages
// of its code in the catalogue (messages.go), with args.
func NewProblem(sev Severity, code, file string, m lang.Msg, args ...any) Problem {
	p := problem(sev, code, m, args...)
	p.File = file
	return p
}
