package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// What each sample report says, from «BÁO CÁO» to the signature and the appendix: the test of
// record of the report's words, read line by line in the diff when it changes.
func TestGoldenSamples(t *testing.T) {
	for _, tt := range []struct {
		name string
		read func(t *testing.T) (*pipeline.Result, report.Options)
	}{
		{"ha-giang-2023", func(t *testing.T) (*pipeline.Result, report.Options) {
			res, opts := haGiang(t)
			opts.Date = time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC)
			return res, opts
		}},
		{"tuyen-quang-2025", func(t *testing.T) (*pipeline.Result, report.Options) {
			res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("tuyen-quang", "2025")}, pipeline.Options{
				Roster: reporttest.Testdata("tuyen-quang", "danh-sach-2025.yaml"), Scope: "08",
				Previous: []string{reporttest.Testdata("tuyen-quang", "2024")}, PerUnit: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			return res, report.Options{Lang: lang.Vi, Place: "Tuyên Quang", Date: time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC)}
		}},
		{"ky-anh-2024", func(t *testing.T) (*pipeline.Result, report.Options) {
			return reporttest.KyAnh(t), report.Options{Lang: lang.Vi, Place: "Hà Tĩnh", Date: time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, opts := tt.read(t)
			got := text(t, report.Build(res, opts))
			reporttest.Golden(t, *update, tt.name+".vi.txt", []byte(got))
			// Nothing the tool says to itself stands in the signed text.
			for _, no := range []string{"lỗi", "cảnh báo", "từ chối", "báo cáo đã nhận", "Đã tổng hợp", "sai sót", "Tổng cộng", "Vấn đề"} {
				if strings.Contains(got, no) {
					t.Errorf("the report says %q", no)
				}
			}
		})
	}
}
