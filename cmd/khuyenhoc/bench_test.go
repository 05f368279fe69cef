package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
)

// The commands on a national roster down to the branch (chi hội): 3,000 commune returns and a
// roster of 200,000 units, of which 7,000 communes and their branches sent nothing
// (KHUYENHOC_BENCH_DIR points at a data set made by `make synthetic N=3000 MISSING=7000
// BRANCHES=189219`; otherwise one is made once in a temporary folder, about a minute).
// Each reports the bytes allocated per roster unit and per return (B/unit, B/return) beside the
// usual B/op; peak memory is the process's, measured with /usr/bin/time (BENCHMARKS.md).

var benchShape = ingesttest.Branches{Returns: 3000, Missing: 7000, Branches: 189219}

var branchSet struct {
	once           sync.Once
	dir, roster    string
	units, returns int
	err            error
}

func branchData(b *testing.B) (dir, roster string) {
	b.Helper()
	branchSet.once.Do(func() {
		dir := os.Getenv("KHUYENHOC_BENCH_DIR")
		if dir == "" {
			tmp, err := os.MkdirTemp("", "khuyenhoc-branches-")
			if err != nil {
				branchSet.err = err
				return
			}
			if _, err := ingesttest.SynthesizeBranches(tmp, ingest.DefaultCatalogue(), benchShape, 1); err != nil {
				branchSet.err = err
				return
			}
			dir = tmp
		}
		branchSet.dir, branchSet.roster = dir, filepath.Join(dir, "danh-sach.yaml")
		data, err := os.ReadFile(branchSet.roster)
		if err != nil {
			branchSet.err = err
			return
		}
		branchSet.units = bytes.Count(data, []byte("\n  - {ma:"))
		branchSet.err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) == ".xlsx" {
				branchSet.returns++
			}
			return err
		})
	})
	if branchSet.err != nil {
		b.Fatal(branchSet.err)
	}
	return branchSet.dir, branchSet.roster
}

// benchCommand runs the command line as a user would, discarding what it prints, and reports
// the bytes it allocates per unit of the roster and per return read.
func benchCommand(b *testing.B, args func(i int) []string) {
	b.Helper()
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	i := 0
	for b.Loop() {
		if code := run(args(i), bytes.NewReader(nil), io.Discard, io.Discard); code > 1 {
			b.Fatalf("khuyenhoc %v: exit %d", args(i), code)
		}
		i++
	}
	runtime.ReadMemStats(&after)
	perRun := float64(after.TotalAlloc-before.TotalAlloc) / float64(i)
	b.ReportMetric(perRun/float64(branchSet.units), "B/unit")
	b.ReportMetric(perRun/float64(branchSet.returns), "B/return")
}

// BenchmarkIngestBranches is `khuyenhoc ingest DIR --roster R`.
func BenchmarkIngestBranches(b *testing.B) {
	dir, roster := branchData(b)
	benchCommand(b, func(int) []string { return []string{"ingest", dir, "--roster", roster} })
}

// BenchmarkReportBranches is `khuyenhoc report DIR --roster R` with the workbook, the PDF and the
// Word file.
func BenchmarkReportBranches(b *testing.B) {
	dir, roster := branchData(b)
	out := b.TempDir()
	benchCommand(b, func(int) []string {
		return []string{"report", dir, "--roster", roster, "--date", "2024-12-20",
			"-o", filepath.Join(out, "r.xlsx"), "--pdf", filepath.Join(out, "r.pdf"), "--docx", filepath.Join(out, "r.docx")}
	})
}

// BenchmarkTemplateBranches is `khuyenhoc template --roster R --parent P01-D01`: the templates of
// one district's communes, from the whole roster.
func BenchmarkTemplateBranches(b *testing.B) {
	_, roster := branchData(b)
	out := b.TempDir()
	benchCommand(b, func(i int) []string {
		return []string{"template", "--roster", roster, "--parent", "P01-D01", "--period", "2024", "-o", filepath.Join(out, strconv.Itoa(i))}
	})
}
