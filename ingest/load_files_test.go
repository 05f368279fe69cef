package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// goodReturn is the bytes of a sample return.
func goodReturn(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "ha-tinh-cum-nam-2023", "447-huyen-ky-anh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// loadWithin runs Load and fails the test, instead of hanging, when it does not end.
func loadWithin(t *testing.T, dir string, opts LoadOptions) *Batch {
	t.Helper()
	type result struct {
		b   *Batch
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := Load(context.Background(), DefaultCatalogue(), []string{dir}, opts)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.b
	case <-time.After(2 * time.Minute):
		t.Fatal("Load did not end")
	}
	return nil
}

// A panic while reading one file is that file's problem; the others are read.
func TestPanicIsTheFilesProblem(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"a.xlsx": "447-huyen-ky-anh", "b.xlsx": "449-thi-xa-ky-anh", "c.xlsx": "446-huyen-cam-xuyen"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "ha-tinh-cum-nam-2023", src+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func(old func(string, *Catalogue, *memBudget) (*Return, []Problem)) { readReturn = old }(readReturn)
	readReturn = func(path string, cat *Catalogue, mem *memBudget) (*Return, []Problem) {
		if filepath.Base(path) == "b.xlsx" {
			panic("a bug in the reader")
		}
		return readFile(path, cat, mem)
	}
	b := loadWithin(t, dir, LoadOptions{})
	var statuses []string
	for _, f := range b.Files {
		statuses = append(statuses, filepath.Base(f.Path)+"="+string(f.Status))
	}
	if got, want := strings.Join(statuses, " "), "a.xlsx=ok b.xlsx=rejected c.xlsx=ok"; got != want {
		t.Errorf("statuses = %s, want %s", got, want)
	}
	found := false
	for _, p := range b.Problems {
		if filepath.Base(p.File) == "b.xlsx" && strings.Contains(p.Message(lang.En), "internal error") {
			found = true
		}
	}
	if !found {
		t.Errorf("no problem names the panic in b.xlsx: %v", b.Problems)
	}
}

// The memory set aside never exceeds the budget, however many readers ask, and they all finish.
func TestMemBudget(t *testing.T) {
	m := newMemBudget(1000)
	var mu sync.Mutex
	inUse, peak := int64(0), int64(0)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for range 200 {
				n := m.acquire(rng.Int64N(1500))
				mu.Lock()
				inUse += n
				peak = max(peak, inUse)
				mu.Unlock()
				mu.Lock()
				inUse -= n
				mu.Unlock()
				m.release(n)
			}
		}()
	}
	wg.Wait()
	if peak > 1000 || m.free != 1000 {
		t.Errorf("peak %d, free at the end %d; want at most 1000 and 1000", peak, m.free)
	}
}

// A small file that inflates to more than a small file's share is read again with the whole
// allowance, not refused.
func TestReadAgainWithMoreMemory(t *testing.T) {
	zr, err := zip.NewReader(bytes.NewReader(goodReturn(t)), int64(len(goodReturn(t))))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		w.Write(b.Bytes())
	}
	w, _ := zw.Create("xl/media/padding.bin")
	w.Write(make([]byte, 8<<20)) // 8 MB of zeros: a few KB on disk
	zw.Close()
	path := filepath.Join(t.TempDir(), "padded.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newMemBudget(memoryBudget)
	r, ps := readFile(path, DefaultCatalogue(), m)
	if r == nil {
		t.Fatalf("padded return rejected: %v", ps)
	}
	if m.free != memoryBudget {
		t.Errorf("budget not given back: %d free of %d", m.free, memoryBudget)
	}
}
