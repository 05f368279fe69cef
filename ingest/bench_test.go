package ingest_test

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
)

// benchDir is a synthetic data set shared by the benchmarks: KHUYENHOC_BENCH_DIR points at one
// made by `make synthetic` (10,000 returns); otherwise 1,000 are made once in a temporary folder.
func benchDir(b *testing.B) string {
	b.Helper()
	if dir := os.Getenv("KHUYENHOC_BENCH_DIR"); dir != "" {
		return dir
	}
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "khuyenhoc-bench-")
		if err != nil {
			benchErr = err
			return
		}
		_, benchErr = ingesttest.Synthesize(dir, ingest.DefaultCatalogue(), 1000, 1)
		benchPath = dir
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func xlsxFiles(b *testing.B, dir string) []string {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".xlsx" {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkLoad reads every return of the data set, validates it and adds it up.
func BenchmarkLoad(b *testing.B) {
	dir := benchDir(b)
	cat := ingest.DefaultCatalogue()
	b.ResetTimer()
	for b.Loop() {
		batch, err := ingest.Load(context.Background(), cat, []string{dir}, ingest.LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		rollup.Sum(cat, batch.Returns)
	}
}

// BenchmarkFloor is what no reader can beat: open each file with archive/zip and inflate every
// part, in parallel.
func BenchmarkFloor(b *testing.B) {
	files := xlsxFiles(b, benchDir(b))
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan string)
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for path := range next {
					zr, err := zip.OpenReader(path)
					if err != nil {
						b.Error(err)
						continue
					}
					for _, f := range zr.File {
						rc, err := f.Open()
						if err != nil {
							b.Error(err)
							continue
						}
						io.Copy(io.Discard, rc)
						rc.Close()
					}
					zr.Close()
				}
			}()
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
}

// BenchmarkReadReturn reads one return from memory, again and again: the reader's own cost, with
// no file system and no parallelism (KHUYENHOC_BENCH_FILE names the file; by default a return
// saved by openpyxl from the fixtures).
func BenchmarkReadReturn(b *testing.B) {
	path := os.Getenv("KHUYENHOC_BENCH_FILE")
	if path == "" {
		path = filepath.Join("..", "testdata", "fixtures", "openpyxl-xa-yen-lac.xlsx")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	cat := ingest.DefaultCatalogue()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if r, ps := ingest.Read(path, data, cat); r == nil {
			b.Fatal(ps)
		}
	}
}
