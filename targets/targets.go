package targets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"

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

// File is a targets file: the scope's targets (whose rates also apply to every unit checked), values
// per level, and overrides per unit or cluster.
type File struct {
	Name     string
	Year     int
	Period   ingest.Period // the year, or its first half when ky: 2024-H1
	Defaults []Target
	ByLevel  map[string][]Target // theo_cap: by level code (xa, huyen, tinh, …)
	PerUnit  map[string][]Target
	Units    []UnitLine // the codes of PerUnit, in the file's order, with their lines
	Half     bool       // ky names a half-year explicitly
}

// UnitLine is a unit or cluster code that has targets of its own, and where.
type UnitLine struct {
	Code string
	Line int
}

// Error is a mistake in a targets file, with the file and its line ([lang.Error]).
type Error = lang.Error

// Parse reads a targets file:
//
//	nam: 2024
//	ky: 2024-H1            # optional: targets for the first half
//	chi_tieu:              # for the scope and every unit in it
//	  hoi_vien.ty_le: 37%
//	  hoc_bong.suat: 600   # a plain value means "at least"
//	  ho_tro.tien: "<= 50000000"
//	theo_cap:              # values for every unit of a level
//	  xa: {hoc_bong.suat: 20}
//	theo_don_vi:           # overrides for one unit or cluster
//	  "436": {gia_dinh.ty_le: 75%}
//
// A plain value of chi_tieu is the scope's own target; a rate (a derived figure) applies to the
// scope and to every unit checked under it, unless theo_cap or theo_don_vi say otherwise (see
// [File.ForUnit]).
// It is strict: one document, no key twice at any level, rates within 0–100%, no negative value,
// unit codes in the form returns give them (ingest.NormalizeCode), each once.
func Parse(r io.Reader, name string, cat *ingest.Catalogue) (*File, error) {
	top, err := strictyaml.Parse(r)
	if err != nil {
		var se *strictyaml.Error
		if errors.As(err, &se) {
			e := se.In(name)
			e.Line = max(e.Line, 1)
			return nil, e
		}
		return nil, err
	}
	f := &File{Name: name, PerUnit: map[string][]Target{}, ByLevel: map[string][]Target{}}
	if top.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: 1, Vi: "tệp chỉ tiêu phải là một bảng khoá: giá trị (nam, chi_tieu, theo_cap, theo_don_vi)", En: "the targets file must be a mapping (nam, chi_tieu, theo_cap, theo_don_vi)"}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		switch key.Value {
		case "nam":
			y, err := strconv.Atoi(val.Value)
			if err != nil || y < 1990 || y > 2100 {
				return nil, &Error{File: name, Line: val.Line, Vi: fmt.Sprintf("nam: «%s» không phải là năm", val.Value), En: fmt.Sprintf("nam: %q is not a year", val.Value)}
			}
			f.Year = y
		case "ky":
			p, err := ingest.ParsePeriod(val.Value)
			if err != nil {
				return nil, &Error{File: name, Line: val.Line, Vi: fmt.Sprintf("ky: «%s» không phải kỳ báo cáo (2024 hoặc 2024-H1)", val.Value), En: fmt.Sprintf("ky: %q is not a period (2024 or 2024-H1)", val.Value)}
			}
			f.Period, f.Half = p, p.FirstHalf
		case "chi_tieu":
			ts, err := parseTargets(name, val, cat)
			if err != nil {
				return nil, err
			}
			f.Defaults = ts
		case "theo_cap":
			if val.Kind != yaml.MappingNode {
				return nil, &Error{File: name, Line: val.Line, Vi: "theo_cap phải là bảng mã cấp: chỉ tiêu (ví dụ xa: {hoc_bong.suat: 20})", En: "theo_cap must map level codes to targets (e.g. xa: {hoc_bong.suat: 20})"}
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k := val.Content[j]
				if _, ok := cat.Level(k.Value); !ok {
					var codes []string
					for _, l := range cat.Levels {
						codes = append(codes, l.Code)
					}
					return nil, &Error{File: name, Line: k.Line,
						Vi: fmt.Sprintf("theo_cap: không có cấp «%s»; các cấp: %s", k.Value, strings.Join(codes, ", ")),
						En: fmt.Sprintf("theo_cap: no level %q; the levels: %s", k.Value, strings.Join(codes, ", "))}
				}
				ts, err := parseTargets(name, val.Content[j+1], cat)
				if err != nil {
					return nil, err
				}
				f.ByLevel[k.Value] = ts
			}
		case "theo_don_vi":
			if val.Kind != yaml.MappingNode {
				return nil, &Error{File: name, Line: val.Line, Vi: "theo_don_vi phải là bảng mã đơn vị: chỉ tiêu", En: "theo_don_vi must map unit codes to targets"}
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k := val.Content[j]
				code := ingest.NormalizeCode(k.Value)
				if code == "" {
					return nil, &Error{File: name, Line: k.Line, Vi: "theo_don_vi: thiếu mã đơn vị", En: "theo_don_vi: a unit code is missing"}
				}
				if _, dup := f.PerUnit[code]; dup {
					return nil, &Error{File: name, Line: k.Line, Vi: fmt.Sprintf("theo_don_vi: đơn vị %s được ghi hai lần", code), En: fmt.Sprintf("theo_don_vi: unit %s is written twice", code)}
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
				Vi: fmt.Sprintf("khoá «%s» không hợp lệ; tệp chỉ tiêu chỉ có nam, ky, chi_tieu, theo_cap, theo_don_vi", key.Value),
				En: fmt.Sprintf("unknown key %q; a targets file has nam, ky, chi_tieu, theo_cap, theo_don_vi", key.Value)}
		}
	}
	if f.Year == 0 {
		return nil, &Error{File: name, Line: 1, Vi: "thiếu nam (năm của chỉ tiêu)", En: "nam (the targets' year) is missing"}
	}
	if f.Period.IsZero() {
		f.Period = ingest.Period{Year: f.Year}
	} else if f.Period.Year != f.Year {
		return nil, &Error{File: name, Line: line(top, "ky"),
			Vi: fmt.Sprintf("ky %s không thuộc năm %d (nam)", f.Period, f.Year), En: fmt.Sprintf("ky %s is not in the year %d (nam)", f.Period, f.Year)}
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
		return nil, &Error{File: name, Line: n.Line, Vi: "chỉ tiêu phải là bảng mã: giá trị", En: "targets must map figure codes to values"}
	}
	var out []Target
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		fig, ok := cat.Figure(key.Value)
		if !ok {
			near := cat.Nearest(key.Value)
			return nil, &Error{File: name, Line: key.Line,
				Vi: fmt.Sprintf("%s: không có chỉ tiêu này — có phải %s?", key.Value, near),
				En: fmt.Sprintf("%s: no such figure — did you mean %s?", key.Value, near)}
		}
		t, err := parseValue(val.Value, fig)
		if err != nil {
			return nil, &Error{File: name, Line: val.Line, Vi: key.Value + ": " + err.vi, En: key.Value + ": " + err.en}
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

// For is the set of targets of the scope, a unit or cluster: every target of chi_tieu with the
// unit's overrides.
func (f *File) For(code string) []Target { return overlay(f.Defaults, f.PerUnit[code]) }

// ForUnit is the set of targets that apply to a unit: for the scope, every target of chi_tieu; for
// a unit under it, only the rates of chi_tieu (a province's 45 tỷ is never a commune's); then the
// values of its level (theo_cap), then its own (theo_don_vi), each replacing what comes before for
// the same figure.
func (f *File) ForUnit(u ingest.Unit, scope bool) []Target {
	base := f.Defaults
	if !scope {
		base = nil
		for _, t := range f.Defaults {
			if t.Figure.Derived() {
				base = append(base, t)
			}
		}
	}
	if u.Level != "" {
		base = overlay(base, f.ByLevel[u.Level])
	}
	return overlay(base, f.PerUnit[u.Code])
}

// overlay is base with each target of over replacing base's of the same figure, or added after.
func overlay(base, over []Target) []Target {
	byFig := map[string]Target{}
	for _, t := range over {
		byFig[t.Figure.Code] = t
	}
	var out []Target
	for _, t := range base {
		if o, ok := byFig[t.Figure.Code]; ok {
			out = append(out, o)
			delete(byFig, t.Figure.Code)
			continue
		}
		out = append(out, t)
	}
	for _, t := range over {
		if _, left := byFig[t.Figure.Code]; left {
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
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return nil, lang.Errorf("không mở được tệp chỉ tiêu: %v", "targets: %v", &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR})
	}
	f, err := Parse(fh, path, cat)
	if err != nil {
		return nil, err
	}
	return f, nil
}
