package ingest

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The problem catalogue: every problem code, followed by the messages its problems carry, in both
// languages. The codes are stable: scripts and the JSON schema rely on them. The messages of the
// problems that rollup, targets and the pipeline find are here too, exported, so that every problem
// a user reads is said in this one file.

// CodeUnreadable: the file cannot be opened.
const CodeUnreadable = "unreadable"

var (
	msgCannotOpen = lang.Msg{Vi: "không mở được tệp: %s", En: "cannot open the file: %s"}
	msgCannotRead = lang.Msg{Vi: "không đọc được tệp: %s", En: "cannot read the file: %s"}
	msgNotRegular = lang.Msg{
		Vi: "không phải tệp thông thường (ống FIFO, thiết bị hoặc socket) nên không được đọc",
		En: "not a regular file (a FIFO, a device or a socket), so it is not read"}
	msgPanic = lang.Msg{
		Vi: "lỗi nội bộ khi đọc tệp này (%v); các tệp khác vẫn được đọc — hãy gửi tệp này cho người phát triển khuyenhoc",
		En: "internal error while reading this file (%v); the other files are read — please send this file to khuyenhoc's developers"}
	msgUnlistable = lang.Msg{
		Vi: "%s (%s); các báo cáo khác vẫn được đọc — hãy kiểm tra quyền đọc hoặc chuyển các tệp lên thư mục có đường dẫn ngắn hơn",
		En: "%s (%s); the other returns are read — check the permissions, or move the files to a folder with a shorter path"}
	wordCannotReadFile   = lang.Msg{Vi: "không đọc được tệp này", En: "cannot read this file"}
	wordCannotReadFolder = lang.Msg{Vi: "không đọc được thư mục này", En: "cannot read this folder"}

	// Why the system refused a file, after msgCannotOpen and the like.
	wordNotExist     = lang.Msg{Vi: "không tồn tại", En: "it does not exist"}
	wordNoPermission = lang.Msg{Vi: "không có quyền đọc", En: "permission denied"}
	wordPathTooLong  = lang.Msg{Vi: "đường dẫn quá dài", En: "the path is too long"}
	// wordLocked is why a file held open by another program cannot be read (Windows: Excel keeps
	// an open workbook so); its lock file «~$name» is skipped.
	wordLocked = lang.Msg{
		Vi: "Excel hoặc một chương trình khác đang mở tệp này; hãy đóng tệp rồi chạy lại",
		En: "Excel or another program has this file open; close it and run again"}
)

// CodeEmptyFile: zero bytes.
const CodeEmptyFile = "empty_file"

var msgEmptyFile = lang.Msg{Vi: "tệp rỗng (0 byte); hãy gửi lại tệp báo cáo", En: "the file is empty (0 bytes); send the return again"}

// CodeNotWorkbook: not a zip, a text or other file named .xlsx; or a zip that is no workbook.
const CodeNotWorkbook = "not_workbook"

var (
	msgNotWorkbook = lang.Msg{
		Vi: "tệp không phải sổ làm việc Excel (.xlsx), có thể là tệp khác bị đổi đuôi; hãy lưu báo cáo từ Excel dạng .xlsx",
		En: "the file is not an Excel workbook (.xlsx); it may be another kind of file renamed; save the return from Excel as .xlsx"}
	msgZipNotWorkbook = lang.Msg{
		Vi: "tệp là tệp nén nhưng không phải sổ làm việc Excel (.xlsx); hãy lưu báo cáo từ Excel dạng .xlsx",
		En: "the file is a zip archive but not an Excel workbook (.xlsx); save the return from Excel as .xlsx"}
)

// CodeLegacyXLS: an Excel 97-2003 .xls workbook.
const CodeLegacyXLS = "legacy_xls"

var (
	msgLegacyXLS = lang.Msg{
		Vi: "tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
		En: "Excel 97-2003 workbooks (.xls) are not supported; open it in Excel or LibreOffice and save it as .xlsx"}
	msgBadXLS = lang.Msg{
		Vi: "tệp .xls không phải sổ làm việc Excel hợp lệ; hãy lưu báo cáo dạng .xlsx",
		En: "the .xls file is not a valid Excel workbook; save the return as .xlsx"}
)

// CodeEncrypted: a password-protected workbook.
const CodeEncrypted = "encrypted"

var msgEncrypted = lang.Msg{
	Vi: "tệp được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại",
	En: "the workbook is password-protected and cannot be read; remove the password (File > Info > Protect Workbook) and send it again"}

// CodeCorrupt: a broken or truncated zip, or a damaged part.
const CodeCorrupt = "corrupt"

