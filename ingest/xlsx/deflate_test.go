package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// referenceInflate is what compress/flate gives for src, reading at most max bytes: the bytes, and
// whether it failed.
func referenceInflate(src []byte, max int) ([]byte, bool) {
	r := flate.NewReader(bytes.NewReader(src))
	out, err := io.ReadAll(io.LimitReader(r, int64(max)))
	return out, err != nil
}

func deflated(t testing.TB, data []byte, level int) []byte {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// checkInflate holds inflateInto to compress/flate on one stream: the same bytes when both read
// it, an error when compress/flate finds one.
func checkInflate(t *testing.T, src []byte, max int) {
	t.Helper()
	want, wantErr := referenceInflate(src, max)
	out := make([]byte, max)
	n, full, err := inflateInto(out, src)
	if (err != nil) != wantErr {
		t.Fatalf("error %v, compress/flate failed: %v (%d bytes in)", err, wantErr, len(src))
	}
	if err != nil {
		return
	}
	if !bytes.Equal(out[:n], want) {
		t.Fatalf("%d bytes differ from compress/flate's %d (%d bytes in)", n, len(want), len(src))
	}
	if full != (n == max && moreThan(src, max)) {
		t.Fatalf("full = %v with %d of at most %d bytes", full, n, max)
	}
}

// moreThan reports whether the stream inflates to more than max bytes.
func moreThan(src []byte, max int) bool {
	out, _ := referenceInflate(src, max+1)
	return len(out) > max
}

func TestInflateAsCompressFlate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var texts [][]byte
	texts = append(texts, nil, []byte("a"), []byte(strings.Repeat("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", 3000)))
	for range 20 {
		b := make([]byte, rng.IntN(100000))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.Uint32())
			} else {
				b[i] = "<c r=\"A1\"/>0123456789ộ"[rng.IntN(20)]
			}
		}
		texts = append(texts, b)
	}
	for _, text := range texts {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, 5, flate.BestCompression, flate.HuffmanOnly} {
			src := deflated(t, text, level)
			checkInflate(t, src, len(text)+1)
			checkInflate(t, src, len(text)/2+1)
			if len(src) > 4 {
				checkInflate(t, src[:len(src)/2], len(text)+1) // truncated
				bad := bytes.Clone(src)
				bad[rng.IntN(len(bad))] ^= byte(1 << rng.IntN(8))
				checkInflate(t, bad, len(text)+1) // damaged
			}
		}
	}
}

// FuzzInflate holds the decoder to compress/flate on any input: a valid stream's bytes, or the
// same refusal.
func FuzzInflate(f *testing.F) {
	for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.BestCompression, flate.HuffmanOnly} {
		f.Add(deflated(f, []byte(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row>`)), level))
	}
	f.Add([]byte{0x03, 0x00})
	f.Add([]byte{0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInflate(t, src, 1<<16)
		checkInflate(t, src, 7)
	})
}

// A part remembered from another workbook is used only when its checksum and size are the same:
// a damaged copy of the same stored bytes is still refused.
func TestCachedPartsAreStillChecked(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "sheet-without-part.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second time from the cache
		if got, err := dump(t, good); err != nil || got != "A1=1" {
			t.Fatalf("cells %q, err %v", got, err)
		}
	}
	bad, err := os.ReadFile(filepath.Join("testdata", "relationships-with-bad-checksum.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Open(bad); err == nil || !strings.Contains(err.Error(), "checksum") {
			t.Errorf("err = %v, want a checksum error", err)
		}
	}
}
