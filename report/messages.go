package report

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The messages of checking the office's notes against the report: an unknown figure (an error),
// a heading taken for another, a figure that covers only some units (warnings). Each begins with
// the line of the notes.
var (
	msgNoFigure = lang.Msg{Vi: "dòng %d: %s: không có chỉ tiêu «%s» — có phải %s?", En: "line %d: %s: there is no figure «%s» — did you mean %s?"}
	msgTakenFor = lang.Msg{
		Vi: "dòng %d: tiêu đề «%s» được hiểu là «%s», %s; nếu không phải, hãy sửa tiêu đề",
		En: "line %d: heading «%s» taken for «%s», %s; if it is not, change the heading",
	}
	msgPlacedIn     = lang.Msg{Vi: "đặt vào mục đó, thay lời văn tự viết về các số liệu được nêu", En: "placed in that section, instead of the generated sentences on the figures it cites"}
	msgPlacedAfter  = lang.Msg{Vi: "đặt sau phần kết quả", En: "placed after the results"}
	msgPlacedBefore = lang.Msg{Vi: "đặt trước phần kết quả", En: "placed before the results"}
	msgComparesOnly = lang.Msg{
		Vi: "dòng %d: %s chỉ so sánh %d/%d %s có số liệu cả hai kỳ; nên ghi thêm {{%s.change_coverage}}",
		En: "line %d: %s compares only the %d of %d %s with figures in both periods; consider adding {{%s.change_coverage}}",
	}
	msgCoversOnly = lang.Msg{
		Vi: "dòng %d: %s chỉ gồm số liệu của %d/%d %s; nên ghi thêm {{%s.coverage}}",
		En: "line %d: %s covers only %d of %d %s; consider adding {{%s.coverage}}",
	}
)
