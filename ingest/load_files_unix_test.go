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
	if files, _, err := discover([]string{fifo}); err != nil || files[0].Status != StatusSkipped {
		t.Errorf("discover(FIFO) = %+v, %v; want skipped", files, err)
	}
	r, ps := ReadFile(fifo, DefaultCatalogue())
	if r != nil || len(ps) != 1 || ps[0].Code != CodeUnreadable || !strings.Contains(ps[0].Message(lang.En), "not a regular file") {
		t.Errorf("ReadFile(FIFO) = %v, %v; want not a regular file", r, ps)
	}
}

// A folder deeper than the system's longest path, or one that cannot be listed, is that
// folder's problem: named, rejected, and every other return is read.
func TestBadFolderIsItsProblem(t *testing.T) {
	dir := t.TempDir()
	good := goodReturn(t)
	if err := os.WriteFile(filepath.Join(dir, "good.xlsx"), good, 0o644); err != nil {
		t.Fatal(err)
	}
	// Made one level at a time from inside, as a path this long cannot be named whole.
	t.Chdir(dir)
	name := strings.Repeat("d", 200)
	deep := dir
	for range 25 {
		if err := os.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(name); err != nil {
			t.Fatal(err)
		}
		deep = filepath.Join(deep, name)
	}
	if err := os.WriteFile("deep.xlsx", good, 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "khoa")
	if err := os.Mkdir(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	b, err := Load(t.Context(), DefaultCatalogue(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Returns) != 1 || b.Rejected() < 1 {
		t.Fatalf("%d returns, %d rejected; want the good return read and the deep folder rejected", len(b.Returns), b.Rejected())
	}
	var long, perm bool
	for _, p := range b.Problems {
		if p.Code != CodeUnreadable {
			continue
		}
		msg := p.Message(lang.Vi)
		long = long || strings.HasPrefix(p.File, dir) && len(p.File) > 4096 && strings.Contains(msg, "đường dẫn quá dài")
		perm = perm || p.File == locked && strings.Contains(msg, "không đọc được thư mục này (không có quyền đọc)")
	}
	if !long {
		t.Errorf("no problem names the deep folder as too long: %v", b.Problems)
	}
	if os.Geteuid() == 0 {
		t.Log("running as root, who reads any folder: the folder without permissions is not checked")
	} else if !perm {
		t.Errorf("no problem names the folder without permission: %v", b.Problems)
	}
}
