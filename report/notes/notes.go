package notes

import (
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"golang.org/x/text/unicode/norm"
)

// Notes are the sections of a notes file, in order, and its recipients.
type Notes struct {
	Sections   []Section
	Recipients []string // the items of "## Nơi nhận" (or "## Recipients")
}

// Section is a heading and what follows it up to the next heading. The text before the first
// heading is a section with no title.
type Section struct {
	Title  string
	Level  int // 2 for ##, 3 for ###; 0 for the text before the first heading
	Line   int
	Blocks []Block
}

// Block is a paragraph, or a "-" list of items.
type Block struct {
	List  bool
	Items [][]Span // a paragraph has one item
}

// Span is text in one style, or a placeholder for a figure.
type Span struct {
	Text         string
	Bold, Italic bool
	Placeholder  *Placeholder
}

// Placeholder is {{code}} or {{code.field}}: field is "", "previous", "change", "coverage" or
// "change_coverage".
type Placeholder struct {
	Code, Field string
	Line        int
}

func (p Placeholder) String() string {
	if p.Field == "" {
		return "{{" + p.Code + "}}"
	}
	return "{{" + p.Code + "." + p.Field + "}}"
}

// Fields a placeholder may ask for after the figure's code.
var Fields = []string{"previous", "change", "coverage", "change_coverage"}

// Key is how a heading is matched with a generated section's title: numbering ("I.", "2.1.",
// "a)") and case are ignored.
func Key(title string) string {
	t := strings.ToLower(norm.NFC.String(strings.TrimSpace(title)))
	t = numbering.ReplaceAllString(t, "")
	return strings.Join(strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

var numbering = regexp.MustCompile(`^(?:[ivxlcdm]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+`)

// Error is a mistake in a notes file, with the file and its line ([lang.Error]).
type Error = lang.Error

var recipientTitles = map[string]bool{"nơi nhận": true, "recipients": true}

// MaxSize is the largest notes file read.
const MaxSize = 2 << 20

// Parse reads a notes file; name is for messages.
func Parse(r io.Reader, name string) (*Notes, error) {
	n := &Notes{}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, errorAt(name, 1, msgTooLarge, MaxSize>>20)
	}
	cur := &Section{}
	var para []string
	var paraLines []int // the line of each of para's lines
	var list *Block
	inRecipients := false
	flush := func() error {
		if len(para) > 0 {
			spans, err := spans(strings.Join(para, " "), lineAt(para, paraLines), name)
			if err != nil {
				return err
			}
			if inRecipients {
				n.Recipients = append(n.Recipients, plain(spans))
			} else {
				cur.Blocks = append(cur.Blocks, Block{Items: [][]Span{spans}})
			}
			para, paraLines = nil, nil
		}
		list = nil
		return nil
	}
	endSection := func() {
		if !inRecipients && (cur.Title != "" || len(cur.Blocks) > 0) {
			n.Sections = append(n.Sections, *cur)
		}
	}
	line := 0
	for raw := range strings.Lines(string(data)) { // any length of line
		line++
		text := strings.TrimRight(norm.NFC.String(raw), " \t\r\n")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		trimmed := strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(trimmed, "#"):
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			title := strings.TrimSpace(trimmed[level:])
			if level < 2 || level > 3 || title == "" {
				return nil, errorAt(name, line, msgHeadingLevel, trimmed)
			}
			if err := flush(); err != nil {
				return nil, err
			}
			endSection()
			inRecipients = level == 2 && recipientTitles[Key(title)]
			cur = &Section{Title: title, Level: level, Line: line}
		case trimmed == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(trimmed, "- ") || trimmed == "-":
			if len(para) > 0 {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			item := strings.TrimSpace(strings.TrimPrefix(trimmed, "-"))
			s, err := spans(item, func(int) int { return line }, name)
			if err != nil {
				return nil, err
			}
			if inRecipients {
				n.Recipients = append(n.Recipients, "- "+plain(s))
				continue
			}
			if list == nil {
				cur.Blocks = append(cur.Blocks, Block{List: true})
				list = &cur.Blocks[len(cur.Blocks)-1]
			}
			list.Items = append(list.Items, s)
		default:
			if list != nil && (strings.HasPrefix(text, "  ") || strings.HasPrefix(text, "\t")) {
				// A continuation line of a list item.
				s, err := spans(trimmed, func(int) int { return line }, name)
				if err != nil {
					return nil, err
				}
				last := &list.Items[len(list.Items)-1]
				*last = append(append(*last, Span{Text: " "}), s...)
				continue
			}
			list = nil
			para, paraLines = append(para, trimmed), append(paraLines, line)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	endSection()
	return n, nil
}

func plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Placeholder != nil {
			b.WriteString(s.Placeholder.String())
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// lineAt maps an offset in the lines joined with spaces to the line it is on.
func lineAt(lines []string, numbers []int) func(int) int {
	return func(off int) int {
		for i, l := range lines {
			if off <= len(l) {
				return numbers[i]
			}
			off -= len(l) + 1
		}
		return numbers[len(numbers)-1]
	}
}

// spans splits a paragraph into styled text and placeholders: **bold**, *italic*, {{code}}.
func spans(text string, lineOf func(offset int) int, name string) ([]Span, error) {
	var out []Span
	bold, italic := false, false
	var buf strings.Builder
	emit := func() {
		if buf.Len() > 0 {
			out = append(out, Span{Text: buf.String(), Bold: bold, Italic: italic})
			buf.Reset()
		}
	}
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "{{"):
			end := strings.Index(text[i:], "}}")
			if end < 0 {
				return nil, errorAt(name, lineOf(i), msgUnclosed)
			}
			inner := strings.TrimSpace(text[i+2 : i+end])
			emit()
			p := Placeholder{Code: inner, Line: lineOf(i)}
			for _, f := range Fields {
				if c, ok := strings.CutSuffix(inner, "."+f); ok {
					p.Code, p.Field = c, f
				}
			}
			out = append(out, Span{Placeholder: &p, Bold: bold, Italic: italic})
			i += end + 2
		case strings.HasPrefix(text[i:], "**"):
			emit()
			bold = !bold
			i += 2
		case text[i] == '*':
			emit()
			italic = !italic
			i++
		case text[i] == '\\' && i+1 < len(text) && strings.ContainsRune(`*{}\`, rune(text[i+1])):
			buf.WriteByte(text[i+1])
			i += 2
		default:
			buf.WriteByte(text[i])
			i++
		}
	}
	emit()
	return out, nil
}

// Placeholders lists every placeholder of the notes, in order.
func (n *Notes) Placeholders() []Placeholder {
	var out []Placeholder
	for _, s := range n.Sections {
		for _, b := range s.Blocks {
			for _, item := range b.Items {
				for _, sp := range item {
					if sp.Placeholder != nil {
						out = append(out, *sp.Placeholder)
					}
				}
			}
		}
	}
	return out
}

// Title is a heading without the numbering the office wrote ("I. Tình hình chung" is "Tình hình
// chung"): the report numbers its sections itself.
func Title(heading string) string {
	t := strings.TrimSpace(norm.NFC.String(heading))
	if loc := numbering.FindStringIndex(strings.ToLower(t)); loc != nil {
		return strings.TrimSpace(t[loc[1]:])
	}
	return t
}
