package help

import (
	"fmt"
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
		text += "\n\n" + l.Text("TRẠNG THÁI THOÁT (exit status)\n", "EXIT STATUS\n") + st
	}
	return text
}

// FlagText is the flag parser's list of flags in the language; the usage template calls it as
// the template function "flagText".
func FlagText(l lang.Lang, s string) string {
	if l == lang.En {
		return s
	}
	s = strings.ReplaceAll(s, "(default ", "(mặc định ")
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

// flagLine is a line of the flag parser's list: the flag, its value's type, its description.
var flagLine = regexp.MustCompile(`^(\s+(?:-\w, )?--[\w-]+)(?: (string|stringArray|strings|int|float|duration))?\s{2,}(.*)$`)

// valueWord is what a flag's value is, in Vietnamese, in place of its Go type.
func valueWord(flag, goType string) string {
	name := flag[strings.LastIndex(flag, "--")+2:]
	switch name {
	case "date":
		return "NGÀY"
	case "period":
		return "KỲ"
	case "scope", "unit", "parent", "tinh":
		return "MÃ"
	case "lang":
		return "vi|en"
	case "format":
		return "DẠNG"
	case "level":
		return "CẤP"
	case "preset":
		return "MẪU"
	case "previous":
		return "THƯ_MỤC"
	case "output", "pdf", "docx", "html", "html-fragment", "notes", "roster", "targets", "previous-roster":
		return "TỆP"
	}
	if goType == "int" || goType == "float" {
		return "SỐ"
	}
	return "CHỮ"
}

// UsageTemplate is cobra's usage template in the language; it needs the template function
// "flagText" (FlagText).
func UsageTemplate(l lang.Lang) string {
	r := strings.NewReplacer(
		"Usage:", l.Text("Cách dùng:", "Usage:"),
		"[command]", l.Text("[lệnh]", "[command]"),
		"Examples:", l.Text("Ví dụ:", "Examples:"),
		"Available Commands:", l.Text("Các lệnh:", "Commands:"),
		"Flags:", l.Text("Tùy chọn:", "Flags:"),
		"Global Flags:", l.Text("Tùy chọn chung:", "Global Flags:"),
		"USE_MORE", l.Text(`Xem "{{.CommandPath}} [lệnh] --help" để biết thêm về một lệnh.`, `Use "{{.CommandPath}} [command] --help" for more about a command.`),
	)
	return r.Replace(usageTemplate)
}

const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Available Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | flagText}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | flagText}}{{end}}{{if .HasAvailableSubCommands}}

USE_MORE{{end}}
`

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

var cobraErrors = []struct {
	re     *regexp.Regexp
	vi, en string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `lệnh «$1» không có trong «$2»`, `unknown command "$1" for "$2"`},
	{regexp.MustCompile(`Did you mean this\?`), `Có phải là:`, `Did you mean this?`},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), `không có tùy chọn $1`, `unknown flag $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`), `không có tùy chọn -$1 (trong $2)`, `unknown flag -$1 (in $2)`},
	{regexp.MustCompile(`^flag needs an argument: '.' in (\S+)$`), `tùy chọn $1 cần một giá trị`, `flag $1 needs a value`},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), `tùy chọn $1 cần một giá trị`, `flag $1 needs a value`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv.ParseBool: .*$`), `giá trị «$1» không hợp lệ cho $2: hãy ghi true hoặc false`, `invalid value "$1" for $2: want true or false`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv.Parse(Int|Uint): .*$`), `giá trị «$1» không hợp lệ cho $2: hãy ghi một số nguyên`, `invalid value "$1" for $2: want a whole number`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), `giá trị «$1» không hợp lệ cho $2`, `invalid value "$1" for $2`},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), `tùy chọn viết sai: $1`, `bad flag syntax: $1`},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), `lệnh nhận $1 tham số, đã cho $2`, `takes $1 argument(s), got $2`},
}

// Error says one of cobra's or pflag's own error messages in the language; near is the nearest
// known flag or command, when there is one, to suggest.
func Error(l lang.Lang, msg, near string) string {
	for _, e := range cobraErrors {
		msg = e.re.ReplaceAllString(msg, l.Text(e.vi, e.en))
	}
	msg = strings.TrimRight(msg, "\n")
	if near != "" {
		msg += fmt.Sprintf(l.Text(" — có phải %s?", " — did you mean %s?"), near)
	}
	return msg
}
