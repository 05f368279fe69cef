package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
)

// Kind is what a cell holds.
type Kind byte

// The kinds of cells.
const (
	Number Kind = iota // a number as written in <v>; a date too, when its Format says so (IsDateFormat)
	Text               // a shared, inline or formula string
	Bool
	Error // #DIV/0! and the like
	Date  // a date cell (t="d"): Value is an ISO 8601 date or date-time
)

// Cell is one non-empty cell of a row.
type Cell struct {
	Col     int
	Kind    Kind
	Value   string
	Formula bool   // the cell has a formula (its value is the one cached when it was last saved)
	Format  string // the number format code from the styles ("General", "#,##0", "dd/mm/yyyy", ...)
	Hidden  bool   // the cell's row or column is hidden
}

// Sheet is a worksheet of the workbook, by its name on the tab.
type Sheet struct {
	Name   string
	Hidden bool // state="hidden" or "veryHidden"
	part   string
}

// Book is an opened workbook: its sheets, read on demand.
type Book struct {
	folded   map[string]*entry // by name in lower case: part names are case-insensitive
	shared   *entry
	styles   *entry
	sheets   []Sheet
	strs     []string // the shared strings, read the first time a cell needs one
	loaded   bool
	strsErr  error    // why the shared strings cannot be read
	formats  []string // the number format of each cell format, read the first time a sheet is
	styled   bool
	date1904 bool
	stale    bool
	data     []byte // the workbook's bytes
	rowCells []Cell // a row's cells, reused from sheet to sheet
	inflated int64  // bytes inflated so far, bounded by limit
	limit    int64
}

// ErrNotWorkbook is a zip archive that has no workbook part.
var ErrNotWorkbook = errors.New("not a spreadsheet: no workbook part")

// Sheets are the workbook's worksheets in tab order.
func (b *Book) Sheets() []Sheet { return b.sheets }

// Date1904 reports whether the workbook counts dates from 1904 (workbookPr date1904): a date
// number n is then the day 1904-01-01 + n, not 1899-12-30 + n.
func (b *Book) Date1904() bool { return b.date1904 }

// Stale reports whether the workbook says its cached formula results are out of date
// (calcPr fullCalcOnLoad): the program that saved it did not calculate them.
func (b *Book) Stale() bool { return b.stale }

// openBook finds the workbook part and its sheets.
func openBook(data []byte, entries []*entry, limit int64) (*Book, error) {
	b := &Book{data: data, folded: make(map[string]*entry, len(entries)), limit: limit}
	for _, f := range entries {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/")
		low := strings.ToLower(name)
		if b.folded[low] != nil && !strings.HasSuffix(name, "/") {
			// Part names are case-insensitive: which of the two is meant cannot be known.
			return nil, fmt.Errorf("%w: two parts are named %s", ErrCorrupt, name)
		}
		b.folded[low] = f
	}
	wbPart := "xl/workbook.xml"
	if f := b.part("_rels/.rels"); f != nil {
		rels, err := b.relationships(f)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPart = resolvePart("", r.target)
			}
		}
	}
	if b.part(wbPart) == nil {
		return nil, ErrNotWorkbook
	}
	v, err := b.cached(cacheWorkbook, b.part(wbPart), MaxPart, func(data []byte) (any, error) { return parseWorkbook(data) })
	if err != nil {
		return nil, err
	}
	wb := v.(*workbookPart)
	b.date1904, b.stale = wb.date1904, wb.stale
	targets := map[string]string{}
	used := map[string]bool{} // the parts relationships name, in lower case
	dir := path.Dir(wbPart)
	relsPart := path.Join(dir, "_rels", path.Base(wbPart)+".rels")
	if f := b.part(relsPart); f != nil {
		rels, err := b.relationships(f)
		if err != nil {
			// Damaged relationships would send the reader to the wrong parts.
			return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		for _, r := range rels {
			targets[r.id] = resolvePart(dir, r.target)
			used[strings.ToLower(targets[r.id])] = true
			switch {
			case strings.HasSuffix(r.typ, "/sharedStrings"):
				b.shared = b.part(resolvePart(dir, r.target))
			case strings.HasSuffix(r.typ, "/styles"):
				b.styles = b.part(resolvePart(dir, r.target))
			}
		}
	}
	b.sheets = make([]Sheet, 0, len(wb.sheets))
	for i, sh := range wb.sheets {
		part, ok := targets[sh.id]
		if !ok {
			// No relationship: the part a writer would have given it, unless it is another's.
			part = path.Join(dir, "worksheets", fmt.Sprintf("sheet%d.xml", i+1))
			if used[strings.ToLower(part)] {
				part = ""
			}
		}
		if part == "" || b.part(part) == nil {
			continue // a sheet with no part (a dialog or macro sheet without its relationship) is not a worksheet
		}
		b.sheets = append(b.sheets, Sheet{Name: sh.name, Hidden: sh.hidden, part: part})
	}
	if b.shared == nil {
		b.shared = b.part(path.Join(dir, "sharedStrings.xml"))
	}
	if b.styles == nil {
		b.styles = b.part(path.Join(dir, "styles.xml"))
	}
	return b, nil
}

