package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// The PDF says how partial each figure is, never states a partial figure as a full total, gives
// the rate over matching communes with its parts, names the missing and late communes with their
// districts, lists the blanks, and tells the two Kỳ Anh apart.
func TestPartialPDF(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, report.Build(reporttest.KyAnh(t), report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, b.Bytes())), " ")
	rate := lang.Percent(lang.Vi, reporttest.KyAnhRate)
	for _, want := range []string{
		"Số liệu tổng hợp từ báo cáo của 4/5 xã; 1 xã chưa báo cáo, xem mục V.",
		"Toàn tỉnh hiện có 45 chi hội (số liệu của 3/5 xã).",
		"Tổng số hội viên hiện có là 9.800 hội viên; tỷ lệ hội viên/dân số đạt 24,50%.",
		"5.650/7.200 gia đình được công nhận, đạt " + rate + " (số liệu của 3/5 xã)",
		"Đến nay, 4/5 xã đã gửi báo cáo; chưa gửi: xã Kỳ Phú (huyện Kỳ Anh); gửi muộn: xã Kỳ Giang (huyện Kỳ Anh).",
		"Chưa có số liệu về chi hội khuyến học của phường Kỳ Lợi; về gia đình học tập được công nhận của phường Kỳ Ninh.",
		"Huyện Kỳ Anh", "Thị xã Kỳ Anh",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, wrong := range []string{"56,50%", "Đã nhận 4/5 báo cáo", "(số liệu của 4/5 xã)", "5.650/10.000"} {
		if strings.Contains(text, wrong) {
			t.Errorf("PDF says %q", wrong)
		}
	}
}
