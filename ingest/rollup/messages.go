package rollup

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The mistakes of a roster file and of its predecessors (tien_than), said in both languages.
var (
	msgBadDue          = lang.Msg{Vi: "han_nop %s: hãy ghi ngày dạng 2024-12-15", En: "han_nop %s: want a date like 2024-12-15"}
	msgUnitNoCode      = lang.Msg{Vi: "đơn vị thứ %d trong don_vi không có ma (mã)", En: "don_vi #%d has no ma (code)"}
	msgUnitTwice       = lang.Msg{Vi: "đơn vị %s được liệt kê hai lần (lần đầu ở dòng %d)", En: "unit %s is listed twice (first on line %d)"}
	msgClusterIsUnit   = lang.Msg{Vi: "cụm %s trùng mã với một đơn vị", En: "cluster %s has the code of a unit"}
	msgMemberTwice     = lang.Msg{Vi: "cụm %s: thành viên %s được ghi hai lần", En: "cluster %s: member %s is listed twice"}
	msgUnitTwoClusters = lang.Msg{Vi: "đơn vị %s thuộc hai cụm, %s và %s", En: "unit %s is in two clusters, %s and %s"}
	msgParentCycle     = lang.Msg{Vi: "các cấp trên tạo thành vòng lặp: %s", En: "parents go round in a cycle: %s"}
	msgCannotOpen      = lang.Msg{Vi: "không mở được danh sách đơn vị: %v", En: "roster: %v"}
	msgFileError       = lang.Msg{Vi: "%s: %v", En: "%s: %v"}
	msgUnknownLevel    = lang.Msg{Vi: "đơn vị %s: không có cấp %s; các cấp: %s", En: "unit %s: there is no level %s; the levels: %s"}
	msgUnknownParent   = lang.Msg{Vi: "đơn vị %s: cấp trên %s không có trong danh sách", En: "unit %s: parent %s is not in the roster"}
	msgUnknownMember   = lang.Msg{Vi: "cụm %s: thành viên %s không có trong danh sách đơn vị", En: "cluster %s: member %s is not a unit of the roster"}

	msgPredecessorKind        = lang.Msg{Vi: "tien_than: hãy ghi một mã hoặc {ma: …, ty_le: …}", En: "tien_than: want a code or {ma: …, ty_le: …}"}
	msgPredecessorField       = lang.Msg{Vi: "tien_than: không có trường %s (các trường: ma, ten, mot_phan, ty_le)", En: "tien_than: field %s not known (want ma, ten, mot_phan, ty_le)"}
	msgPredecessorFields      = lang.Msg{Vi: "tien_than: ma là một mã, ten là chữ, mot_phan là true hoặc false, ty_le là một tỷ lệ như 40%%", En: "tien_than: ma is a code, ten a text, mot_phan true or false, ty_le a share such as 40%%"}
	msgPredecessorShare       = lang.Msg{Vi: "tien_than %s: ty_le %s: hãy ghi một tỷ lệ phần trăm trên 0%% và không quá 100%%, như 40%%", En: "tien_than %s: ty_le %s: want a percentage above 0%% and at most 100%%, such as 40%%"}
	msgPredecessorNoCode      = lang.Msg{Vi: "đơn vị %s: một tiền thân không có ma (mã); hãy ghi mã của đơn vị cũ, hoặc bỏ tiền thân này nếu nó không phải một đơn vị", En: "unit %s: a predecessor has no ma (code); write the former unit's code, or leave it out if it was no unit"}
	msgPredecessorTwice       = lang.Msg{Vi: "đơn vị %s: tiền thân %s được ghi hai lần", En: "unit %s: predecessor %s is listed twice"}
	msgPredecessorWholeTwice  = lang.Msg{Vi: "tiền thân %s được nhận toàn bộ bởi hai đơn vị, %s và %s; nếu mỗi đơn vị nhận một phần, hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) ở cả hai", En: "predecessor %s is taken over whole by two units, %s and %s; if each took a part, write mot_phan: true or a share (ty_le) in both"}
	msgPredecessorWholeShared = lang.Msg{Vi: "tiền thân %s được %s nhận toàn bộ nhưng cũng được chia cho %s; hãy ghi mot_phan: true hoặc tỷ lệ (ty_le) của nó ở %s", En: "predecessor %s is taken over whole by %s but also shared by %s; write mot_phan: true or its share (ty_le) at %s"}
	// msgSharesOver takes the predecessor's code, the sum of its shares and the units sharing it.
	msgSharesOver = lang.Msg{Vi: "các tỷ lệ của tiền thân %s cộng lại %s, quá 100%% (%s)", En: "the shares of predecessor %s add up to %s, over 100%% (%s)"}
)

// The mistakes of a roll-up.
var (
	msgTwoReturns      = lang.Msg{Vi: "đơn vị %s có hai báo cáo (%s và %s): hãy tổng hợp từng kỳ một", En: "unit %s has two returns (%s and %s): roll up one period at a time"}
	msgNothingToRollUp = lang.Msg{Vi: "không có báo cáo nào để tổng hợp", En: "no returns to roll up"}
	msgUnknownScope    = lang.Msg{Vi: "phạm vi %s không phải đơn vị hay cụm nào trong các báo cáo và danh sách đã đọc", En: "scope %s is neither a unit nor a cluster of what was read"}
)

// The mistakes of a preset roster (--preset, --tinh).
var (
	msgNoPreset            = lang.Msg{Vi: "không có danh sách có sẵn «%s»; các danh sách: %s", En: "no preset %q; the presets are %s"}
	msgPresetWholeCountry  = lang.Msg{Vi: "--preset %s gồm cả nước, không nhận --tinh; danh sách xã của một tỉnh: --preset xa-2025 --tinh %s, bản đồ cũ (huyện, xã trước 1/7/2025): --preset xa-2024 --tinh %s", En: "--preset %s covers the whole country and takes no --tinh; one province's communes: --preset xa-2025 --tinh %s, its former map (districts, communes before 1 July 2025): --preset xa-2024 --tinh %s"}
	msgPresetNeedsProvince = lang.Msg{Vi: "--preset %s cần mã tỉnh (--tinh), một trong: %s", En: "--preset %s needs a province code (--tinh), one of: %s"}
	msgFormerProvince      = lang.Msg{Vi: "%s là mã tỉnh cũ; từ 1/7/2025 thuộc tỉnh mã %s — hãy dùng --tinh %s", En: "%s is a former province code; since 1 July 2025 it is part of province %s — use --tinh %s"}
	msgNoProvince          = lang.Msg{Vi: "không có tỉnh mã %q; gần nhất: %s; các mã: %s", En: "no province has code %q; nearest: %s; the codes: %s"}
	msgNoPresetNamed       = lang.Msg{Vi: "không có mẫu danh sách «%s»; các mẫu: %s", En: "no preset %q; the presets are %s"}
	msgPresetError         = lang.Msg{Vi: "%v (các mẫu: %s)", En: "%v (presets: %s)"}
)
