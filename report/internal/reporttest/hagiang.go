package reporttest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// HaGiang is Hà Giang's 2023 report as the README writes it: the office's notes (with their own
// «Nơi nhận»), the body above, a number, a signer.
func HaGiang(t testing.TB) *report.Document {
	t.Helper()
	chdirReport(t)
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{Testdata("ha-giang", "2023")}, pipeline.Options{
		Previous: []string{Testdata("ha-giang", "2022")},
		Targets:  Testdata("ha-giang", "chi-tieu-2023.yaml"),
	})
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(Testdata("ha-giang", "ghi-chu-2023.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, "ghi-chu-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(res, report.Options{Lang: lang.Vi, Place: "Hà Giang", Date: time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC),
		Notes: n, OrgParent: "Hội Khuyến học Việt Nam", Signer: "Nguyễn Văn A", SignerTitles: []string{"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}, Number: "12/BC-HKH"})
}

// HaGiangHead is the head of HaGiang's report, to measure it.
var HaGiangHead = Head{
	Parent: []string{"HỘI KHUYẾN HỌC VIỆT NAM"}, Org: []string{"HỘI KHUYẾN HỌC", "TỈNH HÀ GIANG"},
	Number: "Số: 12/BC-HKH", Country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto: "Độc lập - Tự do - Hạnh phúc",
	Date: "Hà Giang, ngày 20 tháng 12 năm 2023", Kind: "BÁO CÁO", Paragraph: "Năm 2023, Hội Khuyến học tỉnh Hà Giang",
	Signer: "TM. BAN THƯỜNG VỤ", Name: "Nguyễn Văn A", To: 4,
}
