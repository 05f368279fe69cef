package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// khuyenhoc runs the command in-process and returns its exit status and what it printed.
func khuyenhoc(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// testReturn writes a return of unit (code, name under parent) for 2023 with a few figures; every
// "@NAME@" in the workbook's parts is then replaced by name as raw bytes, so that the name may
// hold what no spreadsheet writer would write (bytes that are not UTF-8).
func testReturn(t *testing.T, path, code, name, parent, date string, members int64) {
	t.Helper()
	cat := ingest.DefaultCatalogue()
	p, err := ingest.ParsePeriod("2023")
	if err != nil {
		t.Fatal(err)
	}
	r := ingest.NewReturn(cat, ingest.Unit{Code: code, Name: "@NAME@", Level: "xa", Parent: parent}, p)
	r.ReportDate = date
	for code, v := range map[string]int64{"dan_so": 10 * members, "hoi_vien": members} {
		f, ok := cat.Figure(code)
		if !ok {
			t.Fatalf("no figure %s", code)
		}
		r.Set(f, v)
	}
	var buf bytes.Buffer
	if err := ingest.WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, replaceInZip(t, buf.Bytes(), "@NAME@", name), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceInZip rewrites every part of a zip with old replaced by new.
func replaceInZip(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(bytes.ReplaceAll(b, []byte(old), []byte(new))); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// noTemp fails when a temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestAnyTextInReports: emoji and bytes that are not UTF-8 in every text a user gives end in a
// PDF and a Word file with a warning naming where the text came from, never a panic or a loop.
func TestAnyTextInReports(t *testing.T) {
	bad := []struct{ name, text string }{{"emoji", "Hà 😀 Giang"}, {"not UTF-8", "Hà \xff\xfe Giang"}, {"controls", "Hà\x00\x07\tGiang\u2028"}}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			dir := t.TempDir()
			returns := filepath.Join(dir, "returns")
			if err := os.Mkdir(returns, 0o755); err != nil {
				t.Fatal(err)
			}
			testReturn(t, filepath.Join(returns, "x1.xlsx"), "X1", "Xã "+b.text, "H", "", 100)
			testReturn(t, filepath.Join(returns, "x2.xlsx"), "X2", "Xã Hai", "H", "", 200)
			// A roster holds no control characters nor bytes that are not UTF-8 (YAML refuses them).
			roster := filepath.Join(dir, "roster.yaml")
			os.WriteFile(roster, []byte("don_vi:\n  - {ma: H, ten: \"Huyện 😀\", cap: huyen}\n  - {ma: X1, ten: \"Xã Một\", cap: xa, cap_tren: H}\n  - {ma: X2, ten: \"Xã 😀\", cap: xa, cap_tren: H}\n"), 0o644)
			notes := filepath.Join(dir, "notes.md")
			os.WriteFile(notes, []byte("Năm 2023 "+b.text+".\n\n## Đánh giá chung\n- "+b.text+"\n"), 0o644)
			pdfPath, docxPath := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.docx")
			code, _, stderr := khuyenhoc(t, "report", returns, "--roster", roster, "--notes", notes, "--pdf", pdfPath, "--docx", docxPath,
				"--signer", b.text, "--number", b.text, "--recipients", b.text, "--signer-title", b.text, "--place", b.text, "--org-parent", b.text, "--org", b.text, "--title", b.text)
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			for _, want := range []string{"người ký (--signer)", "số văn bản (--number)", "nơi nhận (--recipients)", "chức danh người ký (--signer-title)", "địa danh và ngày (--place)"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("no warning names %s:\n%s", want, stderr)
				}
			}
			for _, p := range []string{pdfPath, docxPath} {
				if info, err := os.Stat(p); err != nil || info.Size() == 0 {
					t.Errorf("%s not written: %v", p, err)
				}
			}
			noTemp(t, dir)

			// Without a roster the names come from the returns.
			code, _, stderr = khuyenhoc(t, "report", returns, "--pdf", pdfPath, "--docx", docxPath, "--org", "Hội")
			if code != 0 {
				t.Fatalf("without the roster: exit %d:\n%s", code, stderr)
			}
			if b.name != "controls" && !strings.Contains(stderr, "bảng") {
				t.Errorf("no warning names the return's unit name in a table:\n%s", stderr)
			}
			noTemp(t, dir)
		})
	}
}
