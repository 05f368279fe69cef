package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
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
	files    map[string]*zip.File
	sheets   []Sheet
	shared   []string
	loaded   bool
	styles   []string // the number format of each cell format, read the first time a sheet is
	styled   bool
	date1904 bool
	stale    bool
	inflated int64 // bytes inflated so far, bounded by maxInflated
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
func openBook(zr *zip.Reader) (*Book, error) {
	b := &Book{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		b.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	wbPart := "xl/workbook.xml"
	if rels, err := b.read("_rels/.rels", 1<<20); err == nil {
		for _, r := range relationships(rels) {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPart = resolvePart("", r.target)
			}
		}
	}
	if b.files[strings.ToLower(wbPart)] == nil {
		return nil, ErrNotWorkbook
	}
	wb, err := b.read(wbPart, MaxPart)
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	dir := path.Dir(wbPart)
	relsPart := path.Join(dir, "_rels", path.Base(wbPart)+".rels")
	if rels, err := b.read(relsPart, 1<<20); err == nil {
		for _, r := range relationships(rels) {
			targets[r.id] = resolvePart(dir, r.target)
			switch {
			case strings.HasSuffix(r.typ, "/sharedStrings"):
				b.files["#shared"] = b.files[strings.ToLower(resolvePart(dir, r.target))]
			case strings.HasSuffix(r.typ, "/styles"):
				b.files["#styles"] = b.files[strings.ToLower(resolvePart(dir, r.target))]
			}
		}
	}
	sc := scanner{data: wb}
	for sc.next() {
		if sc.tok != tokStart || !sc.main {
			continue
		}
		switch sc.local {
		case "sheet":
			name := sc.attr("name")
			state := sc.attr("state")
			part, ok := targets[sc.prefixedAttr("id")]
			if !ok {
				part = path.Join(dir, "worksheets", fmt.Sprintf("sheet%d.xml", len(b.sheets)+1))
			}
			b.sheets = append(b.sheets, Sheet{Name: decodeEscapes(name), Hidden: state == "hidden" || state == "veryHidden", part: part})
		case "workbookPr":
			b.date1904 = sc.flag("date1904")
		case "calcPr":
			b.stale = sc.flag("fullCalcOnLoad")
		}
	}
	if sc.err != nil {
		return nil, sc.err
	}
	if b.files["#shared"] == nil {
		b.files["#shared"] = b.files[path.Join(strings.ToLower(dir), "sharedstrings.xml")]
	}
	if b.files["#styles"] == nil {
		b.files["#styles"] = b.files[path.Join(strings.ToLower(dir), "styles.xml")]
	}
	return b, nil
}

type relationship struct{ id, target, typ string }

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

// read inflates a part, refusing more than limit bytes, and gives it back in UTF-8.
func (b *Book) read(name string, limit int64) ([]byte, error) {
	f := b.files[strings.ToLower(name)]
	if strings.HasPrefix(name, "#") {
		f = b.files[name]
	}
	if f == nil {
		return nil, fmt.Errorf("part %s is missing", name)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &PartTooLargeError{f.Name, f.UncompressedSize64}
	}
	if left := maxInflated - b.inflated; int64(f.UncompressedSize64) > left {
		return nil, &TooLargeError{Inflated: uint64(b.inflated) + f.UncompressedSize64}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// One buffer of the size the header gives; the limit reader, not the header, bounds the work.
	buf := make([]byte, 0, f.UncompressedSize64+1)
	n, err := readLimited(&buf, rc, min(limit, maxInflated-b.inflated))
	b.inflated += n
	if err != nil {
		if errors.Is(err, errLimit) {
			if n > limit {
				return nil, &PartTooLargeError{f.Name, uint64(n)}
			}
			return nil, &TooLargeError{Inflated: uint64(b.inflated)}
		}
		return nil, fmt.Errorf("part %s: %w", f.Name, err)
	}
	return toUTF8(f.Name, buf)
}

var errLimit = errors.New("limit reached")

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
		if b.files["#shared"] != nil {
			data, err := b.read("#shared", MaxPart)
			if err != nil {
				return "", err
			}
			b.shared = parseShared(data)
		}
	}
	if i < 0 || i >= len(b.shared) {
		return "", fmt.Errorf("shared string %d does not exist", i)
	}
	return b.shared[i], nil
}

// format is the number format of a cell format index, reading the styles the first time.
func (b *Book) format(s int) string {
	if !b.styled {
		b.styled = true
		if b.files["#styles"] != nil {
			if data, err := b.read("#styles", MaxPart); err == nil {
				b.styles = parseStyles(data)
			}
		}
	}
	if s >= 0 && s < len(b.styles) {
		return b.styles[s]
	}
	return "General"
}

// parseShared reads <si> items: the text of their <t> elements, leaving out phonetic runs.
// An empty item (<si/>) is an empty string, so that the indices of the others hold.
func parseShared(data []byte) []string {
	var out []string
	var cur strings.Builder
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
				cur.Reset()
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
					out = append(out, decodeEscapes(cur.String()))
				}
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case tokText:
			if inSI && inT && inPh == 0 {
				cur.WriteString(sc.text())
			}
		}
	}
	return out
}

