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

// ReadHaGiang is the README's Hà Giang 2023 report (seed 000) as `khuyenhoc report` reads it: one
// province's return against 2022, its targets and the office's notes, signed.
func ReadHaGiang(t testing.TB, l lang.Lang) (*pipeline.Result, report.Options) {
	t.Helper()
	chdirReport(t)
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{Testdata("ha-giang", "2023")}, pipeline.Options{
		Previous: []string{Testdata("ha-giang", "2022")},
		Targets:  Testdata("ha-giang", "chi-tieu-2023.yaml"),
		PerUnit:  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	path := Testdata("ha-giang", "ghi-chu-2023.md")
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, path)
	if err != nil {
		t.Fatal(err)
	}
	return res, report.Options{
		Lang: l, Date: time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC), Place: "Hà Giang", Number: "12/BC-HKH",
		OrgParent: "Hội Khuyến học Việt Nam", SignerTitles: []string{"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}, Signer: "Nguyễn Văn A",
		Notes: n,
	}
}
