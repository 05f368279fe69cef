package targets

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

// Op is the direction of a target: at least (the default) or at most.
type Op string

// The comparisons a target may use.
const (
	AtLeast Op = ">="
	AtMost  Op = "<="
)

// Target is one figure's target: Value is a ratio for percentage figures (70% is 0.7).
type Target struct {
	Figure *ingest.Figure
	Op     Op
	Value  float64
	Line   int // where it is written in the targets file
}

// Met reports whether actual meets the target.
func (t Target) Met(actual float64) bool {
	const eps = 1e-12
	if t.Op == AtMost {
		return actual <= t.Value+eps
	}
	return actual >= t.Value-eps
}

// File is a targets file: defaults for every unit in the scope and overrides per unit or cluster.
type File struct {
	Name     string
	Year     int
	Period   ingest.Period // the year, or its first half when ky: 2024-H1
	Defaults []Target
	PerUnit  map[string][]Target
	Units    []UnitLine // the codes of PerUnit, in the file's order, with their lines
	Half     bool       // ky names a half-year explicitly
}

// UnitLine is a unit or cluster code that has targets of its own, and where.
type UnitLine struct {
	Code string
	Line int
}

// Error is a mistake in a targets file, with its line.
type Error struct {
	File string
	Line int
	vi   string
	en   string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.en) }

// Message is the mistake in the language, with file and line.
func (e *Error) Message(l lang.Lang) string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, l.Text(e.vi, e.en))
}

// Parse reads a targets file:
//
//	nam: 2024
//	ky: 2024-H1            # optional: targets for the first half
//	chi_tieu:              # for the scope and every unit in it
//	  hoi_vien.ty_le: 37%
//	  hoc_bong.suat: 600   # a plain value means "at least"
//	  ho_tro.tien: "<= 50000000"
//	theo_don_vi:           # overrides for one unit or cluster
//	  "436": {gia_dinh.ty_le: 75%}
//
// It is strict: one document, no key twice at any level, rates within 0–100%, no negative value,
// unit codes in the form returns give them (ingest.NormalizeCode), each once.
func Parse(r io.Reader, name string, cat *ingest.Catalogue) (*File, error) {
	top, err := strictyaml.Parse(r)
	if err != nil {
		var se *strictyaml.Error
		if errors.As(err, &se) {
			return nil, &Error{File: name, Line: max(se.Line, 1), vi: se.Vi, en: se.En}
		}
		return nil, err
	}
	f := &File{Name: name, PerUnit: map[string][]Target{}}
	if top.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: 1, vi: "tệp chỉ tiêu phải là một bảng khoá: giá trị (nam, chi_tieu, theo_don_vi)", en: "the targets file must be a mapping (nam, chi_tieu, theo_don_vi)"}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		switch key.Value {
		case "nam":
			y, err := strconv.Atoi(val.Value)
			if err != nil || y < 1990 || y > 2100 {
				return nil, &Error{File: name, Line: val.Line, vi: fmt.Sprintf("nam: «%s» không phải là năm", val.Value), en: fmt.Sprintf("nam: %q is not a year", val.Value)}
			}
			f.Year = y
		case "ky":
			p, err := ingest.ParsePeriod(val.Value)
			if err != nil {
				return nil, &Error{File: name, Line: val.Line, vi: fmt.Sprintf("ky: «%s» không phải kỳ báo cáo (2024 hoặc 2024-H1)", val.Value), en: fmt.Sprintf("ky: %q is not a period (2024 or 2024-H1)", val.Value)}
			}
			f.Period, f.Half = p, p.FirstHalf
		case "chi_tieu":
			ts, err := parseTargets(name, val, cat)
			if err != nil {
				return nil, err
			}
			f.Defaults = ts
		case "theo_don_vi":
			if val.Kind != yaml.MappingNode {
				return nil, &Error{File: name, Line: val.Line, vi: "theo_don_vi phải là bảng mã đơn vị: chỉ tiêu", en: "theo_don_vi must map unit codes to targets"}
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k := val.Content[j]
				code := ingest.NormalizeCode(k.Value)
				if code == "" {
					return nil, &Error{File: name, Line: k.Line, vi: "theo_don_vi: thiếu mã đơn vị", en: "theo_don_vi: a unit code is missing"}
				}
				if _, dup := f.PerUnit[code]; dup {
					return nil, &Error{File: name, Line: k.Line, vi: fmt.Sprintf("theo_don_vi: đơn vị %s được ghi hai lần", code), en: fmt.Sprintf("theo_don_vi: unit %s is written twice", code)}
				}
				ts, err := parseTargets(name, val.Content[j+1], cat)
				if err != nil {
					return nil, err
				}
				f.PerUnit[code] = ts
				f.Units = append(f.Units, UnitLine{Code: code, Line: k.Line})
			}
		default:
			return nil, &Error{File: name, Line: key.Line,
				vi: fmt.Sprintf("khoá «%s» không hợp lệ; tệp chỉ tiêu chỉ có nam, ky, chi_tieu, theo_don_vi", key.Value),
				en: fmt.Sprintf("unknown key %q; a targets file has nam, ky, chi_tieu, theo_don_vi", key.Value)}
		}
	}
	if f.Year == 0 {
		return nil, &Error{File: name, Line: 1, vi: "thiếu nam (năm của chỉ tiêu)", en: "nam (the targets' year) is missing"}
	}
	if f.Period.IsZero() {
		f.Period = ingest.Period{Year: f.Year}
	} else if f.Period.Year != f.Year {
		return nil, &Error{File: name, Line: line(top, "ky"),
			vi: fmt.Sprintf("ky %s không thuộc năm %d (nam)", f.Period, f.Year), en: fmt.Sprintf("ky %s is not in the year %d (nam)", f.Period, f.Year)}
	}
	return f, nil
}

