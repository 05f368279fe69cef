package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"
)

type colRange struct{ min, max int }

// Rows streams a sheet row by row. fn gets the row number and its non-empty cells; it returns false
// to stop. maxRows bounds the work on a hostile sheet (ErrTooManyRows).
func (b *Book) Rows(s Sheet, maxRows int, fn func(row int, cells []Cell) bool) error {
	data, buf, err := b.read(s.part, MaxPart)
	if err != nil {
		return err
	}
	defer putBuffer(buf)
	// The row's cells are kept for the next sheet of the book (a nested call makes its own).
	cells := b.rowCells[:0]
	if cells == nil {
		cells = make([]Cell, 0, 16)
	}
	b.rowCells = nil
	defer func() { b.rowCells = cells[:0] }()
	var (
		row, col       int
		cur            Cell
		typ            cellType
		inCell, inIS   bool
		hasIS          bool
		isRaw          []byte // the one text token of <is>, as written, while there is only one
		isN            int    // text tokens of <is>
		inV, inT, inPh bool
		vText, isText  []byte
		rowsSeen       int
		stopped        bool
		rowHidden      bool
		inRow          bool
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
				r := -1
				rowHidden = false
				for a := sc.attrs; len(a) > 0; { // r and hidden in one pass
					name, v, rest, ok := nextAttr(a)
					if !ok {
						break
					}
					switch string(name) {
					case "r":
						r = rowNumber(v)
					case "hidden":
						rowHidden = string(v) == "1" || string(v) == "true"
					}
					a = rest
				}
				switch {
				case r > 0:
					row = r
				case r == -1:
					row++ // no row number (or one that is not a number): the next row
				default:
					return ErrOutsideGrid // row 0, or a row number too long to be one
				}
				if row > MaxRow {
					return ErrOutsideGrid
				}
				col = 0
				inRow = !sc.selfClosing
				if sc.selfClosing && !flush() {
					stopped = true
				}
			case "c":
				if !inRow {
					continue // a cell outside a row is not on the sheet
				}
				// The attributes in one pass: r, s and t.
				var ref, t []byte
				style := 0
				for a := sc.attrs; len(a) > 0; {
					name, v, rest, ok := nextAttr(a)
					if !ok {
						break
					}
					switch string(name) {
					case "r":
						ref = v
					case "s":
						style = max(atoi(v), 0)
					case "t":
						t = v
					}
					a = rest
				}
				switch c, _, ok := parseRef(ref); {
				case ok:
					col = c
				case c < 0:
					return ErrOutsideGrid
				default:
					col++
				}
				if col > MaxCol {
					return ErrOutsideGrid
				}
				typ = typeOf(t)
				cur = Cell{Col: col, Hidden: rowHidden}
				if len(hiddenCols) > 0 {
					for _, h := range hiddenCols {
						if col >= h.min && col <= h.max {
							cur.Hidden = true
						}
					}
				}
				cur.Format = b.format(style)
				vText, isText, hasIS, isRaw, isN = vText[:0], isText[:0], false, nil, 0
				inCell = !sc.selfClosing
			case "v":
				inV = inCell && !sc.selfClosing
			case "f":
				cur.Formula = inCell
			case "is":
				inIS = inCell && !sc.selfClosing
				hasIS = hasIS || inCell
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
					text := vText
					if typ == typeInline && hasIS {
						// An inline string's text is in <is>; LibreOffice 4.1 wrote a formula's
						// text result as t="inlineStr" with the text in <v> and no <is>.
						text = isText
					}
					var err error
					if typ == typeInline && hasIS && isN == 1 {
						cur.Kind, cur.Value = Text, internRaw(isRaw)
						err = checkLength(&cur, row)
					} else {
						err = b.finishCell(&cur, row, typ, text)
					}
					if err != nil {
						return err
					}
					if cur.Value != "" || cur.Formula {
						cells = append(cells, cur)
					}
				}
				inCell = false
			case "row":
				inRow = false
				if !flush() {
					stopped = true
				}
			}
		case tokText:
			switch {
			case inV:
				vText = sc.appendText(vText)
			case inT && !inPh:
				// One text token, the usual case, is looked up as written (labels repeat from
				// workbook to workbook); more are joined unescaped.
				switch isN {
				case 0:
					isRaw = sc.raw
				case 1:
					isText = appendUnescaped(isText[:0], isRaw)
					fallthrough
				default:
					isText = sc.appendText(isText)
				}
				isN++
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

// interned holds the short texts that cells repeat from workbook to workbook (labels, codes,
// units, headers): a cell's text is looked up without making a string, and only a text not seen
// before is made one. It stops growing at maxInterned texts.
var interned = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

const (
	maxInterned    = 8192
	maxInternedLen = 64
)

func intern(b []byte) string {
	if len(b) > maxInternedLen {
		return string(b)
	}
	interned.RLock()
	s, ok := interned.m[string(b)]
	interned.RUnlock()
	if ok {
		return s
	}
	s = string(b)
	interned.Lock()
	if len(interned.m) < maxInterned {
		interned.m[s] = s
	}
	interned.Unlock()
	return s
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

// maxText is the most characters Excel lets a cell hold.
const maxText = 32767

// tooLong reports a text longer than Excel allows: a file made to make its readers copy it.
func tooLong(s string) bool { return len(s) > maxText && utf8.RuneCountInString(s) > maxText }

// cellType is the t attribute of a cell.
type cellType byte

const (
	typeNumber cellType = iota // n, or none
	typeShared                 // s
	typeInline                 // inlineStr
	typeStr                    // str: a formula's text
	typeDate                   // d
	typeBool                   // b
	typeError                  // e
)

func typeOf(t []byte) cellType {
	switch string(t) {
	case "s":
		return typeShared
	case "inlineStr":
		return typeInline
	case "str":
		return typeStr
	case "d":
		return typeDate
	case "b":
		return typeBool
	case "e":
		return typeError
	}
	return typeNumber
}

func (b *Book) finishCell(c *Cell, row int, typ cellType, text []byte) (err error) {
	switch typ {
	case typeShared:
		text = bytes.TrimSpace(text)
		if len(text) == 0 {
			return nil // <c t="s"><v/></c>: no string, an empty cell
		}
		i := atoi(text)
		if i < 0 {
			return fmt.Errorf("cell %s: shared string index %q", CellName(c.Col, row), text)
		}
		s, err := b.sharedString(i)
		if err != nil {
			return fmt.Errorf("cell %s: %w", CellName(c.Col, row), err)
		}
		c.Kind, c.Value = Text, s
	case typeStr, typeInline:
		if bytes.Contains(text, []byte("_x")) {
			c.Kind, c.Value = Text, decodeEscapes(string(text))
		} else {
			c.Kind, c.Value = Text, intern(text)
		}
	case typeDate:
		c.Kind, c.Value = Date, string(bytes.TrimSpace(text))
	case typeBool:
		c.Kind, c.Value = Bool, string(bytes.TrimSpace(text))
	case typeError:
		c.Kind, c.Value = Error, string(bytes.TrimSpace(text))
	default:
		c.Kind, c.Value = Number, string(bytes.TrimSpace(text))
	}
	return checkLength(c, row)
}

// checkLength refuses a text longer than Excel allows.
func checkLength(c *Cell, row int) error {
	if c.Kind == Text && tooLong(c.Value) {
		return fmt.Errorf("cell %s: the text is longer than the %d characters Excel allows", CellName(c.Col, row), maxText)
	}
	return nil
}

// rawTexts are the texts of inline strings by the bytes they are written in (labels with their
// character references, as openpyxl writes them), so that a label met before is neither unescaped
// nor made a string again. At most maxInterned texts are kept, each written in at most 256 bytes.
var rawTexts = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

func internRaw(raw []byte) string {
	if len(raw) > 256 {
		return decodeText(raw)
	}
	rawTexts.RLock()
	s, ok := rawTexts.m[string(raw)]
	rawTexts.RUnlock()
	if ok {
		return s
	}
	s = decodeText(raw)
	rawTexts.Lock()
	if len(rawTexts.m) < maxInterned {
		rawTexts.m[string(raw)] = s
	}
	rawTexts.Unlock()
	return s
}

// decodeText is the text of a cell as written in XML: its entities and its _xHHHH_ escapes decoded.
func decodeText(raw []byte) string {
	b := appendUnescaped(make([]byte, 0, len(raw)), raw)
	if bytes.Contains(b, []byte("_x")) {
		return decodeEscapes(string(b))
	}
	return intern(b)
}

// The last column (XFD) and row of a sheet: a cell beyond them is on no sheet a person can see.
const (
	MaxCol = 16384
	MaxRow = 1048576
)

// ErrOutsideGrid is a sheet with a cell or a row outside A1:XFD1048576: no spreadsheet shows it.
var ErrOutsideGrid = errors.New("a cell or a row lies outside the sheet (beyond column XFD or row 1048576, or in row 0)")

// parseRef splits "AB12" into column 28 and row 12. A reference of letters and digits that names
// no cell of a sheet (column XFE or beyond, row 0 or beyond 1048576) gives col -1; anything else
// that is not a reference gives ok false.
func parseRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for i < len(ref) {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		if col <= MaxCol {
			col = col*26 + int(ch-'a'+1)
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row = rowNumber(ref[i:])
	switch {
	case row == -1:
		return 0, 0, false
	case row == 0 || row > MaxRow || col > MaxCol:
		return -1, 0, false
	}
	return col, row, true
}

// rowNumber reads a row number: -1 when it is not a number, 0 for zero and for a number too long
// to be a row.
func rowNumber(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
	}
	b = bytes.TrimLeft(b, "0")
	if len(b) == 0 || len(b) > 9 {
		return 0
	}
	return atoi(b)
}
