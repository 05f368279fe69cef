// Command pack writes khuyenhoc's release archives and their checksums, the same bytes for the
// same inputs, as GoReleaser lays them out: dist/khuyenhoc_<version>_<os>_<arch>.zip for Windows,
// .tar.gz for the others, and checksums.txt (SHA-256). Every archive holds the binary and the
// same files beside it; entries are in name order, dated from the commit (SOURCE_DATE_EPOCH),
// owned by 0:0, with fixed modes, and the gzip header carries no name or time.
//
//	go run ./.ci/pack -o dist -version 1.2.0 -epoch 1796514298 \
//	    -file README.md=README.md -dir vi-du=testdata/sample linux/amd64=bin/khuyenhoc …
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

// entry is one file of an archive: its name inside it, its bytes and its mode.
type entry struct {
	name string
	data []byte
	mode fs.FileMode
}

// pairs is a repeatable flag of NAME=PATH.
type pairs [][2]string

func (p *pairs) String() string { return fmt.Sprint(*p) }
func (p *pairs) Set(s string) error {
	name, file, ok := strings.Cut(s, "=")
	if !ok || name == "" || file == "" {
		return fmt.Errorf("%q: want NAME=PATH", s)
	}
	*p = append(*p, [2]string{name, file})
	return nil
}

func run(args []string) error {
	fl := flag.NewFlagSet("pack", flag.ContinueOnError)
	out := fl.String("o", "dist", "folder to write the archives and checksums.txt into")
	version := fl.String("version", "", "the version in the archives' names (1.2.0)")
	epoch := fl.Int64("epoch", -1, "the time of every entry, in seconds since 1970 (SOURCE_DATE_EPOCH)")
	var files, dirs pairs
	fl.Var(&files, "file", "NAME=PATH: a file beside the binary in every archive (repeatable)")
	fl.Var(&dirs, "dir", "NAME=PATH: a folder's files under NAME/ in every archive (repeatable)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *version == "" || *epoch < 0 || fl.NArg() == 0 {
		return errors.New("usage: pack -version V -epoch SECONDS [-file NAME=PATH]… [-dir NAME=PATH]… OS/ARCH=BINARY…")
	}
	var extra []entry
	for _, f := range files {
		data, err := os.ReadFile(f[1])
		if err != nil {
			return err
		}
		extra = append(extra, entry{f[0], data, 0o644})
	}
	for _, d := range dirs {
		es, err := readDir(d[0], d[1])
		if err != nil {
			return err
		}
		extra = append(extra, es...)
	}
	for _, target := range fl.Args() {
		platform, _, ok := strings.Cut(target, "=")
		if _, _, ok2 := strings.Cut(platform, "/"); !ok || !ok2 {
			return fmt.Errorf("%q: want OS/ARCH=BINARY", target)
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	mtime := time.Unix(*epoch, 0).UTC()
	var sums []string
	for _, target := range fl.Args() {
		platform, bin, _ := strings.Cut(target, "=")
		goos, goarch, _ := strings.Cut(platform, "/")
		data, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		entries := []entry{{filepath.Base(bin), data, 0o755}}
		for _, e := range extra {
			if goos == "windows" && strings.HasSuffix(e.name, ".txt") {
				e.data = crlf(e.data)
			}
			entries = append(entries, e)
		}
		name := fmt.Sprintf("khuyenhoc_%s_%s_%s", *version, goos, goarch)
		var buf bytes.Buffer
		if goos == "windows" {
			name += ".zip"
			err = writeZip(&buf, entries, mtime)
		} else {
			name += ".tar.gz"
			err = writeTarGz(&buf, entries, mtime)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(*out, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(buf.Bytes())
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+name+"\n")
	}
	sort.Slice(sums, func(i, j int) bool { return sums[i][66:] < sums[j][66:] })
	return os.WriteFile(filepath.Join(*out, "checksums.txt"), []byte(strings.Join(sums, "")), 0o644)
}

// readDir reads the regular files of a folder (not below it) as entries under prefix/.
func readDir(prefix, dir string) ([]entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []entry
	for _, de := range des {
		if !de.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, entry{path.Join(prefix, de.Name()), data, 0o644})
	}
	return out, nil
}

// crlf ends the lines of a text file the Windows way.
func crlf(b []byte) []byte {
	return bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
}

// sorted is the entries in name order, with an entry for every folder before what it holds.
func sorted(entries []entry) []entry {
	seen := map[string]bool{}
	var all []entry
	for _, e := range entries {
		all = append(all, e)
		for d := path.Dir(e.name); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			all = append(all, entry{d + "/", nil, fs.ModeDir | 0o755})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	return all
}

func writeTarGz(w io.Writer, entries []entry, mtime time.Time) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	for _, e := range sorted(entries) {
		h := &tar.Header{Name: e.name, Mode: int64(e.mode.Perm()), ModTime: mtime, Format: tar.FormatUSTAR, Typeflag: tar.TypeReg, Size: int64(len(e.data))}
		if e.mode.IsDir() {
			h.Typeflag = tar.TypeDir
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

func writeZip(w io.Writer, entries []entry, mtime time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, e := range sorted(entries) {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		if e.mode.IsDir() {
			h.Method = zip.Store
		}
		h.SetMode(e.mode)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
