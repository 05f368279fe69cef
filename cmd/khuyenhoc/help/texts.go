package help

import (
	"regexp"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// uses are the use lines of the commands that take more than their name: Vietnamese, English.
var uses = map[string][2]string{
	"check":    {"check THƯ_MỤC... --targets TỆP", "check PATH... --targets FILE"},
	"ingest":   {"ingest THƯ_MỤC...", "ingest PATH..."},
	"report":   {"report THƯ_MỤC... [-o bao-cao.xlsx] [--pdf bao-cao.pdf] [--docx bao-cao.docx] [--html bai-viet.html]", "report PATH... [-o report.xlsx] [--pdf report.pdf] [--docx report.docx] [--html article.html]"},
	"roster":   {"roster --preset TÊN [--tinh MÃ] [-o TỆP]", "roster --preset NAME [--tinh CODE] [-o FILE]"},
	"template": {"template [-o TỆP]", "template [-o FILE]"},
}

// shorts are the one-line descriptions of the commands, cobra's own (help, completion) included:
// Vietnamese, English. completionShort describes the completion script of one shell.
var shorts = map[string][2]string{
	"khuyenhoc":  {"Tổng hợp báo cáo số liệu khuyến học", "consolidate khuyến học returns"},
	"check":      {"So sánh với chỉ tiêu", "compare with targets"},
	"ingest":     {"Đọc và kiểm tra báo cáo", "read and validate returns"},
	"report":     {"Viết báo cáo tổng hợp", "write the consolidated report"},
	"roster":     {"Viết danh sách đơn vị có sẵn", "write a built-in roster"},
	"template":   {"Viết mẫu báo cáo", "write the return template"},
	"version":    {"Xem phiên bản, commit và ngày", "show the version, commit and date"},
	"help":       {"Hướng dẫn về một lệnh", "Help about any command"},
	"completion": {"Viết script tự hoàn thành lệnh cho shell", "Write the shell completion script"},
}

var completionShort = lang.Msg{Vi: "Script tự hoàn thành lệnh cho %s", En: "Completion script for %s"}

// flags are the descriptions of the flags: Vietnamese, English. A flag that means the same in every
// command that has it is under its name; one of a single command under "command flag".
var flags = map[string][2]string{
	// Every command, and cobra's own flags.
	"help":            {"xem hướng dẫn", "show help"},
	"version":         {"xem phiên bản", "show the version"},
	"no-descriptions": {"không kèm mô tả trong gợi ý", "disable completion descriptions"},
	"lang":            {"ngôn ngữ: vi hoặc en", "language: vi or en"},
	"period":          {"chỉ đọc kỳ này", "only this period: 2024 or 2024-H1"},
	"roster":          {"danh sách đơn vị và cụm (YAML)", "roster of units and clusters"},
	"scope":           {"đơn vị hoặc cụm cần tổng hợp", "unit or cluster to roll up"},
	"previous":        {"báo cáo kỳ trước (thư mục hoặc tệp; lặp lại được)", "last period's returns (a folder or file; repeatable)"},
	"previous-roster": {"danh sách đơn vị kỳ trước, trước sáp nhập (YAML)", "last period's roster, before the merger"},
	"strict":          {"coi cảnh báo là lỗi", "treat warnings as errors"},

	"check targets":        {"tệp chỉ tiêu (YAML)", "targets file (required)"},
	"check per-unit":       {"xét từng đơn vị trực thuộc", "check each sub-unit too"},
	"check format":         {"dạng: text, json hoặc junit", "text, json or junit"},
	"ingest format":        {"dạng: text hoặc json", "text or json"},
	"ingest output":        {"viết báo cáo tổng hợp (.xlsx)", "write the consolidated return"},
	"ingest unit":          {"mã đơn vị của báo cáo tổng hợp", "unit code of the consolidated return"},
	"ingest name":          {"tên đơn vị của báo cáo tổng hợp", "its name"},
	"ingest level":         {"cấp của đơn vị tổng hợp", "its level"},
	"ingest parent":        {"mã cấp trên của đơn vị tổng hợp", "its parent"},
	"ingest date":          {"ngày báo cáo của báo cáo tổng hợp", "its report date (YYYY-MM-DD)"},
	"report targets":       {"tệp chỉ tiêu (YAML)", "targets file"},
	"report output":        {"báo cáo Excel", "Excel report (.xlsx)"},
	"report pdf":           {"báo cáo PDF", "PDF report"},
	"report title":         {"tên phạm vi trong tiêu đề", "scope name in the title"},
	"report date":          {"ngày báo cáo", "report date (YYYY-MM-DD)"},
	"report place":         {"địa danh", "place, as in «Ninh Thuận, ngày …»"},
	"report org":           {"tên hội viết báo cáo", "association writing the report"},
	"report number":        {"số văn bản", "document number, e.g. 12/BC-KH"},
	"report docx":          {"báo cáo Word để sửa trước khi ký", "Word report to edit before signing (.docx)"},
	"report html":          {"bài viết cho trang web của Hội (một trang HTML)", "the article for the association's website (.html)"},
	"report html-fragment": {"bài viết, chỉ phần <article> để dán vào trang web", "the article alone, to paste into a website (.html)"},
	"report notes":         {"lời văn của văn phòng (Markdown, có {{hoi_vien}}…)", "the office's own words"},
	"report org-parent":    {"cơ quan cấp trên, ghi trên tên hội", "the body above the association"},
	"report signer":        {"họ tên người ký", "who signs"},
	"report signer-title":  {"chức danh ký, mỗi lần một dòng (TM. BAN THƯỜNG VỤ, CHỦ TỊCH)", "signing title, one line each"},
	"report recipients":    {"nơi nhận, mỗi lần một dòng", "recipients, one line each"},
	"roster preset":        {"tinh-2025, tinh-2024, xa-2025 hoặc xa-2024", "tinh-2025, tinh-2024, xa-2025 or xa-2024"},
	"roster tinh":          {"mã tỉnh, với xa-2025 và xa-2024", "province code, for xa-2025 and xa-2024"},
	"roster output":        {"tệp sẽ viết (mặc định: màn hình)", "file to write (default: stdout)"},
	"template output":      {"tệp sẽ viết (thư mục, với --roster)", "file to write (a folder, with --roster)"},
	"template unit":        {"mã đơn vị", "unit code"},
	"template name":        {"tên đơn vị", "unit name"},
	"template level":       {"cấp", "level (tinh, huyen, xa, …)"},
	"template parent":      {"mã đơn vị cấp trên", "parent unit code"},
	"template period":      {"kỳ báo cáo", "period: 2024 or 2024-H1"},
	"template roster":      {"viết một mẫu cho mỗi đơn vị trong danh sách (-o là thư mục; --parent, --level chọn đơn vị; --unit: chỉ một đơn vị, -o là tệp)", "one template per unit of the roster (--unit: one unit, -o a file)"},
	"template ghi-de":      {"với --roster: ghi đè các tệp đã có trong thư mục", "with --roster: write over the files already in the folder"},
	"template overwrite":   {"như --ghi-de", "the same as --ghi-de"},
}

// longs are the long help texts: Vietnamese, English.
var longs = map[string][2]string{
	"khuyenhoc": {`khuyenhoc tổng hợp báo cáo số liệu của Hội Khuyến học các cấp: phát mẫu báo cáo, đọc và
kiểm tra báo cáo gửi lên, cộng theo cấp và theo cụm thi đua, so sánh với chỉ tiêu, viết báo cáo.
Tệp đầu vào không bao giờ bị sửa. Tiếng Anh: --lang en.

Tự hoàn thành lệnh trong shell: khuyenhoc completion --help.`,
		`khuyenhoc consolidates the returns of the Association for Promoting Education: it hands out the
return template, reads and validates the returns sent up, adds them up by level and emulation
cluster, compares them with the targets and writes the report. Inputs are never modified.

Shell completion: khuyenhoc completion --help.`},
	"template": {`Viết sổ làm việc mẫu báo cáo số liệu khuyến học (.xlsx) để cấp dưới điền.

Ô cần điền được mở khoá và kiểm tra (số nguyên không âm; danh sách chọn cấp và kỳ); mọi ô khác
bị khoá. Có thể điền sẵn thông tin một đơn vị. Với --roster, -o là thư mục (được tạo nếu chưa có,
thư mục cha phải có sẵn); tên tệp làm từ mã và tên đơn vị, luôn nằm trong thư mục đó. Khi thư mục
đã có tệp trùng tên (có thể là báo cáo đã điền), không tệp nào được ghi, trừ khi có --ghi-de.

Ví dụ:
  khuyenhoc template -o mau-bao-cao.xlsx
  khuyenhoc template --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" --level huyen \
      --parent 42 --period 2024 -o 447-ky-anh.xlsx
  khuyenhoc template --roster danh-sach.yaml --parent VN --period 2024-H1 -o mau-cac-tinh/`,
		`Write the blank return workbook for lower levels to fill in.

Cells to fill are unlocked and validated (whole numbers, lists of levels and periods); every other
cell is locked. A unit's details may be filled in. With --roster, -o is a folder (created if
missing; its parent must exist); file names are made from unit codes and names, always inside it.
When the folder holds a file of one of those names (maybe a return filled in), nothing is written
unless --overwrite is given.

Examples:
  khuyenhoc template -o return-template.xlsx
  khuyenhoc template --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" --level huyen \
      --parent 42 --period 2024 -o 447-ky-anh.xlsx
  khuyenhoc template --roster roster.yaml --parent VN --period 2024-H1 -o province-templates/`},
	"ingest": {`Đọc mọi báo cáo .xlsx trong các thư mục (kể cả thư mục con) và tệp đã cho, kiểm tra từng ô,
in danh sách báo cáo đã nhận, mọi vấn đề (tệp, trang, ô, đơn vị, cách sửa) và tổng số.

Tệp khoá tạm của Excel (~$…) được bỏ qua. Một tệp hỏng không làm dừng các tệp khác. Tệp đầu
vào không bao giờ bị sửa; -o không được là tệp đầu vào hay nằm trong thư mục đầu vào.

Ví dụ:
  khuyenhoc ingest testdata/ha-tinh-cum-nam-2023
  khuyenhoc ingest bao-cao/ --period 2024 --format json
  khuyenhoc ingest bao-cao/ --previous "bao cao, 2023/" --previous bo-sung-2023.xlsx
  khuyenhoc ingest bao-cao/ -o tong-hop-huyen.xlsx --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" \
      --date 2024-12-15

Báo cáo tổng hợp (-o) mang theo phạm vi số liệu ở trang «Phạm vi số liệu»: mỗi chỉ tiêu gồm bao
nhiêu đơn vị, các phần của mỗi tỷ lệ và các đơn vị còn thiếu, để cấp trên thấy chỗ hụt.`,
		`Read every .xlsx return in the folders (recursively) and files, validate them, and print what
was received, every problem (file, sheet, cell, unit, how to fix it) and the totals.

Excel's lock files (~$…) are skipped. One bad file never stops the others. Inputs are never
modified; -o may be neither an input nor inside an input folder.

Examples:
  khuyenhoc ingest testdata/ha-tinh-cum-nam-2023
  khuyenhoc ingest returns/ --period 2024 --format json
  khuyenhoc ingest returns/ --previous "returns, 2023/" --previous late-2023.xlsx
  khuyenhoc ingest returns/ -o district-total.xlsx --unit 447 --name "Hội Khuyến học huyện Kỳ Anh" \
      --date 2024-12-15

The consolidated return (-o) carries its coverage on the sheet «Phạm vi số liệu»: how many units
each figure covers, the parts of each ratio and the units missing, so the level above sees the gap.`},
	"check": {`So sánh số liệu của đơn vị hoặc cụm với chỉ tiêu, cho script và CI: thực hiện, mục tiêu,
chênh lệch, đạt hay chưa. --per-unit xét thêm từng đơn vị trực thuộc; đơn vị có chỉ tiêu riêng
(theo_don_vi) luôn được xét, ở bất kỳ cấp nào. --format junit ghi mỗi tệp bị từ chối và mỗi lỗi
số liệu thành một test case thất bại (bộ «dữ liệu»), để bảng CI cho thấy vì sao không đạt.

Ví dụ:
  khuyenhoc check testdata/binh-thanh-2022 --targets testdata/binh-thanh-2022.chi-tieu.yaml
  khuyenhoc check testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --targets testdata/cum-6/chi-tieu-2024.yaml --per-unit --format junit > check.xml`,
		`Compare a unit's or a cluster's figures with the targets, for scripts and CI: actual, target,
gap, met or not. --per-unit checks every sub-unit too; a unit with targets of its own
(theo_don_vi) is always checked, at any depth. --format junit writes every rejected file and
every data error as a failing test case (suite "data"), so a CI dashboard shows why.

Examples:
  khuyenhoc check testdata/binh-thanh-2022 --targets testdata/binh-thanh-2022.chi-tieu.yaml
  khuyenhoc check testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --targets testdata/cum-6/chi-tieu-2024.yaml --per-unit --format junit > check.xml`},
	"report": {`Viết báo cáo tổng hợp (Excel, PDF và Word) của một đơn vị hoặc một cụm thi đua: số liệu, so
sánh với kỳ trước và với chỉ tiêu, xếp hạng, tình hình gửi báo cáo; mọi vấn đề tìm thấy ở trang
«Vấn đề» của báo cáo Excel (không ở văn bản ký). Lời văn riêng của văn phòng (--notes, Markdown có
{{hoi_vien}}…) được đặt như một báo cáo thường có: «Tình hình chung» trước phần kết quả; «Đánh giá
chung», «Phương hướng, nhiệm vụ», «Đề xuất, kiến nghị» sau; mục trùng tên một phần của báo cáo
thay câu tự viết về các số liệu mà nó nêu.

Báo cáo Excel chứa cả báo cáo số liệu tổng hợp theo mẫu, nên cấp trên đọc được bằng «khuyenhoc
ingest». Cùng đầu vào và cùng --date cho ra cùng một tệp (từng byte). Các tệp được kiểm tra trước
khi ghi (đuôi .xlsx/.pdf/.docx, thư mục có sẵn, không trùng tệp đầu vào) và chỉ xuất hiện khi đã
viết xong tất cả.

--html viết cùng báo cáo thành bài viết cho trang web của Hội (một trang HTML tự đủ: tiêu đề, đoạn
mở đầu, số liệu, bảng, biểu đồ; không có chữ ký, nơi nhận); --html-fragment chỉ viết phần <article>
để dán vào trang web.

Ví dụ:
  khuyenhoc report testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --previous testdata/cum-6/2023 --targets testdata/cum-6/chi-tieu-2024.yaml \
      --date 2024-07-05 --place "Ninh Thuận" -o cum-6.xlsx --pdf cum-6.pdf --docx cum-6.docx`,
		`Write the consolidated report (Excel, PDF and Word) of a unit or an emulation cluster: figures,
change since the previous period, targets, ranking, submission status; every problem found on the
Excel report's «Vấn đề» sheet (not in the signed text). The office's own words (--notes, Markdown
with {{hoi_vien}}…) go where a report has them: «Tình hình chung» before the results; «Đánh giá
chung», «Phương hướng, nhiệm vụ», «Đề xuất, kiến nghị» after; a section named as a part of the
report replaces the generated sentences on the figures it cites.

The Excel report holds the consolidated return in the template layout, so the level above reads it
with «khuyenhoc ingest». The same inputs and --date give byte-identical files. Outputs are checked
before anything is written (.xlsx/.pdf/.docx extension, existing folder, not an input) and appear
only when all of them are complete.

--html writes the same report as an article for the association's website (one self-contained
HTML page: headline, lead, figures, tables, chart; no signature, no recipients); --html-fragment
writes the <article> alone, to paste into a website.

Examples:
  khuyenhoc report testdata/cum-6/2024-H1 --roster testdata/cum-6/danh-sach.yaml --scope cum-6 \
      --previous testdata/cum-6/2023 --targets testdata/cum-6/chi-tieu-2024.yaml \
      --date 2024-07-05 --place "Ninh Thuận" -o cum-6.xlsx --pdf cum-6.pdf --docx cum-6.docx`},
	"roster": {`Viết danh sách đơn vị (YAML) có sẵn để bắt đầu: 34 tỉnh, thành phố từ 1/7/2025 với 63 tỉnh cũ
là tiền thân (tinh-2025), 63 tỉnh trước sáp nhập (tinh-2024), hoặc các xã, phường mới của một tỉnh
với các xã cũ là tiền thân (xa-2025, theo bảng chuyển đổi của Cục Thống kê), hoặc bản đồ cũ của
một tỉnh: tỉnh cũ, huyện, xã trước 1/7/2025 (xa-2024, cho mẫu và số liệu năm 2024 và --previous-roster).

Ví dụ:
  khuyenhoc roster --preset tinh-2025 -o danh-sach-2025.yaml
  khuyenhoc roster --preset xa-2025 --tinh 08 -o tuyen-quang.yaml
  khuyenhoc roster --preset xa-2024 --tinh 08 -o tuyen-quang-2024.yaml`,
		`Write a built-in roster (YAML) to start from: the 34 provinces from 1 July 2025 with the 63
former ones as predecessors (tinh-2025), the 63 provinces before the merger (tinh-2024), or one
province's new communes with the former communes as predecessors (xa-2025, from the General
Statistics Office's conversion table), or one province's former map: former provinces, districts
and communes before 1 July 2025 (xa-2024, for last year's templates and --previous-roster).

Examples:
  khuyenhoc roster --preset tinh-2025 -o roster-2025.yaml
  khuyenhoc roster --preset xa-2025 --tinh 08 -o tuyen-quang.yaml
  khuyenhoc roster --preset xa-2024 --tinh 08 -o tuyen-quang-2024.yaml`},
	"completion": {`Viết script tự hoàn thành lệnh (tab) cho shell. Ví dụ:
  bash:        source <(khuyenhoc completion bash)
               (lâu dài: khuyenhoc completion bash > /etc/bash_completion.d/khuyenhoc)
  zsh:         khuyenhoc completion zsh > "${fpath[1]}/_khuyenhoc"
  fish:        khuyenhoc completion fish > ~/.config/fish/completions/khuyenhoc.fish
  PowerShell:  khuyenhoc completion powershell | Out-String | Invoke-Expression`,
		`Write the shell's tab-completion script. For example:
  bash:        source <(khuyenhoc completion bash)
               (for good: khuyenhoc completion bash > /etc/bash_completion.d/khuyenhoc)
  zsh:         khuyenhoc completion zsh > "${fpath[1]}/_khuyenhoc"
  fish:        khuyenhoc completion fish > ~/.config/fish/completions/khuyenhoc.fish
  PowerShell:  khuyenhoc completion powershell | Out-String | Invoke-Expression`},
}

const exitAllVi = `  0  mọi thứ ổn
  1  có vấn đề số liệu: một báo cáo bị từ chối hoặc có lỗi (với --strict, cả cảnh báo)
  2  sai cách dùng hoặc môi trường: tùy chọn sai, không đọc được tệp chỉ tiêu hay danh sách,
     không có báo cáo nào của kỳ đã chọn, không ghi được tệp kết quả
  3  chưa đạt chỉ tiêu (check), khi số liệu không có lỗi
  130, 143  bị dừng (Ctrl-C, SIGTERM); không tệp kết quả nào được ghi`

const exitAllEn = `  0  all good
  1  data problems: a return rejected, or error-level findings (with --strict, warnings too)
  2  usage or environment error: bad flag, unreadable targets or roster file, no return of
     the chosen period, an output that cannot be written
  3  targets missed (check), when the data itself is fine
  130, 143  interrupted (Ctrl-C, SIGTERM); no output is written`

var exitVi = map[string]string{
	"khuyenhoc": exitAllVi,
	"roster":    "  0  đã viết\n  2  tùy chọn sai, hoặc không ghi được tệp",
	"template":  "  0  đã viết\n  2  tùy chọn sai, danh sách đơn vị sai, hoặc không ghi được tệp",
	"ingest":    "  0  mọi báo cáo đọc được, không có lỗi\n  1  có báo cáo bị từ chối hoặc có lỗi\n  2  tùy chọn sai, hoặc không có báo cáo nào của kỳ đã chọn",
	"check":     "  0  đạt mọi chỉ tiêu\n  1  có vấn đề số liệu (báo cáo bị từ chối hoặc có lỗi)\n  2  tùy chọn sai, tệp chỉ tiêu hay danh sách sai, không có báo cáo nào của kỳ đã chọn\n  3  có chỉ tiêu chưa đạt",
	"report":    "  0  đã viết, số liệu không có lỗi\n  1  đã viết, nhưng có báo cáo bị từ chối hoặc có lỗi (được liệt kê trong báo cáo)\n  2  tùy chọn sai, tệp chỉ tiêu hay danh sách sai, không có báo cáo nào của kỳ đã chọn,\n     hoặc không ghi được tệp",
}

var exitEn = map[string]string{
	"khuyenhoc": exitAllEn,
	"roster":    "  0  written\n  2  bad flag, or the file cannot be written",
	"template":  "  0  written\n  2  bad flag, bad roster, or the file cannot be written",
	"ingest":    "  0  every return read without errors\n  1  a return rejected, or error-level problems\n  2  bad flag, or no return of the chosen period",
	"check":     "  0  every target met\n  1  data problems (a return rejected, or error-level findings)\n  2  bad flag, bad targets or roster file, no return of the chosen period\n  3  a target missed",
	"report":    "  0  written, data without errors\n  1  written, but a return was rejected or has errors (they are listed in the report)\n  2  bad flag, bad targets or roster file, no return of the chosen period, or an output\n     that cannot be written",
}

// DoubleClick is what a double click on khuyenhoc.exe shows (cobra's MousetrapHelpText), in
// Vietnamese and English at once: the window opens before any --lang is given.
const DoubleClick = `khuyenhoc là chương trình chạy trong cửa sổ lệnh (Command Prompt, PowerShell).

Cách chạy:
  1. Mở thư mục chứa khuyenhoc.exe trong File Explorer.
  2. Windows 11: bấm chuột phải vào chỗ trống trong thư mục, chọn «Mở trong Terminal».
     Windows 10: bấm vào thanh địa chỉ ở trên cùng, gõ cmd rồi nhấn Enter.
  3. Gõ lệnh rồi nhấn Enter, ví dụ:
       .\khuyenhoc ingest vi-du\ha-tinh-cum-nam-2023
       .\khuyenhoc --help

Cũng có thể kéo một thư mục báo cáo thả vào biểu tượng khuyenhoc.exe để kiểm tra và cộng số liệu.
Xem thêm HUONG-DAN.txt bên cạnh khuyenhoc.exe.

khuyenhoc is a command-line program: open a terminal in this folder and type
".\khuyenhoc --help" (see README.md).
`

// PauseLine asks for a key before the window Explorer opened closes.
const PauseLine = "Nhấn phím bất kỳ để đóng cửa sổ này… (press any key to close)"

// exitHeading heads the exit statuses in a long help: Vietnamese, English.
var exitHeading = [2]string{"TRẠNG THÁI THOÁT (exit status)\n", "EXIT STATUS\n"}

// usageTemplate is cobra's usage template, its words replaced by usageWords' in the language.
const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Available Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | flagText}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | flagText}}{{end}}{{if .HasAvailableSubCommands}}

