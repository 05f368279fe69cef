package targets

import (
	"errors"
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
		return nil, errAt(name, 1, msgNotMapping)
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		switch key.Value {
		case "nam":
			y, err := strconv.Atoi(val.Value)
			if err != nil || y < 1990 || y > 2100 {
				return nil, errAt(name, val.Line, msgNotYear, val.Value)
			}
			f.Year = y
		case "ky":
			p, err := ingest.ParsePeriod(val.Value)
			if err != nil {
				return nil, errAt(name, val.Line, msgNotPeriod, val.Value)
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
				return nil, errAt(name, val.Line, msgLevelsNotMap)
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k := val.Content[j]
				if _, ok := cat.Level(k.Value); !ok {
					var codes []string
					for _, l := range cat.Levels {
						codes = append(codes, l.Code)
					}
					return nil, errAt(name, k.Line, msgUnknownLevel, k.Value, strings.Join(codes, ", "))
				}
				ts, err := parseTargets(name, val.Content[j+1], cat)
				if err != nil {
					return nil, err
				}
				f.ByLevel[k.Value] = ts
			}
		case "theo_don_vi":
			if val.Kind != yaml.MappingNode {
				return nil, errAt(name, val.Line, msgUnitsNotMap)
			}
			for j := 0; j+1 < len(val.Content); j += 2 {
				k := val.Content[j]
				code := ingest.NormalizeCode(k.Value)
				if code == "" {
					return nil, errAt(name, k.Line, msgNoUnitCode)
				}
				if _, dup := f.PerUnit[code]; dup {
					return nil, errAt(name, k.Line, msgUnitTwice, code)
				}
				ts, err := parseTargets(name, val.Content[j+1], cat)
				if err != nil {
					return nil, err
				}
				f.PerUnit[code] = ts
				f.Units = append(f.Units, UnitLine{Code: code, Line: k.Line})
			}
		default:
			return nil, errAt(name, key.Line, msgUnknownKey, key.Value)
		}
	}
	if f.Year == 0 {
		return nil, errAt(name, 1, msgNoYear)
	}
	if f.Period.IsZero() {
		f.Period = ingest.Period{Year: f.Year}
	} else if f.Period.Year != f.Year {
		return nil, errAt(name, line(top, "ky"), msgPeriodNotInYear, f.Period, f.Year)
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
		return nil, errAt(name, n.Line, msgTargetsNotMap)
	}
	var out []Target
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		fig, ok := cat.Figure(key.Value)
		if !ok {
			near := cat.Nearest(key.Value)
			return nil, errAt(name, key.Line, msgUnknownFigure, key.Value, near)
		}
		t, why := parseValue(val.Value, fig)
		if why != nil {
			return nil, errAt(name, val.Line, msgBadValue, key.Value, *why)
		}
		t.Line = key.Line
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Figure.Code < out[j].Figure.Code })
	return out, nil
}

// errAt is the error m says, with args, at the line of the file.
func errAt(name string, line int, m lang.Msg, args ...any) *Error {
	e := m.Errorf(args...)
	e.File, e.Line = name, line
	return e
}

// parseValue reads a target's value; when it cannot, it says why (nil otherwise).
func parseValue(s string, fig *ingest.Figure) (Target, *lang.Msg) {
	bad := func(m lang.Msg, args ...any) (Target, *lang.Msg) {
		why := m.With(args...)
		return Target{}, &why
	}
	t := Target{Figure: fig, Op: AtLeast}
	s = strings.TrimSpace(s)
	for _, op := range []Op{AtMost, AtLeast} {
		if rest, ok := strings.CutPrefix(s, string(op)); ok {
			t.Op, s = op, strings.TrimSpace(rest)
		}
	}
	n, err := ingest.ParseNumber(s)
	if err != nil {
		return bad(msgNotNumber, s)
	}
	if fig.Kind == ingest.Percent && !n.Percent {
		return bad(msgRateWithoutPercent, s)
	}
	if fig.Kind != ingest.Percent && n.Percent {
		return bad(msgCountNotRate, s, fig.Code)
	}
	switch {
	case fig.Kind == ingest.Percent && (n.Value < 0 || n.Value > 1):
		return bad(msgRateRange, s)
	case n.Value < 0:
		return bad(msgNegative, s)
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
		return nil, msgCannotOpen.Errorf(err)
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && fi.IsDir() {
		return nil, msgCannotOpen.Errorf(&fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR})
	}
	f, err := Parse(fh, path, cat)
	if err != nil {
		return nil, err
	}
	return f, nil
}
