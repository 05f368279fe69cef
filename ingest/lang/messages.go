package lang

import (
	"io/fs"
	"syscall"
)

// The words of this package.
var (
	msgLine       = Msg{"dòng %d: %s", "line %d: %s"} // an error at a line of no file
	msgDidYouMean = Msg{"%s — có phải %s?", "%s — did you mean %s?"}

	msgBillionDong  = Msg{"%s tỷ đồng", "%s billion đồng"}
	msgMillionDong  = Msg{"%s triệu đồng", "%s million đồng"}
	msgDong         = Msg{"%s đồng", "%s đồng"}
	msgNotAvailable = Msg{"không có số liệu", "n/a"}
)

// osReasons say in Vietnamese why the operating system refused; English keeps the system's words.
var osReasons = []struct {
	err error
	vi  string
}{
	{fs.ErrNotExist, "không có tệp hoặc thư mục này"},
	{fs.ErrPermission, "không có quyền truy cập"},
	{fs.ErrExist, "tệp đã có"},
	{syscall.EISDIR, "đây là một thư mục, không phải tệp"},
	{syscall.ENOTDIR, "một phần của đường dẫn không phải là thư mục"},
	{syscall.ENOSPC, "ổ đĩa đã đầy"},
	{syscall.EROFS, "ổ đĩa chỉ cho đọc, không ghi được"},
	{syscall.ENAMETOOLONG, "đường dẫn quá dài"},
	{syscall.ELOOP, "đường dẫn có vòng liên kết (symlink) lặp lại"},
	{syscall.EBUSY, "tệp đang được chương trình khác dùng"},
	{syscall.ETXTBSY, "tệp đang được chương trình khác dùng"},
	{syscall.EIO, "lỗi đọc ghi ổ đĩa"},
}
