package strictyaml

import (
	"strings"
	"unicode/utf8"
)

// Field is one key of a mapping and its value, both scalars on the key's line, as the YAML
// library reads them into strings.
type Field struct {
	Key, Value string
	Line       int
}

// FlatItems reads src, the items of a block list as ParseList cuts a piece of it (the first item on
// line `line`), without the YAML library, when every item is a mapping of keys to single-line
// scalars written in one of the two ways rosters are: a flow mapping on the item's line
// (`- {ma: "P01", ten: "Hội Khuyến học tỉnh số 1", cap: tinh}`) or a block mapping of a key a
// line, the first on the item's line. It calls item with each item's line and fields (the slice
// is reused: valid until item returns), in order; values share src's memory.
//
// It is not a YAML reader: it declines (false: at once, when item returns false, or when src
// holds no item) whatever it is not sure to read exactly as the YAML library does, for the caller
// to parse src with Parse (whose result, or error, stands): anchors, aliases, tags, escapes, a
// scalar over several lines, a value that reads as null (empty, ~, null), keys written twice or
// other than plain words, flow sequences, nested mappings, tabs, unusual line breaks and invisible
// characters. What it reads holds what Parse gives: the same items, keys, values and lines.
func FlatItems(src string, line int, item func(line int, fields []Field) bool) bool {
	if !plainText(src) {
		return false
	}
	var (
		fields   []Field
		indent   = -1 // the column of the items' "-"
		keyCol   = -1 // the column of the keys of the item's block mapping (-1: a flow mapping)
		itemLine int
		open     bool
		ok       bool
	)
	done := func() bool {
		if !open {
			return true
		}
		open = false
		for i := range fields {
			for j := range i {
				if fields[j].Key == fields[i].Key {
					return false // Parse names it
				}
			}
		}
		return item(itemLine, fields)
	}
	for off := 0; off < len(src); line++ {
		var text string
		if end := strings.IndexByte(src[off:], '\n'); end >= 0 {
			text, off = src[off:off+end], off+end+1
		} else {
			text, off = src[off:], len(src)
		}
		text = strings.TrimSuffix(text, "\r")
		sp := 0
		for sp < len(text) && text[sp] == ' ' {
			sp++
		}
		rest := text[sp:]
		if rest == "" || rest[0] == '#' {
			continue // blank, or a comment at any indentation
		}
		if indent < 0 {
			indent = sp
		}
		switch {
		case sp == indent:
			if len(rest) < 2 || rest[0] != '-' || rest[1] != ' ' || !done() {
				return false
			}
			k := 2
			for k < len(rest) && rest[k] == ' ' {
				k++
			}
			body := rest[k:]
			if body == "" || body[0] == '#' {
				return false // the mapping on the lines below: left to Parse
			}
			fields, open, itemLine = fields[:0], true, line
			if body[0] == '{' {
				keyCol = -1
				fields, ok = flowMapping(body, line, fields)
			} else {
				keyCol = sp + k
				fields, ok = blockPair(body, line, fields)
			}
		case open && sp == keyCol:
			fields, ok = blockPair(rest, line, fields)
		default:
			return false // more or less indented: a scalar over lines, or what Parse must read
		}
		if !ok {
			return false
		}
	}
	return indent >= 0 && done()
}

// plainText reports whether src holds only what FlatItems reads the way the YAML library does:
// UTF-8 of printable characters, lines ending in "\n" or "\r\n", no tab, no BOM, no line or
// paragraph separator and no next-line character (the YAML library takes those for line breaks).
func plainText(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
			case c == '\r':
				if i+1 == len(src) || src[i+1] != '\n' {
					return false
				}
			case c < ' ' || c == 0x7f:
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && size == 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff:
			return false
		}
		i += size
	}
	return true
}

