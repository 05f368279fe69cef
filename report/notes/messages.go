package notes

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The messages of reading a notes file, each said at its line.
var (
	msgTooLarge = lang.Msg{
		Vi: "tệp lời văn lớn hơn %d MB, quá dài cho một báo cáo (một trăm trang chỉ chừng 300 KB); hãy kiểm tra xem có đúng tệp không",
		En: "the notes file is larger than %d MB, too long for a report (a hundred pages are about 300 KB); check that it is the right file",
	}
	msgHeadingLevel = lang.Msg{Vi: "tiêu đề «%s»: hãy dùng ## cho mục và ### cho mục con", En: "heading «%s»: use ## for a section and ### for a subsection"}
	msgUnclosed     = lang.Msg{Vi: "«{{» không có «}}» đóng lại", En: "«{{» is not closed with «}}»"}
)

// errorAt is the message as the error of a line of the file named.
func errorAt(name string, line int, m lang.Msg, args ...any) *Error {
	e := m.Errorf(args...)
	e.File, e.Line = name, line
	return e
}