func line(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 1
}

func parseTargets(name string, n *yaml.Node, cat *ingest.Catalogue) ([]Target, error) {
	if n.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: n.Line, vi: "chỉ tiêu phải là bảng mã: giá trị", en: "targets must map figure codes to values"}
	}
	var out []Target
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		fig, ok := cat.Figure(key.Value)
		if !ok {
			near := cat.Nearest(key.Value)
			return nil, &Error{File: name, Line: key.Line,
				vi: fmt.Sprintf("%s: không có chỉ tiêu này — có phải %s?", key.Value, near),
				en: fmt.Sprintf("%s: no such figure — did you mean %s?", key.Value, near)}
		}
		t, err := parseValue(val.Value, fig)
		if err != nil {
			return nil, &Error{File: name, Line: val.Line, vi: key.Value + ": " + err.vi, en: key.Value + ": " + err.en}
		}
		t.Line = key.Line
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Figure.Code < out[j].Figure.Code })
	return out, nil
}

type valueErr struct{ vi, en string }

func parseValue(s string, fig *ingest.Figure) (Target, *valueErr) {
	t := Target{Figure: fig, Op: AtLeast}
	s = strings.TrimSpace(s)
	for _, op := range []Op{AtMost, AtLeast} {
		if rest, ok := strings.CutPrefix(s, string(op)); ok {
			t.Op, s = op, strings.TrimSpace(rest)
		}
	}
	n, err := ingest.ParseNumber(s)
	if err != nil {
		return t, &valueErr{vi: fmt.Sprintf("«%s» không phải là số hoặc tỷ lệ (ví dụ 70%%, 600, \"<= 50000000\")", s), en: fmt.Sprintf("%q is not a number or a percentage (e.g. 70%%, 600, \"<= 50000000\")", s)}
	}
	if fig.Kind == ingest.Percent && !n.Percent {
		return t, &valueErr{vi: fmt.Sprintf("«%s»: chỉ tiêu tỷ lệ phải viết với dấu %% (ví dụ 70%%)", s), en: fmt.Sprintf("%q: a rate target is written with %% (e.g. 70%%)", s)}
	}
	if fig.Kind != ingest.Percent && n.Percent {
		return t, &valueErr{vi: fmt.Sprintf("«%s»: chỉ tiêu này là số lượng, không phải tỷ lệ; hãy bỏ dấu %% hoặc dùng chỉ tiêu tỷ lệ (%s.ty_le…)", s, fig.Code), en: fmt.Sprintf("%q: this figure is a count, not a rate; drop the %% or use a rate figure", s)}
	}
	switch {
	case fig.Kind == ingest.Percent && (n.Value < 0 || n.Value > 1):
		return t, &valueErr{vi: fmt.Sprintf("«%s»: tỷ lệ phải từ 0%% đến 100%%", s), en: fmt.Sprintf("%q: a rate is between 0%% and 100%%", s)}
	case n.Value < 0:
		return t, &valueErr{vi: fmt.Sprintf("«%s»: chỉ tiêu không được âm", s), en: fmt.Sprintf("%q: a target cannot be negative", s)}
	}
	t.Value = n.Value
	return t, nil
}

// For is the set of targets that apply to a unit or cluster: the defaults with its overrides.
func (f *File) For(code string) []Target {
	over := map[string]Target{}
	for _, t := range f.PerUnit[code] {
		over[t.Figure.Code] = t
	}
	var out []Target
	for _, t := range f.Defaults {
		if o, ok := over[t.Figure.Code]; ok {
			out = append(out, o)
			delete(over, t.Figure.Code)
			continue
		}
		out = append(out, t)
	}
	for _, t := range f.PerUnit[code] {
		if _, left := over[t.Figure.Code]; left {
			out = append(out, t)
		}
	}
	return out
}

// ReadFile reads a targets file; its errors name the file and line, in both languages (*lang.Error).
func ReadFile(path string, cat *ingest.Catalogue) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, lang.Errorf("không mở được tệp chỉ tiêu: %v", "targets: %v", err)
	}
	defer fh.Close()
	f, err := Parse(fh, path, cat)
	if err != nil {
		var te *Error
		if errors.As(err, &te) {
			return nil, &lang.Error{Vi: te.Message(lang.Vi), En: te.Message(lang.En)}
		}
		return nil, err
	}
	return f, nil
}
