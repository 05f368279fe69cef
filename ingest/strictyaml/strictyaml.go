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

// Errorf makes an Error at a line: m, formatted with a ([lang.Msg.Errorf]).
func Errorf(line int, m lang.Msg, a ...any) *Error {
	e := m.Errorf(a...)
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
		return nil, Errorf(0, msgTooLarge, MaxSize>>20)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errorf(1, msgEmpty)
		}
		return nil, syntaxError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errorf(extra.Line, msgTwoDocuments)
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(err)
	}
	if len(doc.Content) == 0 {
		return nil, Errorf(1, msgEmpty)
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
			return Errorf(line, msgSyntaxKnown, t.vi, msg)
		}
	}
	return Errorf(line, msgSyntax, msg)
}

func checkDuplicates(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				return Errorf(k.Line, msgKeyTwice, Quote(k.Value), first)
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
		return nil, Errorf(line, msgAsIs, msg)
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
		return Errorf(k.Line, msgUnknownKeyNear, Quote(k.Value), near)
	}
	return Errorf(k.Line, msgUnknownKey, Quote(k.Value), strings.Join(known, ", "))
}

// kindName is what a kind of node is called in a message.
func kindName(l lang.Lang, k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return wordMapping.In(l)
	case yaml.SequenceNode:
		return wordList.In(l)
	}
	return wordValue.In(l)
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
		return kindName(l, got)
	}
	wanted := func(l lang.Lang) string { return kindName(l, want) }
	return Errorf(n.Line, msgWrongKind, wanted, what)
}
