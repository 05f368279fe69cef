package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// zipBomb is a workbook whose first sheet inflates to size bytes of zeros, built without ever
// holding them: one deflated megabyte, repeated. With lie set, the zip header claims a small size.
func zipBomb(t testing.TB, size int64, lie bool) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestSpeed)
	zeros := make([]byte, 1<<20)
	fw.Write(zeros)
	fw.Flush() // a non-final block sequence that ends byte-aligned: it can be repeated
	var final bytes.Buffer
	fw2, _ := flate.NewWriter(&final, flate.BestSpeed)
	fw2.Close()
	crc := crc32.NewIEEE()
	var body bytes.Buffer
	for range size >> 20 {
		body.Write(chunk.Bytes())
		crc.Write(zeros)
	}
	body.Write(final.Bytes())
	claimed := uint64(size)
	if lie {
		claimed = 10 << 10
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	base := templateParts(t)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := zw.Create(name)
		w.Write(base[name])
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet2.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: claimed})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body.Bytes())
	zw.Close()
	return out.Bytes()
}

// templateParts are the workbook parts of a real return, to build broken ones from.
func templateParts(t testing.TB) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, DefaultCatalogue(), TemplateOptions{Unit: Unit{Code: "1"}, Period: Period{Year: 2024}}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		parts[f.Name] = b.Bytes()
	}
	return parts
}

// hugeSheet is a real return whose figures sheet has rows more rows, appended after its own.
func hugeSheet(t testing.TB, rows int) []byte {
	t.Helper()
	parts := templateParts(t)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, data := range parts {
		w, _ := zw.Create(name)
		if name == "xl/worksheets/sheet3.xml" {
			end := bytes.Index(data, []byte("</sheetData>"))
			w.Write(data[:end])
			var b bytes.Buffer
			for r := 1000; r < 1000+rows; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="B%d"><v>1</v></c></row>`, r, r)
				if b.Len() > 1<<20 {
					w.Write(b.Bytes())
					b.Reset()
				}
			}
			w.Write(b.Bytes())
			w.Write(data[end:])
			continue
		}
		w.Write(data)
	}
	zw.Close()
	return out.Bytes()
}

func TestHostileWorkbooks(t *testing.T) {
	cat := DefaultCatalogue()
	tests := []struct {
		name string
		data []byte
		code string
	}{
		{"zip bomb of 1 GB", zipBomb(t, 1<<30, false), CodeTooLarge},
		{"zip bomb lying about its size", zipBomb(t, 1<<30, true), CodeCorrupt},
		{"sheet of a million rows", hugeSheet(t, 1_000_000), CodeTooLarge},
		{"sheet of 30000 rows", hugeSheet(t, 30_000), CodeTooLarge},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, problems := Read("bad.xlsx", tt.data, cat)
			if r != nil || len(problems) == 0 || problems[0].Code != tt.code {
				t.Fatalf("Read = %v, %v; want rejected with %s", r, problems, tt.code)
			}
			t.Log(problems[0].Message(lang.Vi))
		})
		if err := os.WriteFile(filepath.Join(dir, tt.name+".xlsx"), tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The good files beside them still go through.
	good := filepath.Join("..", "testdata", "ha-tinh-cum-nam-2023", "447-huyen-ky-anh.xlsx")
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(context.Background(), cat, []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Returns) != 1 || b.Rejected() != len(tests) {
		t.Errorf("read %d returns and rejected %d files, want 1 and %d", len(b.Returns), b.Rejected(), len(tests))
	}
}

// BenchmarkRefuseZipBomb measures refusing a workbook that inflates to 1 GB.
func BenchmarkRefuseZipBomb(b *testing.B) {
	for _, lie := range []bool{false, true} {
		data := zipBomb(b, 1<<30, lie)
		b.Run(fmt.Sprintf("lying=%v", lie), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r, _ := Read("bomb.xlsx", data, DefaultCatalogue()); r != nil {
					b.Fatal("read a zip bomb")
				}
			}
		})
	}
}

// BenchmarkRefuseHugeSheet measures refusing a return with a sheet of a million rows.
func BenchmarkRefuseHugeSheet(b *testing.B) {
	data := hugeSheet(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if r, _ := Read("huge.xlsx", data, DefaultCatalogue()); r != nil {
			b.Fatal("read a huge sheet")
		}
	}
}
