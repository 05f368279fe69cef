// Package textfix repairs every text of a report.Document before a writer lays it out: bytes that
// are not UTF-8 become U+FFFD, characters the writer cannot draw become a visible mark, and each
// repaired text is reported once, with where it stands in the report.
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
	Where   *lang.Error // where the text stands, in both languages ("người ký (--signer)")
	Text    string      // the text as it was, with bytes that are not UTF-8 shown as U+FFFD
	Invalid bool        // it held bytes that are not UTF-8
	Missing []rune      // the characters the writer cannot draw, each once
}

// Message says what was repaired, in both languages.
func (r Repair) Message(w Writer) *lang.Error {
	var vi, en []string
	if r.Invalid {
		mark := "\uFFFD"
		if !w.Draw(utf8.RuneError) {
			mark = w.Mark
		}
		vi = append(vi, fmt.Sprintf("có byte không phải UTF-8, được thay bằng %s trong tệp %s", mark, w.Name))
		en = append(en, fmt.Sprintf("has bytes that are not UTF-8, replaced with %s in the %s file", mark, w.Name))
	}
	if len(r.Missing) > 0 {
		var cs []string
		for _, c := range r.Missing {
			cs = append(cs, fmt.Sprintf("%q (%U)", c, c))
		}
		vi = append(vi, fmt.Sprintf("ký tự %s không có trong phông chữ của tệp %s, được thay bằng %s", strings.Join(cs, ", "), w.Name, w.Mark))
		en = append(en, fmt.Sprintf("%s not in the %s file's font, replaced with %s", strings.Join(cs, ", "), w.Name, w.Mark))
	}
	return &lang.Error{
		Vi: fmt.Sprintf("%s «%s»: %s", r.Where.Vi, r.Text, strings.Join(vi, "; ")),
		En: fmt.Sprintf("%s «%s»: %s", r.Where.En, r.Text, strings.Join(en, "; ")),
	}
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
func (f *fixer) where() *lang.Error {
	var names []string
	for _, s := range f.path {
		if s.i < 0 {
			names = append(names, s.name)
		}
	}
	key := strings.Join(names, ".")
	section := func(e *lang.Error) *lang.Error {
		if f.heading == "" {
			return e
		}
		return &lang.Error{Vi: e.Vi + " trong mục «" + f.heading + "»", En: e.En + " in «" + f.heading + "»"}
	}
	switch key {
	case "Title":
		return lang.Errorf("tiêu đề của tệp", "the file's title")
	case "Author":
		return lang.Errorf("tác giả của tệp (--org)", "the file's author (--org)")
	case "Header.Parent":
		return lang.Errorf("cơ quan cấp trên (--org-parent)", "the body above (--org-parent)")
	case "Header.Org":
		return lang.Errorf("tên hội (--org)", "the association (--org)")
	case "Header.Number":
		return lang.Errorf("số văn bản (--number)", "the document number (--number)")
	case "Header.PlaceDate":
		return lang.Errorf("địa danh và ngày (--place)", "the place and date (--place)")
	case "Header.Title":
		return lang.Errorf("tiêu đề (--title)", "the title (--title)")
	case "Blocks.Signature.To":
		return lang.Errorf("nơi nhận (--recipients)", "the recipients (--recipients)")
	case "Blocks.Signature.Signer":
		return lang.Errorf("chức danh người ký (--signer-title)", "the signer's title (--signer-title)")
	case "Blocks.Signature.Name":
		return lang.Errorf("người ký (--signer)", "the signer (--signer)")
	case "Blocks.Heading.Text", "Blocks.Heading.Number":
		return lang.Errorf("đề mục", "the heading")
	case "Blocks.Paragraph.Runs.Text":
		return section(lang.Errorf("đoạn văn", "the paragraph"))
	case "Blocks.List.Items.Text":
		return section(lang.Errorf("danh sách", "the list"))
	case "Blocks.Table.Columns.Header":
		return section(lang.Errorf("tiêu đề cột của bảng", "a table's column header"))
	case "Blocks.Table.Rows.Cells":
		return section(lang.Errorf("bảng", "a table"))
	case "Blocks.Chart.Title", "Blocks.Chart.Bars.Label", "Blocks.Chart.Legend":
		return section(lang.Errorf("biểu đồ", "the chart"))
	}
	return section(lang.Errorf("văn bản (%s)", "text (%s)", key))
}
