package preset

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -src $VIETNAM_PROVINCES -commit $VIETNAM_PROVINCES_COMMIT -out data

//go:embed data/tinh.tsv data/xa2025.tsv.gz
var files embed.FS

// Names of the presets.
const (
	Provinces2025 = "tinh-2025" // the 34 provinces since 1 July 2025
	Provinces2024 = "tinh-2024" // the 63 provinces before 1 July 2025
	Communes2025  = "xa-2025"   // the communes of one province since 1 July 2025
)

// The root of the presets "tinh-2025" and "tinh-2024": the central association.
const (
	RootCode = "VN"
	RootName = "Hội Khuyến học Việt Nam"
)

// Levels of the units.
const (
	LevelCentral  = "trung_uong"
	LevelProvince = "tinh"
	LevelCommune  = "xa"
)

// Unit is one association of a preset roster.
type Unit struct {
	Code   string // official code: "VN", two digits for a province, five for a commune
	Name   string // "Hội Khuyến học tỉnh Tuyên Quang", "Hội Khuyến học phường Ba Đình", …
	Level  string // LevelCentral, LevelProvince or LevelCommune
	Parent string // code of the unit above; empty for the root
	// Predecessors are the former administrative units this one was formed from on 1 July 2025.
	Predecessors []Predecessor
}

// Predecessor is a former administrative unit, under its official name ("Tỉnh Hà Giang", "Xã Gia
// Tân"). Part tells that it went in only in part ("nhập một phần"); the share is unknown until the
// user writes it. A former district without communes that became a special zone (Côn Đảo, Lý Sơn,
// …) has its three-digit district code; the coastal flats of Kim Sơn, which were no unit, have no code.
type Predecessor struct {
	Code, Name string
	Part       bool
}

// Names lists the presets.
func Names() []string { return []string{Provinces2025, Provinces2024, Communes2025} }

// ProvinceError is the error of [Roster] for a province code that is not one of the 34.
type ProvinceError struct {
	Code    string   // as given
	Nearest []string // the valid codes just below and just above
	Valid   []string // all 34 codes
	// NewCode is set when Code is that of a former province: the province it became part of.
	NewCode string
}

func (e *ProvinceError) Error() string {
	d := mustLoad()
	if e.Code == "" {
		return fmt.Sprintf("preset %s needs the code of a province, one of %s", Communes2025, strings.Join(e.Valid, ", "))
	}
	if e.NewCode != "" {
		old := d.oldByCode[e.Code]
		return fmt.Sprintf("preset %s: %s is the code of the former %s, part of %s (code %s) since 1 July 2025",
			Communes2025, e.Code, old.official(), d.newByCode[e.NewCode].official(), e.NewCode)
	}
	var near []string
	for _, c := range e.Nearest {
		near = append(near, fmt.Sprintf("%s (%s)", c, d.newByCode[c].official()))
	}
	return fmt.Sprintf("preset %s: no province has code %q; nearest: %s; valid codes: %s",
		Communes2025, e.Code, strings.Join(near, ", "), strings.Join(e.Valid, ", "))
}

// Roster returns the units of a preset, the root first. province is the code of a province since
// 1 July 2025 ("08", or "8") and is required for "xa-2025" only; the other presets refuse one.
// In "xa-2025" the first unit is the province, with parent "VN" although the root is not among
// the units, then its communes by code. Every call returns fresh slices.
func Roster(name, province string) ([]Unit, error) {
	d, err := load()
	if err != nil {
		return nil, err
	}
	province = strings.TrimSpace(province)
	switch name {
	case Provinces2025, Provinces2024:
		if province != "" {
			return nil, fmt.Errorf("preset %s covers the whole country: give no province (province %q)", name, province)
		}
	case Communes2025:
		code, err := d.province(province)
		if err != nil {
			return nil, err
		}
		p := d.newByCode[code]
		units := []Unit{p.unit(d)}
		for _, c := range d.communes[code] {
			units = append(units, Unit{Code: c.code, Name: "Hội Khuyến học " + c.kind + " " + c.name,
				Level: LevelCommune, Parent: code, Predecessors: append([]Predecessor(nil), c.preds...)})
		}
		return units, nil
	default:
		return nil, &UnknownError{Name: name}
	}
	units := []Unit{{Code: RootCode, Name: RootName, Level: LevelCentral}}
	if name == Provinces2025 {
		for _, p := range d.newProv {
			units = append(units, p.unit(d))
		}
		return units, nil
	}
	for _, p := range d.oldProv {
		units = append(units, Unit{Code: p.code, Name: p.association(), Level: LevelProvince, Parent: RootCode})
	}
	return units, nil
}