var (
	msgCorrupt = lang.Msg{
		Vi: "tệp .xlsx bị hỏng hoặc không đầy đủ (có thể do gửi/tải về bị lỗi); hãy gửi lại tệp",
		En: "the .xlsx file is damaged or truncated (perhaps by a failed transfer); send it again"}
	msgCorruptWhy = lang.Msg{
		Vi: "tệp .xlsx bị hỏng, không đọc được (%s); hãy mở và lưu lại bằng Excel rồi gửi lại",
		En: "the .xlsx file is damaged and cannot be read (%s); open and save it again in Excel and resend it"}
	msgOutsideGrid = lang.Msg{
		Vi: "trang tính «%s» bị hỏng: có ô nằm ngoài trang tính (sau cột XFD, sau dòng 1.048.576 hoặc ở dòng 0), nơi Excel hay LibreOffice không hiện; hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
		En: "sheet «%s» is damaged: it has a cell outside the sheet (beyond column XFD or row 1,048,576, or in row 0), where neither Excel nor LibreOffice shows it; open the file in Excel, save it and send it again"}
	msgSharedStrings = lang.Msg{
		Vi: "tệp bị hỏng: phần %s (chữ dùng chung của các trang, cần để đọc trang «%s») %s; hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
		En: "the file is damaged: its part %s (the text shared by the sheets, needed to read sheet «%s») %s; open the file in Excel, save it and send it again"}
	msgSheetXML = lang.Msg{
		Vi: "trang tính «%s» bị hỏng: %s; hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
		En: "sheet «%s» is damaged: it %s; open the file in Excel, save it and send it again"}
	msgSheetDamaged = lang.Msg{
		Vi: "trang tính «%s» bị hỏng, không đọc được (%v); hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
		En: "sheet «%s» is damaged and cannot be read (%v); open the file in Excel, save it and send it again"}

	// What is wrong with a part's XML: a phrase that follows «it» or the part's name.
	wordDTD     = lang.Msg{Vi: "có khai báo kiểu tài liệu (<!DOCTYPE>), điều tệp Office không được có", En: "has a document type declaration (<!DOCTYPE>), which Office files may not have"}
	wordNesting = lang.Msg{Vi: "có các thẻ XML lồng nhau quá sâu", En: "has XML elements nested too deep"}
	wordBadXML  = lang.Msg{Vi: "có XML không đọc được (%v)", En: "has XML that cannot be read (%v)"}
)

// CodeTooLarge: a zip bomb, a huge sheet, too many parts.
const CodeTooLarge = "too_large"

var (
	msgFileTooLarge = lang.Msg{
		Vi: "tệp quá lớn (%d MB) để là một báo cáo; hãy kiểm tra lại tệp",
		En: "the file is too large (%d MB) to be a return; check the file"}
	msgFileOverLimit = lang.Msg{
		Vi: "tệp quá lớn (hơn %d MB) để là một báo cáo; hãy kiểm tra lại tệp",
		En: "the file is too large (over %d MB) to be a return; check the file"}
	msgTooManyParts = lang.Msg{
		Vi: "tệp có quá nhiều thành phần (%d); không phải một báo cáo bình thường",
		En: "the file has too many parts (%d) for a return"}
	msgInflatesTooMuch = lang.Msg{
		Vi: "tệp giải nén ra quá lớn (%d MB); có thể là tệp hỏng hoặc độc hại",
		En: "the file inflates to too much data (%d MB); it may be damaged or hostile"}
	msgSheetTooLarge = lang.Msg{
		Vi: "trang tính quá lớn (%d MB khi giải nén); một báo cáo chỉ vài trăm dòng, hãy xoá các dòng thừa",
		En: "the sheet is too large (%d MB inflated); a return has a few hundred rows, delete the extra rows"}
	msgTooManyRows = lang.Msg{
		Vi: "trang tính có hơn %d dòng; một báo cáo chỉ vài trăm dòng, hãy xoá các dòng thừa",
		En: "the sheet has more than %d rows; a return has a few hundred, delete the extra rows"}
)

// CodeNotReturn: a workbook, but not a return.
const CodeNotReturn = "not_return"

var msgNotReturn = lang.Msg{
	Vi: "sổ làm việc này không phải báo cáo số liệu khuyến học theo mẫu (không có các trang %s và không có mã chỉ tiêu nào); hãy dùng mẫu do «khuyenhoc template» tạo ra",
	En: "this workbook is not a khuyến học return (no %s sheets and no figure codes); use the template made by «khuyenhoc template»"}

// CodeTemplateVersion: made from another version of the template.
const CodeTemplateVersion = "template_version"

var (
	msgBadVersion = lang.Msg{
		Vi: "phiên bản mẫu «%s» không đọc được; hãy dùng mẫu phiên bản %d",
		En: "template version «%s» cannot be read; use template version %d"}
	msgNewerVersion = lang.Msg{
		Vi: "báo cáo làm theo mẫu phiên bản %d, mới hơn phiên bản %d mà công cụ này đọc được; hãy cập nhật khuyenhoc",
		En: "the return uses template version %d, newer than the version %d this tool reads; update khuyenhoc"}
	msgOlderVersion = lang.Msg{
		Vi: "báo cáo làm theo mẫu cũ (phiên bản %d); số liệu vẫn đọc theo mã, nhưng lần sau hãy dùng mẫu phiên bản %d",
		En: "the return uses an old template (version %d); figures were read by code, but use version %d next time"}
)

// CodeMissingSheet: an expected sheet is absent.
const CodeMissingSheet = "missing_sheet"

var (
	msgNoSheetsNoFigures = lang.Msg{
		Vi: "thiếu trang tính %s và không tìm thấy số liệu nào; các trang có trong tệp: %s",
		En: "sheets %s are missing and no figures were found; the workbook has: %s"}
	msgMissingSheet = lang.Msg{
		Vi: "thiếu trang tính «%s»; các trang có trong tệp: %s; hãy dùng đúng mẫu báo cáo",
		En: "sheet «%s» is missing; the workbook has: %s; use the return template"}
)

// CodeRenamedSheet: figures found on a sheet of another name.
const CodeRenamedSheet = "renamed_sheet"

var msgRenamedSheet = lang.Msg{
	Vi: "trang tính «%s» không có tên như mẫu (thiếu trang %s); số liệu vẫn được đọc theo mã, nhưng hãy dùng đúng mẫu",
	En: "sheet «%s» is not named as in the template (missing: %s); its figures were read by their codes, but please use the template as it is"}

