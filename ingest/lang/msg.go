package lang

import (
	"fmt"
	"strings"
)

// Msg is one message in both languages: two fmt formats that take the same arguments (with
// explicit indexes, %[2]s, where the languages order them differently).
type Msg struct{ Vi, En string }

// In is the message in l, formatted with args. An argument that is an error is written in l
// ([Message]), one that is a Msg (a word, or a part filled in by [Msg.With]) in l.
func (m Msg) In(l Lang, args ...any) string {
	return fmt.Sprintf(l.Text(m.Vi, m.En), msgArgs(l, args)...)
}

// Errorf is the message as an error said in both languages; the first argument that is an error
// is its cause.
func (m Msg) Errorf(args ...any) *Error {
	e := &Error{Vi: m.In(Vi, args...), En: m.In(En, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}

// With is the message with its arguments filled in, as a Msg that takes none: a part of a longer
// message, given to it as an argument.
func (m Msg) With(args ...any) Msg {
	return Msg{Vi: escape(m.In(Vi, args...)), En: escape(m.In(En, args...))}
}

// escape makes a text a format that writes it as it is.
func escape(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// msgArgs is args with every error and Msg replaced by its text in l.
func msgArgs(l Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case error:
			out[i] = Message(l, a)
		case Msg:
			out[i] = a.In(l)
		default:
			out[i] = a
		}
	}
	return out
}