type colRange struct{ min, max int }

// Rows streams a sheet row by row. fn gets the row number and its non-empty cells; it returns false
// to stop. maxRows bounds the work on a hostile sheet (ErrTooManyRows).
func (b *Book) Rows(s Sheet, maxRows int, fn func(row int, cells []Cell) bool) error {
	data, err := b.read(s.part, MaxPart)
	if err != nil {
		return err
	}
	var (
		cells          []Cell
		row, col       int
		cur            Cell
		typ            string
		inCell, inIS   bool
		inV, inT, inPh bool
		vText, isText  strings.Builder
		rowsSeen       int
		stopped        bool
		rowHidden      bool
		hiddenCols     []colRange
	)
	flush := func() bool {
		if len(cells) == 0 {
			return true
		}
		ok := fn(row, cells)
		cells = cells[:0]
		return ok
	}
	sc := scanner{data: data}
	for !stopped && sc.next() {
		if !sc.main {
			continue // an element of another namespace is not part of the sheet
		}
		switch sc.tok {
		case tokStart:
			switch sc.local {
			case "row":
				rowsSeen++
				if rowsSeen > maxRows {
					return ErrTooManyRows
				}
				if r := sc.intAttr("r"); r > 0 {
					row = r
				} else {
					row++
				}
				col = 0
				rowHidden = sc.flag("hidden")
				if sc.selfClosing && !flush() {
					stopped = true
				}
			case "c":
				ref, _ := sc.attrRaw("r")
				if c, _, ok := parseRef(ref); ok {
					col = c
				} else {
					col++
				}
				typ = sc.attr("t")
				cur = Cell{Col: col, Hidden: rowHidden}
				if len(hiddenCols) > 0 {
					for _, h := range hiddenCols {
						if col >= h.min && col <= h.max {
							cur.Hidden = true
						}
					}
				}
				cur.Format = b.format(max(sc.intAttr("s"), 0))
				vText.Reset()
				isText.Reset()
				inCell = !sc.selfClosing
			case "v":
				inV = inCell && !sc.selfClosing
			case "f":
				cur.Formula = inCell
			case "is":
				inIS = inCell && !sc.selfClosing
			case "t":
				inT = inIS && !sc.selfClosing
			case "rPh":
				inPh = inIS && !sc.selfClosing
			case "col":
				if sc.flag("hidden") {
					if lo, hi := sc.intAttr("min"), sc.intAttr("max"); lo > 0 && hi >= lo {
						hiddenCols = append(hiddenCols, colRange{lo, hi})
					}
				}
			}
		case tokEnd:
			switch sc.local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				inPh = false
			case "c":
				if inCell {
					text := vText.String()
					if typ == "inlineStr" {
						text = isText.String()
					}
					if err := b.finishCell(&cur, row, typ, text); err != nil {
						return err
					}
					if cur.Value != "" || cur.Formula {
						cells = append(cells, cur)
					}
				}
				inCell = false
			case "row":
				if !flush() {
					stopped = true
				}
			}
		case tokText:
			switch {
			case inV:
				vText.WriteString(sc.text())
			case inT && !inPh:
				isText.WriteString(sc.text())
			}
		}
	}
	if sc.err != nil {
		return sc.err
	}
	if !stopped {
		flush()
	}
	return nil
}

// ErrTooManyRows is a sheet with more rows than asked for.
var ErrTooManyRows = errors.New("too many rows")

// PartTooLargeError is a part that inflates to more than MaxPart.
type PartTooLargeError struct {
	Part string
	Size uint64
}

func (e *PartTooLargeError) Error() string {
	return fmt.Sprintf("part %s is too large (%d MB)", e.Part, e.Size>>20)
}

func (b *Book) finishCell(c *Cell, row int, typ, text string) error {
	switch typ {
	case "s":
		text = strings.TrimSpace(text)
		if text == "" {
			return nil // <c t="s"><v/></c>: no string, an empty cell
		}
		i, err := strconv.Atoi(text)
		if err != nil {
			return fmt.Errorf("cell %s: shared string index %q", CellName(c.Col, row), text)
		}
		s, err := b.sharedString(i)
		if err != nil {
			return fmt.Errorf("cell %s: %w", CellName(c.Col, row), err)
		}
		c.Kind, c.Value = Text, s
	case "str", "inlineStr":
		c.Kind, c.Value = Text, decodeEscapes(text)
	case "d":
		c.Kind, c.Value = Date, strings.TrimSpace(text)
	case "b":
		c.Kind, c.Value = Bool, strings.TrimSpace(text)
	case "e":
		c.Kind, c.Value = Error, strings.TrimSpace(text)
	default:
		c.Kind, c.Value = Number, strings.TrimSpace(text)
	}
	return nil
}

// parseRef splits "AB12" into column 28 and row 12.
func parseRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 3 {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		col = col*26 + int(ch-'a'+1)
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row = atoi(ref[i:])
	if row < 1 {
		return 0, 0, false
	}
	return col, row, true
}
