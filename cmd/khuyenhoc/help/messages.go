package help

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The messages of the command line, in Vietnamese and English: its usage errors, its warnings,
// what it says it wrote, and the errors of writing the outputs. Each is a fmt format in both
// languages taking the same arguments (see lang.Msg); the help pages are in texts.go.

// Usage errors of the flags and arguments, shared by the commands.
var (
	BadLang     = lang.Msg{Vi: "--lang %q: hãy dùng vi hoặc en", En: "--lang %q: want vi or en"}
	NoHelpTopic = lang.Msg{Vi: "không có hướng dẫn về «%s»; xem: khuyenhoc --help", En: "no help topic %q; see: khuyenhoc --help"}
	// NeedPaths takes the command's name.
	NeedPaths = lang.Msg{Vi: "cần ít nhất một thư mục hoặc tệp báo cáo (ví dụ: khuyenhoc %[1]s bao-cao/)",
		En: "give at least one folder or file of returns (e.g. khuyenhoc %[1]s returns/)"}
	BadDate = lang.Msg{Vi: "--date %q: hãy ghi ngày dạng 2024-12-20", En: "--date %q: want YYYY-MM-DD"}
	// SeeHelp follows an error of the flag parser.
	SeeHelp = lang.Msg{Vi: "Xem hướng dẫn: khuyenhoc --help", En: "See: khuyenhoc --help"}
	// FlagsInUse ends the use line of a command that has flags.
	FlagsInUse = lang.Msg{Vi: " [tùy chọn]", En: " [flags]"}
)

// What a signal that stops a run says.
var (
	Stopped             = lang.Msg{Vi: "đã dừng; không tệp kết quả nào được ghi", En: "stopped; no output was written"}
	StoppedAfterWriting = lang.Msg{Vi: "đã dừng, sau khi các tệp kết quả đã được ghi", En: "stopped after the outputs were written"}
)

// The data part of the exit status (ingest, check, report): files with errors, of files read, and
// units missing or late.
var (
	FilesWithErrors        = lang.Msg{Vi: "%d trong %d tệp có lỗi", En: "%d of %d files have errors"}
	FilesWithErrorsMissing = lang.Msg{Vi: "%d trong %d tệp có lỗi; %d đơn vị chưa nộp hoặc nộp muộn", En: "%d of %d files have errors; %d units missing or late"}
	// ScopeChosen takes the scope's name and code.
	ScopeChosen = lang.Msg{Vi: "Phạm vi tổng hợp: %s (%s), đơn vị thấp nhất chứa mọi báo cáo đã đọc; chọn phạm vi khác bằng --scope",
		En: "Scope: %s (%s), the lowest unit that holds every return read; choose another with --scope"}
	// Warning heads a warning: "cảnh báo: …".
	Warning = lang.Msg{Vi: "cảnh báo", En: "warning"}
)

// template.
var (
	UnknownLevel  = lang.Msg{Vi: "cấp %q không có; hãy dùng một mã cấp như tinh, huyen, xa", En: "unknown level %q (use a level code such as tinh, huyen, xa)"}
	WroteTemplate = lang.Msg{Vi: "Đã viết mẫu báo cáo: %s", En: "Wrote the return template: %s"}
	// NotInRoster takes --unit's code and the roster (lang.Error.DidYouMean adds the nearest code).
	NotInRoster        = lang.Msg{Vi: "--unit %s: đơn vị này không có trong danh sách %s", En: "--unit %s: the unit is not in the roster %s"}
	RosterFolderIsFile = lang.Msg{
		Vi: "với --roster, -o là thư mục sẽ chứa một mẫu cho mỗi đơn vị, không phải tệp %s; để viết mẫu của một đơn vị, thêm --unit MÃ",
		En: "with --roster, -o is the folder for one template per unit, not the file %s; to write one unit's template, add --unit CODE"}
	// SameFileName takes the two codes, the file name and the roster.
	SameFileName = lang.Msg{
		Vi: "hai đơn vị %s và %s cho cùng một tên tệp %s (mã chỉ khác chữ hoa, chữ thường); hãy sửa một mã trong %s",
		En: "two units, %s and %s, give one file name %s (their codes differ only in case); correct one code in %s"}
	NoUnitMatches = lang.Msg{Vi: "không có đơn vị nào trong danh sách khớp --parent %q --level %q", En: "no unit of the roster matches --parent %q --level %q"}
	// TemplatesExist takes the folder, how many files exist, the first of them and AndMoreFiles (or "").
	TemplatesExist = lang.Msg{
		Vi: "%s đã có %d tệp trùng tên mẫu sẽ viết (%s%s), có thể là báo cáo đã điền; không tệp nào được ghi — hãy chọn thư mục khác, hoặc thêm --ghi-de để viết đè",
		En: "%s already holds %d of the files to write (%s%s), maybe returns filled in; nothing was written — choose another folder, or add --overwrite to write over them"}
	AndMoreFiles   = lang.Msg{Vi: " và %d tệp khác", En: " and %d more"}
	WroteTemplates = lang.Msg{Vi: "Đã viết %d mẫu báo cáo vào %s", En: "Wrote %d templates into %s"}
)

