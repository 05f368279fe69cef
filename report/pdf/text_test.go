package pdf

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

func TestPrepare(t *testing.T) {
	tests := []struct {
		name, signer, want string
		says               []string
	}{
		{"emoji", "Nguyễn Văn A 😀", "Nguyễn Văn A □", []string{"người ký (--signer) «Nguyễn Văn A 😀»", "'😀' (U+1F600)", "được thay bằng □"}},
		{"not UTF-8", "Nguyễn \xff Văn A", "Nguyễn □ Văn A", []string{"người ký (--signer) «Nguyễn \uFFFD Văn A»", "không phải UTF-8"}},
		{"no glyph", "☃", "□", []string{"'☃' (U+2603)"}},
		{"line break", "A\tB\nC", "A B C", nil},
		{"Vietnamese", "Nguyễn Thị Hường", "Nguyễn Thị Hường", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := &report.Signature{Name: tt.signer}
			doc := &report.Document{Blocks: []report.Block{sig}}
			got, msgs := Prepare(doc)
			if name := got.Blocks[0].(*report.Signature).Name; name != tt.want {
				t.Errorf("name = %q, want %q", name, tt.want)
			}
			if sig.Name != tt.signer {
				t.Errorf("Prepare changed its input: %q", sig.Name)
			}
			if len(tt.says) == 0 && len(msgs) != 0 {
				t.Errorf("warnings %v, want none", msgs)
			}
			for _, s := range tt.says {
				if len(msgs) != 1 || !strings.Contains(msgs[0].Vi, s) {
					t.Errorf("warnings %v, want one saying %q", msgs, s)
				}
			}
		})
	}
}

// TestFlowStopsOnError: once fpdf has failed, adding a page does nothing, so a paragraph that
// waits for a page with room would wait for ever.
func TestFlowStopsOnError(t *testing.T) {
	p := &writer{doc: &report.Document{}, pdf: fpdf.New("P", "mm", "A4", "")}
	p.pdf.AddUTF8FontFromBytes(fontFamily, "", nil) // fails: no font
	p.pdf.SetY(p.bottom() - 1)
	lines := make([]line, 5)
	p.flow(lines, leftMargin, 100, bodySize, lineH, 0, "J") // returns: the test would hang otherwise
	if !p.pdf.Err() {
		t.Fatal("fpdf has no error: the test tests nothing")
	}
}

func TestWriteAnyText(t *testing.T) {
	for _, s := range reporttest.AnyTextSeeds {
		var buf bytes.Buffer
		if err := Write(&buf, reporttest.AnyTextDocument(t, lang.Vi, s[0], s[1])); err != nil {
			t.Errorf("%q, %q: %v", s[0], s[1], err)
		}
	}
}

// FuzzWrite writes a document with any text in every field: never a panic, a hang or an error.
func FuzzWrite(f *testing.F) {
	for _, s := range reporttest.AnyTextSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var buf bytes.Buffer
		if err := Write(&buf, reporttest.AnyTextDocument(t, lang.Vi, a, b)); err != nil {
			t.Fatalf("%q, %q: %v", a, b, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}
