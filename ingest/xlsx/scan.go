package xlsx

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The SpreadsheetML namespaces: transitional (what Excel writes) and Strict.
const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// scanner is a minimal XML tokenizer: start and end tags with their local names and attributes,
// and text. It is enough for SpreadsheetML, which has no DTDs; it never panics on bad input, never
// recurses, and stops with an error at the first thing it cannot read.
//
// It keeps track of namespace declarations: main reports whether the current element is in the
// SpreadsheetML namespace (transitional or Strict, compared by URI whatever the prefix). An element
// with no namespace at all also counts as SpreadsheetML, for hand-written parts.
type scanner struct {
	data        []byte
	pos         int
	tok         int
	local       string
	main        bool // the element is in the SpreadsheetML namespace
	selfClosing bool
	attrs       []byte // the raw attributes of the current start tag
	raw         []byte // the raw text of the current text token
	err         error

	depth    int
	bindings []binding // namespace declarations in scope, innermost last
	popSelf  bool      // the last token was a self-closing tag that declared namespaces
	defKnown bool      // defMain holds for unprefixed names
	defMain  bool
}

type binding struct {
	prefix string
	main   bool
	depth  int
}

const (
	tokStart = iota + 1
	tokEnd
	tokText
)

var (
	errUnterminatedTag = errors.New("xml: unterminated tag")
	errUnterminated    = errors.New("xml: unterminated comment, processing instruction or declaration")
	errCDATA           = errors.New("xml: unterminated CDATA")
	errDepth           = ErrNesting
	errDTD             = ErrDTD
)

// Errors of a part's XML that a caller may want to explain in its own words.
var (
	ErrNesting = errors.New("xml: elements nested too deep")
	ErrDTD     = errors.New("xml: a document type declaration (<!DOCTYPE>), which Office files may not have")
)

const maxDepth = 256

func (s *scanner) next() bool {
	if s.popSelf {
		s.popSelf = false
		s.pop(s.depth + 1)
	}
	for {
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
		if len(rest) > 0 && (rest[0] == '?' || rest[0] == '!') {
			var marker string
			switch {
			case rest[0] == '?':
				marker = "?>"
			case bytes.HasPrefix(rest, []byte("!--")):
				marker = "-->"
			case bytes.HasPrefix(rest, []byte("!DOCTYPE")):
				// Office files may not declare a DTD (OPC, part 2); its entities would be read
				// wrong or, expanded, would be a bomb.
				s.err = errDTD
				return false
			case bytes.HasPrefix(rest, []byte("![CDATA[")):
				end := bytes.Index(rest, []byte("]]>"))
				if end < 0 {
					s.err = errCDATA
					return false
				}
				s.tok, s.raw = tokText, rest[8:end]
				s.pos += 1 + end + 3
				return true
			default:
				marker = ">"
			}
			end := bytes.Index(rest, []byte(marker))
			if end < 0 {
				s.err = errUnterminated
				return false
			}
			s.pos += 1 + end + len(marker)
			continue // skipped: look again, without recursing
		}
		end := tagEnd(rest)
		if end < 0 {
			s.err = errUnterminatedTag
			return false
		}
		tag := rest[:end]
		s.pos += 1 + end + 1
		if len(tag) > 0 && tag[0] == '/' {
			name := bytes.TrimSpace(tag[1:])
			s.tok, s.selfClosing, s.attrs = tokEnd, false, nil
			s.local, s.main = s.name(name)
			s.pop(s.depth)
			if s.depth > 0 {
				s.depth--
			}
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
		s.tok, s.attrs = tokStart, tag[nameEnd:]
		level := s.depth + 1
		if !s.selfClosing {
			if s.depth >= maxDepth {
				s.err = errDepth
				return false
			}
			s.depth = level
		}
		if len(s.attrs) > 6 && bytes.IndexByte(s.attrs, 'x') >= 0 && bytes.Contains(s.attrs, []byte("xmlns")) && s.declare(level) && s.selfClosing {
			s.popSelf = true
		}
		s.local, s.main = s.name(tag[:nameEnd])
		return true
	}
}

// tagEnd finds the '>' that closes a tag, skipping quoted attribute values (which may hold '>').
func tagEnd(b []byte) int {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return -1
	}
	if len(b) > 0 && b[0] == '/' || end < 3 {
		return end // an end tag, or a name too short for an attribute: no quotes to skip
	}
	// With double quotes only, the '>' is outside them when an even number come before it.
	if bytes.Count(b[:end], []byte{'"'})%2 == 0 && bytes.IndexByte(b[:end], '\'') < 0 {
		return end
	}
	var quote byte
	for i, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// declare records the namespace declarations of the current start tag at this depth.
func (s *scanner) declare(level int) bool {
	found := false
	for a := s.attrs; len(a) > 0; {
		var name, value []byte
		var ok bool
		name, value, a, ok = nextAttr(a)
		if !ok {
			break
		}
		var prefix string
		switch {
		case string(name) == "xmlns":
		case bytes.HasPrefix(name, []byte("xmlns:")):
			prefix = intern(name[6:])
		default:
			continue
		}
		uri := string(value)
		s.defKnown = false
		s.bindings = append(s.bindings, binding{prefix: prefix, main: uri == nsMain || uri == nsMainStrict || uri == "", depth: level})
		found = true
	}
	return found
}

// pop drops the declarations made at depth level or deeper.
func (s *scanner) pop(level int) {
	for len(s.bindings) > 0 && s.bindings[len(s.bindings)-1].depth >= level {
		s.bindings = s.bindings[:len(s.bindings)-1]
		s.defKnown = false
	}
}

// name splits a qualified name into its local part and whether its namespace is SpreadsheetML.
// An undeclared prefix is not SpreadsheetML; no namespace at all is.
func (s *scanner) name(qname []byte) (string, bool) {
	var prefix []byte
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		prefix, qname = qname[:i], qname[i+1:]
	} else if s.defKnown {
		return localName(qname), s.defMain
	}
	main := len(prefix) == 0
	for i := len(s.bindings) - 1; i >= 0; i-- {
		if s.bindings[i].prefix == string(prefix) {
			main = s.bindings[i].main
			break
		}
	}
	if len(prefix) == 0 {
		s.defKnown, s.defMain = true, main
	}
	return localName(qname), main
}