// CodeMissingUnit: no unit code.
const CodeMissingUnit = "missing_unit"

var msgMissingUnit = lang.Msg{
	Vi: "thiếu mã đơn vị; hãy điền mã đơn vị (mã hành chính chính thức) ở trang «Thông tin»",
	En: "the unit code is missing; fill in the unit's (official administrative) code on the «Thông tin» sheet"}

// CodeBadDate: a report date that cannot be read.
const CodeBadDate = "bad_date"

var msgBadDate = lang.Msg{
	Vi: "ngày báo cáo «%s» không đọc được nên không xét được nộp đúng hạn; hãy ghi ngày dạng 15/12/2024",
	En: "the report date «%s» cannot be read, so whether it came in time is not known; write it like 15/12/2024"}

// CodeMissingPeriod: no period, or one that cannot be read.
const CodeMissingPeriod = "missing_period"

var (
	msgMissingPeriod = lang.Msg{
		Vi: "thiếu kỳ báo cáo; hãy chọn kỳ ở trang «Thông tin» (2024 là cả năm, 2024-H1 là 6 tháng đầu năm)",
		En: "the period is missing; choose it on the «Thông tin» sheet (2024 for the year, 2024-H1 for the first half)"}
	msgBadPeriod = lang.Msg{
		Vi: "kỳ báo cáo «%s» không đọc được; hãy ghi 2024 (cả năm) hoặc 2024-H1 (6 tháng đầu năm)",
		En: "period «%s» cannot be read; write 2024 (the year) or 2024-H1 (first half)"}
)

// CodeUnknownLevel: a level not in the catalogue.
const CodeUnknownLevel = "unknown_level"

var msgUnknownLevel = lang.Msg{
	Vi: "cấp «%s» không có trong danh mục; hãy chọn một trong: %s",
	En: "level «%s» is not known; choose one of: %s"}

// CodeUnknownUnit: a unit code not in the roster (rollup).
const CodeUnknownUnit = "unknown_unit"

// MsgUnknownUnit takes the unit code.
var MsgUnknownUnit = lang.Msg{
	Vi: "mã đơn vị %s không có trong danh sách đơn vị nên báo cáo không được tính; hãy sửa mã ở trang «Thông tin» hoặc bổ sung đơn vị vào danh sách",
	En: "unit code %s is not in the roster, so the return is not counted; correct the code on the «Thông tin» sheet or add the unit to the roster"}

// CodeDuplicate: two returns for one unit and period, and nothing says which counts.
const CodeDuplicate = "duplicate"

var (
	msgDuplicateFirst = lang.Msg{
		Vi: "đơn vị %s có %d báo cáo kỳ %s (%s); ngày báo cáo và thời điểm lưu tệp không cho biết báo cáo nào mới hơn, nên không báo cáo nào được tính và đơn vị được coi là chưa báo cáo — hãy giữ lại một báo cáo, hoặc ghi ngày báo cáo để báo cáo mới nhất được tính",
		En: "unit %s has %d returns for %s (%s); neither the report dates nor the times the files were saved tell which is later, so none is counted and the unit counts as not reported — keep one, or date them so that the latest counts"}
	msgDuplicateOther = lang.Msg{
		Vi: "một trong %d báo cáo kỳ %s của đơn vị %s (xem %s); không báo cáo nào được tính",
		En: "one of the %d returns for %s of unit %s (see %s); none is counted"}
	// msgMoreFiles ends a list of files cut at maxListed.
	msgMoreFiles = lang.Msg{Vi: "%s và %d tệp khác", En: "%s and %d more"}
)

// CodeSuperseded: a unit's earlier return, replaced by a later one.
const CodeSuperseded = "superseded"

var (
	msgSupersededByDate = lang.Msg{
		Vi: "đơn vị %s có báo cáo kỳ %s mới hơn (ngày %s, tệp %s); báo cáo ngày %s trong tệp này được thay thế, không được tính",
		En: "unit %s has a later return for %s (dated %s, in %s); this one, dated %s, is superseded and not counted"}
	msgSupersededBySave = lang.Msg{
		Vi: "đơn vị %s có báo cáo kỳ %s trong tệp này và trong %s, %s; tệp %s được lưu sau (lúc %s UTC, tệp này lúc %s) nên được tính là bản sửa, tệp này không được tính — nếu không đúng, hãy bỏ tệp không dùng ra khỏi thư mục",
		En: "unit %s has returns for %s in this file and in %s, %s; %s was saved later (at %s UTC, this file at %s) and counts as the correction, this one is not counted — if that is wrong, take the unused file out of the folder"}
	wordDatesUndecided = lang.Msg{Vi: "ngày báo cáo không cho biết báo cáo nào mới hơn", En: "whose report dates do not tell which is later"}
	wordSameDate       = lang.Msg{Vi: "cùng ngày báo cáo %s", En: "with the same report date %s"}
)

// CodeNoValue: a formula saved without its result.
const CodeNoValue = "no_value"

var (
	msgEmptyFormula = lang.Msg{
		Vi: "công thức trong ô cho kết quả rỗng (\"\"), nên ô được coi là chưa báo cáo; nếu số liệu bằng 0, hãy nhập 0",
		En: "the cell's formula gives an empty result (\"\"), so the cell counts as not reported; if the figure is zero, type 0"}
	msgNoResult = lang.Msg{
		Vi: "ô có công thức nhưng chưa có kết quả (tệp được lưu bởi chương trình không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại — ô này được coi là chưa báo cáo",
		En: "the cell has a formula but no result (the file was saved by a program that does not calculate); open and save it in Excel or LibreOffice and send it again — the cell counts as not reported"}
)

