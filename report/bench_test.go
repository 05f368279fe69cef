package report

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// nationalData reads the synthetic national data set (KHUYENHOC_BENCH_DIR, made by
// `make synthetic`; 1,000 returns made here otherwise) and rolls it up to the country.
func nationalData(b *testing.B) *Data {
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
	ro := loadRoster(b, roster)
	batch, err := ingest.Load(context.Background(), cat, []string{dir}, ingest.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	ru, err := rollup.Build(cat, batch.Returns, rollup.Options{Roster: ro})
	if err != nil {
		b.Fatal(err)
	}
	return &Data{Lang: lang.Vi, Catalogue: cat, Batch: batch, Rollup: ru, Roster: true}
}

// BenchmarkNationalExcel writes the national report workbook (a row for every unit).
func BenchmarkNationalExcel(b *testing.B) {
	d := nationalData(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteExcel(io.Discard, d); err != nil {
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
		if err := WritePDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
