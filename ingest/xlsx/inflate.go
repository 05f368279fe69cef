package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
)

// Parts are inflated straight from the workbook's bytes into buffers kept for reuse: what is made
// of a part (strings, numbers) is copied out of it, so its buffer is free once it is parsed.

var (
	buffers   = sync.Pool{New: func() any { return new([]byte) }}
	inflaters sync.Pool // flate readers, reset for each part
)

// getBuffer is an empty buffer that holds at least n bytes.
func getBuffer(n int) *[]byte {
	p := buffers.Get().(*[]byte)
	if cap(*p) < n {
		*p = make([]byte, 0, n)
	}
	*p = (*p)[:0]
	return p
}

// putBuffer gives a buffer back; a large one is let go, so that one odd file does not keep memory.
func putBuffer(p *[]byte) {
	if p != nil && cap(*p) <= 4<<20 {
		buffers.Put(p)
	}
}

var errLimit = errors.New("limit reached")

// inflate gives the bytes of a part in buf, refusing more than limit bytes; more than its header
// claims, or a wrong checksum, is zip.ErrFormat or zip.ErrChecksum, as archive/zip says it.
func (b *Book) inflate(f *zip.File, buf *[]byte, limit int64) (int64, error) {
	var r io.Reader
	if raw, ok := b.raw(f); ok && f.Method == zip.Deflate {
		br := bytes.NewReader(raw)
		if fr, _ := inflaters.Get().(io.ReadCloser); fr != nil {
			fr.(flate.Resetter).Reset(br, nil)
			r = fr
			defer inflaters.Put(fr)
		} else {
			fr := flate.NewReader(br)
			r = fr
			defer inflaters.Put(fr)
		}
	} else if ok && f.Method == zip.Store {
		r = bytes.NewReader(raw)
	} else {
		rc, err := f.Open()
		if err != nil {
			return 0, err
		}
		defer rc.Close()
		n, err := readLimited(buf, rc, limit)
		return n, err
	}
	// At most one byte more than the header claims: enough to know that it lied.
	n, err := readLimited(buf, io.LimitReader(r, int64(f.UncompressedSize64)+1), limit)
	switch {
	case err != nil:
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = zip.ErrFormat
		}
		return n, err
	case uint64(n) != f.UncompressedSize64:
		return n, zip.ErrFormat
	case crc32.ChecksumIEEE(*buf) != f.CRC32 && f.CRC32 != 0:
		return n, zip.ErrChecksum
	}
	return n, nil
}

// raw is the stored bytes of a part, found in the workbook's bytes.
func (b *Book) raw(f *zip.File) ([]byte, bool) {
	if b.data == nil {
		return nil, false
	}
	off, err := f.DataOffset()
	if err != nil || off < 0 || off > int64(len(b.data)) || f.CompressedSize64 > uint64(int64(len(b.data))-off) {
		return nil, false
	}
	return b.data[off : off+int64(f.CompressedSize64)], true
}

// readLimited appends what r gives to buf, up to limit bytes; more is errLimit.
func readLimited(buf *[]byte, r io.Reader, limit int64) (int64, error) {
	b := *buf
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		*buf = b
		if int64(len(b)) > limit {
			return int64(len(b)), errLimit
		}
		if err == io.EOF {
			return int64(len(b)), nil
		}
		if err != nil {
			return int64(len(b)), err
		}
	}
}

// partError names the part in an error of archive/zip.
func partError(name string, err error) error { return fmt.Errorf("part %s: %w", name, err) }
