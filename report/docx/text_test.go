package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

func TestPrepare(t *testing.T) {
	doc := &report.Document{Header: report.Header{Number: "12/\xffBC"}, Blocks: []report.Block{&report.Signature{Name: "A 😀\x01"}}}
	got, msgs := Prepare(doc)
	if got.Header.Number != "12/\uFFFDBC" {
		t.Errorf("number %q", got.Header.Number)
	}
	if name := got.Blocks[0].(*report.Signature).Name; name != "A 😀\uFFFD" {
		t.Errorf("name %q: an emoji stays (Word draws it), a control character goes", name)
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0].Vi, "số văn bản (--number) «12/\uFFFDBC»: có byte không phải UTF-8") ||
		!strings.Contains(msgs[1].Vi, "người ký (--signer)") {
		t.Errorf("warnings: %v", msgs)
	}
}

// wellFormed checks that every XML part of a .docx parses.
func wellFormed(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(rc)
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		rc.Close()
	}
}

func TestWriteAnyText(t *testing.T) {
	for _, s := range reporttest.AnyTextSeeds {
		var buf bytes.Buffer
		if err := WriteReport(&buf, reporttest.AnyTextDocument(t, lang.Vi, s[0], s[1])); err != nil {
			t.Errorf("%q, %q: %v", s[0], s[1], err)
			continue
		}
		wellFormed(t, buf.Bytes())
	}
}

// FuzzWriteReport writes a document with any text in every field: never a panic, an error or a
// part that is not well-formed XML.
func FuzzWriteReport(f *testing.F) {
	for _, s := range reporttest.AnyTextSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var buf bytes.Buffer
		if err := WriteReport(&buf, reporttest.AnyTextDocument(t, lang.Vi, a, b)); err != nil {
			t.Fatalf("%q, %q: %v", a, b, err)
		}
		wellFormed(t, buf.Bytes())
	})
}