// CodeNotNumber: text where a number is expected.
const CodeNotNumber = "not_number"

var (
	msgCellError = lang.Msg{
		Vi: "ô báo lỗi %s thay vì một số; hãy sửa công thức hoặc nhập số",
		En: "the cell shows the error %s instead of a number; correct the formula or type the number"}
	msgNumberUnreadable = lang.Msg{Vi: "«%s» không phải là số; hãy nhập một số", En: "«%s» is not a number; type a number"}
	msgTooLargeNumber   = lang.Msg{Vi: "số quá lớn (%s); hãy kiểm tra lại", En: "the number is too large (%s); check it"}

	// Why a cell's text is not a number (NumberError), with the text.
	msgNotNumber = lang.Msg{
		Vi: "«%s» không phải là số; hãy nhập một số (ví dụ 1406, 1.406, 35,36%% hoặc 15 tỷ)",
		En: "«%s» is not a number; type a number (e.g. 1406, 1.406, 35,36%% or 15 tỷ)"}
	msgSpacing = lang.Msg{
		Vi: "«%s» không rõ là một số hay nhiều số: khoảng trắng chỉ dùng để tách từng nhóm ba chữ số (2 191 958); hãy nhập lại số",
		En: "«%s» may be one number or several: spaces only separate groups of three digits (2 191 958); type the number again"}
)

// CodeAmbiguous: a number that could be read two ways.
const CodeAmbiguous = "ambiguous"

var msgAmbiguous = lang.Msg{
	Vi: "«%s» không rõ nghĩa: dấu phân cách có thể là phần nghìn hoặc phần thập phân; hãy nhập số không có dấu phân cách (ví dụ 1406)",
	En: "«%s» is ambiguous: the separator may mark thousands or decimals; type the number without separators (e.g. 1406)"}

// CodeQualifier: "hơn 900 triệu", not exact.
const CodeQualifier = "qualifier"

var msgQualifier = lang.Msg{
	Vi: "«%s» không phải số chính xác; hãy bỏ chữ «hơn», «gần», «khoảng»… và nhập số cụ thể",
	En: "«%s» is not an exact number; drop words such as «over», «nearly» and type the figure itself"}

// CodePercent: a percentage where a count or amount is expected.
const CodePercent = "percent"

var (
	msgPercentFormat = lang.Msg{
		Vi: "ô có định dạng phần trăm nên hiện %s%%, nhưng ô này cần %s; hãy định dạng ô là Số và nhập %[2]s",
		En: "the cell has a percentage format and shows %s%%, but it wants %s; format it as Number and type %[2]s"}
	msgPercentTyped = lang.Msg{
		Vi: "«%s» là tỷ lệ phần trăm, nhưng ô này cần %s; hãy nhập số lượng, tỷ lệ sẽ được tự tính",
		En: "«%s» is a percentage, but this cell wants %s; type the count, rates are computed"}

	// What a figure's cell wants.
	wordAmount = lang.Msg{Vi: "số tiền (đồng)", En: "an amount in đồng"}
	wordCount  = lang.Msg{Vi: "số lượng", En: "a count"}
)

// CodeMoney: an amount of money (đồng) where a count is expected.
const CodeMoney = "money"

var msgMoney = lang.Msg{
	Vi: "«%s» là số tiền, nhưng ô này cần %s; hãy nhập số lượng",
	En: "«%s» is an amount of money, but this cell wants %s; type the count"}

// CodeNegative: below zero.
const CodeNegative = "negative"

var msgNegative = lang.Msg{
	Vi: "số âm (%s) không hợp lệ; hãy nhập số không âm",
	En: "a negative number (%s) is not allowed; type a number of zero or more"}

// CodeFraction: a fraction in a count, or in an amount of đồng.
const CodeFraction = "fraction"

var (
	msgFractionMoney = lang.Msg{
		Vi: "số tiền phải là số đồng nguyên, không phải %s; hãy nhập số nguyên (không có phần lẻ)",
		En: "an amount must be a whole number of đồng, not %s; type a whole number"}
	msgFractionCount = lang.Msg{
		Vi: "số đếm phải là số nguyên, không phải %s; hãy nhập số nguyên",
		En: "a count must be a whole number, not %s; type a whole number"}
)

// CodeExceeds: a rule a <= b broken (recognised > registered, …).
const CodeExceeds = "exceeds"

var msgExceeds = lang.Msg{
	Vi: "%s (%s) lớn hơn %s (%s, ô %s); số này không thể vượt số kia, hãy sửa lại",
	En: "%s (%s) is greater than %s (%s, cell %s); it cannot exceed it, correct one of them"}

// CodeManyMembers: members above 60% of the population.
const CodeManyMembers = "hoi_vien_cao"

var msgManyMembers = lang.Msg{
	Vi: "%s (%s) vượt %.0f%% %s (%s); hãy kiểm tra lại hai số này",
	En: "%s (%s) is above %.0f%% of %s (%s); check both figures"}

// CodeBigChange: changed by more than half versus the previous period (rollup).
const CodeBigChange = "big_change"

// MsgBigChange takes the figure's label, the previous period and the two values.
var MsgBigChange = lang.Msg{
	Vi: "%s thay đổi hơn một nửa so với kỳ %s (%s → %s); hãy kiểm tra lại",
	En: "%s changed by more than half since %s (%s → %s); check it"}

