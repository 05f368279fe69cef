package lang

import "fmt"

// Msg is one message in both languages: two fmt formats that take the same arguments (with
// explicit indexes, %[2]s, where the languages order them differently).
type Msg struct{ Vi, En string }

// In is the message in l, formatted with args. An argument that is an error is written in l
// ([Message]), one that is a Msg as its text in l.
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

// msgArgs is args with every error and Msg replaced by its text in l.
func msgArgs(l Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case error:
			out[i] = Message(l, a)
		case Msg:
			out[i] = l.Text(a.Vi, a.En)
		default:
			out[i] = a
		}
	}
	return out
}
