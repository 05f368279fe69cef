package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pack writes the archives of two targets from files in a temporary folder into out.
func pack(t *testing.T, src, out string) {
	t.Helper()
	if err := run([]string{"-o", out, "-version", "1.2.0", "-epoch", "1796514298",
		"-file", "README.md=" + filepath.Join(src, "README.md"), "-file", "HUONG-DAN.txt=" + filepath.Join(src, "HUONG-DAN.txt"),
		"-dir", "vi-du/mau=" + filepath.Join(src, "mau"),
		"linux/amd64=" + filepath.Join(src, "linux", "khuyenhoc"), "windows/arm64=" + filepath.Join(src, "windows", "khuyenhoc.exe")}); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
}

// Two runs give the same bytes, whatever the files' own times and modes; the entries are in name
// order with their folders, dated from the epoch, owned by 0, 0755 for the binary and 0644 for the
// rest; the checksums are the archives'; Windows gets its text files with CRLF.
func TestArchives(t *testing.T) {
	src := t.TempDir()
	write(t, filepath.Join(src, "README.md"), "# khuyenhoc\n", 0o600)
	write(t, filepath.Join(src, "HUONG-DAN.txt"), "Hướng dẫn\ndòng hai\n", 0o640)
	write(t, filepath.Join(src, "mau", "b.xlsx"), "b", 0o600)
	write(t, filepath.Join(src, "mau", "a.xlsx"), "a", 0o666)
	write(t, filepath.Join(src, "linux", "khuyenhoc"), "ELF", 0o700)
	write(t, filepath.Join(src, "windows", "khuyenhoc.exe"), "MZ", 0o644)
	a, b := filepath.Join(t.TempDir(), "dist"), filepath.Join(t.TempDir(), "dist")
	pack(t, src, a)
	now := time.Now().Add(time.Hour)
	for _, f := range []string{"README.md", "mau/a.xlsx", "linux/khuyenhoc"} {
		if err := os.Chtimes(filepath.Join(src, f), now, now); err != nil {
			t.Fatal(err)
		}
	}
	pack(t, src, b)
	names := []string{"checksums.txt", "khuyenhoc_1.2.0_linux_amd64.tar.gz", "khuyenhoc_1.2.0_windows_arm64.zip"}
	data := map[string][]byte{}
	for _, n := range names {
		x, err := os.ReadFile(filepath.Join(a, n))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", n)
		}
		data[n] = x
	}
	var sums strings.Builder
	for _, n := range names[1:] {
		s := sha256.Sum256(data[n])
		sums.WriteString(hex.EncodeToString(s[:]) + "  " + n + "\n")
	}
	if got := string(data["checksums.txt"]); got != sums.String() {
		t.Errorf("checksums.txt =\n%s\nwant\n%s", got, sums.String())
	}
	epoch := time.Unix(1796514298, 0).UTC()
	want := []string{"HUONG-DAN.txt 644", "README.md 644", "khuyenhoc 755", "vi-du/ dir 755", "vi-du/mau/ dir 755", "vi-du/mau/a.xlsx 644", "vi-du/mau/b.xlsx 644"}

	zr, err := gzip.NewReader(bytes.NewReader(data["khuyenhoc_1.2.0_linux_amd64.tar.gz"]))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header names %q, dated %v; want neither", zr.Name, zr.ModTime)
	}
	tr := tar.NewReader(zr)
	var got []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		e := h.Name
		if h.Typeflag == tar.TypeDir {
			e += " dir"
		}
		got = append(got, e+" "+strings.TrimPrefix(os.FileMode(h.Mode).String(), "-"))
		if !h.ModTime.Equal(epoch) || h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: dated %v, owned by %d:%d (%q:%q); want %v, 0:0", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname, h.Gname, epoch)
		}
		body, _ := io.ReadAll(tr)
		if h.Name == "khuyenhoc" && string(body) != "ELF" || h.Name == "HUONG-DAN.txt" && string(body) != "Hướng dẫn\ndòng hai\n" {
			t.Errorf("%s holds %q", h.Name, body)
		}
	}
	if strings.Join(got, "\n") != strings.Join(modes(want), "\n") {
		t.Errorf("tar entries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(modes(want), "\n"))
	}

	z := data["khuyenhoc_1.2.0_windows_arm64.zip"]
	zrd, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range zrd.File {
		e := f.Name
		if f.Mode().IsDir() {
			e += " dir"
		}
		got = append(got, e+" "+strings.TrimPrefix(strings.TrimPrefix(f.Mode().String(), "d"), "-"))
		if !f.Modified.Equal(epoch) {
			t.Errorf("%s: dated %v, want %v", f.Name, f.Modified, epoch)
		}
		if f.Name == "HUONG-DAN.txt" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(rc)
			rc.Close()
			if string(body) != "Hướng dẫn\r\ndòng hai\r\n" {
				t.Errorf("HUONG-DAN.txt for Windows holds %q, want CRLF lines", body)
			}
		}
	}
	want[2] = "khuyenhoc.exe 755"
	if strings.Join(got, "\n") != strings.Join(modes(want), "\n") {
		t.Errorf("zip entries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(modes(want), "\n"))
	}
}

// modes spells "644" and "755" as FileMode does.
func modes(entries []string) []string {
	r := strings.NewReplacer(" 644", " rw-r--r--", " 755", " rwxr-xr-x")
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = r.Replace(e)
	}
	return out
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-epoch", "1", "linux/amd64=x"},
		{"-version", "1", "linux/amd64=x"},
		{"-version", "1", "-epoch", "1"},
		{"-version", "1", "-epoch", "1", "linux-amd64=x"},
		{"-version", "1", "-epoch", "1", "-file", "README.md", "linux/amd64=x"},
	} {
		if err := run(args); err == nil {
			t.Errorf("pack %q: no error", args)
		}
	}
}
