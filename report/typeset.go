package report

import (
	"strings"
	"unicode"
)

// levelWords begin the name of a place: a body's name breaks only before one of them, so that
// «HỘI KHUYẾN HỌC / TỈNH TUYÊN QUANG» never becomes «… TỈNH TUYÊN / QUANG».
var levelWords = [][]string{
	{"TỈNH"}, {"THÀNH", "PHỐ"}, {"HUYỆN"}, {"QUẬN"}, {"THỊ", "XÃ"}, {"THỊ", "TRẤN"}, {"XÃ"}, {"PHƯỜNG"},
	{"ĐẶC", "KHU"}, {"CỤM"}, {"PROVINCE"}, {"DISTRICT"}, {"COMMUNE"}, {"WARD"}, {"CLUSTER"},
}

// nameParts splits a body's name into the parts a line may break between: before each word that
// begins a place («TỈNH», «THÀNH PHỐ», «HUYỆN», «XÃ», «PHƯỜNG», …), in any case.
func nameParts(name string) []string {
	words := strings.Fields(name)
	var parts []string
	start := 0
	for i := 0; i < len(words); i++ {
		n := levelAt(words[i:])
		if n == 0 {
			continue
		}
		if i > start {
			parts = append(parts, strings.Join(words[start:i], " "))
			start = i
		}
		i += n - 1
	}
	if start < len(words) {
		parts = append(parts, strings.Join(words[start:], " "))
	}
	return parts
}

func levelAt(words []string) int {
next:
	for _, lw := range levelWords {
		if len(words) < len(lw) {
			continue
		}
		for i, w := range lw {
			if strings.ToUpper(words[i]) != w {
				continue next
			}
		}
		return len(lw)
	}
	return 0
}

// NameLines sets a body's name on lines no wider than width (by measure), breaking only between
// its parts (see nameParts). It returns nil when a part alone is wider than the line: the caller
// sets the name smaller, or, at its smallest size, breaks it with Lines.
func NameLines(name string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, p := range nameParts(name) {
		if measure(p) > width {
			return nil
		}
		if n := len(lines); n > 0 && measure(lines[n-1]+" "+p) <= width {
			lines[n-1] += " " + p
			continue
		}
		lines = append(lines, p)
	}
	return lines
}

// Tokens splits a table cell's text into what a line never breaks inside: a word, and a number
// with its sign, its unit or its percent sign («≥ 45 tỷ», «20,74 %», «+1.200»). Between tokens a
// line may break.
func Tokens(text string) []string {
	words := strings.Fields(text)
	var out []string
	glueNext := false
	for _, w := range words {
		n := len(out)
		switch {
		case n > 0 && (glueNext && startsNumeric(w) || unitWord(w) && (numeric(out[n-1]) || unitWord(lastWord(out[n-1])))):
			out[n-1] += "\u00a0" + w
		default:
			out = append(out, w)
		}
		glueNext = sign(w)
	}
	for i := range out {
		out[i] = strings.ReplaceAll(out[i], "\u00a0", " ")
	}
	return out
}

func sign(w string) bool {
	switch w {
	case "≥", "≤", ">", "<", "=", "+", "-", "–", "±", "~", "≈":
		return true
	}
	return false
}

func unitWord(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ",;.)")) {
	case "%", "tỷ", "triệu", "nghìn", "đồng", "đ", "billion", "million", "thousand", "vnd":
		return true
	}
	return false
}

func lastWord(s string) string {
	if i := strings.LastIndex(s, "\u00a0"); i >= 0 {
		return s[i+len("\u00a0"):]
	}
	return s
}

func startsNumeric(s string) bool {
	r := []rune(s)
	return len(r) > 0 && unicode.IsDigit(r[0])
}

// numeric says whether a token ends in a digit or a number's sign («45», «≥ 45»).
func numeric(s string) bool {
	r := []rune(s)
	return len(r) > 0 && unicode.IsDigit(r[len(r)-1])
}

// Lines breaks text into lines no wider than width, between tokens (see Tokens); a token wider
// than the line has a line of its own.
func Lines(text string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		cur := ""
		for _, t := range Tokens(para) {
			if cur != "" && measure(cur+" "+t) > width {
				lines = append(lines, cur)
				cur = ""
			}
			if cur != "" {
				cur += " "
			}
			cur += t
		}
		lines = append(lines, cur)
	}
	return lines
}

// ColumnWidths are a table's column widths for a line of total mm: the Document's shares, each
// column widened to hold its widest token (a number, a date, «≥ 45 tỷ») on one line with pad mm
// beside it, the room taken from the other columns in proportion to what they can spare. measure
// is the width of a cell's text in the cell's font.
func ColumnWidths(t *Table, total, pad float64, measure func(string) float64) []float64 {
	sum := 0.0
	for _, c := range t.Columns {
		sum += c.Width
	}
	out := make([]float64, len(t.Columns))
	need := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		if sum > 0 {
			out[i] = c.Width * total / sum
		}
		if c.Align == Left {
			continue // text wraps between its words
		}
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				for _, tok := range Tokens(r.Cells[i]) {
					need[i] = max(need[i], measure(tok)+pad)
				}
			}
		}
	}
	short := 0.0
	spare := 0.0
	for i := range out {
		if need[i] > out[i] {
			short += need[i] - out[i]
		} else {
			spare += out[i] - need[i]
		}
	}
	if short == 0 || spare == 0 {
		return out
	}
	take := min(1, short/spare)
	for i := range out {
		if need[i] > out[i] {
			out[i] = need[i]
		} else {
			out[i] -= (out[i] - need[i]) * take
		}
	}
	return out
}
