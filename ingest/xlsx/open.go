package xlsx

import (
	"archive/zip"
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
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if len(zr.File) > maxEntries {
		return nil, &TooLargeError{Entries: len(zr.File)}
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
	}
	if total > uint64(limit) {
		return nil, &TooLargeError{Inflated: total, Limit: uint64(limit)}
	}
	return openBook(data, zr, limit)
}

// countEntries reads the number of entries from the zip's end of central directory record
// (or its Zip64 record).
func countEntries(data []byte) (uint64, error) {
	const endLen, maxComment = 22, 1<<16 - 1
	start := max(len(data)-endLen-maxComment, 0)
	i := bytes.LastIndex(data[start:], []byte("PK\x05\x06"))
	if i < 0 || start+i+endLen > len(data) {
		return 0, errors.New("no end of central directory record")
	}
	end := start + i
	n := uint64(binary.LittleEndian.Uint16(data[end+10:]))
	if n != 0xFFFF {
		return n, nil
	}
	// Zip64: a locator just before the end record points at the Zip64 end record.
	loc := end - 20
	if loc < 0 || !bytes.Equal(data[loc:loc+4], []byte("PK\x06\x07")) {
		return n, nil
	}
	off := binary.LittleEndian.Uint64(data[loc+8:])
	if off > uint64(len(data)-56) || !bytes.Equal(data[off:off+4], []byte("PK\x06\x06")) {
		return 0, errors.New("bad zip64 end of central directory record")
	}
	return binary.LittleEndian.Uint64(data[off+32:]), nil
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