USE_MORE{{end}}
`

// usageWords are the words of usageTemplate: the word, then Vietnamese and English.
var usageWords = [][3]string{
	{"Usage:", "Cách dùng:", "Usage:"},
	{"[command]", "[lệnh]", "[command]"},
	{"Examples:", "Ví dụ:", "Examples:"},
	{"Available Commands:", "Các lệnh:", "Commands:"},
	{"Flags:", "Tùy chọn:", "Flags:"},
	{"Global Flags:", "Tùy chọn chung:", "Global Flags:"},
	{"USE_MORE", `Xem "{{.CommandPath}} [lệnh] --help" để biết thêm về một lệnh.`, `Use "{{.CommandPath}} [command] --help" for more about a command.`},
}

// In the Vietnamese list of flags: "(mặc định …)" for the flag parser's "(default …)", and what a
// flag's value is in place of its Go type (valueWords by flag; numberWord, textWord otherwise).
const (
	defaultVi  = "(mặc định "
	numberWord = "SỐ"
	textWord   = "CHỮ"
)

var valueWords = map[string]string{
	"date": "NGÀY", "period": "KỲ", "scope": "MÃ", "unit": "MÃ", "parent": "MÃ", "tinh": "MÃ",
	"lang": "vi|en", "format": "DẠNG", "level": "CẤP", "preset": "MẪU", "previous": "THƯ_MỤC",
	"output": "TỆP", "pdf": "TỆP", "docx": "TỆP", "html": "TỆP", "html-fragment": "TỆP", "notes": "TỆP",
	"roster": "TỆP", "targets": "TỆP", "previous-roster": "TỆP",
}

// cobraErrors say cobra's and pflag's own error messages: the message, then Vietnamese and English.
var cobraErrors = []struct {
	re     *regexp.Regexp
	vi, en string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `lệnh «$1» không có trong «$2»`, `unknown command "$1" for "$2"`},
	{regexp.MustCompile(`Did you mean this\?`), `Có phải là:`, `Did you mean this?`},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), `không có tùy chọn $1`, `unknown flag $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), `không có tùy chọn -$1 (trong $2)`, `unknown flag -$1 (in $2)`},
	{regexp.MustCompile(`^flag needs an argument: '.' in (\S+)$`), `tùy chọn $1 cần một giá trị`, `flag $1 needs a value`},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), `tùy chọn $1 cần một giá trị`, `flag $1 needs a value`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv.ParseBool: .*$`), `giá trị «$1» không hợp lệ cho $2: hãy ghi true hoặc false`, `invalid value "$1" for $2: want true or false`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv.Parse(Int|Uint): .*$`), `giá trị «$1» không hợp lệ cho $2: hãy ghi một số nguyên`, `invalid value "$1" for $2: want a whole number`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), `giá trị «$1» không hợp lệ cho $2`, `invalid value "$1" for $2`},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), `tùy chọn viết sai: $1`, `bad flag syntax: $1`},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), `lệnh nhận $1 tham số, đã cho $2`, `takes $1 argument(s), got $2`},
}

// didYouMean follows an unknown flag or command with the nearest known one.
var didYouMean = lang.Msg{Vi: " — có phải %s?", En: " — did you mean %s?"}
