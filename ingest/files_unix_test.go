//go:build unix

package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Only regular files are read: a FIFO, a link to a device and a socket in the folder are named and
// skipped, and the run ends.
func TestOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.xlsx"), goodReturn(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.xlsx"), 0o644); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop.xlsx")); err != nil {
		t.Fatal(err)
	}
	b := loadWithin(t, dir, LoadOptions{})
	got := map[string]string{}
	for _, f := range b.Files {
		got[filepath.Base(f.Path)] = string(f.Status) + ": " + f.ReasonEn
	}
	want := map[string]string{
		"good.xlsx": "ok: ",
		"fifo.xlsx": "skipped: " + notRegular.en,
		"zero.xlsx": "skipped: " + notRegular.en,
		"loop.xlsx": "skipped: a link to a folder, not followed",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %q, want %q", name, got[name], w)
		}
	}
	// Given by name, a FIFO is skipped too; and if one takes a file's place after the folder was
	// listed, reading it does not wait for a writer.
	fifo := filepath.Join(dir, "fifo.xlsx")
	if files, err := discover([]string{fifo}); err != nil || files[0].Status != StatusSkipped {
		t.Errorf("discover(FIFO) = %+v, %v; want skipped", files, err)
	}
	r, ps := ReadFile(fifo, DefaultCatalogue())
	if r != nil || len(ps) != 1 || ps[0].Code != CodeUnreadable || !strings.Contains(ps[0].Message(lang.En), "not a regular file") {
		t.Errorf("ReadFile(FIFO) = %v, %v; want not a regular file", r, ps)
	}
}