// CodePartsExceed: sub-units add up to more than the unit states (rollup).
const CodePartsExceed = "parts_exceed"

// MsgPartsExceed takes the figure's label, the value the unit states, how many sub-units and
// their sum.
var MsgPartsExceed = lang.Msg{
	Vi: "%s: báo cáo của đơn vị ghi %s nhưng báo cáo của %d đơn vị cấp dưới cộng lại được %s; hãy đối chiếu lại",
	En: "%s: the unit's return states %s but its %d sub-units' returns add up to %s; reconcile them"}

// CodeOutsideScope: a return read but not part of the scope rolled up (rollup, pipeline).
const CodeOutsideScope = "outside_scope"

// Each takes the unit code and the scope's.
var (
	// MsgOutsideScope: the unit's parent code places it outside the scope.
	MsgOutsideScope = lang.Msg{
		Vi: "đơn vị %s không thuộc phạm vi tổng hợp %s nên không được cộng; nếu cần, hãy sửa mã cấp trên hoặc chọn phạm vi khác (--scope)",
		En: "unit %s is outside the scope %s and is not counted; correct its parent code or choose another --scope if it should be"}
	// MsgOutsideReport: the roster places the unit; it is only not in this report.
	MsgOutsideReport = lang.Msg{
		Vi: "đơn vị %s không thuộc phạm vi của báo cáo này (%s) nên không được cộng",
		En: "unit %s is not in this report's scope (%s) and is not counted"}
)

// CodeUnmappedPrevious: last period's return of a unit no unit of the roster took over (rollup).
const CodeUnmappedPrevious = "unmapped_previous"

var (
	// MsgUnmappedPrevious takes the unit code.
	MsgUnmappedPrevious = lang.Msg{
		Vi: "báo cáo kỳ trước của đơn vị %s không thuộc đơn vị nào trong danh sách hiện nay (không là tiền thân của đơn vị nào, kể cả qua cấp trên cũ); số liệu của nó không được so sánh — hãy bổ sung tien_than trong danh sách",
		En: "last period's return of unit %s maps to no unit of the roster (it is no unit's predecessor, nor is any of its former parents); its figures are not compared — add it to a unit's tien_than"}
	// MsgPartialPredecessor takes the unit code and its predecessor's.
	MsgPartialPredecessor = lang.Msg{
		Vi: "đơn vị %s: không so sánh được với kỳ trước — tiền thân %s chỉ sáp nhập một phần; hãy ghi tỷ lệ (ty_le) của nó trong danh sách",
		En: "unit %s: cannot be compared with last period — predecessor %s merged only in part; write its share (ty_le) in the roster"}
)

// CodeCoverage: a consolidated return's coverage sheet that cannot be read.
const CodeCoverage = "coverage"

var msgCoverage = lang.Msg{
	Vi: "trang «%s» không đọc được trọn vẹn (%s): không biết báo cáo tổng hợp này thiếu những đơn vị nào, nên báo cáo không được tính — hãy viết lại báo cáo tổng hợp bằng khuyenhoc",
	En: "sheet «%s» cannot be read whole (%s): which units this consolidated return lacks is unknown, so it is not counted — write the consolidated return again with khuyenhoc"}

// What a person sees decides: a cell whose stored value is not the number shown is refused.

// CodeBoolean: TRUE/FALSE in a figure cell.
const CodeBoolean = "boolean"

var (
	msgBoolean = lang.Msg{
		Vi: "ô chứa giá trị logic %s, không phải số; hãy nhập số",
		En: "the cell holds the logical value %s, not a number; type the number"}
	// The logical values as the message names them, in both languages of Excel.
	wordTrue  = "TRUE (ĐÚNG)"
	wordFalse = "FALSE (SAI)"
)

// CodeDate: a date (or a number with a date format) in a figure cell.
const CodeDate = "date"

var (
	msgDate = lang.Msg{
		Vi: "ô chứa ngày tháng (%s), không phải số; hãy định dạng ô là Số (Number) và nhập số",
		En: "the cell holds a date (%s), not a number; format the cell as Number and type the number"}
	msgDateFormat = lang.Msg{
		Vi: "ô có định dạng ngày tháng nên hiện %s, không phải số %s; hãy định dạng ô là Số (Number) và nhập lại số",
		En: "the cell has a date format and shows %s, not the number %s; format the cell as Number and type the number again"}
)

// CodeStaleFormula: a formula whose stored result the workbook says is stale.
const CodeStaleFormula = "stale_formula"

var msgStaleFormula = lang.Msg{
	Vi: "ô có công thức nhưng tệp được lưu bởi một chương trình không tính công thức (tệp ghi «tính lại khi mở»), nên kết quả lưu trong tệp có thể sai; hãy mở tệp bằng Excel (hoặc LibreOffice rồi nhấn Ctrl+Shift+F9 để tính lại), lưu lại rồi gửi lại",
	En: "the cell has a formula, but the file was saved by a program that does not calculate (it asks to recalculate on open), so the stored result may be wrong; open it in Excel (or in LibreOffice and press Ctrl+Shift+F9 to recalculate), save it and send it again"}

// CodeNumberFormat: a number format that scales, rounds or names a unit.
const CodeNumberFormat = "number_format"

