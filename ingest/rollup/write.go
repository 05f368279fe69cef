package rollup

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/preset"
)

// FromPreset is a built-in roster: "tinh-2025" (the 34 provinces with the 63 former ones as
// predecessors), "tinh-2024" (the 63), "xa-2025" (one province's communes with their former
// communes, from the National Statistics Office's conversion table of July 2025) or "xa-2024" (the
// former map of one province: former provinces, districts, communes).
func FromPreset(name, province string) (*Roster, error) {
	switch {
	case !slices.Contains(preset.Names(), name):
		return nil, msgNoPreset.Errorf(name, strings.Join(preset.Names(), ", ")).DidYouMean(lang.Nearest(name, preset.Names()))
	case (name == preset.Provinces2025 || name == preset.Provinces2024) && strings.TrimSpace(province) != "":
		return nil, msgPresetWholeCountry.Errorf(name, strings.TrimSpace(province), strings.TrimSpace(province))
	}
	units, err := preset.Roster(name, province)
	if err != nil {
		var pe *preset.ProvinceError
		switch {
		case errors.As(err, &pe) && pe.Code == "":
			return nil, msgPresetNeedsProvince.Errorf(name, strings.Join(pe.Valid, ", "))
		case errors.As(err, &pe) && pe.NewCode != "":
			return nil, msgFormerProvince.Errorf(pe.Code, pe.NewCode, pe.NewCode)
		case errors.As(err, &pe):
			return nil, msgNoProvince.Errorf(pe.Code, strings.Join(pe.Nearest, ", "), strings.Join(pe.Valid, ", "))
		}
		var ue *preset.UnknownError
		if errors.As(err, &ue) {
			return nil, msgNoPresetNamed.Errorf(ue.Name, strings.Join(preset.Names(), ", "))
		}
		return nil, msgPresetError.Errorf(err, strings.Join(preset.Names(), ", "))
	}
	ro := &Roster{byCode: map[string]int{}, Predecessors: map[string][]Predecessor{}}
	add := func(u ingest.Unit, preds []preset.Predecessor) {
		ro.byCode[u.Code] = len(ro.Units)
		ro.Units = append(ro.Units, u)
		for _, p := range preds {
			ro.Predecessors[u.Code] = append(ro.Predecessors[u.Code], Predecessor{Code: p.Code, Name: p.Name, Part: p.Part})
		}
	}
	if name == preset.Communes2025 || name == preset.Communes2024 {
		add(ingest.Unit{Code: preset.RootCode, Name: preset.RootName, Level: preset.LevelCentral}, nil)
	}
	for _, u := range units {
		add(ingest.Unit{Code: u.Code, Name: u.Name, Level: u.Level, Parent: u.Parent}, u.Predecessors)
	}
	return ro, nil
}

// WriteRoster writes the roster as a file that ParseRoster reads back, one unit a line, with the
// comment lines first.
func WriteRoster(w io.Writer, comment []string, ro *Roster) error {
	bw := bufio.NewWriter(w)
	for _, c := range comment {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	if !ro.Due.IsZero() {
		fmt.Fprintf(bw, "han_nop: %s\n", ro.Due.Format("2006-01-02"))
	}
	bw.WriteString("don_vi:\n")
	for _, u := range ro.Units {
		fmt.Fprintf(bw, "  - {ma: %s, ten: %s", quote(u.Code), quote(u.Name))
		if u.Level != "" {
			fmt.Fprintf(bw, ", cap: %s", u.Level)
		}
		if u.Parent != "" {
			fmt.Fprintf(bw, ", cap_tren: %s", quote(u.Parent))
		}
		if preds := ro.Predecessors[u.Code]; len(preds) > 0 {
			bw.WriteString(", tien_than: [")
			for i, p := range preds {
				if i > 0 {
					bw.WriteString(", ")
				}
				switch {
				case p.Whole() && p.Name == "":
					bw.WriteString(quote(p.Code))
				case p.Whole():
					fmt.Fprintf(bw, "{ma: %s, ten: %s}", quote(p.Code), quote(p.Name))
				case p.Share > 0:
					fmt.Fprintf(bw, "{ma: %s, ten: %s, ty_le: %s}", quote(p.Code), quote(p.Name), quote(strconv.FormatFloat(p.Share*100, 'f', -1, 64)+"%"))
				default:
					fmt.Fprintf(bw, "{ma: %s, ten: %s, mot_phan: true}", quote(p.Code), quote(p.Name))
				}
			}
			bw.WriteString("]")
		}
		bw.WriteString("}\n")
	}
	if len(ro.Clusters) > 0 {
		bw.WriteString("cum:\n")
		for _, c := range ro.Clusters {
			q := make([]string, len(c.Members))
			for i, m := range c.Members {
				q[i] = quote(m)
			}
			fmt.Fprintf(bw, "  - {ma: %s, ten: %s, thanh_vien: [%s]}\n", quote(c.Code), quote(c.Name), strings.Join(q, ", "))
		}
	}
	return bw.Flush()
}

// quote writes a YAML double-quoted string: codes stay strings ("02", not 2).
func quote(s string) string { return strconv.Quote(s) }
