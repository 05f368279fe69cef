package lang

import (
	"errors"
	"fmt"
	"io/fs"
)

// Error is the one error a user reads: a mistake in their input (a roster, a targets or notes
// file, a flag, a folder) said in both languages, with the file and line it is at when it has
// them. Every package returns it for what a person must fix; [Message] renders any error, this one
// or another, in the user's language.
type Error struct {
	File   string // the file the mistake is in, or ""
	Line   int    // its line in File (from 1), or 0
	Vi, En string
	Err    error // the cause, for errors.Is and errors.As, or nil
}

func (e *Error) Error() string { return e.Message(En) }

// Message is the error in the language, after its file and line: "danh-sach.yaml:12: …".
func (e *Error) Message(l Lang) string {
	text := l.Text(e.Vi, e.En)
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, text)
	case e.File != "":
		return e.File + ": " + text
	case e.Line > 0:
		return msgLine.In(l, e.Line, text)
	}
	return text
}

func (e *Error) Unwrap() error { return e.Err }

// In is the error placed in a file, keeping its line: the caller knows the file, the callee the line.
func (e *Error) In(file string) *Error {
	c := *e
	c.File = file
	return &c
}

// Errorf formats both messages with the same arguments, as [Msg.Errorf] does. Packages keep
// their messages in a [Msg] by name; Errorf serves those whose words have not moved there yet.
func Errorf(vi, en string, args ...any) *Error { return Msg{Vi: vi, En: en}.Errorf(args...) }

// Message is any error as the user reads it in l: an *Error in its language; an operating
// system's error (a file not found, permission denied, a folder where a file was wanted, a full
// disk…) said in Vietnamese with its path; any other error as it is.
func Message(l Lang, err error) string {
	if err == nil {
		return ""
	}
	var le *Error
	if errors.As(err, &le) {
		return le.Message(l)
	}
	if l == En {
		return err.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if why := osReason(pe.Err); why != "" {
			return fmt.Sprintf("«%s»: %s", pe.Path, why)
		}
	}
	if why := osReason(err); why != "" {
		return why
	}
	return err.Error()
}

// osReason says in Vietnamese why the operating system refused, for the common cases; "" otherwise.
func osReason(err error) string {
	for _, r := range osReasons {
		if errors.Is(err, r.err) {
			return r.vi
		}
	}
	return ""
}
