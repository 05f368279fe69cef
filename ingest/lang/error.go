package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
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
		return fmt.Sprintf("%s %d: %s", l.Text("dòng", "line"), e.Line, text)
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

// Errorf formats both messages with the same arguments. An argument that is an error is written
// in each message's own language ([Message]), and the first such argument is the cause.
func Errorf(vi, en string, args ...any) *Error {
	e := &Error{Vi: fmt.Sprintf(vi, localized(Vi, args)...), En: fmt.Sprintf(en, localized(En, args)...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}

// localized is args with every error replaced by its message in l.
func localized(l Lang, args []any) []any {
	var out []any
	for i, a := range args {
		if err, ok := a.(error); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = Message(l, err)
		}
	}
	if out == nil {
		return args
	}
	return out
}

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
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không có tệp hoặc thư mục này"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền truy cập"
	case errors.Is(err, fs.ErrExist):
		return "tệp đã có"
	case errors.Is(err, syscall.EISDIR):
		return "đây là một thư mục, không phải tệp"
	case errors.Is(err, syscall.ENOTDIR):
		return "một phần của đường dẫn không phải là thư mục"
	case errors.Is(err, syscall.ENOSPC):
		return "ổ đĩa đã đầy"
	case errors.Is(err, syscall.EROFS):
		return "ổ đĩa chỉ cho đọc, không ghi được"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "đường dẫn quá dài"
	case errors.Is(err, syscall.ELOOP):
		return "đường dẫn có vòng liên kết (symlink) lặp lại"
	case errors.Is(err, syscall.EBUSY), errors.Is(err, syscall.ETXTBSY):
		return "tệp đang được chương trình khác dùng"
	case errors.Is(err, syscall.EIO):
		return "lỗi đọc ghi ổ đĩa"
	}
	return ""
}
