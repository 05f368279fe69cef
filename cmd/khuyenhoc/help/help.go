package help

import (
	"regexp"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Long is the long help of a command ("khuyenhoc", "template", "ingest", "check", "report",
// "completion", "help") in the language; empty for a command it does not know.
func Long(l lang.Lang, command string) string {
	t, ok := longs[command]
	if !ok {
		return ""
	}
	text := l.Text(t[0], t[1])
	if st := l.Text(exitVi[command], exitEn[command]); st != "" {
		text += "\n\n" + l.Text(exitHeading[0], exitHeading[1]) + st
	}
	return text
}

// FlagText is the flag parser's list of flags in the language; the usage template calls it as
// the template function "flagText".
func FlagText(l lang.Lang, s string) string {
	if l == lang.En {
		return s
	}
	s = strings.ReplaceAll(s, "(default ", defaultVi)
	// The flag parser names a flag's value by its Go type («--date string»); say what it is instead,
	// and align the descriptions again.
	lines := strings.Split(s, "\n")
	type row struct{ left, usage string }
	rows := make([]row, len(lines))
	width := 0
	for i, line := range lines {
		m := flagLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		left := m[1]
		if m[2] != "" {
			left += " " + valueWord(m[1], m[2])
		}
		rows[i] = row{left, m[3]}
		width = max(width, len([]rune(left)))
	}
	for i, r := range rows {
		if r.left != "" {
			lines[i] = r.left + strings.Repeat(" ", width-len([]rune(r.left))+3) + r.usage
		}
	}
	return strings.Join(lines, "\n")
}

// valueWord is what a flag's value is, in Vietnamese, in place of its Go type.
func valueWord(flag, goType string) string {
	if w, ok := valueWords[flag[strings.LastIndex(flag, "--")+2:]]; ok {
		return w
	}
	if goType == "int" || goType == "float" {
		return numberWord
	}
	return textWord
}

// flagLine is a line of the flag parser's list: the flag, its value's type, its description.
var flagLine = regexp.MustCompile(`^(\s+(?:-\w, )?--[\w-]+)(?: (string|stringArray|strings|int|float|duration))?\s{2,}(.*)$`)

// UsageTemplate is cobra's usage template in the language; it needs the template function
// "flagText" (FlagText).
func UsageTemplate(l lang.Lang) string {
	var pairs []string
	for _, w := range usageWords {
		pairs = append(pairs, w[0], l.Text(w[1], w[2]))
	}
	return strings.NewReplacer(pairs...).Replace(usageTemplate)
}

// Use is the use line of a command in the language; "" for one whose use line is its name.
func Use(l lang.Lang, command string) string {
	t := uses[command]
	return l.Text(t[0], t[1])
}

// Short is the one-line description of a command in the language: one of the tool's, cobra's help
// and completion, or the completion script of a shell ("completion bash"); "" for another.
func Short(l lang.Lang, command string) string {
	if t, ok := shorts[command]; ok {
		return l.Text(t[0], t[1])
	}
	if shell, ok := strings.CutPrefix(command, "completion "); ok {
		return completionShort.In(l, shell)
	}
	return ""
}

// Flag is the description of a command's flag in the language: the command's own, else what the
// flag means in every command; "" for a flag it does not know.
func Flag(l lang.Lang, command, flag string) string {
	t, ok := flags[command+" "+flag]
	if !ok {
		t = flags[flag]
	}
	return l.Text(t[0], t[1])
}

// Error says one of cobra's or pflag's own error messages in the language; near is the nearest
// known flag or command, when there is one, to suggest.
func Error(l lang.Lang, msg, near string) string {
	for _, e := range cobraErrors {
		msg = e.re.ReplaceAllString(msg, l.Text(e.vi, e.en))
	}
	msg = strings.TrimRight(msg, "\n")
	if near != "" {
		msg += didYouMean.In(l, near)
	}
	return msg
}