var (
	msgFormatHides = lang.Msg{
		Vi: "định dạng số của ô («%s») không hiện số %s (ô trông trống hoặc chỉ có chữ); hãy định dạng ô là Số (#,##0)",
		En: "the cell's number format («%s») does not show the number %s (the cell looks empty, or shows text); format it as Number (#,##0)"}
	msgFormatScientific = lang.Msg{
		Vi: "ô có định dạng khoa học («%s») nên không hiện đủ các chữ số của %s; hãy định dạng ô là Số",
		En: "the cell has a scientific format («%s») that does not show every digit of %s; format it as Number"}
	msgFormatDivides = lang.Msg{
		Vi: "định dạng số của ô («%s») hiện giá trị chia cho %s, nên người xem thấy %s chứ không phải %s; hãy định dạng ô là Số (#,##0)",
		En: "the cell's number format («%s») shows the value divided by %s, so one sees %s and not %s; format the cell as Number (#,##0)"}
	msgFormatRounds = lang.Msg{
		Vi: "định dạng số của ô («%s») làm tròn khi hiện, nên người xem không thấy đúng số %s %s; hãy định dạng ô là Số và nhập số đồng đầy đủ",
		En: "the cell's number format («%s») rounds what it shows, so one does not see the number %s %s; format it as Number and type the whole amount"}
	msgFormatScales = lang.Msg{
		Vi: "ô hiện «%s %s» (định dạng số «%s»), nên được tính là %s %s; lần sau hãy nhập số đầy đủ",
		En: "the cell shows «%s %s» (number format «%s»), so it counts as %s %s; next time type the whole number"}
)

// CodeUnitLabel: a unit label (Đơn vị tính) changed: honoured or refused.
const CodeUnitLabel = "unit_label"

var (
	msgWrongUnit = lang.Msg{
		Vi: "đơn vị tính ở ô %s là «%s», không phải %s; hãy ghi lại đơn vị «%s» như mẫu và nhập số theo đơn vị đó",
		En: "the unit in cell %s is «%s», not %s; put back the template's unit «%s» and type the number in it"}
	msgScaledTwice = lang.Msg{
		Vi: "ô ghi «%s» mà đơn vị tính ở ô %s lại là «%s»: không rõ số này là bao nhiêu; hãy ghi đơn vị «%s» và nhập số đầy đủ",
		En: "the cell says «%s» and the unit in cell %s is «%s»: what the number is cannot be told; put back the unit «%s» and type the whole number"}
	msgUnitScales = lang.Msg{
		Vi: "đơn vị tính ở ô %s là «%s» nên %s được tính là %s %s; lần sau hãy giữ đơn vị như mẫu",
		En: "the unit in cell %s is «%s», so %s counts as %s %s; keep the template's unit next time"}
)

// CodeInvisible: a character no one can see in a number or a code.
const CodeInvisible = "invisible_char"

var (
	msgInvisibleCode = lang.Msg{
		Vi: "%s «%s» có ký tự ẩn (không nhìn thấy); hãy xoá ô và gõ lại mã",
		En: "the %s «%s» holds a character no one can see; clear the cell and type the code again"}
	msgInvisibleNumber = lang.Msg{
		Vi: "«%s» có ký tự ẩn (không nhìn thấy) nên không chắc là số người lập biểu thấy; hãy xoá ô và gõ lại số",
		En: "«%s» holds a character no one can see, so it may not be the number the preparer sees; clear the cell and type the number again"}
)

// CodeHidden: a hidden sheet, row or column holds a figure.
const CodeHidden = "hidden"

var (
	msgHiddenCell = lang.Msg{
		Vi: "ô %s nằm ở dòng hoặc cột bị ẩn nên người xem không thấy giá trị «%s»; số này không được tính, hãy bỏ ẩn, kiểm tra rồi gửi lại",
		En: "cell %s is in a hidden row or column, so no one sees its value «%s»; it is not counted, unhide it, check it and send it again"}
	msgHiddenCellShown = lang.Msg{
		Vi: "ô %s ở dòng hoặc cột bị ẩn không được đọc; giá trị lấy ở ô %s!%s đang hiện",
		En: "cell %s in a hidden row or column is not read; the value is that of the visible cell %s!%s"}
	msgHiddenColumn = lang.Msg{
		Vi: "cột «%s» (%s) của trang «%s» bị ẩn nên người xem không thấy số liệu; hãy bỏ ẩn cột, kiểm tra rồi gửi lại",
		En: "the «%s» column (%s) of sheet «%s» is hidden, so no one sees its figures; unhide it, check it and send it again"}
	msgHiddenSheetShown = lang.Msg{
		Vi: "trang tính ẩn «%s» không được đọc; số liệu lấy ở trang «%s» đang hiện",
		En: "the hidden sheet «%s» is not read; the figures are those of the visible sheet «%s»"}
	msgHiddenSheet = lang.Msg{
		Vi: "trang tính «%s» bị ẩn nên người xem không thấy số liệu trong đó; hãy bỏ ẩn trang (chuột phải vào tên trang > Bỏ ẩn), kiểm tra rồi gửi lại",
		En: "the sheet «%s» is hidden, so no one sees its figures; unhide it (right-click a sheet tab > Unhide), check it and send it again"}
)

// CodeDuplicateRow: one code on two rows of a return.
const CodeDuplicateRow = "duplicate_row"

var (
	msgDuplicateRowSame = lang.Msg{
		Vi: "mã %s có ở %d dòng (%s) với cùng giá trị; hãy xoá dòng thừa",
		En: "code %s is on %d rows (%s) with the same value; delete the extra rows"}
	msgDuplicateRowDiffer = lang.Msg{
		Vi: "mã %s có ở %d dòng với giá trị khác nhau (%s); không biết số nào đúng nên không tính, hãy để lại một dòng",
		En: "code %s is on %d rows with different values (%s); which is right cannot be told, so it is not counted; keep one row"}
)