// ingest.
var (
	UnknownIngestFormat = lang.Msg{Vi: "định dạng %q không có; hãy dùng text hoặc json", En: "unknown format %q (want text or json)"}
	WroteConsolidated   = lang.Msg{Vi: "Đã viết báo cáo tổng hợp: %s", En: "Wrote the consolidated return: %s"}
)

// check.
var (
	UnknownCheckFormat = lang.Msg{Vi: "định dạng %q không có; hãy dùng text, json hoặc junit", En: "unknown format %q (want text, json or junit)"}
	NeedTargets        = lang.Msg{Vi: "cần tệp chỉ tiêu: --targets TỆP", En: "--targets is required"}
	// NoTargetApplies takes the targets file and the scope's code.
	NoTargetApplies = lang.Msg{Vi: "%s: không có chỉ tiêu nào cho %s", En: "%s: no target applies to %s"}
	TargetsMissed   = lang.Msg{Vi: "%d trong %d chỉ tiêu chưa đạt", En: "%d of %d targets missed"}
)

// report.
var (
	NothingToWrite = lang.Msg{
		Vi: "không có gì để viết: hãy cho -o bao-cao.xlsx, --pdf bao-cao.pdf, --docx bao-cao.docx và/hoặc --html bai-viet.html",
		En: "nothing to write: give -o report.xlsx, --pdf report.pdf, --docx report.docx and/or --html article.html"}
	NoReadableReturns = lang.Msg{Vi: "không có báo cáo đọc được để viết báo cáo tổng hợp", En: "no readable returns to report on"}
	SeveralRoots      = lang.Msg{
		Vi: "các báo cáo thuộc nhiều đơn vị không chung cấp trên; hãy chọn phạm vi bằng --scope (hoặc --roster) hoặc ghi tên hội viết báo cáo bằng --org",
		En: "the returns have several roots; choose the scope with --scope (or --roster), or name the association writing the report with --org"}
	// Unnamed takes the scope's code.
	Unnamed = lang.Msg{
		Vi: "không có tên của đơn vị %s trong các báo cáo đã đọc, nên báo cáo để trống chỗ tên; hãy ghi tên hội bằng --org (ví dụ --org \"Hội Khuyến học huyện Na Rì\") hoặc cho danh sách đơn vị bằng --roster",
		En: "no return names unit %s, so the report leaves its name blank; name the association with --org (e.g. --org \"Hội Khuyến học huyện Na Rì\") or give a roster with --roster"}
	// InFile is an error of the file it names: the notes file, then the error.
	InFile       = lang.Msg{Vi: "%s: %v", En: "%s: %v"}
	NotesNotOpen = lang.Msg{Vi: "không mở được tệp lời văn: %v", En: "notes: %v"}
	NotesNotRead = lang.Msg{Vi: "không đọc được tệp lời văn: %v", En: "notes: %v"}
	NotUTF8      = lang.Msg{Vi: "dòng này có byte không phải UTF-8 (tệp không lưu dạng UTF-8?); chúng được thay bằng dấu thay thế", En: "this line has bytes that are not UTF-8 (is the file not saved as UTF-8?); they are replaced by a mark"}
	MoreRepaired = lang.Msg{Vi: "và %d văn bản khác được sửa như vậy", En: "and %d more texts repaired alike"}
	WroteReport  = lang.Msg{Vi: "Đã viết: %s", En: "Wrote: %s"}
)

// roster.
var (
	NeedPreset = lang.Msg{Vi: "cần --preset: tinh-2025, tinh-2024, xa-2025 hoặc xa-2024", En: "--preset is required: tinh-2025, tinh-2024, xa-2025 or xa-2024"}
	// WroteRoster takes the file and how many units it lists.
	WroteRoster = lang.Msg{Vi: "Đã viết danh sách đơn vị: %s (%d đơn vị)", En: "Wrote the roster: %s (%d units)"}
)

// RosterComment heads a roster the roster command writes, in Vietnamese whatever the language
// (the roster is a Vietnamese office's file), a line of comment each; it takes the preset's name.
// RosterComment2024 heads the roster of the communes before 1/7/2025.
const (
	RosterComment = `Danh sách đơn vị «%s» do khuyenhoc viết; sửa, bổ sung cụm (cum) và hạn nộp (han_nop) nếu cần.
Nguồn: danh mục và bảng chuyển đổi đơn vị hành chính của Cục Thống kê (7/2025), qua sunshine-tech/VietnamProvinces.`
	RosterComment2024 = `Danh sách đơn vị «%s» (bản đồ hành chính trước 1/7/2025: tỉnh, huyện, xã cũ) do khuyenhoc viết;
dùng cho mẫu báo cáo và số liệu năm 2024, và cho --previous-roster khi so sánh năm 2025 với năm 2024.
Nguồn: danh mục đơn vị hành chính ngày 4/1/2025 và bảng chuyển đổi (7/2025) của Cục Thống kê, qua sunshine-tech/VietnamProvinces.`
)