type province struct {
	code, kind, name string // kind: "tỉnh" or "thành phố"; name without it
	newCode          string // former provinces only: the province it became part of
}

func (p province) association() string { return "Hội Khuyến học " + p.kind + " " + p.name }

// official is the name of the administrative unit: "Tỉnh Hà Giang", "Thành phố Huế".
func (p province) official() string { return strings.ToUpper(p.kind[:1]) + p.kind[1:] + " " + p.name }

// unit is a province since 2025 with the former provinces it was formed from.
func (p province) unit(d *dataset) Unit {
	u := Unit{Code: p.code, Name: p.association(), Level: LevelProvince, Parent: RootCode}
	for _, o := range d.oldProv {
		if o.newCode == p.code {
			u.Predecessors = append(u.Predecessors, Predecessor{Code: o.code, Name: o.official()})
		}
	}
	return u
}

type commune struct {
	code, kind, name string // kind: "xã", "phường" or "đặc khu"; name without it
	preds            []Predecessor
}

type dataset struct {
	newProv, oldProv     []province // by code
	newByCode, oldByCode map[string]province
	communes             map[string][]commune // by new province, by code
}

var load = sync.OnceValues(parse)

func mustLoad() *dataset {
	d, err := load()
	if err != nil {
		panic(err)
	}
	return d
}

// province checks a province code and returns it with two digits.
func (d *dataset) province(code string) (string, error) {
	if len(code) == 1 && code[0] >= '0' && code[0] <= '9' {
		code = "0" + code
	}
	if _, ok := d.newByCode[code]; ok {
		return code, nil
	}
	e := &ProvinceError{Code: code}
	for _, p := range d.newProv {
		e.Valid = append(e.Valid, p.code)
	}
	if o, ok := d.oldByCode[code]; ok {
		e.NewCode = o.newCode
	}
	if n, err := strconv.Atoi(code); err == nil && code != "" {
		i := sort.Search(len(d.newProv), func(i int) bool { n2, _ := strconv.Atoi(d.newProv[i].code); return n2 >= n })
		if i > 0 {
			e.Nearest = append(e.Nearest, d.newProv[i-1].code)
		}
		if i < len(d.newProv) {
			e.Nearest = append(e.Nearest, d.newProv[i].code)
		}
	}
	return "", e
}

func parse() (*dataset, error) {
	d := &dataset{newByCode: map[string]province{}, oldByCode: map[string]province{}, communes: map[string][]commune{}}
	b, err := files.ReadFile("data/tinh.tsv")
	if err != nil {
		return nil, err
	}
	err = eachRow(bytes.NewReader(b), "tinh.tsv", 5, func(f []string) error {
		p := province{code: f[1], kind: f[2], name: f[3], newCode: f[4]}
		switch f[0] {
		case "2025":
			d.newProv = append(d.newProv, p)
			d.newByCode[p.code] = p
		case "2024":
			d.oldProv = append(d.oldProv, p)
			d.oldByCode[p.code] = p
		default:
			return fmt.Errorf("year %q", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	z, err := files.Open("data/xa2025.tsv.gz")
	if err != nil {
		return nil, err
	}
	defer z.Close()
	zr, err := gzip.NewReader(z)
	if err != nil {
		return nil, fmt.Errorf("preset data xa2025.tsv.gz: %v", err)
	}
	err = eachRow(zr, "xa2025.tsv", 9, func(f []string) error {
		prov, code := f[0], f[1]
		if _, ok := d.newByCode[prov]; !ok {
			return fmt.Errorf("unknown province %q", prov)
		}
		cs := d.communes[prov]
		if len(cs) == 0 || cs[len(cs)-1].code != code {
			cs = append(cs, commune{code: code, kind: f[2], name: f[3]})
		}
		c := &cs[len(cs)-1]
		c.preds = append(c.preds, Predecessor{Code: f[4], Name: f[5], Part: f[7] == "1"})
		d.communes[prov] = cs
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// eachRow calls fn with the fields of each line of a TSV file but the comment lines (#).
func eachRow(r io.Reader, file string, n int, fn func([]string) error) error {
	s := bufio.NewScanner(r)
	line := 0
	for s.Scan() {
		line++
		t := s.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != n {
			return fmt.Errorf("preset data %s:%d: %d fields, want %d", file, line, len(f), n)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("preset data %s:%d: %v", file, line, err)
		}
	}
	if err := s.Err(); err != nil {
		return fmt.Errorf("preset data %s: %v", file, err)
	}
	return nil
}

// UnknownError is the error of a preset name that does not exist; [Names] lists those that do.
type UnknownError struct{ Name string }

func (e *UnknownError) Error() string {
	return fmt.Sprintf("no preset %q; the presets are %s", e.Name, strings.Join(Names(), ", "))
}
