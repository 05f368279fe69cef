package pdf

import (
	"io"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// BenchmarkNationalPDF builds and writes the national PDF report.
func BenchmarkNationalPDF(b *testing.B) {
	d := reporttest.National(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, report.Build(d, report.Options{Lang: lang.Vi})); err != nil {
			b.Fatal(err)
		}
	}
}
