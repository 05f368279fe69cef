package ingest

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Kind says what a figure measures and how it is written.
type Kind string

// The kinds of figure.
const (
	Count     Kind = "count"      // a whole number of things
	Money     Kind = "money"      // đồng
	Percent   Kind = "percent"    // a ratio, shown as a percentage
	PerPerson Kind = "per_person" // đồng per person
)

// Figure is one entry of the catalogue: a raw figure read from returns and summed, or a derived
// figure recomputed as Num / Den from summed parts.
type Figure struct {
	Code    string
	Vi, En  string
	UnitVi  string
	UnitEn  string
	Kind    Kind
	Section string
	Model   string // the learning model or coverage group this figure belongs to, if any
	Num     string // derived figures only
	Den     string
	// Structural is set for a figure that counts the map itself (grassroots associations,
	// communes, centres, commune-level units: "cau_truc: true" in the catalogue): it changes when
	// units merge, not only when work is done.
	Structural bool
	index      int // position among the raw figures; -1 for derived ones
}

// Derived reports whether the figure is a ratio of other figures.
func (f *Figure) Derived() bool { return f.Num != "" }

// Label is the figure's name in the language.
func (f *Figure) Label(l lang.Lang) string { return l.Text(f.Vi, f.En) }

// Unit is the unit of measure in the language.
func (f *Figure) Unit(l lang.Lang) string {
	switch f.Kind {
	case Money:
		return wordDong.In(l)
	case Percent:
		return "%"
	case PerPerson:
		return wordDongPerPerson.In(l)
	}
	return l.Text(f.UnitVi, f.UnitEn)
}

// Index is the figure's position among the catalogue's raw figures (-1 for derived figures).
func (f *Figure) Index() int { return f.index }

// Level is a level of the association's hierarchy (province, district, commune, …).
type Level struct {
	Code  string `yaml:"code"`
	Vi    string `yaml:"vi"`
	En    string `yaml:"en"`
	Short string `yaml:"short"` // the word a template's drop-down shows: "Tỉnh", "Xã"
	// UnitVi and UnitEn name the units of the level when they are counted: "xã" in «2/3 xã»,
	// "communes" in "2 of 3 communes".
	UnitVi string `yaml:"unit_vi"`
	UnitEn string `yaml:"unit_en"`
}

// Unit names the level's units when they are counted, in the language.
func (l Level) Unit(lg lang.Lang) string { return lg.Text(l.UnitVi, l.UnitEn) }

// Group is a learning model or a coverage group: a row of the template whose columns are figures.
type Group struct {
	Code   string
	Vi, En string
	Parts  []*Figure // .tong, .dang_ky, .cong_nhan for models; .tong, .co_hoi for coverage
}

// Section is a heading of the figures sheet with the raw figures under it.
type Section struct {
	Code    string
	Vi, En  string
	Figures []*Figure
}

// Rule is a built-in check that Small <= Large × Factor when both are reported.
type Rule struct {
	Small, Large string
	Factor       float64
	Severity     Severity
	Code         string
}

// Catalogue is the set of figures a return holds. It is data: see catalogue.yaml.
type Catalogue struct {
	Version  int
	Levels   []Level
	Sections []Section // raw figures of the "Số liệu" sheet (coverage pairs included)
	Models   []Group   // rows of the "Mô hình học tập" sheet
	Coverage []Group
	Raw      []*Figure // every raw figure, in template order
	Derived  []*Figure
	Rules    []Rule
	byCode   map[string]*Figure
}

//go:embed catalogue.yaml
var catalogueYAML []byte

var defaultCatalogue = sync.OnceValue(func() *Catalogue {
	c, err := ParseCatalogue(bytes.NewReader(catalogueYAML))
	if err != nil {
		panic("embedded catalogue: " + err.Error()) // a build defect, caught by every test
	}
	return c
})

// DefaultCatalogue is the embedded catalogue of figures.
func DefaultCatalogue() *Catalogue { return defaultCatalogue() }

type yamlFigure struct {
	Code   string  `yaml:"code"`
	Vi     string  `yaml:"vi"`
	En     string  `yaml:"en"`
	UnitVi string  `yaml:"unit_vi"`
	UnitEn string  `yaml:"unit_en"`
	Kind   Kind    `yaml:"kind"`
	Num    string  `yaml:"num"`
	Den    string  `yaml:"den"`
	Small  string  `yaml:"small"`
	Large  string  `yaml:"large"`
	Factor float64 `yaml:"factor"`
	Sev    string  `yaml:"severity"`
	// Structural: the figure counts the map itself (see Figure.Structural).
	Structural bool `yaml:"cau_truc"`
}

