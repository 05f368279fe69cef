package output

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func message(t *testing.T, err error) string {
	t.Helper()
	var le *lang.Error
	if !errors.As(err, &le) {
		t.Fatalf("error %v is not said in both languages", err)
	}
	return le.En
}

func TestAddRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	roster := filepath.Join(dir, "danh-sach.yaml")
	os.WriteFile(roster, []byte("don_vi: []\n"), 0o644)
	os.Symlink(in, filepath.Join(dir, "link"))
	os.Symlink(roster, filepath.Join(dir, "roster-link.xlsx"))
	tests := []struct {
		name, path string
		kind       Kind
		want       string
	}{
		{"extension", filepath.Join(dir, "r.pdf"), Excel, "must end in .xlsx"},
		{"input file", roster, Excel, "must end in .xlsx"},
		{"input file, right extension", filepath.Join(dir, "roster-link.xlsx"), Excel, "also the input"},
		{"inside input folder", filepath.Join(in, "out.xlsx"), Excel, "inside the input folder"},
		{"through a symlinked folder", filepath.Join(dir, "link", "out.xlsx"), Excel, "inside the input folder"},
		{"no folder", filepath.Join(dir, "nope", "out.xlsx"), Excel, "there is no folder"},
		{"a folder", in + ".xlsx", Excel, ""},
	}
	os.Mkdir(in+".xlsx", 0o755)
	tests[len(tests)-1].want = "this is a folder"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(in, roster)
			_, err := s.Add("-o", tt.path, tt.kind)
			if err == nil || !strings.Contains(message(t, err), tt.want) {
				t.Fatalf("Add(%s) = %v, want %q", tt.path, err, tt.want)
			}
		})
	}
	s := New(in)
	if _, err := s.Add("-o", filepath.Join(dir, "x.xlsx"), Excel); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("--pdf", filepath.Join(dir, ".", "x.xlsx"), Excel); err == nil {
		t.Fatal("two outputs of the same name")
	}
}

func TestCommitAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.pdf")
	os.WriteFile(b, []byte("old"), 0o644)
	s := New()
	fa, _ := s.Add("-o", a, Excel)
	fb, _ := s.Add("--pdf", b, PDF)
	fa.Write, fb.Write = text("A"), func(io.Writer) error { return errors.New("boom") }
	if err := s.Commit(context.Background()); err == nil {
		t.Fatal("Commit succeeded with a failing writer")
	}
	assertFiles(t, dir, "b.pdf")
	if got, _ := os.ReadFile(b); string(got) != "old" {
		t.Fatalf("b.pdf = %q, want it untouched", got)
	}

	// A rename that fails removes the outputs already renamed.
	s = New()
	fa, _ = s.Add("-o", a, Excel)
	fb, _ = s.Add("--pdf", b, PDF)
	fa.Write, fb.Write = text("A"), text("B")
	rename = func(from, to string) error {
		if to == b {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: os.ErrPermission}
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	err := s.Commit(context.Background())
	if err == nil || strings.Contains(message(t, err), ".tmp") || !strings.Contains(message(t, err), "open in Excel") {
		t.Fatalf("Commit = %v, want a message naming b.pdf only", err)
	}
	assertFiles(t, dir, "b.pdf")
}

func TestAbortRemovesTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	s := New()
	f, _ := s.Add("-o", filepath.Join(dir, "a.xlsx"), Excel)
	f.Write = func(w io.Writer) error {
		s.Abort() // a signal arrives while writing
		_, err := io.WriteString(w, "A")
		return err
	}
	if err := s.Commit(context.Background()); !errors.Is(err, context.Canceled) {
		t.Fatalf("Commit = %v, want canceled", err)
	}
	assertFiles(t, dir)
}

func TestFolderCreatedOnlyWhenWritten(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "mau")
	s := New()
	if err := s.Folder("-o", out); err != nil {
		t.Fatal(err)
	}
	f, err := s.Add("-o", filepath.Join(out, "1.xlsx"), Excel)
	if err != nil {
		t.Fatal(err)
	}
	f.Write = func(io.Writer) error { return errors.New("boom") }
	if err := s.Commit(context.Background()); err == nil {
		t.Fatal("want an error")
	}
	assertFiles(t, dir)
	if err := New().Folder("-o", filepath.Join(dir, "a", "b")); err == nil {
		t.Fatal("a folder whose parent is missing was accepted")
	}
}

func assertFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("files in %s = %v, want %v", dir, got, want)
	}
}
