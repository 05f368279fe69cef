package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// wordHomes are the files, besides every package's messages.go, where a user's words may be
// written: the help texts and the report's wording.
var wordHomes = []string{
	"cmd/khuyenhoc/help/texts.go",
	"report/wording.go",
	"ingest/preset/internal/gen/main.go",       // writes the preset data's headers, not a user's messages
	"report/typeset.go",                        // the place words a name breaks before: read, not written
	"report/internal/reporttest/anytext.go",    // test support: hostile texts fed to the writers
	"report/internal/reporttest/nghidinh30.go", // test support: the words a test looks for in a PDF
}

// TestNoInlineMessages reads every non-test Go file of the module and fails on a message written
// where it is used rather than in its package's messages.go: words (a string with letters, fmt's
// verbs aside) given to lang.Errorf, strictyaml.Errorf, Lang.Text, problem or NewProblem; a
// lang.Msg literal, or a field Vi, En, vi or en, with words; and a Vietnamese string followed by an
// English one in a short list (the arguments of a call, the elements of a literal, the values of
// an assignment or a return), the shape of a vi/en pair.
func TestNoInlineMessages(t *testing.T) {
	for _, f := range moduleFiles(t) {
		if filepath.Base(f.path) == "messages.go" || slices.Contains(wordHomes, f.rel) {
			continue
		}
		for _, v := range inlineMessages(t, f.path) {
			t.Errorf("%s:%d: %s: move it to %s's messages.go", f.rel, v.line, v.what, f.pkg)
		}
	}
}

// TestInlineMessagesFound puts a pair back inline and expects the rule to find it.
func TestInlineMessagesFound(t *testing.T) {
	src := `package p

func f(l lang.Lang, n int) error {
	_ = l.Text("bỏ qua", "skipped")
	_ = lang.Msg{Vi: "đơn vị %s", En: "unit %s"}
	_ = problem(Error, CodeX, msgX, "thiếu mã")
	r.Reason, r.ReasonEn = fmt.Sprintf("kỳ %d", n), fmt.Sprintf("period %d", n)
	_ = l.Text(",", ".")
	return lang.Errorf("không có báo cáo", "no return")
}

var (
	locked = struct{ vi, en string }{"Excel đang mở tệp này", "Excel has this file open"}
	bad    = &lang.Error{Line: 3, Vi: "tệp rỗng"}
	names  = []string{"Thượng Lâm", "Ea Tiêu", "Na Hang", "Lũng Cú"}
	fine   = Unit{Name: "Hội Khuyến học xã " + code, Level: "xa"}
	where  = NewProblem(Warning, CodeX, fmt.Sprintf("%s:%d", name, line), msgX, code)
	byLang = map[lang.Lang]string{lang.Vi: "đơn vị", lang.En: "units"}
)
`
	path := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, v := range inlineMessages(t, path) {
		got = append(got, v.line)
	}
	if want := []int{4, 5, 6, 7, 9, 13, 14, 18}; !slices.Equal(got, want) {
		t.Errorf("inline messages found on lines %v, want %v", got, want)
	}
}

// TestMessagesTakeSameArguments checks every lang.Msg of the messages.go files: both formats are
// well formed, and take the same number of arguments unless one of them names them by index
// (%[2]s), as a language that leaves one out or orders them otherwise does.
func TestMessagesTakeSameArguments(t *testing.T) {
	n := 0
	for _, f := range moduleFiles(t) {
		if filepath.Base(f.path) != "messages.go" {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			lit, ok := node.(*ast.CompositeLit)
			if !ok || !isMsgType(lit.Type) || len(lit.Elts) != 2 {
				return true
			}
			vi, okVi := stringValue(lit.Elts[0])
			en, okEn := stringValue(lit.Elts[1])
			if !okVi || !okEn {
				return true
			}
			n++
			at := fmt.Sprintf("%s:%d", f.rel, fset.Position(lit.Pos()).Line)
			nv, iv, errV := formatArgs(vi)
			ne, ie, errE := formatArgs(en)
			switch {
			case errV != nil:
				t.Errorf("%s: Vietnamese: %v in %q", at, errV, vi)
			case errE != nil:
				t.Errorf("%s: English: %v in %q", at, errE, en)
			case nv != ne && !iv && !ie:
				t.Errorf("%s: the Vietnamese takes %d arguments, the English %d", at, nv, ne)
			}
			return true
		})
	}
	if n < 100 {
		t.Errorf("only %d messages checked: are the catalogues still read?", n)
	}
}