// workbookPart is what the reader takes from the workbook part: its sheets in tab order (each
// with the id of its relationship) and the two settings that change what cells mean.
type workbookPart struct {
	sheets          []wbSheet
	date1904, stale bool
}

type wbSheet struct {
	name, id string
	hidden   bool
}

func parseWorkbook(data []byte) (*workbookPart, error) {
	wb := &workbookPart{}
	sc := scanner{data: data}
	root := true
	for sc.next() {
		if sc.tok != tokStart {
			continue
		}
		if root && !sc.main {
			return nil, fmt.Errorf("%w: the workbook part is not SpreadsheetML (namespace %q)", ErrNotWorkbook, sc.attr("xmlns"))
		}
		root = false
		if !sc.main {
			continue
		}
		switch sc.local {
		case "sheet":
			state := sc.attr("state")
			wb.sheets = append(wb.sheets, wbSheet{name: decodeEscapes(sc.attr("name")), id: sc.prefixedAttr("id"), hidden: state == "hidden" || state == "veryHidden"})
		case "workbookPr":
			wb.date1904 = sc.flag("date1904")
		case "calcPr":
			wb.stale = sc.flag("fullCalcOnLoad")
		}
	}
	if sc.err != nil {
		return nil, sc.err
	}
	return wb, nil
}

// part is the zip entry of a part, by its name in any case: two parts whose names differ only in
// case make the file corrupt (openBook), so the name in any case is the name.
func (b *Book) part(name string) *entry {
	return b.folded[strings.ToLower(name)]
}

type relationship struct{ id, target, typ string }

// relationships reads a relationships part (at most 1 MB).
func (b *Book) relationships(f *entry) ([]relationship, error) {
	v, err := b.cached(cacheRels, f, 1<<20, func(data []byte) (any, error) { return relationships(data), nil })
	if err != nil {
		return nil, err
	}
	return v.([]relationship), nil
}

func relationships(data []byte) []relationship {
	var out []relationship
	sc := scanner{data: data}
	for sc.next() {
		if sc.tok == tokStart && sc.local == "Relationship" {
			out = append(out, relationship{id: sc.attr("Id"), target: sc.attr("Target"), typ: sc.attr("Type")})
		}
	}
	return out
}

func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(dir, target))
}

// read inflates a part, refusing more than limit bytes, and gives it back in UTF-8. The bytes
// are in a buffer to give back with putBuffer once they are parsed.
func (b *Book) read(name string, limit int64) ([]byte, *[]byte, error) {
	f := b.part(name)
	if f == nil {
		return nil, nil, fmt.Errorf("part %s is missing", name)
	}
	return b.readFile(f, limit)
}

func (b *Book) readFile(f *entry, limit int64) ([]byte, *[]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, nil, &PartTooLargeError{f.Name, f.UncompressedSize64}
	}
	if b.limit <= 0 {
		b.limit = MaxInflated
	}
	if left := b.limit - b.inflated; int64(f.UncompressedSize64) > left {
		return nil, nil, &TooLargeError{Inflated: uint64(b.inflated) + f.UncompressedSize64, Limit: uint64(b.limit)}
	}
	// One buffer of the size the header gives; the limit, not the header, bounds the work.
	buf := getBuffer(int(f.UncompressedSize64) + 1)
	n, err := b.inflate(f, buf, min(limit, b.limit-b.inflated))
	b.inflated += n
	if err != nil {
		putBuffer(buf)
		if errors.Is(err, errLimit) {
			if n > limit {
				return nil, nil, &PartTooLargeError{f.Name, uint64(n)}
			}
			return nil, nil, &TooLargeError{Inflated: uint64(b.inflated), Limit: uint64(b.limit)}
		}
		return nil, nil, partError(f.Name, err)
	}
	data, err := toUTF8(f.Name, *buf)
	if err != nil {
		putBuffer(buf)
		return nil, nil, err
	}
	return data, buf, nil
}

