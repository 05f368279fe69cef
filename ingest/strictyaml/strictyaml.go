package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// MaxSize is the largest YAML file read: a roster or targets file larger is refused before it is
// parsed, as parsing takes many times its size in memory.
const MaxSize = 64 << 20

// Error is a mistake in a YAML file, at a line (0 when it has none), in both languages: the one
// error type of the tool ([lang.Error]); the caller names the file with In.
type Error = lang.Error

// Errorf makes an Error at a line; both texts take the same arguments.
func Errorf(line int, vi, en string, a ...any) *Error {
	e := lang.Errorf(vi, en, a...)
	e.Line = line
	return e
}

// Quote is a value as a message shows it: invisible characters named, cut at 80 characters.
func Quote(s string) string {
	s = lang.Printable(s)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return "«" + s + "»"
}

// Parse reads one YAML document and refuses an empty file, a second document and a key written
// twice in any mapping. It returns the document's top node.
func Parse(r io.Reader) (*yaml.Node, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, Errorf(0, "tệp lớn hơn %d MB, quá lớn cho một danh sách đơn vị hay một tệp chỉ tiêu (danh sách cả nước đến từng chi hội, 200.000 đơn vị, chỉ chừng 25 MB); hãy kiểm tra xem có đúng tệp không",
			"the file is larger than %d MB, too large for a roster or a targets file (a roster of the whole country down to every branch, 200,000 units, is about 25 MB); check that it is the right file", MaxSize>>20)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errorf(1, "tệp rỗng", "the file is empty")
		}
		return nil, syntaxError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errorf(extra.Line, "tệp chỉ được có một tài liệu YAML; hãy bỏ dòng «---» và phần sau nó hoặc gộp vào phần trên",
			"the file must hold one YAML document; remove the «---» line and what follows, or merge it into the first")
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(err)
	}
	if len(doc.Content) == 0 {
		return nil, Errorf(1, "tệp rỗng", "the file is empty")
	}
	top := doc.Content[0]
	if err := checkDuplicates(top); err != nil {
		return nil, err
	}
	return top, nil
}

func syntaxError(err error) error {
	msg := err.Error()
	line := 0
	if _, e := fmt.Sscanf(msg, "yaml: line %d:", &line); e == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	for _, t := range yamlSyntax {
		if strings.Contains(msg, t.en) {
			return &Error{Line: line, Vi: "không đọc được YAML: " + t.vi, En: "invalid YAML: " + msg}
		}
	}
	return Errorf(line, "không đọc được YAML: sai cú pháp (%s)", "invalid YAML: %s", msg)
}

// yamlSyntax says the YAML library's usual syntax errors in Vietnamese, with what to do.
var yamlSyntax = []struct{ en, vi string }{
	{"found character that cannot start any token", "có ký tự không được đứng ở đây (thường là dấu tab: hãy thụt lề bằng dấu cách)"},
	{"found a tab character", "thụt lề bằng dấu tab; hãy dùng dấu cách"},
	{"mapping values are not allowed in this context", "dấu «:» không đúng chỗ; giá trị có dấu «:» phải đặt trong ngoặc kép"},
	{"did not find expected key", "thụt lề không thẳng hàng hoặc thiếu khoá"},
	{"could not find expected ':'", "thiếu dấu «:» sau khoá"},
	{"did not find expected ',' or ']'", "thiếu dấu «,» hoặc «]»"},
	{"did not find expected ',' or '}'", "thiếu dấu «,» hoặc «}»"},
	{"did not find expected node content", "thiếu giá trị, hoặc ngoặc mở mà chưa đóng"},
	{"did not find expected '-' indicator", "thụt lề của danh sách («-») không thẳng hàng"},
	{"found unexpected end of stream", "tệp hết giữa chừng: thiếu ngoặc hoặc dấu nháy đóng"},
	{"found unknown escape character", "trong dấu nháy kép có «\\» không hợp lệ; hãy dùng dấu nháy đơn"},
	{"invalid leading UTF-8 octet", "tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8"},
	{"invalid trailing UTF-8 octet", "tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8"},
	{"control characters are not allowed", "tệp có ký tự điều khiển (không in được)"},
	{"found undefined tag handle", "có thẻ «!» không hợp lệ"},
	{"unknown anchor", "tham chiếu «*» đến một neo không có"},
	{"found duplicate anchor", "neo «&» được đặt hai lần"},
}