// flowMapping reads "{k: v, …}" at the start of s, and nothing after it on the line but a comment.
func flowMapping(s string, line int, fields []Field) ([]Field, bool) {
	i := skipSpaces(s, 1)
	if i < len(s) && s[i] == '}' {
		return fields, lineEnd(s, i+1)
	}
	for {
		k, j, ok := fieldKey(s, i)
		if !ok {
			return fields, false
		}
		v, j, ok := scalar(s, j, true)
		if !ok {
			return fields, false
		}
		fields = append(fields, Field{Key: k, Value: v, Line: line})
		j = skipSpaces(s, j)
		if j == len(s) {
			return fields, false
		}
		switch s[j] {
		case ',':
			i = skipSpaces(s, j+1)
		case '}':
			return fields, lineEnd(s, j+1)
		default:
			return fields, false
		}
	}
}

// blockPair reads "k: v" (a line of a block mapping, from its key), and nothing after it but a
// comment.
func blockPair(s string, line int, fields []Field) ([]Field, bool) {
	k, j, ok := fieldKey(s, 0)
	if !ok {
		return fields, false
	}
	v, j, ok := scalar(s, j, false)
	if !ok || !lineEnd(s, j) {
		return fields, false
	}
	return append(fields, Field{Key: k, Value: v, Line: line}), true
}

// fieldKey reads a key of letters, digits and "_" (beginning with a letter or "_", at most 128 of
// them: the YAML library refuses a key longer than 1,024, and not a word it reads as a boolean or
// null) followed by ": ", and the spaces after it.
func fieldKey(s string, i int) (key string, next int, ok bool) {
	j := i
	for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || j > i && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == i || j-i > 128 || j+1 >= len(s) || s[j] != ':' || s[j+1] != ' ' {
		return "", 0, false
	}
	switch key = s[i:j]; key {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return "", 0, false
	}
	return key, skipSpaces(s, j+2), true
}

// scalar reads a value at s[i:]: double-quoted without escapes, single-quoted, or plain; in a flow
// mapping (flow) a plain value ends before "," or "}". next is just after it.
func scalar(s string, i int, flow bool) (value string, next int, ok bool) {
	if i == len(s) {
		return "", 0, false // nothing: null
	}
	switch s[i] {
	case '"':
		end := strings.IndexByte(s[i+1:], '"')
		if end < 0 {
			return "", 0, false // over lines, or not closed
		}
		v := s[i+1 : i+1+end]
		if strings.IndexByte(v, '\\') >= 0 {
			return "", 0, false
		}
		return v, i + end + 2, true
	case '\'':
		var b []byte // only when a quote is written twice
		from := i + 1
		for j := from; j < len(s); j++ {
			if s[j] != '\'' {
				continue
			}
			if j+1 < len(s) && s[j+1] == '\'' {
				b = append(b, s[from:j+1]...)
				j++
				from = j + 1
				continue
			}
			if b == nil {
				return s[from:j], j + 1, true
			}
			return string(append(b, s[from:j]...)), j + 1, true
		}
		return "", 0, false
	}
	if !plainStart(s[i]) {
		return "", 0, false
	}
	end := i // just after the last character that is not a space
	for j := i; j < len(s); j++ {
		switch c := s[j]; c {
		case ' ':
			continue
		case ',', '}':
			if !flow {
				return "", 0, false
			}
		case ':', '?', '[', ']', '{', '#', '\t':
			if c == '#' && s[j-1] == ' ' {
				break // a comment
			}
			return "", 0, false
		default:
			end = j + 1
			continue
		}
		break
	}
	switch v := s[i:end]; v {
	case "~", "null", "Null", "NULL":
		return "", 0, false
	default:
		return v, end, true
	}
}

// plainStart reports whether c may begin a plain value that FlatItems reads: a letter, a digit,
// any character beyond ASCII, or one of "_./()+".
func plainStart(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= utf8.RuneSelf:
		return true
	}
	return strings.IndexByte("_./()+", c) >= 0
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// lineEnd reports whether s[i:] is spaces, then at most a comment after a space.
func lineEnd(s string, i int) bool {
	j := skipSpaces(s, i)
	return j == len(s) || s[j] == '#' && j > i
}
