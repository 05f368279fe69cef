package html

import (
	"io"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// BenchmarkNationalArticle writes the national report's article (the Document built once).
func BenchmarkNationalArticle(b *testing.B) {
	doc := report.BuildArticle(reporttest.National(b), report.Options{Lang: lang.Vi})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
