package rollup

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

// Predecessor is a former unit that a unit of the roster took over, whole or in part (the 2025
// merger: 63 provinces into 34, communes merged or split). Last period's returns of predecessors are
// compared with this period's on the new map.
type Predecessor struct {
	Code  string
	Name  string  // the former unit's name, for people reading the roster
	Part  bool    // merged only in part
	Share float64 // the part taken over (0.4 for 40%); 0 for a part whose share is not yet known
}

// Whole reports whether the predecessor was taken over whole.
func (p Predecessor) Whole() bool { return !p.Part }

// Estimated reports whether last period's figures of this predecessor can only be estimated
// (a known share of a split unit).
func (p Predecessor) Estimated() bool { return p.Part && p.Share > 0 }

// UnmarshalYAML reads a predecessor as a code ("02") or as a mapping
// ({ma: "02125", ty_le: 40%}, or {ma: "02125", mot_phan: true} when the share is not yet known).
func (p *Predecessor) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		p.Code = normCode(n.Value)
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return strictyaml.Errorf(n.Line, msgPredecessorKind)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch k := n.Content[i].Value; k {
		case "ma", "ten", "mot_phan", "ty_le":
		default:
			return strictyaml.Errorf(n.Content[i].Line, msgPredecessorField, strictyaml.Quote(k))
		}
	}
	var m struct {
		Code  string `yaml:"ma"`
		Name  string `yaml:"ten"`
		Part  bool   `yaml:"mot_phan"`
		Share string `yaml:"ty_le"`
	}
	if err := n.Decode(&m); err != nil {
		return strictyaml.Errorf(n.Line, msgPredecessorFields)
	}
	p.Code, p.Name, p.Part = normCode(m.Code), m.Name, m.Part
	if m.Share != "" {
		s, ok := parseShare(m.Share)
		if !ok {
			return strictyaml.Errorf(n.Line, msgPredecessorShare, m.Code, strictyaml.Quote(m.Share))
		}
		p.Part, p.Share = s < 1, s
	}
	return nil
}

// parseShare reads "40%" or "40,5%" as 0.4 or 0.405: above 0 and at most 100%.
func parseShare(s string) (float64, bool) {
	t, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(t), ",", ".", 1), 64)
	if err != nil || v <= 0 || v > 100 || math.IsNaN(v) {
		return 0, false
	}
	return v / 100, true
}

// normCode is a unit code as every reader of codes takes it.
func normCode(s string) string { return ingest.NormalizeCode(s) }

// checkPredecessors checks the roster's predecessors: a whole predecessor is claimed by one unit
// only and not also in shares, and the shares of one former unit add up to at most 100%. Its
// errors are *strictyaml.Error at the line of the unit (lines[i] for units[i]) that makes the
// contradiction, and say how to settle it.
func checkPredecessors(units []rosterUnit, lines []int) error {
	whole := map[string]string{}
	shares := map[string]float64{}
	sharedBy := map[string][]string{}
	at := map[string]int{} // the line of the last unit naming a predecessor
	lineOf := func(i int) int {
		if i < len(lines) {
			return lines[i]
		}
		return 0
	}
	for i, u := range units {
		if len(u.Predecessors) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, p := range u.Predecessors {
			if p.Code == "" {
				return strictyaml.Errorf(lineOf(i), msgPredecessorNoCode, u.Code)
			}
			if seen[p.Code] {
				return strictyaml.Errorf(lineOf(i), msgPredecessorTwice, u.Code, p.Code)
			}
			seen[p.Code] = true
			at[p.Code] = lineOf(i)
			if p.Whole() {
				if other, dup := whole[p.Code]; dup {
					return strictyaml.Errorf(lineOf(i), msgPredecessorWholeTwice, p.Code, other, u.Code)
				}
				whole[p.Code] = u.Code
				continue
			}
			shares[p.Code] += p.Share
			sharedBy[p.Code] = append(sharedBy[p.Code], u.Code)
		}
	}
	codes := make([]string, 0, len(sharedBy))
	for c := range sharedBy {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		if u, dup := whole[c]; dup {
			return strictyaml.Errorf(at[c], msgPredecessorWholeShared, c, u, strings.Join(sharedBy[c], ", "), u)
		}
		if shares[c] > 1+1e-9 {
			sum := func(l lang.Lang) string { return lang.Percent(l, shares[c]) }
			return strictyaml.Errorf(at[c], msgSharesOver, c, sum, strings.Join(sharedBy[c], ", "))
		}
	}
	return nil
}
