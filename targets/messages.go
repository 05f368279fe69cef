package targets

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The mistakes a targets file can hold, said in both languages.
var (
	msgCannotOpen   = lang.Msg{Vi: "không mở được tệp chỉ tiêu: %v", En: "targets: %v"}
	msgNotMapping   = lang.Msg{Vi: "tệp chỉ tiêu phải là một bảng khoá: giá trị (nam, chi_tieu, theo_cap, theo_don_vi)", En: "the targets file must be a mapping (nam, chi_tieu, theo_cap, theo_don_vi)"}
	msgNotYear      = lang.Msg{Vi: "nam: «%s» không phải là năm", En: "nam: %q is not a year"}
	msgNotPeriod    = lang.Msg{Vi: "ky: «%s» không phải kỳ báo cáo (2024 hoặc 2024-H1)", En: "ky: %q is not a period (2024 or 2024-H1)"}
	msgLevelsNotMap = lang.Msg{Vi: "theo_cap phải là bảng mã cấp: chỉ tiêu (ví dụ xa: {hoc_bong.suat: 20})", En: "theo_cap must map level codes to targets (e.g. xa: {hoc_bong.suat: 20})"}
	msgUnknownLevel = lang.Msg{Vi: "theo_cap: không có cấp «%s»; các cấp: %s", En: "theo_cap: no level %q; the levels: %s"}
	msgUnitsNotMap  = lang.Msg{Vi: "theo_don_vi phải là bảng mã đơn vị: chỉ tiêu", En: "theo_don_vi must map unit codes to targets"}
	msgNoUnitCode   = lang.Msg{Vi: "theo_don_vi: thiếu mã đơn vị", En: "theo_don_vi: a unit code is missing"}
	msgUnitTwice    = lang.Msg{Vi: "theo_don_vi: đơn vị %s được ghi hai lần", En: "theo_don_vi: unit %s is written twice"}
	msgUnknownKey   = lang.Msg{
		Vi: "khoá «%s» không hợp lệ; tệp chỉ tiêu chỉ có nam, ky, chi_tieu, theo_cap, theo_don_vi",
		En: "unknown key %q; a targets file has nam, ky, chi_tieu, theo_cap, theo_don_vi"}
	msgNoYear          = lang.Msg{Vi: "thiếu nam (năm của chỉ tiêu)", En: "nam (the targets' year) is missing"}
	msgPeriodNotInYear = lang.Msg{Vi: "ky %s không thuộc năm %d (nam)", En: "ky %s is not in the year %d (nam)"}
	msgTargetsNotMap   = lang.Msg{Vi: "chỉ tiêu phải là bảng mã: giá trị", En: "targets must map figure codes to values"}
	msgUnknownFigure   = lang.Msg{Vi: "%s: không có chỉ tiêu này — có phải %s?", En: "%s: no such figure — did you mean %s?"}
	// msgBadValue is a figure's code, then what is wrong with its value (one of the below).
	msgBadValue = lang.Msg{Vi: "%s: %s", En: "%s: %s"}

	// What is wrong with a target's value: each takes the value as written.
	msgNotNumber = lang.Msg{
		Vi: "«%s» không phải là số hoặc tỷ lệ (ví dụ 70%%, 600, \"<= 50000000\")",
		En: "%q is not a number or a percentage (e.g. 70%%, 600, \"<= 50000000\")"}
	msgRateWithoutPercent = lang.Msg{Vi: "«%s»: chỉ tiêu tỷ lệ phải viết với dấu %% (ví dụ 70%%)", En: "%q: a rate target is written with %% (e.g. 70%%)"}
	// msgCountNotRate also takes the figure's code.
	msgCountNotRate = lang.Msg{
		Vi: "«%s»: chỉ tiêu này là số lượng, không phải tỷ lệ; hãy bỏ dấu %% hoặc dùng chỉ tiêu tỷ lệ (%s.ty_le…)",
		En: "%[1]q: this figure is a count, not a rate; drop the %% or use a rate figure"}
	msgRateRange = lang.Msg{Vi: "«%s»: tỷ lệ phải từ 0%% đến 100%%", En: "%q: a rate is between 0%% and 100%%"}
	msgNegative  = lang.Msg{Vi: "«%s»: chỉ tiêu không được âm", En: "%q: a target cannot be negative"}
)