// CodeDuplicateSheet: two visible copies of a sheet («Số liệu (2)»).
const CodeDuplicateSheet = "duplicate_sheet"

var msgDuplicateSheet = lang.Msg{
	Vi: "sổ làm việc có hai trang tính «%s»: %s; không biết trang nào là số liệu gửi đi, hãy xoá trang thừa rồi gửi lại",
	En: "the workbook has two «%s» sheets: %s; which one is the return cannot be told, delete the extra sheet and send it again"}

// CodeValueColumn: no, or several, recognised value column headers.
const CodeValueColumn = "value_column"

var (
	msgNoHeader = lang.Msg{
		Vi: "trang «%s» có mã chỉ tiêu ở dòng %d nhưng không có dòng tiêu đề phía trên (một cột «Mã» và một cột «Giá trị»); không biết số liệu ở cột nào, hãy dùng đúng mẫu",
		En: "sheet «%s» has a figure code on row %d but no header row above it (a «Mã» column and a «Giá trị» column); which column holds the figures cannot be told, use the template"}
	msgSeveralColumns = lang.Msg{
		Vi: "trang «%s» có nhiều cột «%s»: %s; không biết cột nào là số liệu gửi đi, hãy xoá cột thừa",
		En: "sheet «%s» has several «%s» columns: %s; which one is the return cannot be told, delete the extra columns"}
	msgNoColumn = lang.Msg{
		Vi: "trang «%s» không có cột «%s» (tiêu đề ở dòng %d có: %s); không đoán cột số liệu, hãy đặt lại tiêu đề như mẫu",
		En: "sheet «%s» has no «%s» column (the header on row %d has: %s); the figures' column is not guessed, name it as in the template"}
)

// CodeNoFigures: a figure sheet from which no figure can be read.
const CodeNoFigures = "no_figures"

var msgNoFigures = lang.Msg{
	Vi: "trang «%s» không có dòng chỉ tiêu nào đọc được (mã chỉ tiêu phải ở cột «Mã», như trong mẫu); số liệu của trang này không thể bỏ qua, hãy dùng đúng mẫu rồi gửi lại",
	En: "no figure can be read from sheet «%s» (figure codes must be in the «Mã» column, as in the template); its figures cannot be left out, use the template and send it again"}

// CodeUnknownCode: a code in column A close to a catalogue code.
const CodeUnknownCode = "unknown_code"

var msgUnknownCode = lang.Msg{
	Vi: "mã «%s» không có trong danh mục nên dòng này không được đọc; có phải là %s? hãy sửa mã ở cột «Mã» như trong mẫu",
	En: "code «%s» is not in the catalogue, so this row is not read; did you mean %s? correct the code in the «Mã» column as in the template"}

// CodeMissingRows: catalogue figures whose rows are not in the return.
const CodeMissingRows = "missing_rows"

var msgMissingRows = lang.Msg{
	Vi: "báo cáo không có dòng của %d chỉ tiêu (%s): các chỉ tiêu này được coi là chưa báo cáo; lần sau hãy dùng đúng mẫu",
	En: "the return has no row for %d figures (%s): they count as not reported; use the template next time"}

// CodeEmptyReturn: a return with no figure at all (a blank template).
const CodeEmptyReturn = "empty_return"

var msgEmptyReturn = lang.Msg{
	Vi: "báo cáo không có số liệu nào (mẫu trống được gửi lại); hãy điền số liệu vào các ô màu vàng rồi gửi lại",
	En: "the return holds no figure at all (a blank template sent back); fill in the yellow cells and send it again"}

// CodeNumericCode: a unit code stored as a number (02125 became 2125).
const CodeNumericCode = "numeric_code"

var (
	msgNumericCode = lang.Msg{
		Vi: "%s %s được lưu dạng số nên Excel có thể đã bỏ các số 0 ở đầu (02125 thành 2125); hãy định dạng ô là Văn bản (Text) và gõ lại mã đúng, hoặc đưa danh sách đơn vị (--roster) để đối chiếu",
		En: "the %s %s is stored as a number, so Excel may have dropped its leading zeros (02125 became 2125); format the cell as Text and type the code again, or give the roster (--roster) to match it"}
	msgNumericCodeMatched = lang.Msg{
		Vi: "%s; hãy định dạng ô là Văn bản (Text) để Excel giữ các số 0 ở đầu",
		En: "%s; format the cell as Text so that Excel keeps leading zeros"}
	// msgNumericCodeTaken is one code of msgNumericCodeMatched.
	msgNumericCodeTaken = lang.Msg{
		Vi: "%s %s được lưu dạng số nên được hiểu là %s theo danh sách đơn vị",
		En: "the %s %s is stored as a number and is taken as %s from the roster"}

	// The codes of a return's information sheet, as messages name them.
	wordUnitCode   = lang.Msg{Vi: "mã đơn vị", En: "unit code"}
	wordParentCode = lang.Msg{Vi: "mã cấp trên", En: "parent code"}
)

// CodeOtherPeriod: a return of another period than the folder's.
const CodeOtherPeriod = "other_period"

