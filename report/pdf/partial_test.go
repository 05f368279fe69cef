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
		"Tổng số chi hội khuyến học: 45 (3/5 xã báo cáo).",
		"Tổng số hội viên hiện có là 9.800 hội viên (4/5 xã báo cáo); tỷ lệ hội viên/dân số đạt 24,50% (4/5 xã báo cáo).",
		"Gia đình học tập: 5.650/7.200 được công nhận, đạt " + rate + " (3/5 xã báo cáo)",
		"Đã có số liệu của 4/5 xã (4 báo cáo đã nhận); huyện Kỳ Anh: 2/3 xã; thị xã Kỳ Anh: 2/2 xã; chưa nộp: xã Kỳ Phú (huyện Kỳ Anh); nộp muộn: xã Kỳ Giang (huyện Kỳ Anh).",
		"Số liệu để trống hoặc bị từ chối: chi hội khuyến học: phường Kỳ Lợi; gia đình học tập: được công nhận: phường Kỳ Ninh.",
		"1. huyện Kỳ Anh (24,50%); 2. thị xã Kỳ Anh (24,50%)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, wrong := range []string{"56,50%", "Đã nhận 4/5 báo cáo", "9.800 hội viên;", "5.650/10.000"} {
		if strings.Contains(text, wrong) {
			t.Errorf("PDF says %q", wrong)
		}
	}
}
