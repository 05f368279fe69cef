package lang

import (
	"fmt"
	"strings"
)

// Msg is one message in both languages. Vi and En are fmt formats that take the same arguments,
// in the same order (explicit indexes, %[2]s, where the languages order them differently). Every
// package keeps its messages by name in its messages.go, never as strings where they are used.
//
// An argument is written in the message's language when it is a Msg (a word such as «mã đơn vị» /
// "unit code", or a part filled in by [Msg.With]), an error ([Message]), or a func(Lang) string
// (a method value such as a figure's Label, or a number written the language's way).
type Msg struct{ Vi, En string }

// In is the message in l, formatted with args.
func (m Msg) In(l Lang, args ...any) string {
	return fmt.Sprintf(l.Text(m.Vi, m.En), localized(l, args)...)
}

// Errorf is the message, formatted with args, as an [*Error]. The first error among args is its
// cause.
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

// Join is the messages one after the other, sep between them (a list of parts).
func Join(ms []Msg, sep string) Msg {
	var vi, en []string
	for _, m := range ms {
		vi, en = append(vi, m.Vi), append(en, m.En)
	}
	return Msg{Vi: strings.Join(vi, sep), En: strings.Join(en, sep)}
}

// escape makes a text a format that writes it as it is.
func escape(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// localized is args with every argument that has a language (a Msg, an error, a func(Lang)
// string) written in l.
func localized(l Lang, args []any) []any {
	var out []any
	for i, a := range args {
		var s string
		switch a := a.(type) {
		case Msg:
			s = a.In(l)
		case error:
			s = Message(l, a)
		case func(Lang) string:
			s = a(l)
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}

// Number is n as a message argument: written the way the message's language writes numbers
// (2.191.958, 2,191,958).
func Number(n int64) func(Lang) string { return func(l Lang) string { return Int(l, n) } }

// Text is the error's message, without its file and line, as a Msg that takes no arguments: a part
// of a longer message.
func (e *Error) Text() Msg { return Msg{Vi: escape(e.Vi), En: escape(e.En)} }

// DidYouMean is e with near suggested after it (« — có phải near?»); e itself when near is "".
func (e *Error) DidYouMean(near string) *Error {
	if near == "" {
		return e
	}
	c := *e
	c.Vi, c.En = msgDidYouMean.In(Vi, e.Vi, near), msgDidYouMean.In(En, e.En, near)
	return &c
}