// EncodingError is a part in a character encoding the reader does not know.
type EncodingError struct {
	Part     string
	Encoding string
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("part %s is in the %s encoding, which is not supported (save the file again as .xlsx)", e.Part, e.Encoding)
}

// toUTF8 gives a part in UTF-8: a byte order mark is dropped and UTF-16 is decoded; any other
// declared encoding is refused by name.
func toUTF8(name string, data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{'<', 0}):
		return utf16To8(bytes.TrimPrefix(data, []byte{0xFF, 0xFE}), false), nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0, '<'}):
		return utf16To8(bytes.TrimPrefix(data, []byte{0xFE, 0xFF}), true), nil
	}
	if bytes.HasPrefix(data, []byte("<?xml")) {
		end := bytes.Index(data, []byte("?>"))
		if end > 0 {
			decl := data[:end]
			if i := bytes.Index(decl, []byte("encoding")); i >= 0 {
				_, v, _, ok := nextAttr(decl[i:])
				if enc := strings.ToLower(string(v)); ok && enc != "utf-8" && enc != "utf8" && enc != "us-ascii" && enc != "ascii" {
					return nil, &EncodingError{Part: name, Encoding: string(v)}
				}
			}
		}
	}
	return data, nil
}

func utf16To8(data []byte, bigEndian bool) []byte {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		}
	}
	out := []byte(string(utf16.Decode(units)))
	// The declaration still says UTF-16: it is now UTF-8.
	if bytes.HasPrefix(out, []byte("<?xml")) {
		if end := bytes.Index(out, []byte("?>")); end > 0 {
			out = append([]byte("<?xml version=\"1.0\"?>"), out[end+2:]...)
		}
	}
	return out
}

// sharedString looks up a shared string, reading the table the first time it is needed.
func (b *Book) sharedString(i int) (string, error) {
	if !b.loaded {
		b.loaded = true
		if b.shared != nil {
			data, buf, err := b.readFile(b.shared, MaxPart)
			if err != nil {
				return "", err
			}
			b.strs, err = parseShared(data)
			putBuffer(buf)
			if err != nil {
				b.strsErr = &PartError{Part: b.shared.Name, Err: err}
			}
		}
	}
	if b.strsErr != nil {
		return "", b.strsErr
	}
	if i < 0 || i >= len(b.strs) {
		return "", fmt.Errorf("shared string %d does not exist", i)
	}
	return b.strs[i], nil
}

// format is the number format of a cell format index, reading the styles the first time.
func (b *Book) format(s int) string {
	if !b.styled {
		b.styled = true
		if b.styles != nil {
			// A styles part that cannot be read leaves every cell General, as before.
			if v, err := b.cached(cacheStyles, b.styles, MaxPart, func(data []byte) (any, error) { return parseStyles(data), nil }); err == nil {
				b.formats = v.([]string) // shared with other books: only read
			}
		}
	}
	if s >= 0 && s < len(b.formats) {
		return b.formats[s]
	}
	return "General"
}

// PartError is a part of the workbook other than the sheet being read (the shared strings) whose
// XML cannot be read: Err says why (ErrDTD, ErrNesting, or another fault of the XML).
type PartError struct {
	Part string
	Err  error
}

func (e *PartError) Error() string { return fmt.Sprintf("part %s: %v", e.Part, e.Err) }
func (e *PartError) Unwrap() error { return e.Err }

// parseShared reads <si> items: the text of their <t> elements, leaving out phonetic runs.
// An empty item (<si/>) is an empty string, so that the indices of the others hold. XML that
// cannot be read is an error: the strings after it would be missing.
func parseShared(data []byte) ([]string, error) {
	var out []string
	var cur []byte
	inSI, inT, inPh := false, false, 0
	sc := scanner{data: data}
	for sc.next() {
		if !sc.main {
			continue
		}
		switch sc.tok {
		case tokStart:
			switch sc.local {
			case "si":
				if sc.selfClosing {
					out = append(out, "")
					continue
				}
				inSI = true
				cur = cur[:0]
			case "t":
				inT = !sc.selfClosing
			case "rPh":
				if !sc.selfClosing {
					inPh++
				}
			}
		case tokEnd:
			switch sc.local {
			case "si":
				if inSI {
					if bytes.Contains(cur, []byte("_x")) {
						out = append(out, decodeEscapes(string(cur)))
					} else {
						out = append(out, intern(cur))
					}
				}
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case tokText:
			if inSI && inT && inPh == 0 {
				cur = sc.appendText(cur)
			}
		}
	}
	return out, sc.err
}
