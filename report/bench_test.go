package report

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
)

// nationalData reads the synthetic national data set (KHUYENHOC_BENCH_DIR, made by
// `make synthetic`; 1,000 returns made here otherwise) and rolls it up to the country.
func nationalData(b *testing.B) *pipeline.Result {
	b.Helper()
	cat := ingest.DefaultCatalogue()
	dir := os.Getenv("KHUYENHOC_BENCH_DIR")
	roster := ""
	if dir == "" {
		dir = b.TempDir()
		s, err := ingesttest.Synthesize(dir, cat, 1000, 1)
		if err != nil {
			b.Fatal(err)
		}
		roster = s.Roster
	} else {
		roster = dir + "/danh-sach.yaml"
	}
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Roster: roster})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkNationalExcel writes the national report workbook (a row for every unit).
func BenchmarkNationalExcel(b *testing.B) {
	d := nationalData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteExcel(io.Discard, d, Options{Lang: lang.Vi}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalPDF writes the national PDF report.
func BenchmarkNationalPDF(b *testing.B) {
	d := nationalData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WritePDF(io.Discard, d, Options{Lang: lang.Vi}); err != nil {
			b.Fatal(err)
		}
	}
}