// localName is the local name of an element, for the names this reader asks for; any other name
// is "" (no string is made for the many elements a reader skips).
func localName(name []byte) string {
	switch string(name) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "row":
		return "row"
	case "t":
		return "t"
	case "r":
		return "r"
	case "is":
		return "is"
	case "si":
		return "si"
	case "rPh":
		return "rPh"
	case "col":
		return "col"
	case "xf":
		return "xf"
	case "sheetData":
		return "sheetData"
	case "cellXfs":
		return "cellXfs"
	case "numFmt":
		return "numFmt"
	case "numFmts":
		return "numFmts"
	case "sheet":
		return "sheet"
	case "workbookPr":
		return "workbookPr"
	case "calcPr":
		return "calcPr"
	case "Relationship":
		return "Relationship"
	case "mergeCell":
		return "mergeCell"
	}
	return ""
}

// nextAttr splits the first attribute off raw attributes. Names and values are short (r="C4",
// s="7"): they are walked byte by byte, which beats bytes.IndexByte's set-up on a few bytes.
func nextAttr(a []byte) (name, value, rest []byte, ok bool) {
	i := 0
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	start := i
	for i < len(a) && a[i] != '=' {
		i++
	}
	if i == len(a) {
		return nil, nil, nil, false
	}
	name = a[start:i]
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	i++
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	if i == len(a) || (a[i] != '"' && a[i] != '\'') {
		return nil, nil, nil, false
	}
	q := a[i]
	i++
	v := i
	for i < len(a) && a[i] != q {
		i++
	}
	if i == len(a) {
		return nil, nil, nil, false
	}
	return name, a[v:i], a[i+1:], true
}

// attrRaw is the raw value of the unprefixed attribute with this name in the current start tag.
func (s *scanner) attrRaw(name string) ([]byte, bool) {
	for a := s.attrs; len(a) > 0; {
		n, v, rest, ok := nextAttr(a)
		if !ok {
			return nil, false
		}
		if string(n) == name {
			return v, true
		}
		a = rest
	}
	return nil, false
}