func checkDuplicates(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				return Errorf(k.Line, "khoá %s viết hai lần (lần đầu ở dòng %d); hãy giữ một",
					"key %s is written twice (first on line %d); keep one", Quote(k.Value), first)
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		if err := checkDuplicates(c); err != nil {
			return err
		}
	}
	return nil
}

// Decode reads one document into v (a pointer to a struct whose fields have yaml tags) after
// checking every key and the kind of every value against it; it returns the document's top node,
// for the lines of what v holds.
func Decode(r io.Reader, v any) (*yaml.Node, error) {
	top, err := Parse(r)
	if err != nil {
		return nil, err
	}
	if err := Check(top, reflect.TypeOf(v).Elem()); err != nil {
		return nil, err
	}
	if err := top.Decode(v); err != nil {
		var se *Error
		if errors.As(err, &se) {
			return nil, se // a value's own reader that says it in both languages
		}
		// What is left is a value's own reader (yaml.Unmarshaler) refusing it: "line N: …".
		line, msg := top.Line, err.Error()
		if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		return nil, Errorf(line, "%s", "%s", msg)
	}
	return top, nil
}

// Lines are the lines of the items of the list under key in a mapping (nil when there is none).
func Lines(m *yaml.Node, key string) []int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, c := range m.Content[i+1].Content {
				out = append(out, c.Line)
			}
			return out
		}
	}
	return nil
}

// Check compares a node with the Go type it is decoded into: a struct wants a mapping of its yaml
// keys, a slice a list, anything else a single value.
func Check(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		return nil // it reads and checks itself
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // nothing written: the zero value
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return kindError(n, yaml.MappingNode)
		}
		fields, names := structKeys(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				return unknownKey(k, names)
			}
			if err := Check(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return kindError(n, yaml.SequenceNode)
		}
		for _, c := range n.Content {
			if err := Check(c, t.Elem()); err != nil {
				return err
			}
		}
	default:
		if n.Kind != yaml.ScalarNode {
			return kindError(n, yaml.ScalarNode)
		}
	}
	return nil
}

var unmarshaler = reflect.TypeFor[yaml.Unmarshaler]()

// fieldKeys are a struct's yaml keys, as keys collects them.
type fieldKeys struct {
	fields map[string]reflect.Type
	names  []string
}

// structKeys are the yaml keys of a struct, collected once per type: a roster checks the same
// struct for each of its 200,000 units.
func structKeys(t reflect.Type) (map[string]reflect.Type, []string) {
	if k, ok := keyCache.Load(t); ok {
		return k.(fieldKeys).fields, k.(fieldKeys).names
	}
	k := fieldKeys{fields: map[string]reflect.Type{}}
	keys(t, k.fields, &k.names)
	keyCache.Store(t, k)
	return k.fields, k.names
}

var keyCache sync.Map // reflect.Type → fieldKeys

// keys collects the yaml keys of a struct, those of inlined structs included.
func keys(t reflect.Type, fields map[string]reflect.Type, names *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" && f.Type.Kind() == reflect.Struct {
			keys(f.Type, fields, names)
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		fields[name] = f.Type
		*names = append(*names, name)
	}
}

func unknownKey(k *yaml.Node, known []string) error {
	if near := lang.Nearest(k.Value, known); near != "" {
		return Errorf(k.Line, "khoá %s không có — có phải %s?", "unknown key %s — did you mean %s?", Quote(k.Value), near)
	}
	return Errorf(k.Line, "khoá %s không có; ở đây chỉ có %s", "unknown key %s; here the keys are %s", Quote(k.Value), strings.Join(known, ", "))
}

// KindName is what a kind of node is called in a message.
func KindName(l lang.Lang, k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return l.Text("một bảng khoá: giá trị", "a mapping of keys to values")
	case yaml.SequenceNode:
		return l.Text("một danh sách", "a list")
	}
	return l.Text("một giá trị", "a single value")
}

func kindError(n *yaml.Node, want yaml.Kind) error {
	got := n.Kind
	if got == yaml.DocumentNode {
		got = yaml.MappingNode
	}
	what := func(l lang.Lang) string {
		if n.Kind == yaml.ScalarNode {
			return Quote(n.Value)
		}
		return KindName(l, got)
	}
	return &Error{Line: n.Line,
		Vi: fmt.Sprintf("ở đây cần %s, không phải %s", KindName(lang.Vi, want), what(lang.Vi)),
		En: fmt.Sprintf("%s is wanted here, not %s", KindName(lang.En, want), what(lang.En))}
}