type goFile struct {
	path string // on disk
	rel  string // in the module: ingest/load.go
	pkg  string // its package in the module: ingest
}

// moduleFiles lists the non-test Go files of the module, those of other systems included.
func moduleFiles(t *testing.T) []goFile {
	t.Helper()
	const module = "github.com/khuyenhoc/khuyenhoc"
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \" \"}} {{join .IgnoredGoFiles \" \"}}", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var files []goFile
	for line := range strings.Lines(string(out)) {
		f := strings.SplitN(strings.TrimSpace(line), "\t", 3)
		pkg := strings.TrimPrefix(strings.TrimPrefix(f[0], module), "/")
		for _, name := range strings.Fields(f[2]) {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			files = append(files, goFile{path: filepath.Join(f[1], name), rel: filepath.ToSlash(filepath.Join(pkg, name)), pkg: pkg})
		}
	}
	if len(files) < 100 {
		t.Fatalf("go list found only %d files", len(files))
	}
	return files
}

type inline struct {
	line int
	what string
}

// inlineMessages finds the messages written inline in a file.
func inlineMessages(t *testing.T, path string) []inline {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []inline
	seen := map[int]bool{}
	add := func(n ast.Node, what string) {
		if line := fset.Position(n.Pos()).Line; !seen[line] {
			seen[line] = true
			found = append(found, inline{line, what})
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if name := messageFunc(n); name != "" && slices.ContainsFunc(n.Args, hasWords) {
				add(n, "words given to "+name)
			} else if pairIn(n.Args) {
				add(n, "a vi/en pair in a call")
			}
		case *ast.CompositeLit:
			switch {
			case isMsgType(n.Type) && slices.ContainsFunc(n.Elts, hasWords):
				add(n, "a lang.Msg literal")
			case slices.ContainsFunc(n.Elts, languageField):
				add(n, "words in a field Vi or En")
			case pairIn(n.Elts):
				add(n, "a vi/en pair in a literal")
			}
		case *ast.AssignStmt:
			if pairIn(n.Rhs) {
				add(n, "a vi/en pair assigned")
			}
		case *ast.ReturnStmt:
			if pairIn(n.Results) {
				add(n, "a vi/en pair returned")
			}
		}
		return true
	})
	slices.SortFunc(found, func(a, b inline) int { return a.line - b.line })
	return found
}

// messageFunc names the function a call gives a message to, or "".
func messageFunc(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		if f.Name == "problem" || f.Name == "NewProblem" {
			return f.Name
		}
	case *ast.SelectorExpr:
		x, _ := f.X.(*ast.Ident)
		switch {
		case f.Sel.Name == "NewProblem",
			f.Sel.Name == "Errorf" && x != nil && (x.Name == "lang" || x.Name == "strictyaml"),
			f.Sel.Name == "Text" && len(c.Args) == 2: // Lang.Text(vi, en)
			return f.Sel.Name
		}
	}
	return ""
}

func isMsgType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "Msg"
	case *ast.Ident:
		return e.Name == "Msg"
	}
	return false
}

// languageField reports whether an element of a literal is a field named for a language (Vi, En,
// vi, en), or a map's value keyed by one (lang.Vi, lang.En), that holds words.
func languageField(e ast.Expr) bool {
	kv, ok := e.(*ast.KeyValueExpr)
	if !ok {
		return false
	}
	var name string
	switch key := kv.Key.(type) {
	case *ast.Ident:
		name = key.Name
	case *ast.SelectorExpr:
		name = key.Sel.Name
	}
	return slices.Contains([]string{"Vi", "En", "vi", "en"}, name) && hasWords(kv.Value)
}

