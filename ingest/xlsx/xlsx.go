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
	"unicode/utf8"
)

// Kind is what a cell holds.
type Kind byte

// The kinds of cells.
const (
	Number Kind = iota // a number (or a date), as written in <v>
	Text               // a shared, inline or formula string
	Bool
	Error // #DIV/0! and the like
)

// Cell is one non-empty cell of a row.
type Cell struct {
	Col     int
	Kind    Kind
	Value   string
	Formula bool // the cell has a formula (its value is the one cached when it was last saved)
}

// Sheet is a worksheet of the workbook, by its name on the tab.
type Sheet struct {
	Name string
	part string
}

// Book is an opened workbook: its sheets, read on demand.
type Book struct {
	files  map[string]*zip.File
	sheets []Sheet
	shared []string
	loaded bool
}

// ErrNotWorkbook is a zip archive that has no workbook part.
var ErrNotWorkbook = errors.New("not a spreadsheet: no workbook part")

// Sheets are the workbook's worksheets in tab order.
func (b *Book) Sheets() []Sheet { return b.sheets }

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
	wb, err := b.read(wbPart, MaxPart)
	if err != nil {
		return nil, ErrNotWorkbook
	}
	targets := map[string]string{}
	dir := path.Dir(wbPart)
	relsPart := path.Join(dir, "_rels", path.Base(wbPart)+".rels")
	if rels, err := b.read(relsPart, 1<<20); err == nil {
		for _, r := range relationships(rels) {
			targets[r.id] = resolvePart(dir, r.target)
			if strings.HasSuffix(r.typ, "/sharedStrings") {
				b.files["#shared"] = b.files[strings.ToLower(resolvePart(dir, r.target))]
			}
		}
	}
	sc := scanner{data: wb}
	for sc.next() {
		if sc.tok != tokStart || sc.local != "sheet" {
			continue
		}
		name := sc.attr("name")
		id := sc.attr("id")
		part, ok := targets[id]
		if !ok {
			part = path.Join(dir, "worksheets", fmt.Sprintf("sheet%d.xml", len(b.sheets)+1))
		}
		b.sheets = append(b.sheets, Sheet{Name: name, part: part})
	}
	if sc.err != nil {
		return nil, sc.err
	}
	if b.files["#shared"] == nil {
		b.files["#shared"] = b.files[path.Join(dir, "sharedstrings.xml")]
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

// read inflates a part, refusing more than limit bytes.
func (b *Book) read(name string, limit int64) ([]byte, error) {
	f := b.files[strings.ToLower(name)]
	if name == "#shared" {
		f = b.files[name]
	}
	if f == nil {
		return nil, fmt.Errorf("part %s is missing", name)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &PartTooLargeError{name, f.UncompressedSize64}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, 1<<20)))
	if _, err := io.Copy(buf, io.LimitReader(rc, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &PartTooLargeError{name, uint64(buf.Len())}
	}
	return buf.Bytes(), nil
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

// parseShared reads <si> items: the text of their <t> elements, leaving out phonetic runs.
func parseShared(data []byte) []string {
	var out []string
	var cur strings.Builder
	inSI, inT, inPh := false, false, 0
	sc := scanner{data: data}
	for sc.next() {
		switch sc.tok {
		case tokStart:
			switch sc.local {
			case "si":
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
					out = append(out, cur.String())
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

// Rows streams a sheet row by row. fn gets the row number and its non-empty cells; it returns false
// to stop. maxRows bounds the work on a hostile sheet (ErrTooManyRows).
func (b *Book) Rows(s Sheet, maxRows int, fn func(row int, cells []Cell) bool) error {
	data, err := b.read(s.part, MaxPart)
	if err != nil {
		return err
	}
	var (
		cells        []Cell
		row, col     int
		cur          Cell
		typ          string
		inCell, inIS bool
		inV, inT     bool
		text         strings.Builder
		rowsSeen     int
		stopped      bool
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
		switch sc.tok {
		case tokStart:
			switch sc.local {
			case "row":
				rowsSeen++
				if rowsSeen > maxRows {
					return ErrTooManyRows
				}
				if r, err := strconv.Atoi(sc.attr("r")); err == nil && r > 0 {
					row = r
				} else {
					row++
				}
				col = 0
				if sc.selfClosing && !flush() {
					stopped = true
				}
			case "c":
				ref := sc.attr("r")
				if c, _, ok := parseRef(ref); ok {
					col = c
				} else {
					col++
				}
				typ = sc.attr("t")
				cur = Cell{Col: col}
				text.Reset()
				inCell = !sc.selfClosing
			case "v":
				inV = inCell && !sc.selfClosing
			case "f":
				cur.Formula = inCell
			case "is":
				inIS = inCell && !sc.selfClosing
			case "t":
				inT = inIS && !sc.selfClosing
			}
		case tokEnd:
			switch sc.local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "c":
				if inCell {
					if err := b.finishCell(&cur, typ, text.String()); err != nil {
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
			if inV || inT {
				text.WriteString(sc.text())
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

func (b *Book) finishCell(c *Cell, typ, text string) error {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			return fmt.Errorf("cell %s: shared string index %q", CellName(c.Col, 1), text)
		}
		s, err := b.sharedString(i)
		if err != nil {
			return err
		}
		c.Kind, c.Value = Text, s
	case "str", "inlineStr", "d":
		c.Kind, c.Value = Text, text
	case "b":
		c.Kind, c.Value = Bool, text
	case "e":
		c.Kind, c.Value = Error, text
	default:
		c.Kind, c.Value = Number, strings.TrimSpace(text)
	}
	return nil
}

// parseRef splits "AB12" into column 28 and row 12.
func parseRef(ref string) (col, row int, ok bool) {
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
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// scanner is a minimal XML tokenizer: start and end tags with their local names and attributes,
// and text. It is enough for SpreadsheetML, which has no DTDs; it never panics on bad input and
// stops with an error at the first thing it cannot read.
type scanner struct {
	data        []byte
	pos         int
	tok         int
	local       string
	selfClosing bool
	attrs       []byte // the raw attributes of the current start tag
	raw         []byte // the raw text of the current text token
	err         error
}

const (
	tokStart = iota + 1
	tokEnd
	tokText
)

func (s *scanner) next() bool {
	if s.err != nil || s.pos >= len(s.data) {
		return false
	}
	if s.data[s.pos] != '<' {
		end := bytes.IndexByte(s.data[s.pos:], '<')
		if end < 0 {
			end = len(s.data) - s.pos
		}
		s.tok, s.raw = tokText, s.data[s.pos:s.pos+end]
		s.pos += end
		return true
	}
	rest := s.data[s.pos+1:]
	switch {
	case bytes.HasPrefix(rest, []byte("?")):
		return s.skipPast("?>")
	case bytes.HasPrefix(rest, []byte("!--")):
		return s.skipPast("-->")
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		end := bytes.Index(rest, []byte("]]>"))
		if end < 0 {
			s.err = errors.New("xml: unterminated CDATA")
			return false
		}
		s.tok, s.raw = tokText, rest[8:end]
		s.pos += 1 + end + 3
		return true
	case bytes.HasPrefix(rest, []byte("!")):
		return s.skipPast(">")
	}
	end := bytes.IndexByte(rest, '>')
	if end < 0 {
		s.err = errors.New("xml: unterminated tag")
		return false
	}
	tag := rest[:end]
	s.pos += 1 + end + 1
	if len(tag) > 0 && tag[0] == '/' {
		s.tok, s.local, s.selfClosing, s.attrs = tokEnd, localName(bytes.TrimSpace(tag[1:])), false, nil
		return true
	}
	s.selfClosing = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.selfClosing {
		tag = tag[:len(tag)-1]
	}
	nameEnd := 0
	for nameEnd < len(tag) && !isSpace(tag[nameEnd]) {
		nameEnd++
	}
	s.tok, s.local, s.attrs = tokStart, localName(tag[:nameEnd]), tag[nameEnd:]
	return true
}

func (s *scanner) skipPast(marker string) bool {
	end := bytes.Index(s.data[s.pos:], []byte(marker))
	if end < 0 {
		s.err = errors.New("xml: unterminated " + marker)
		return false
	}
	s.pos += end + len(marker)
	return s.next()
}

func localName(name []byte) string {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	switch string(name) { // the names this reader asks for, without allocating
	case "c":
		return "c"
	case "v":
		return "v"
	case "row":
		return "row"
	case "t":
		return "t"
	case "is":
		return "is"
	case "si":
		return "si"
	}
	return string(name)
}

// attr is the value of the attribute with this local name in the current start tag.
func (s *scanner) attr(local string) string {
	a := s.attrs
	for len(a) > 0 {
		a = trimSpaceLeft(a)
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return ""
		}
		name := a[:eq]
		for len(name) > 0 && isSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		a = trimSpaceLeft(a[eq+1:])
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return ""
		}
		q := a[0]
		end := bytes.IndexByte(a[1:], q)
		if end < 0 {
			return ""
		}
		value := a[1 : 1+end]
		a = a[end+2:]
		if localName(name) == local {
			return unescape(value)
		}
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func (s *scanner) text() string { return unescape(s.raw) }

// unescape decodes XML entities and character references.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i:]
		end := bytes.IndexByte(b, ';')
		if end < 0 || end > 12 {
			out.WriteByte('&')
			b = b[1:]
			continue
		}
		ent := string(b[1:end])
		b = b[end+1:]
		switch ent {
		case "amp":
			out.WriteByte('&')
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "quot":
			out.WriteByte('"')
		case "apos":
			out.WriteByte('\'')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ent, "#x"):
				n, err = strconv.ParseUint(ent[2:], 16, 32)
			case strings.HasPrefix(ent, "#"):
				n, err = strconv.ParseUint(ent[1:], 10, 32)
			default:
				err = errors.New("unknown entity")
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				out.WriteString("&" + ent + ";")
				continue
			}
			out.WriteRune(rune(n))
		}
	}
	return out.String()
}
