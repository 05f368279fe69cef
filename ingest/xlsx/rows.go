package xlsx

import (
	"bytes"
	"errors"
	"fmt"
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
	var (
		cells          []Cell
		row, col       int
		cur            Cell
		typ            cellType
		inCell, inIS   bool
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
						r = atoi(v)
					case "hidden":
						rowHidden = string(v) == "1" || string(v) == "true"
					}
					a = rest
				}
				if r > 0 {
					row = r
				} else {
					row++
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
				if c, _, ok := parseRef(ref); ok {
					col = c
				} else {
					col++
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
				vText, isText = vText[:0], isText[:0]
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
					text := vText
					if typ == typeInline {
						text = isText
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
				isText = sc.appendText(isText)
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
		c.Kind, c.Value = Text, decodeEscapes(string(text))
	case typeDate:
		c.Kind, c.Value = Date, string(bytes.TrimSpace(text))
	case typeBool:
		c.Kind, c.Value = Bool, string(bytes.TrimSpace(text))
	case typeError:
		c.Kind, c.Value = Error, string(bytes.TrimSpace(text))
	default:
		c.Kind, c.Value = Number, string(bytes.TrimSpace(text))
	}
	if c.Kind == Text && tooLong(c.Value) {
		return fmt.Errorf("cell %s: the text is longer than the %d characters Excel allows", CellName(c.Col, row), maxText)
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
