package reporttest

import (
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// HaGiang is Hà Giang's 2023 report as the README writes it: the office's notes (with their own
// «Nơi nhận»), the body above, a number, a signer.
func HaGiang(t testing.TB) *report.Document {
	t.Helper()
	return report.Build(ReadHaGiang(t, lang.Vi))
}

// HaGiangHead is the head of HaGiang's report, to measure it.
var HaGiangHead = Head{
	Parent: []string{"HỘI KHUYẾN HỌC VIỆT NAM"}, Org: []string{"HỘI KHUYẾN HỌC", "TỈNH HÀ GIANG"},
	Number: "Số: 12/BC-HKH", Country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto: "Độc lập - Tự do - Hạnh phúc",
	Date: "Hà Giang, ngày 20 tháng 12 năm 2023", Kind: "BÁO CÁO", Paragraph: "Năm 2023, Hội Khuyến học tỉnh Hà Giang",
	Signer: "TM. BAN THƯỜNG VỤ", Name: "Nguyễn Văn A", To: 4,
}
