package xlsx

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
)

// Limits that keep a hostile or broken file from taking the machine: a return is a few kilobytes.
const (
	MaxPart     = 16 << 20  // one part (a worksheet, the shared strings), inflated
	MaxInflated = 128 << 20 // all parts of one workbook, inflated, as they are read
	maxInflated = MaxInflated
	maxEntries  = 2000
)

// ErrCorrupt is a file that is not a readable zip archive.
var ErrCorrupt = errors.New("damaged or truncated zip archive")

// TooLargeError is an archive with too many parts, or whose parts inflate to too much data.
type TooLargeError struct {
	Entries  int    // set when there are too many parts
	Inflated uint64 // set when the parts inflate to too much
	Limit    uint64 // the bound on inflated data that was passed (MaxInflated unless asked for less)
}

func (e *TooLargeError) Error() string {
	if e.Entries > 0 {
		return fmt.Sprintf("too many parts (%d)", e.Entries)
	}
	return fmt.Sprintf("the parts inflate to too much data (%d MB)", e.Inflated>>20)
}

// Open opens the workbook held in data. Its errors are ErrCorrupt, *TooLargeError, ErrNotWorkbook,
// or a description of a damaged workbook part.
func Open(data []byte) (*Book, error) { return OpenLimit(data, MaxInflated) }

// OpenLimit is Open with a smaller bound on the data its parts may inflate to, in all: a caller
// that shares memory among many readers asks for what it has set aside. Reading more is a
// *TooLargeError whose Limit is that bound. A limit of zero or above MaxInflated is MaxInflated.
func OpenLimit(data []byte, limit int64) (*Book, error) {
	if limit <= 0 || limit > MaxInflated {
		limit = MaxInflated
	}
	// The end record says how many parts there are: refuse a flood before building the directory.
	n, err := countEntries(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if n > maxEntries {
		return nil, &TooLargeError{Entries: int(min(n, 1<<30))}
	}
	entries, err := directory(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var total uint64
	for _, e := range entries {
		total += e.UncompressedSize64
	}
	if total > uint64(limit) {
		return nil, &TooLargeError{Inflated: total, Limit: uint64(limit)}
	}
	return openBook(data, entries, limit)
}

// entry is a part of the zip archive, as its central directory gives it.
type entry struct {
	Name                                 string
	Method, flags                        uint16
	CRC32                                uint32
	CompressedSize64, UncompressedSize64 uint64
	offset                               uint64 // of its local header
}

// endRecord finds the end of central directory record: where the directory is, how many
// entries it has (from the Zip64 record when there is one).
func endRecord(data []byte) (count, offset, size uint64, err error) {
	const endLen, maxComment = 22, 1<<16 - 1
	start := max(len(data)-endLen-maxComment, 0)
	i := bytes.LastIndex(data[start:], []byte("PK\x05\x06"))
	if i < 0 || start+i+endLen > len(data) {
		return 0, 0, 0, errors.New("no end of central directory record")
	}
	end := data[start+i:]
	count = uint64(binary.LittleEndian.Uint16(end[10:]))
	size = uint64(binary.LittleEndian.Uint32(end[12:]))
	offset = uint64(binary.LittleEndian.Uint32(end[16:]))
	if count != 0xFFFF && size != 0xFFFFFFFF && offset != 0xFFFFFFFF {
		return count, offset, size, nil
	}
	// Zip64: a locator just before the end record points at the Zip64 end record.
	loc := start + i - 20
	if loc < 0 || !bytes.Equal(data[loc:loc+4], []byte("PK\x06\x07")) {
		return count, offset, size, nil
	}
	off := binary.LittleEndian.Uint64(data[loc+8:])
	if len(data) < 56 || off > uint64(len(data)-56) || !bytes.Equal(data[off:off+4], []byte("PK\x06\x06")) {
		return 0, 0, 0, errors.New("bad zip64 end of central directory record")
	}
	rec := data[off:]
	return binary.LittleEndian.Uint64(rec[32:]), binary.LittleEndian.Uint64(rec[48:]), binary.LittleEndian.Uint64(rec[40:]), nil
}

// countEntries reads the number of entries from the end of central directory record.
func countEntries(data []byte) (uint64, error) {
	n, _, _, err := endRecord(data)
	return n, err
}

var errDirectory = errors.New("damaged central directory")

// directory reads the central directory of a zip archive held in data.
func directory(data []byte) ([]*entry, error) {
	count, offset, size, err := endRecord(data)
	if err != nil {
		return nil, err
	}
	if offset > uint64(len(data)) || size > uint64(len(data))-offset || count > size/46 {
		return nil, errDirectory
	}
	dir := data[offset : offset+size]
	entries := make([]*entry, 0, count)
	all := make([]entry, count)
	for i := range all {
		if len(dir) < 46 || !bytes.Equal(dir[:4], []byte("PK\x01\x02")) {
			return nil, errDirectory
		}
		e := &all[i]
		e.flags = binary.LittleEndian.Uint16(dir[8:])
		e.Method = binary.LittleEndian.Uint16(dir[10:])
		e.CRC32 = binary.LittleEndian.Uint32(dir[16:])
		e.CompressedSize64 = uint64(binary.LittleEndian.Uint32(dir[20:]))
		e.UncompressedSize64 = uint64(binary.LittleEndian.Uint32(dir[24:]))
		nameLen := int(binary.LittleEndian.Uint16(dir[28:]))
		extraLen := int(binary.LittleEndian.Uint16(dir[30:]))
		commentLen := int(binary.LittleEndian.Uint16(dir[32:]))
		e.offset = uint64(binary.LittleEndian.Uint32(dir[42:]))
		if len(dir) < 46+nameLen+extraLen+commentLen {
			return nil, errDirectory
		}
		e.Name = intern(dir[46 : 46+nameLen])
		extra := dir[46+nameLen : 46+nameLen+extraLen]
		for len(extra) >= 4 {
			id, n := binary.LittleEndian.Uint16(extra), int(binary.LittleEndian.Uint16(extra[2:]))
			if len(extra) < 4+n {
				break
			}
			if id == 1 { // Zip64: the values that did not fit, in this order
				f := extra[4 : 4+n]
				for _, v := range []*uint64{&e.UncompressedSize64, &e.CompressedSize64, &e.offset} {
					if *v == 0xFFFFFFFF && len(f) >= 8 {
						*v, f = binary.LittleEndian.Uint64(f), f[8:]
					}
				}
			}
			extra = extra[4+n:]
		}
		dir = dir[46+nameLen+extraLen+commentLen:]
		entries = append(entries, e)
	}
	return entries, nil
}

// CellName is the A1 name of a cell: column 28, row 12 is "AB12".
func CellName(col, row int) string {
	col, row = max(col, 1), max(row, 1)
	var letters []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		letters = append([]byte{byte('A' + (c-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}