var msgOtherPeriod = lang.Msg{
	Vi: "đây là báo cáo kỳ %s, còn thư mục gồm các báo cáo kỳ %s; báo cáo này không được tính — nếu cần, hãy tổng hợp riêng kỳ %[1]s (--period %[1]s)",
	En: "this is the %s return; the folder holds %s returns, so it is not counted — roll up %[1]s on its own if needed (--period %[1]s)"}

// CodeODS: an OpenDocument spreadsheet.
const CodeODS = "ods"

var msgODS = lang.Msg{
	Vi: "tệp OpenDocument (.ods) không được hỗ trợ; hãy mở bằng LibreOffice, chọn Tệp > Lưu thành > Excel 2007-365 (.xlsx) rồi gửi lại",
	En: "OpenDocument spreadsheets (.ods) are not supported; open it in LibreOffice, save it as .xlsx (File > Save As > Excel 2007-365) and send it again"}

// CodeTargetNoReturn: targets for a unit that sent no return, without a roster (pipeline).
const CodeTargetNoReturn = "target_no_return"

// MsgTargetNoReturn takes the unit code.
var MsgTargetNoReturn = lang.Msg{
	Vi: "có chỉ tiêu riêng cho đơn vị %s nhưng đơn vị này không có báo cáo; có thể đơn vị chưa nộp, hoặc mã viết sai",
	En: "targets are given for unit %s but it sent no return; it may not have reported yet, or the code is mistyped"}

// Why a file was skipped (File.Reason).
var (
	reasonOtherPeriod     = lang.Msg{Vi: "báo cáo kỳ %s, không phải kỳ %s", En: "a return for %s, not %s"}
	reasonSupersededDate  = lang.Msg{Vi: "được thay bằng báo cáo ngày %s (%s)", En: "superseded by the return dated %s (%s)"}
	reasonSupersededSaved = lang.Msg{Vi: "được thay bằng bản lưu sau (%s)", En: "superseded by the copy saved later (%s)"}
	reasonLockFile        = lang.Msg{Vi: "tệp khoá tạm của Excel (~$)", En: "Excel's temporary lock file (~$)"}
	reasonNotExcel        = lang.Msg{Vi: "không phải tệp Excel", En: "not an Excel file"}
	reasonFolderLink      = lang.Msg{Vi: "liên kết tới một thư mục, không được đọc", En: "a link to a folder, not followed"}
)

// The names of statuses and severities.
var (
	wordStatusOK       = lang.Msg{Vi: "hợp lệ", En: "ok"}
	wordStatusWarnings = lang.Msg{Vi: "có cảnh báo", En: "warnings"}
	wordStatusErrors   = lang.Msg{Vi: "có lỗi", En: "errors"}
	wordStatusRejected = lang.Msg{Vi: "bị từ chối", En: "rejected"}
	wordStatusSkipped  = lang.Msg{Vi: "bỏ qua", En: "skipped"}
	wordError          = lang.Msg{Vi: "lỗi", En: "error"}
	wordWarning        = lang.Msg{Vi: "cảnh báo", En: "warning"}
)

// Errors that are not problems in a return.
var (
	msgBadPeriodFlag = lang.Msg{
		Vi: "kỳ báo cáo %q không hợp lệ; hãy ghi năm (2024) hoặc 6 tháng đầu năm (2024-H1)",
		En: "period %q is not a year (2024) or a first half (2024-H1)"}
	msgCodeStart = lang.Msg{Vi: "mã %s phải bắt đầu bằng chữ cái hoặc chữ số", En: "code %s must begin with a letter or a digit"}
	msgCodeLong  = lang.Msg{Vi: "mã %s dài quá 64 ký tự", En: "code %s is longer than 64 characters"}
	msgCodeChar  = lang.Msg{
		Vi: "mã %s có ký tự %s; mã đơn vị chỉ gồm chữ cái không dấu, chữ số, «-», «_» và «.»",
		En: "code %s has the character %s; a unit code has only ASCII letters, digits, «-», «_» and «.»"}
)

// The words of periods and figures.
var (
	wordFirstHalf     = lang.Msg{Vi: "6 tháng đầu năm %d", En: "first half of %d"}
	wordYear          = lang.Msg{Vi: "năm %d", En: "%d"}
	wordDong          = lang.Msg{Vi: "đồng", En: "VND"}
	wordDongPerPerson = lang.Msg{Vi: "đồng/người", En: "VND per person"}
	// msgAboutFigure puts a figure's label before what is wrong with its cell.
	msgAboutFigure = lang.Msg{Vi: "%s: %s", En: "%s: %s"}
)

// The labels of the figures made from a group's (a learning model, a coverage group): each takes
// the group's label.
var (
	labelRecognisedRate         = lang.Msg{Vi: "Tỷ lệ %s được công nhận", En: "%s: recognised rate"}
	labelRegistrationRate       = lang.Msg{Vi: "Tỷ lệ đăng ký %s", En: "%s: registration rate"}
	labelRecognisedOfRegistered = lang.Msg{Vi: "Tỷ lệ %s đạt/đăng ký", En: "%s: recognised of registered"}
	labelAssociationShare       = lang.Msg{Vi: "Tỷ lệ %s có tổ chức hội", En: "%s: share with an association"}

	labelTotal           = lang.Msg{Vi: "%s: tổng số", En: "%s: total"}
	labelWithAssociation = lang.Msg{Vi: "%s: có tổ chức hội", En: "%s: with an association"}
	labelRegistered      = lang.Msg{Vi: "%s: đăng ký", En: "%s: registered"}
	labelRecognised      = lang.Msg{Vi: "%s: được công nhận", En: "%s: recognised"}
)