// version: what --version and the version command print.
var (
	VersionLine  = lang.Msg{Vi: "khuyenhoc phiên bản %s", En: "khuyenhoc version %s"}
	VersionDate  = lang.Msg{Vi: "ngày:", En: "date:"}
	Unknown      = lang.Msg{Vi: "không rõ", En: "unknown"}
	NotCommitted = lang.Msg{Vi: " (có thay đổi chưa commit)", En: " (with changes not committed)"}
)

// The outputs (cmd/khuyenhoc/output): their kinds, and what stops one being written. Most take the
// flag that names the output, then its path.
var (
	KindExcel = lang.Msg{Vi: "tệp Excel", En: "an Excel file"}
	KindPDF   = lang.Msg{Vi: "tệp PDF", En: "a PDF file"}
	KindWord  = lang.Msg{Vi: "tệp Word", En: "a Word file"}
	KindYAML  = lang.Msg{Vi: "tệp YAML", En: "a YAML file"}
	KindHTML  = lang.Msg{Vi: "tệp HTML", En: "an HTML file"}
	// WrongExtension takes the flag, the path, the kind and its extension.
	WrongExtension = lang.Msg{Vi: "%s %s: %s phải có đuôi %s", En: "%s %s: %s must end in %s"}
	OutputIsFolder = lang.Msg{Vi: "%s %s: đây là một thư mục; hãy cho tên tệp", En: "%s %s: this is a folder; give a file name"}
	ReadOnly       = lang.Msg{
		Vi: "%s %s: tệp này đã có và chỉ cho đọc (read-only), nên không bị ghi đè; hãy bỏ thuộc tính chỉ đọc hoặc chọn tên khác",
		En: "%s %s: the file exists and is read-only, so it is not written over; make it writable or choose another name"}
	// LinkedToInput and IsInput also take the input.
	LinkedToInput = lang.Msg{
		Vi: "%s %s: tệp kết quả này cũng là tệp đầu vào %s (cùng một tệp, qua liên kết); tệp đầu vào không bao giờ bị ghi đè, hãy chọn tên khác",
		En: "%s %s: this output is also the input %s (the same file, through a link); inputs are never written over, choose another name"}
	IsInput = lang.Msg{
		Vi: "%s %s: tệp kết quả này cũng là tệp đầu vào %s; tệp đầu vào không bao giờ bị ghi đè, hãy chọn tên khác",
		En: "%s %s: this output is also the input %s; inputs are never written over, choose another name"}
	InInputFolder = lang.Msg{Vi: "%s %s: nằm trong thư mục đầu vào %s; hãy ghi ra chỗ khác", En: "%s %s: is inside the input folder %s; write it elsewhere"}
	// SameOutput takes the two flags and the path.
	SameOutput = lang.Msg{Vi: "%s và %s cùng ghi vào %s; hãy chọn hai tên khác nhau", En: "%s and %s both write %s; choose two different names"}
	// NoFolder also takes the folder that is not there.
	NoFolder        = lang.Msg{Vi: "%s %s: không có thư mục %s", En: "%s %s: there is no folder %s"}
	FolderIsFile    = lang.Msg{Vi: "%s %s: đã có một tệp tên này; hãy cho tên thư mục", En: "%s %s: a file of that name exists; give a folder name"}
	OutputError     = lang.Msg{Vi: "%s %s: %v", En: "%s %s: %v"}
	CannotWrite     = lang.Msg{Vi: "không ghi được %s: %v", En: "cannot write %s: %v"}
	WriteLocked     = lang.Msg{Vi: "không ghi được %s: tệp đang mở trong Excel hoặc chương trình khác, hoặc không có quyền ghi?", En: "cannot write %s: is the file open in Excel or another program, or not writable?"}
	WriteFolderGone = lang.Msg{Vi: "không ghi được %s: thư mục không còn nữa", En: "cannot write %s: its folder is gone"}
	// After an output that could not be renamed into place, what became of those renamed before:
	// put back as they were (the paths), the old content left aside (the path, where it is), the new
	// file not removed.
	PutBack    = lang.Msg{Vi: "; không tệp kết quả nào được ghi: %s vẫn như trước", En: "; no output was written: %s as before"}
	OldAside   = lang.Msg{Vi: "; không trả lại được nội dung cũ của %s: nó nằm trong %s", En: "; could not put back the old %s: it is in %s"}
	NotRemoved = lang.Msg{Vi: "; không xoá được %s mới ghi", En: "; could not remove the new %s"}
)