// attr is the value of the unprefixed attribute with this name in the current start tag.
func (s *scanner) attr(name string) string {
	v, _ := s.attrRaw(name)
	return unescape(v)
}

// prefixedAttr is the value of an attribute with this local name and any prefix but xmlns (r:id).
func (s *scanner) prefixedAttr(local string) string {
	for a := s.attrs; len(a) > 0; {
		n, v, rest, ok := nextAttr(a)
		if !ok {
			return ""
		}
		if i := bytes.IndexByte(n, ':'); i > 0 && string(n[i+1:]) == local && string(n[:i]) != "xmlns" {
			return unescape(v)
		}
		a = rest
	}
	return ""
}

// flag is an xsd:boolean attribute: "1" or "true".
func (s *scanner) flag(name string) bool {
	v, _ := s.attrRaw(name)
	return string(v) == "1" || string(v) == "true"
}

// intAttr is an unsigned integer attribute, or -1.
func (s *scanner) intAttr(name string) int {
	v, ok := s.attrRaw(name)
	if !ok {
		return -1
	}
	return atoi(v)
}

// atoi reads a small unsigned decimal, or -1.
func atoi(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func (s *scanner) text() string { return unescape(s.raw) }

// unescape decodes XML entities and character references, and normalises line ends (CR LF and a
// lone CR become LF, as XML requires of a parser; a CR written as &#13; stays).
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return intern(b)
	}
	return string(appendUnescaped(make([]byte, 0, len(b)), b))
}

// appendText appends the current text token, unescaped, to dst.
func (s *scanner) appendText(dst []byte) []byte { return appendUnescaped(dst, s.raw) }

// appendUnescaped appends b to dst with its entities decoded and its line ends normalised.
func appendUnescaped(dst, b []byte) []byte {
	start := 0 // the bytes from start to i are copied as they are
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '&' && c != '\r' {
			continue
		}
		dst = append(dst, b[start:i]...)
		if c == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			start = i + 1
			continue
		}
		end := bytes.IndexByte(b[i:min(i+13, len(b))], ';')
		if end < 0 {
			dst = append(dst, '&')
			start = i + 1
			continue
		}
		ent := b[i+1 : i+end]
		start = i + end + 1
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			n, ok := charRef(ent)
			if !ok || !utf8.ValidRune(n) {
				dst = append(dst, b[i:start]...)
			} else {
				dst = utf8.AppendRune(dst, n)
			}
		}
		i = start - 1
	}
	return append(dst, b[start:]...)
}

// charRef reads the number of a character reference without its & and ; (#7897, #x1ED9).
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := rune(10), ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	var n rune
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c|0x20 >= 'a' && c|0x20 <= 'f':
			d = rune(c|0x20-'a') + 10
		default:
			return 0, false
		}
		n = min(n*base+d, utf8.MaxRune+1) // too large stays too large
	}
	return n, true
}

// decodeEscapes decodes Excel's _xHHHH_ escapes of characters XML cannot hold (_x000D_ is a CR,
// _x005F_ an underscore that keeps the next _xHHHH_ literal). Each escape is a UTF-16 code unit:
// two that make a surrogate pair (_xD801__xDC05_) are one character, U+10405.
func decodeEscapes(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var out strings.Builder
	for i >= 0 {
		out.WriteString(s[:i])
		if r, ok := escapeAt(s[i:]); ok {
			s = s[i+7:]
			if utf16.IsSurrogate(r) {
				if r2, ok := escapeAt(s); ok && r < 0xDC00 && r2 >= 0xDC00 && r2 <= 0xDFFF {
					r = utf16.DecodeRune(r, r2)
					s = s[7:]
				}
			}
			out.WriteRune(r) // a lone surrogate is U+FFFD
		} else {
			out.WriteString("_x")
			s = s[i+2:]
		}
		i = strings.Index(s, "_x")
	}
	out.WriteString(s)
	return out.String()
}

func escapeAt(s string) (rune, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