type yamlCatalogue struct {
	Version  int     `yaml:"version"`
	Levels   []Level `yaml:"levels"`
	Sections []struct {
		Code     string       `yaml:"code"`
		Vi       string       `yaml:"vi"`
		En       string       `yaml:"en"`
		Figures  []yamlFigure `yaml:"figures"`
		Coverage []yamlFigure `yaml:"coverage"`
	} `yaml:"sections"`
	Models  []yamlFigure `yaml:"models"`
	Derived []yamlFigure `yaml:"derived"`
	Rules   []yamlFigure `yaml:"rules"`
}

// ParseCatalogue decodes a catalogue strictly and expands models and coverage groups into figures.
func ParseCatalogue(r io.Reader) (*Catalogue, error) {
	var y yamlCatalogue
	if err := DecodeYAML(r, &y); err != nil {
		return nil, fmt.Errorf("decode catalogue: %w", err)
	}
	c := &Catalogue{Version: y.Version, Levels: y.Levels, byCode: map[string]*Figure{}}
	for _, step := range []func(*yamlCatalogue) error{c.addSections, c.addModels, c.addDerived, c.addRules} {
		if err := step(&y); err != nil {
			return nil, err
		}
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// add puts a figure in the catalogue: raw figures are numbered in order, derived ones are not.
func (c *Catalogue) add(f *Figure) error {
	if _, dup := c.byCode[f.Code]; dup {
		return fmt.Errorf("figure %s defined twice", f.Code)
	}
	if f.Kind == "" {
		f.Kind = Count
	}
	c.byCode[f.Code] = f
	if f.Derived() {
		f.index = -1
		c.Derived = append(c.Derived, f)
	} else {
		f.index = len(c.Raw)
		c.Raw = append(c.Raw, f)
	}
	return nil
}

// addSections adds each section's figures and coverage groups (each group's co_hoi ≤ tong).
func (c *Catalogue) addSections(y *yamlCatalogue) error {
	for _, ys := range y.Sections {
		s := Section{Code: ys.Code, Vi: ys.Vi, En: ys.En}
		for _, yf := range ys.Figures {
			f := &Figure{Code: yf.Code, Vi: yf.Vi, En: yf.En, UnitVi: yf.UnitVi, UnitEn: yf.UnitEn, Kind: yf.Kind, Section: ys.Code, Structural: yf.Structural}
			if err := c.add(f); err != nil {
				return err
			}
			s.Figures = append(s.Figures, f)
		}
		for _, yg := range ys.Coverage {
			g, err := c.expand(yg, ys.Code, coverageParts)
			if err != nil {
				return err
			}
			s.Figures = append(s.Figures, g.Parts...)
			c.Coverage = append(c.Coverage, g)
			c.Rules = append(c.Rules, Rule{Small: yg.Code + ".co_hoi", Large: yg.Code + ".tong", Factor: 1, Severity: Error})
		}
		c.Sections = append(c.Sections, s)
	}
	return nil
}

// addModels adds the learning models' figures, recognised ≤ registered ≤ total.
func (c *Catalogue) addModels(y *yamlCatalogue) error {
	for _, ym := range y.Models {
		g, err := c.expand(ym, "mo_hinh", modelParts)
		if err != nil {
			return err
		}
		c.Models = append(c.Models, g)
		c.Rules = append(c.Rules,
			Rule{Small: ym.Code + ".cong_nhan", Large: ym.Code + ".dang_ky", Factor: 1, Severity: Error},
			Rule{Small: ym.Code + ".dang_ky", Large: ym.Code + ".tong", Factor: 1, Severity: Error},
			Rule{Small: ym.Code + ".cong_nhan", Large: ym.Code + ".tong", Factor: 1, Severity: Error},
		)
	}
	return nil
}

// addDerived adds the derived figures the catalogue lists, then every model's and every
// coverage group's rates.
func (c *Catalogue) addDerived(y *yamlCatalogue) error {
	for _, yd := range y.Derived {
		if err := c.add(&Figure{Code: yd.Code, Vi: yd.Vi, En: yd.En, Kind: yd.Kind, Num: yd.Num, Den: yd.Den}); err != nil {
			return err
		}
	}
	ratio := func(g Group, suffix string, label lang.Msg, num, den string) error {
		name := func(l lang.Lang) string { return l.Text(lowerFirst(g.Vi), g.En) }
		return c.add(&Figure{Code: g.Code + "." + suffix, Vi: label.In(lang.Vi, name), En: label.In(lang.En, name), Kind: Percent, Num: g.Code + "." + num, Den: g.Code + "." + den, Model: g.Code})
	}
	for _, g := range c.Models {
		for _, err := range []error{
			ratio(g, "ty_le", labelRecognisedRate, "cong_nhan", "tong"),
			ratio(g, "ty_le_dang_ky", labelRegistrationRate, "dang_ky", "tong"),
			ratio(g, "ty_le_dat", labelRecognisedOfRegistered, "cong_nhan", "dang_ky"),
		} {
			if err != nil {
				return err
			}
		}
	}
	for _, g := range c.Coverage {
		if err := ratio(g, "ty_le_co_hoi", labelAssociationShare, "co_hoi", "tong"); err != nil {
			return err
		}
	}
	return nil
}

// addRules adds the rules the catalogue lists (an error unless it says warning).
func (c *Catalogue) addRules(y *yamlCatalogue) error {
	for _, yr := range y.Rules {
		r := Rule{Small: yr.Small, Large: yr.Large, Factor: yr.Factor, Severity: Error, Code: yr.Code}
		if r.Factor == 0 {
			r.Factor = 1
		}
		if yr.Sev == "warning" {
			r.Severity = Warning
		}
		c.Rules = append(c.Rules, r)
	}
	return nil
}

// check makes sure every ratio and every rule is made of raw figures of the catalogue.
func (c *Catalogue) check() error {
	for _, l := range c.Levels {
		if l.UnitVi == "" || l.UnitEn == "" {
			return fmt.Errorf("level %s: unit_vi and unit_en name its units when counted", l.Code)
		}
	}
	for _, f := range c.Derived {
		for _, part := range []string{f.Num, f.Den} {
			if p, ok := c.byCode[part]; !ok || p.Derived() {
				return fmt.Errorf("derived figure %s: %s is not a raw figure", f.Code, part)
			}
		}
	}
	for _, r := range c.Rules {
		for _, part := range []string{r.Small, r.Large} {
			if p, ok := c.byCode[part]; !ok || p.Derived() {
				return fmt.Errorf("rule %s <= %s: %s is not a raw figure", r.Small, r.Large, part)
			}
		}
	}
	return nil
}

type groupPart struct {
	suffix string
	label  lang.Msg // takes the group's label
}

var (
	coverageParts = []groupPart{{"tong", labelTotal}, {"co_hoi", labelWithAssociation}}
	modelParts    = []groupPart{{"tong", labelTotal}, {"dang_ky", labelRegistered}, {"cong_nhan", labelRecognised}}
)

// expand turns a learning model or coverage group into its figures (gia_dinh.tong, …).
func (c *Catalogue) expand(y yamlFigure, section string, parts []groupPart) (Group, error) {
	g := Group{Code: y.Code, Vi: y.Vi, En: y.En}
	name := func(l lang.Lang) string { return l.Text(y.Vi, y.En) }
	for _, p := range parts {
		f := &Figure{Code: y.Code + "." + p.suffix, Vi: p.label.In(lang.Vi, name), En: p.label.In(lang.En, name),
			UnitVi: y.UnitVi, UnitEn: y.UnitEn, Section: section, Model: y.Code, Structural: y.Structural}
		if err := c.add(f); err != nil {
			return g, err
		}
		g.Parts = append(g.Parts, f)
	}
	return g, nil
}

// DecodeYAML decodes YAML and refuses keys the target does not have.
func DecodeYAML(r io.Reader, v any) error {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	return dec.Decode(v)
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Figure looks a figure up by its code.
func (c *Catalogue) Figure(code string) (*Figure, bool) {
	f, ok := c.byCode[code]
	return f, ok
}

// MustFigure is the figure of a code the catalogue itself names (a ratio's parts); it panics on an
// unknown code, which ParseCatalogue never lets through.
func (c *Catalogue) MustFigure(code string) *Figure {
	f, ok := c.byCode[code]
	if !ok {
		panic("catalogue: no figure " + code)
	}
	return f
}

// All lists the raw figures, then the derived ones.
func (c *Catalogue) All() []*Figure {
	return append(append([]*Figure(nil), c.Raw...), c.Derived...)
}

// Level looks a level up by its code.
func (c *Catalogue) Level(code string) (Level, bool) {
	for _, l := range c.Levels {
		if l.Code == code {
			return l, true
		}
	}
	return Level{}, false
}

// Nearest is the known figure code closest to code, for "did you mean" messages.
func (c *Catalogue) Nearest(code string) string {
	best, bestD := "", 1<<30
	for _, f := range c.All() {
		if d := lang.EditDistance(code, f.Code); d < bestD {
			best, bestD = f.Code, d
		}
	}
	return best
}

// Format writes a value of the figure the way its kind wants: counts and amounts whole, ratios as
// percentages.
func (f *Figure) Format(l lang.Lang, v float64) string {
	if f.Kind == Percent {
		return lang.Percent(l, v)
	}
	return lang.Int(l, int64(math.Round(v)))
}
