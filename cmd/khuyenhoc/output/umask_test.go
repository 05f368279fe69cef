//go:build unix

package output

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestUmask: a new output has the permissions the umask leaves (the test changes the process's
// umask, so it does not run in parallel).
func TestUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	s := New()
	f, _ := s.Add("-o", a, Excel)
	f.Write = text("A")
	if err := s.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 under umask 077", info.Mode().Perm())
	}
}
