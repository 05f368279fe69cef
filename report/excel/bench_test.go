package excel

import (
	"io"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// BenchmarkNationalExcel writes the national report workbook (a row for every unit).
func BenchmarkNationalExcel(b *testing.B) {
	d := reporttest.National(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, report.NewFacts(d, report.Options{Lang: lang.Vi})); err != nil {
			b.Fatal(err)
		}
	}
}
