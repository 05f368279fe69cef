package xlsxwrite

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"
)

// Stamp is a workbook built once with markers in some cells, written many times with other
// values in their place. Parts without a marker are copied as they were compressed; only the
// parts that hold a marker (usually the shared strings) are rewritten. Writing a stamped copy is
// a few hundred times cheaper than building the workbook again.
type Stamp struct {
	parts []stampPart
}

type stampPart struct {
	header zip.FileHeader
	raw    []byte // compressed bytes, for a part copied as it is
	text   []byte // inflated bytes, for a part that holds a marker
}

// Marker is the text to put in a cell that a stamp fills in: key names the value.
func Marker(key string) string { return "\uE000" + key + "\uE001" }

// NewStamp reads a workbook written with Markers in it.
func NewStamp(workbook []byte) (*Stamp, error) {
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return nil, err
	}
	s := &Stamp{}
	for _, f := range zr.File {
		p := stampPart{header: f.FileHeader}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		text, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if bytes.Contains(text, []byte("\uE000")) {
			p.text = text
		} else {
			rc, err := f.OpenRaw()
			if err != nil {
				return nil, err
			}
			if p.raw, err = io.ReadAll(rc); err != nil {
				return nil, err
			}
		}
		s.parts = append(s.parts, p)
	}
	return s, nil
}

// Write writes a copy of the workbook with every marker replaced by its value (XML-escaped).
// A marker without a value is an error, so that no marker is ever left in a file.
func (s *Stamp) Write(w io.Writer, values map[string]string) error {
	zw := zip.NewWriter(w)
	for _, p := range s.parts {
		h := p.header
		if p.text == nil {
			pw, err := zw.CreateRaw(&h)
			if err != nil {
				return err
			}
			if _, err := pw.Write(p.raw); err != nil {
				return err
			}
			continue
		}
		text, err := fill(p.text, values)
		if err != nil {
			return fmt.Errorf("%s: %w", h.Name, err)
		}
		var packed bytes.Buffer
		fw := deflaters.Get().(*flate.Writer)
		fw.Reset(&packed)
		_, err = fw.Write(text)
		if err == nil {
			err = fw.Close()
		}
		deflaters.Put(fw)
		if err != nil {
			return err
		}
		pw, err := zw.CreateRaw(&zip.FileHeader{
			Name: h.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(text),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(len(text)),
		})
		if err != nil {
			return err
		}
		if _, err := pw.Write(packed.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// deflaters are kept between writes: a compressor's state is large to allocate.
var deflaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return fw
}}

func fill(text []byte, values map[string]string) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(text) + 256)
	for {
		i := bytes.Index(text, []byte("\uE000"))
		if i < 0 {
			out.Write(text)
			return out.Bytes(), nil
		}
		out.Write(text[:i])
		rest := text[i+len("\uE000"):]
		j := bytes.Index(rest, []byte("\uE001"))
		if j < 0 {
			return nil, fmt.Errorf("unterminated marker")
		}
		key := string(rest[:j])
		v, ok := values[key]
		if !ok {
			return nil, fmt.Errorf("no value for marker %q", key)
		}
		var esc strings.Builder
		if err := xml.EscapeText(&esc, []byte(v)); err != nil {
			return nil, err
		}
		out.WriteString(esc.String())
		text = rest[j+len("\uE001"):]
	}
}
