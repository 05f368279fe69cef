package xlsxwrite

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// StableZip makes f write its parts in name order, so that the same workbook always gives the
// same bytes (excelize writes them in map order). Parts are deflated as they are written and kept
// compressed until the workbook is closed.
func StableZip(f *excelize.File) {
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} }
}

type sortedZip struct {
	w     io.Writer
	parts []*zipPart
}

type zipPart struct {
	name string
	buf  bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&p.buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	z.parts = append(z.parts, p)
	return p, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("stable zip: AddFS is not supported") }

func (z *sortedZip) Close() error {
	sort.SliceStable(z.parts, func(i, j int) bool { return z.parts[i].name < z.parts[j].name })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		if err := p.fw.Close(); err != nil {
			return err
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(p.buf.Len()), UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.buf.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
