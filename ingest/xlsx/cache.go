package xlsx

import (
	"archive/zip"
	"sync"
)

// What is made of the small parts that workbooks share byte for byte (the styles, the workbook
// part and its relationships, as one program writes them) is remembered, keyed by the part's
// stored bytes with its checksum and size: such a part is inflated, checked and parsed once,
// however many workbooks of a folder hold it. A part seen with another checksum or size than the
// one remembered is read again, so a damaged copy is still found.

// The kinds of parts remembered, each in its own table.
const (
	cacheStyles = iota
	cacheRels
	cacheWorkbook
	cacheKinds
)

const (
	maxCachedParts = 64       // of each kind
	maxCachedRaw   = 16 << 10 // stored bytes of a part remembered: 3 MB in all at most
)

type cachedPart struct {
	crc  uint32
	size uint64
	v    any
}

var partCache = struct {
	sync.RWMutex
	m [cacheKinds]map[string]cachedPart
}{}

// cached gives what parse makes of part f, from the table of its kind when the same bytes were
// parsed before. Errors are not remembered.
func (b *Book) cached(kind int, f *entry, limit int64, parse func([]byte) (any, error)) (any, error) {
	raw, err := b.raw(f)
	if err != nil || f.Method != zip.Deflate || len(raw) > maxCachedRaw {
		return b.parsePart(f, limit, parse)
	}
	partCache.RLock()
	c, ok := partCache.m[kind][string(raw)]
	partCache.RUnlock()
	if ok && c.crc == f.CRC32 && c.size == f.UncompressedSize64 {
		return c.v, nil
	}
	v, err := b.parsePart(f, limit, parse)
	if err != nil {
		return nil, err
	}
	partCache.Lock()
	if partCache.m[kind] == nil {
		partCache.m[kind] = map[string]cachedPart{}
	}
	if len(partCache.m[kind]) < maxCachedParts {
		partCache.m[kind][string(raw)] = cachedPart{f.CRC32, f.UncompressedSize64, v}
	}
	partCache.Unlock()
	return v, nil
}

func (b *Book) parsePart(f *entry, limit int64, parse func([]byte) (any, error)) (any, error) {
	data, buf, err := b.readFile(f, limit)
	if err != nil {
		return nil, err
	}
	defer putBuffer(buf)
	return parse(data)
}
