package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// Limits that keep a hostile or broken file from taking the machine: a return is a few kilobytes.
const (
	MaxPart     = 16 << 20  // one part (a worksheet, the shared strings), inflated
	maxInflated = 128 << 20 // all parts, inflated
	maxEntries  = 2000
)

// ErrCorrupt is a file that is not a readable zip archive.
var ErrCorrupt = errors.New("damaged or truncated zip archive")

// TooLargeError is an archive with too many parts, or whose parts inflate to too much data.
type TooLargeError struct {
	Entries  int    // set when there are too many parts
	Inflated uint64 // set when the parts inflate to too much
}

func (e *TooLargeError) Error() string {
	if e.Entries > 0 {
		return fmt.Sprintf("too many parts (%d)", e.Entries)
	}
	return fmt.Sprintf("the parts inflate to too much data (%d MB)", e.Inflated>>20)
}

// Open opens the workbook held in data. Its errors are ErrCorrupt, *TooLargeError, ErrNotWorkbook,
// or a description of a damaged workbook part.
func Open(data []byte) (*Book, error) {
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
	if total > maxInflated {
		return nil, &TooLargeError{Inflated: total}
	}
	return openBook(zr)
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
