package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
)

// Parts are inflated straight from the workbook's bytes into buffers kept for reuse: what is made
// of a part (strings, numbers) is copied out of it, so its buffer is free once it is parsed.

var buffers = sync.Pool{New: func() any { return new([]byte) }}

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
func (b *Book) inflate(f *entry, buf *[]byte, limit int64) (int64, error) {
	raw, err := b.raw(f)
	if err != nil {
		return 0, err
	}
	// At most one byte more than the header claims: enough to know that it lied.
	stop := min(int64(f.UncompressedSize64)+1, limit+1)
	if int64(cap(*buf)) < stop {
		*buf = make([]byte, 0, stop)
	}
	out := (*buf)[:stop]
	var n int
	switch f.Method {
	case zip.Deflate:
		n, _, err = inflateInto(out, raw)
	case zip.Store:
		n = copy(out, raw)
	default:
		return 0, fmt.Errorf("%w (method %d)", zip.ErrAlgorithm, f.Method)
	}
	*buf = out[:n]
	switch {
	case err != nil:
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = zip.ErrFormat
		}
		return int64(n), err
	case int64(n) > limit:
		return int64(n), errLimit
	case uint64(n) != f.UncompressedSize64:
		return int64(n), zip.ErrFormat
	case f.CRC32 != 0 && crc32.ChecksumIEEE(*buf) != f.CRC32:
		return int64(n), zip.ErrChecksum
	}
	return int64(n), nil
}

// raw is the stored bytes of a part, after its local header.
func (b *Book) raw(f *entry) ([]byte, error) {
	if f.flags&1 != 0 {
		return nil, errors.New("the part is encrypted")
	}
	const headerLen = 30
	if f.offset > uint64(len(b.data)) || uint64(len(b.data))-f.offset < headerLen {
		return nil, zip.ErrFormat
	}
	h := b.data[f.offset:]
	if !bytes.Equal(h[:4], []byte("PK\x03\x04")) {
		return nil, zip.ErrFormat
	}
	start := uint64(headerLen) + uint64(binary.LittleEndian.Uint16(h[26:])) + uint64(binary.LittleEndian.Uint16(h[28:]))
	if start > uint64(len(h)) || f.CompressedSize64 > uint64(len(h))-start {
		return nil, zip.ErrFormat
	}
	return h[start : start+f.CompressedSize64], nil
}

// partError names the part in an error of archive/zip.
func partError(name string, err error) error { return fmt.Errorf("part %s: %w", name, err) }