// pairIn reports whether, in a list of at most three strings (a code, then the Vietnamese and
// the English), a Vietnamese string is followed by an English one: longer lists are data, such
// as the names of places.
func pairIn(exprs []ast.Expr) bool {
	var ss []string
	for _, e := range exprs {
		if _, keyed := e.(*ast.KeyValueExpr); !keyed {
			ss = append(ss, directStrings(e)...)
		}
	}
	if len(ss) > 3 {
		return false
	}
	for i := 1; i < len(ss); i++ {
		if isVietnamese(ss[i-1]) && !isVietnamese(ss[i]) && twoLetters.MatchString(stripVerbs(ss[i])) {
			return true
		}
	}
	return false
}

// twoLetters is two letters or more in a row: a word.
var twoLetters = regexp.MustCompile(`[A-Za-z]{2}`)

// hasWords reports whether an expression gives a string with a letter in it, fmt's verbs aside:
// words, not a separator such as ", " or a format such as "%s:%d".
func hasWords(e ast.Expr) bool {
	return slices.ContainsFunc(directStrings(e), func(s string) bool { return hasLetter(stripVerbs(s)) })
}

// directStrings are the strings an expression gives as they are: a literal, the literals joined
// by +, and those of fmt.Sprintf; not those given to another function (a key looked up, a
// line(top, "han_nop")).
func directStrings(e ast.Expr) []string {
	switch e := e.(type) {
	case *ast.BasicLit:
		if s, err := strconv.Unquote(e.Value); e.Kind == token.STRING && err == nil {
			return []string{s}
		}
	case *ast.BinaryExpr:
		return append(directStrings(e.X), directStrings(e.Y)...)
	case *ast.ParenExpr:
		return directStrings(e.X)
	case *ast.KeyValueExpr:
		return directStrings(e.Value)
	case *ast.CallExpr:
		if f, ok := e.Fun.(*ast.SelectorExpr); ok && f.Sel.Name == "Sprintf" {
			var out []string
			for _, a := range e.Args {
				out = append(out, directStrings(a)...)
			}
			return out
		}
	}
	return nil
}

// stripVerbs is a format without its verbs (%s, %[2]d, %.0f%%).
func stripVerbs(s string) string { return verb.ReplaceAllString(s, "") }

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[\d.]*[a-zA-Z%]`)

// stringValue is the string of a literal, or of a keyed field's literal (Vi: "…").
func stringValue(e ast.Expr) (string, bool) {
	if kv, ok := e.(*ast.KeyValueExpr); ok {
		e = kv.Value
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }

// isVietnamese reports whether s has a letter only Vietnamese writes (đ, or a vowel with a tone
// or a hat).
func isVietnamese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r == 'đ' || r == 'Đ' || r > 0x7f && unicode.IsLetter(r) && strings.ContainsRune(vietnameseVowels, unicode.ToLower(r))
	})
}

const vietnameseVowels = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"

// formatArgs reads a fmt format: how many arguments it takes, and whether it names them by index.
func formatArgs(format string) (n int, indexed bool, err error) {
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return 0, false, fmt.Errorf("unclosed index")
			}
			k, e := strconv.Atoi(format[i+1 : i+end])
			if e != nil || k < 1 {
				return 0, false, fmt.Errorf("bad index %q", format[i:i+end+1])
			}
			arg, indexed, i = k-1, true, i+end+1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return 0, false, fmt.Errorf("%% at the end")
		}
		if format[i] == '%' {
			continue
		}
		if !strings.ContainsRune("vTtbcdoOqxXUeEfFgGsp", rune(format[i])) {
			return 0, false, fmt.Errorf("%%%c is no verb (write %%%% for a per cent sign)", format[i])
		}
		arg++
		n = max(n, arg)
	}
	return n, indexed, nil
}
