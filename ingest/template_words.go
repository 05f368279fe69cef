package ingest

// The template's words. A return is filled in by Vietnamese offices, so the workbook the tool hands
// out speaks Vietnamese only: its words live here, the layout in template.go and coverage.go. The
// sheet names (template.go, coverage.go) and the headers the reader looks for (headerAliases) are
// not words to change: returns already sent rely on them.

// The workbook's properties.
const (
	tplTitle       = "Báo cáo số liệu khuyến học"
	tplDescription = "Mẫu báo cáo số liệu khuyến học, phiên bản %d"
	tplMadeBy      = ", tạo bởi %s"
)

// The guide sheet: its heading and numbered lines; tplGuidePeriods takes the template's year
// twice, tplGuideSendBy the due date.
const (
	tplGuideHeading = "HƯỚNG DẪN ĐIỀN BÁO CÁO SỐ LIỆU KHUYẾN HỌC"
	tplGuidePeriods = "1. Trang «Thông tin»: điền mã đơn vị (mã hành chính chính thức, ví dụ 42 cho tỉnh Hà Tĩnh), tên đơn vị, cấp, mã đơn vị cấp trên và kỳ báo cáo (chọn trong danh sách: %[1]d là cả năm, %[1]d-H1 là 6 tháng đầu năm)."
	tplGuideSend    = "8. Lưu tệp dạng Excel (.xlsx) và gửi cho cấp trên trước hạn nộp."
	tplGuideSendBy  = "8. Lưu tệp dạng Excel (.xlsx) và gửi cho cấp trên trước hạn nộp: %s."
)

// tplGuideRules are the guide's lines 2 to 7.
var tplGuideRules = []string{
	"2. Trang «Số liệu»: điền số vào các ô màu vàng ở cột «Giá trị». Chỉ nhập số nguyên không âm; số tiền tính bằng đồng (ví dụ 15000000000 cho 15 tỷ).",
	"3. Trang «Mô hình học tập»: với mỗi mô hình, điền tổng số (toàn bộ gia đình, dòng họ, thôn tổ, đơn vị… trên địa bàn), số đã đăng ký và số được công nhận. Các tỷ lệ tự tính.",
	"4. Ô để trống nghĩa là «không báo cáo», khác với số 0. Nếu số liệu bằng 0, hãy nhập 0.",
	"5. Số được công nhận không được lớn hơn số đăng ký; số đăng ký không được lớn hơn tổng số; số có tổ chức hội không được lớn hơn tổng số; hội viên không được nhiều hơn dân số.",
	"6. Không đổi tên, không xoá các trang tính và không sửa cột «Mã» (cột A): phần mềm đọc số liệu theo mã. Có thể chèn thêm dòng ghi chú.",
	"7. Báo cáo tổng hợp của cấp trên cũng theo đúng mẫu này, nên cấp trên nữa đọc được ngay.",
}

// The information sheet: heading, column headers, the level list's heading, each row's label and
// note.
const (
	tplInfoHeading     = "THÔNG TIN ĐƠN VỊ BÁO CÁO"
	tplLevels          = "Các cấp"
	tplUnit            = "Mã đơn vị"
	tplUnitNote        = "Mã hành chính chính thức của đơn vị (ví dụ 42, 436, 18208)"
	tplName            = "Tên đơn vị"
	tplNameNote        = "Ví dụ: Hội Khuyến học huyện Kỳ Anh"
	tplLevel           = "Cấp"
	tplLevelNote       = "Chọn trong danh sách (cột F)"
	tplParent          = "Mã đơn vị cấp trên"
	tplParentNote      = "Mã của hội khuyến học cấp trên trực tiếp"
	tplPeriod          = "Kỳ báo cáo"
	tplPeriodNote      = "%[1]d = cả năm %[1]d; %[1]d-H1 = 6 tháng đầu năm %[1]d"
	tplDate            = "Ngày báo cáo"
	tplDateNote        = "Ví dụ: %s"
	tplDateNoteDue     = "Hạn nộp: %s. Ví dụ: %s"
	tplPreparer        = "Người lập biểu"
	tplVersion         = "Phiên bản mẫu"
	tplVersionNote     = "Không sửa"
	tplVersionNoteBy   = "Không sửa. Mẫu do %s tạo"
	tplBadLevel        = "Cấp không hợp lệ"
	tplBadLevelHelp    = "Hãy chọn cấp trong danh sách."
	tplBadPeriod       = "Kỳ báo cáo không hợp lệ"
	tplBadPeriodHelp   = "Hãy chọn kỳ trong danh sách: %[1]d (cả năm) hoặc %[1]d-H1 (6 tháng đầu năm)."
	tplBadFigure       = "Số liệu không hợp lệ"
	tplBadFigureHelp   = "Chỉ nhập số nguyên không âm (số tiền tính bằng đồng)."
	tplFiguresHeading  = "SỐ LIỆU KHUYẾN HỌC, KHUYẾN TÀI, XÂY DỰNG XÃ HỘI HỌC TẬP"
	tplModelsHeading   = "CÁC MÔ HÌNH HỌC TẬP"
	tplCoverageHeading = "PHẠM VI SỐ LIỆU TỔNG HỢP (số đơn vị có số liệu của từng chỉ tiêu; không sửa trang này)"
)

// The column headers of each sheet. «Mã» and «Giá trị» are what the reader finds its columns by.
var (
	tplInfoColumns     = []string{"Mã", "Nội dung", "Giá trị", "Ghi chú"}
	tplFiguresColumns  = []string{"Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị"}
	tplModelsColumns   = []string{"Mã", "Mô hình học tập", "Tổng số", "Đăng ký", "Được công nhận", "Tỷ lệ công nhận", "Tỷ lệ đăng ký", "Tỷ lệ đạt/đăng ký"}
	tplCoverageColumns = []string{"Loại", "Chỉ tiêu / đơn vị", "Đã báo cáo / tên", "Dự kiến / cấp trên", "Tử số / tên cấp trên", "Mẫu số / cấp", "Số đơn vị cơ sở"}
)

// headerNames are the template's names of the columns the reader looks for (scan.go), for its
// messages: the headers above, as the template writes them.
var headerNames = map[string]string{
	"value": "Giá trị", "tong": "Tổng số", "dang_ky": "Đăng ký", "cong_nhan": "Được công nhận",
}
