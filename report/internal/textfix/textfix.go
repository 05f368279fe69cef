package textfix

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// Writer says what a writer can draw.
type Writer struct {
	Name string            // "PDF", "Word": for messages
	Draw func(r rune) bool // whether the writer can draw r
	Mark string            // what stands for a character it cannot draw
	// Space lists characters written as a plain space without a word (a tab, a line break in a
	// writer that breaks lines itself).
	Space string
}

// Repair is one text that was changed.
type Repair struct {
	Where   lang.Msg // where the text stands, in both languages ("người ký (--signer)"), without arguments
	Text    string   // the text as it was, with bytes that are not UTF-8 shown as U+FFFD
	Invalid bool     // it held bytes that are not UTF-8
	Missing []rune   // the characters the writer cannot draw, each once
}

// Message says what was repaired, in both languages.
func (r Repair) Message(w Writer) *lang.Error {
	var vi, en []string
	add := func(m lang.Msg) { vi, en = append(vi, m.Vi), append(en, m.En) }
	if r.Invalid {
		mark := "\uFFFD"
		if !w.Draw(utf8.RuneError) {
			mark = w.Mark
		}
		add(msgInvalid.With(mark, w.Name))
	}
	if len(r.Missing) > 0 {
		var cs []string
		for _, c := range r.Missing {
			cs = append(cs, fmt.Sprintf("%q (%U)", c, c))
		}
		add(msgNotInFont.With(strings.Join(cs, ", "), w.Name, w.Mark))
	}
	return msgRepair.Errorf(r.Where, r.Text, lang.Msg{Vi: strings.Join(vi, "; "), En: strings.Join(en, "; ")})
}

// Document returns doc with every text repaired for w, and the repairs, each distinct text once,
// in the order of the report. doc itself is not changed; what needs no repair is shared.
func Document(doc *report.Document, w Writer) (*report.Document, []Repair) {
	f := &fixer{w: w, seen: map[string]bool{}}
	v, changed := f.value(reflect.ValueOf(doc).Elem())
	if !changed {
		return doc, f.repairs
	}
	out := new(report.Document)
	reflect.ValueOf(out).Elem().Set(v)
	return out, f.repairs
}

type step struct {
	name string // field name, or the type of a block
	i    int    // index in a slice, -1 for a field
}

type fixer struct {
	w       Writer
	path    []step
	heading string // the last heading walked, to say which section a text is in
	repairs []Repair
	seen    map[string]bool
}

func (f *fixer) value(v reflect.Value) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		s, ok := f.text(v.String())
		if ok {
			return v, false
		}
		nv := reflect.New(v.Type()).Elem()
		nv.SetString(s)
		return nv, true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		e, changed := f.value(v.Elem())
		if !changed {
			return v, false
		}
		np := reflect.New(v.Type().Elem())
		np.Elem().Set(e)
		return np, true
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		e := v.Elem()
		t := e.Type()
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f.path = append(f.path, step{name: t.Name(), i: -1})
		ne, changed := f.value(e)
		f.path = f.path[:len(f.path)-1]
		if h, ok := e.Interface().(*report.Heading); ok {
			f.heading = strings.TrimSpace(h.Number + ". " + h.Text)
			if h.Number == "" {
				f.heading = h.Text
			}
		}
		if !changed {
			return v, false
		}
		ni := reflect.New(v.Type()).Elem()
		ni.Set(ne)
		return ni, true
	case reflect.Struct:
		var out reflect.Value
		t := v.Type()
		for i := range v.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			f.path = append(f.path, step{name: t.Field(i).Name, i: -1})
			fv, changed := f.value(v.Field(i))
			f.path = f.path[:len(f.path)-1]
			if changed {
				if !out.IsValid() {
					out = reflect.New(t).Elem()
					out.Set(v)
				}
				out.Field(i).Set(fv)
			}
		}
		if out.IsValid() {
			return out, true
		}
		return v, false
	case reflect.Slice, reflect.Array:
		var out reflect.Value
		for i := range v.Len() {
			f.path = append(f.path, step{i: i})
			ev, changed := f.value(v.Index(i))
			f.path = f.path[:len(f.path)-1]
			if changed {
				if !out.IsValid() {
					if v.Kind() == reflect.Slice {
						out = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
						reflect.Copy(out, v)
					} else {
						out = reflect.New(v.Type()).Elem()
						out.Set(v)
					}
				}
				out.Index(i).Set(ev)
			}
		}
		if out.IsValid() {
			return out, true
		}
		return v, false
	}
	return v, false
}

// text repairs s; ok says it needed nothing.
func (f *fixer) text(s string) (string, bool) {
	valid := utf8.ValidString(s)
	if valid && f.drawable(s) {
		return s, true
	}
	var b strings.Builder
	var missing []rune
	for _, r := range s { // a byte that is not UTF-8 is U+FFFD here
		switch {
		case strings.ContainsRune(f.w.Space, r):
			b.WriteByte(' ')
		case f.w.Draw(r):
			b.WriteRune(r)
		default:
			b.WriteString(f.w.Mark)
			if !containsRune(missing, r) && !(r == utf8.RuneError && !valid) {
				missing = append(missing, r)
			}
		}
	}
	shown := strings.ToValidUTF8(s, "\uFFFD")
	if !valid || len(missing) > 0 {
		// Each text once in each kind of place: a unit's name once for all the rows of a table.
		where := f.where()
		if key := where.En + "\x00" + shown; !f.seen[key] {
			f.seen[key] = true
			f.repairs = append(f.repairs, Repair{Where: where, Text: shown, Invalid: !valid, Missing: missing})
		}
	}
	return b.String(), false
}

func (f *fixer) drawable(s string) bool {
	for _, r := range s {
		if !f.w.Draw(r) || strings.ContainsRune(f.w.Space, r) {
			return false
		}
	}
	return true
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// where names the place of the text being walked, in words a user finds it by.
func (f *fixer) where() lang.Msg {
	var names []string
	for _, s := range f.path {
		if s.i < 0 {
			names = append(names, s.name)
		}
	}
	key := strings.Join(names, ".")
	p, ok := places[key]
	if !ok {
		p = place{msgText.With(key), true}
	}
	if p.inSection && f.heading != "" {
		return msgInSection.With(p.name, f.heading)
	}
	return p.name
}
