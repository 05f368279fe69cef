package pipeline

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The errors of a run that stop it, said in both languages.
var (
	// msgSeveralPeriods takes the count of returns of each period (msgPeriodCount, joined).
	msgSeveralPeriods = lang.Msg{
		Vi: "các báo cáo thuộc nhiều kỳ và không kỳ nào có quá nửa số báo cáo (%s); hãy chọn một kỳ bằng --period, kỳ trước đưa vào --previous",
		En: "the returns are of several periods and none has more than half of them (%s); choose one with --period, and give the previous one to --previous"}
	msgPreviousSeveralPeriods = lang.Msg{Vi: "--previous: các báo cáo thuộc nhiều kỳ (%s)", En: "--previous: the returns are of several periods (%s)"}
	msgPeriodCount            = lang.Msg{Vi: "%d báo cáo kỳ %s", En: "%d returns for %s"}
	// msgPrevious is an error of last period's returns.
	msgPrevious = lang.Msg{Vi: "--previous: %s", En: "--previous: %s"}

	msgNothingToRead = lang.Msg{Vi: "không có báo cáo nào để đọc", En: "there is no return to read"}
	msgNoneOfPeriod  = lang.Msg{
		Vi: "không có báo cáo nào của kỳ %s ở đây; các tệp là báo cáo kỳ %s (chọn kỳ bằng --period)",
		En: "no return of period %s here; the files hold returns of %s (choose with --period)"}

	// Each takes a prefix ("" or "--previous: ") first.
	msgNoReturnsFound = lang.Msg{Vi: "%skhông tìm thấy báo cáo nào (tệp .xlsx): %v", En: "%sno returns (.xlsx files) found: %v"}
	msgCannotRead     = lang.Msg{Vi: "%skhông đọc được %s: %v", En: "%scannot read %s: %v"}

	msgTargetsOtherPeriod = lang.Msg{
		Vi: "%s: chỉ tiêu %s (nam: %d) nhưng số liệu là của %s; hãy dùng tệp chỉ tiêu của %[4]s",
		En: "%s: the targets are for %s (nam: %d) but the figures are of %s; use the targets file for %[4]s"}
	msgTargetUnitNotInRoster = lang.Msg{Vi: "%s:%d: theo_don_vi: đơn vị %s không có trong danh sách đơn vị", En: "%s:%d: theo_don_vi: unit %s is not in the roster"}
)
