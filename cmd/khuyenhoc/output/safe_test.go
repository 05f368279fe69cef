package output

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCommitRestoresOldFiles: when a later rename fails, the outputs already renamed get their
// old content back, whether the old file was kept aside as a second name or moved.
func TestCommitRestoresOldFiles(t *testing.T) {
	for _, linked := range []bool{true, false} {
		t.Run(map[bool]string{true: "linked", false: "moved"}[linked], func(t *testing.T) {
			dir := t.TempDir()
			a, b, c := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.pdf"), filepath.Join(dir, "c.docx")
			os.WriteFile(a, []byte("old a"), 0o644)
			os.WriteFile(b, []byte("old b"), 0o644)
			s := New()
			fa, _ := s.Add("-o", a, Excel)
			fc, _ := s.Add("--docx", c, Word) // new: removed again
			fb, _ := s.Add("--pdf", b, PDF)
			fa.Write, fb.Write, fc.Write = text("A"), text("B"), text("C")
			rename = func(from, to string) error {
				if to == b && strings.HasSuffix(from, ".tmp") && !strings.Contains(from, "-old-") {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: os.ErrPermission}
				}
				return os.Rename(from, to)
			}
			if !linked {
				link = func(string, string) error { return &os.LinkError{Op: "link", Err: fs.ErrPermission} }
			}
			defer func() { rename, link = os.Rename, os.Link }()
			err := s.Commit(context.Background())
			if err == nil {
				t.Fatal("Commit succeeded")
			}
			if msg := message(t, err); !strings.Contains(msg, "cannot write "+b) || !strings.Contains(msg, "no output was written: "+c+", "+a+" as before") {
				t.Errorf("message %q", msg)
			}
			assertFiles(t, dir, "a.xlsx", "b.pdf")
			for path, want := range map[string]string{a: "old a", b: "old b"} {
				if got, _ := os.ReadFile(path); string(got) != want {
					t.Errorf("%s = %q, want %q", filepath.Base(path), got, want)
				}
			}
		})
	}
}

// TestCommitReplaces: outputs that replace files keep their permissions and leave nothing beside.
func TestCommitReplaces(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	os.WriteFile(a, []byte("old a"), 0o640)
	os.Chmod(a, 0o640)
	s := New()
	fa, _ := s.Add("-o", a, Excel)
	fa.Write = text("A")
	if err := s.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertFiles(t, dir, "a.xlsx")
	info, _ := os.Stat(a)
	if got, _ := os.ReadFile(a); string(got) != "A" {
		t.Errorf("a.xlsx = %q", got)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's 0640", info.Mode().Perm())
	}
}

func TestReadOnlyOutputRefused(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	os.WriteFile(a, []byte("old"), 0o444)
	_, err := New().Add("-o", a, Excel)
	if err == nil || !strings.Contains(message(t, err), "read-only") {
		t.Fatalf("Add = %v, want read-only refused", err)
	}
}

// TestInputThroughLinks: a file reached through a symlink or a hard link inside an input folder
// is an input, whatever name the output gives it.
func TestInputThroughLinks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	soft, hard := filepath.Join(dir, "soft.xlsx"), filepath.Join(dir, "hard.xlsx")
	os.WriteFile(soft, []byte("return"), 0o644)
	os.WriteFile(hard, []byte("return"), 0o644)
	if err := os.Symlink(soft, filepath.Join(in, "a.xlsx")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Link(hard, filepath.Join(in, "b.xlsx")); err != nil {
		t.Skip("no hard links here:", err)
	}
	for _, out := range []string{soft, hard} {
		_, err := New(in).Add("-o", out, Excel)
		if err == nil || !strings.Contains(message(t, err), "is also the input "+in) {
			t.Errorf("Add(%s) = %v, want it refused as an input", filepath.Base(out), err)
		}
	}
}

// TestStaleTempsRemoved: the tool's temporary files older than a day go at the next run in
// their folder; newer ones (a run in progress) and other files stay.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-25 * time.Hour)
	for _, name := range []string{".a.xlsx.khuyenhoc-0123abcd.tmp", ".b.pdf.khuyenhoc-old-89abcdef.tmp", ".c.pdf.khuyenhoc-12345678.tmp", ".d.pdf.1234.tmp", "e.tmp"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o644)
		if name != ".c.pdf.khuyenhoc-12345678.tmp" {
			os.Chtimes(p, old, old)
		}
	}
	s := New()
	f, _ := s.Add("-o", filepath.Join(dir, "x.xlsx"), Excel)
	f.Write = text("X")
	if err := s.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	assertFiles(t, dir, ".c.pdf.khuyenhoc-12345678.tmp", ".d.pdf.1234.tmp", "e.tmp", "x.xlsx")
}
