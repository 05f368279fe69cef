package rollup

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/strictyaml"
)

// Cluster is an emulation cluster (cụm thi đua): a group of units compared with each other.
type Cluster struct {
	Code    string   `yaml:"ma"`
	Name    string   `yaml:"ten"`
	Members []string `yaml:"thanh_vien"`
}

// Roster lists the units expected to report, their parents, the clusters and the due date, and
// the former units each unit took over (its predecessors, across the 2025 merger).
type Roster struct {
	Due          time.Time
	Units        []ingest.Unit
	Clusters     []Cluster
	Predecessors map[string][]Predecessor // by unit code; only units that list some
	byCode       map[string]int

	mergedOnce sync.Once
	merged     map[string]bool // units whose counts of the map changed with the merger (Merged)

	indexOnce sync.Once
	idx       *rosterIndex // the tree of units by index (index)
}

type yamlRoster struct {
	Due      string       `yaml:"han_nop"`
	Units    []rosterUnit `yaml:"don_vi"`
	Clusters []Cluster    `yaml:"cum"`
}

// rosterUnit is a unit as a roster lists it.
type rosterUnit struct {
	ingest.Unit  `yaml:",inline"`
	Predecessors []Predecessor `yaml:"tien_than"`
}

// ParseRoster decodes a roster strictly and checks it: keys and kinds of values, unit codes of
// ASCII letters, digits, "-", "_" and "." (at most 64), every code once, parents and cluster
// members that exist, no cycle of parents, no unit twice in clusters. Its errors are
// *strictyaml.Error, with the line.
func ParseRoster(r io.Reader) (*Roster, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseRoster(data)
}

func parseRoster(data []byte) (*Roster, error) { return parseRosterBy(data, true) }

// parseRosterBy is parseRoster, with plainly written units read without the YAML library when
// flat (tests compare both ways).
func parseRosterBy(data []byte, flat bool) (*Roster, error) {
	y, top, ru, ok := decodeUnitsByPiece(data, flat)
	if !ok {
		// Not written as a plain list of units, or wrong somewhere: read it whole, which finds
		// the first mistake in the file.
		y = yamlRoster{}
		var err error
		if top, err = strictyaml.Decode(bytes.NewReader(data), &y); err != nil {
			return nil, err
		}
		ru = newReadUnits(len(y.Units))
		ru.lines = strictyaml.Lines(top, "don_vi")
		for i, u := range y.Units {
			ru.set(i, u)
		}
		y.Units = nil
	}
	unitLines := ru.lines
	clusterLines := strictyaml.Lines(top, "cum")
	ro := &Roster{Clusters: y.Clusters, Units: ru.units, byCode: make(map[string]int, len(ru.units))}
	// The units that list predecessors, in roster order, and their lines.
	at := slices.Sorted(maps.Keys(ru.preds))
	withPreds, predLines := make([]rosterUnit, len(at)), make([]int, len(at))
	for k, i := range at {
		withPreds[k], predLines[k] = rosterUnit{Unit: ru.units[i], Predecessors: ru.preds[i]}, unitLines[i]
	}
	if err := checkPredecessors(withPreds, predLines); err != nil {
		return nil, err
	}
	for _, u := range withPreds {
		if ro.Predecessors == nil {
			ro.Predecessors = map[string][]Predecessor{}
		}
		ro.Predecessors[ingest.NormalizeCode(u.Code)] = u.Predecessors
	}
	if y.Due != "" {
		d, err := time.Parse("2006-01-02", y.Due)
		if err != nil {
			return nil, strictyaml.Errorf(line(top, "han_nop"), msgBadDue, strictyaml.Quote(y.Due))
		}
		ro.Due = d
	}
	for i := range ro.Units {
		u := &ro.Units[i]
		u.Code, u.Name, u.Parent = ingest.NormalizeCode(u.Code), norm.NFC.String(u.Name), ingest.NormalizeCode(u.Parent)
		if u.Code == "" {
			return nil, strictyaml.Errorf(unitLines[i], msgUnitNoCode, i+1)
		}
		if err := checkCode(unitLines[i], u.Code); err != nil {
			return nil, err
		}
		if err := checkLevel(unitLines[i], u); err != nil {
			return nil, err
		}
		if first, dup := ro.byCode[u.Code]; dup {
			return nil, strictyaml.Errorf(unitLines[i], msgUnitTwice, u.Code, unitLines[first])
		}
		ro.byCode[u.Code] = i
	}
	for i, u := range ro.Units {
		if u.Parent != "" {
			if _, ok := ro.byCode[u.Parent]; !ok {
				return nil, ro.unknown(unitLines[i], u.Parent, msgUnknownParent, u.Code, strictyaml.Quote(u.Parent))
			}
		}
	}
	if err := ro.checkCycles(unitLines); err != nil {
		return nil, err
	}
	inCluster := map[string]string{}
	for i := range ro.Clusters {
		c := &ro.Clusters[i]
		c.Code, c.Name = ingest.NormalizeCode(c.Code), norm.NFC.String(c.Name)
		if err := checkCode(clusterLines[i], c.Code); err != nil {
			return nil, err
		}
		if _, clash := ro.byCode[c.Code]; clash {
			return nil, strictyaml.Errorf(clusterLines[i], msgClusterIsUnit, c.Code)
		}
		seen := map[string]bool{}
		for j, m := range c.Members {
			m = ingest.NormalizeCode(m)
			c.Members[j] = m
			if _, ok := ro.byCode[m]; !ok {
				return nil, ro.unknown(clusterLines[i], m, msgUnknownMember, c.Code, strictyaml.Quote(m))
			}
			if seen[m] {
				return nil, strictyaml.Errorf(clusterLines[i], msgMemberTwice, c.Code, m)
			}
			seen[m] = true
			if other, dup := inCluster[m]; dup {
				return nil, strictyaml.Errorf(clusterLines[i], msgUnitTwoClusters, m, other, c.Code)
			}
			inCluster[m] = c.Code
		}
	}
	return ro, nil
}

// readUnits are a roster's units as written, the line of each, and the predecessors of those
// that list some (by index).
type readUnits struct {
	units []ingest.Unit
	lines []int
	mu    sync.Mutex
	preds map[int][]Predecessor
}

func newReadUnits(n int) *readUnits {
	return &readUnits{units: make([]ingest.Unit, n), lines: make([]int, n)}
}

// set sets the i-th unit (but for its line).
func (ru *readUnits) set(i int, u rosterUnit) {
	ru.units[i] = u.Unit
	if len(u.Predecessors) > 0 {
		ru.mu.Lock()
		if ru.preds == nil {
			ru.preds = map[int][]Predecessor{}
		}
		ru.preds[i] = u.Predecessors
		ru.mu.Unlock()
	}
}

// decodeUnitsByPiece decodes a roster whose units are written one after another under don_vi
// (as every roster is), a few thousand units at a time on every CPU, without holding the YAML
// nodes of all 200,000 at once or decoding them twice (when flat, the units written plainly
// without the YAML library: strictyaml.FlatItems). It checks what strictyaml.Decode checks;
// ok is false when the roster is written otherwise or has a mistake, for Decode to name.
func decodeUnitsByPiece(data []byte, flat bool) (y yamlRoster, top *yaml.Node, ru *readUnits, ok bool) {
	unitType := reflect.TypeFor[rosterUnit]()
	list := strictyaml.List{Key: "don_vi", Start: func(n int) { ru = newReadUnits(n) }}
	// Units written plainly (almost all) are read without the YAML library; FlatItems leaves any
	// other piece to the YAML library, which reads its units again.
	if flat {
		list.Fast = func(first int, src []byte, line, n int) bool {
			i := first
			return strictyaml.FlatItems(string(src), line, func(line int, fields []strictyaml.Field) bool {
				if i == first+n {
					return false
				}
				u := &ru.units[i]
				*u = ingest.Unit{}
				for _, f := range fields {
					switch f.Key {
					case "ma":
						u.Code = f.Value
					case "ten":
						u.Name = f.Value
					case "cap":
						u.Level = f.Value
					case "cap_tren":
						u.Parent = f.Value
					default:
						return false // predecessors, or a key that Check names
					}
				}
				ru.lines[i] = line
				i++
				return true
			}) && i == first+n
		}
	}
	list.Each = func(first int, items []*yaml.Node) error {
		for k, it := range items {
			if err := strictyaml.Check(it, unitType); err != nil {
				return err
			}
			var u rosterUnit
			if err := decodeUnit(it, &u); err != nil {
				return err
			}
			ru.set(first+k, u)
			ru.lines[first+k] = it.Line
		}
		return nil
	}
	top, ok = strictyaml.ParseList(data, list)
	if !ok || strictyaml.Check(top, reflect.TypeFor[yamlRoster]()) != nil || top.Decode(&y) != nil {
		return y, nil, nil, false
	}
	return y, top, ru, true
}

// decodeUnit is n.Decode(u) for a unit checked by strictyaml.Check, without reflection for
// the plain values that make almost every unit.
func decodeUnit(n *yaml.Node, u *rosterUnit) error {
	if n.Kind != yaml.MappingNode {
		return n.Decode(u)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var field *string
		switch k.Value {
		case "ma":
			field = &u.Code
		case "ten":
			field = &u.Name
		case "cap":
			field = &u.Level
		case "cap_tren":
			field = &u.Parent
		}
		if field == nil || !plain(k) || k.Tag != "!!str" || !plain(v) {
			*u = rosterUnit{} // predecessors, aliases, tags, empty values: as the YAML library reads them
			return n.Decode(u)
		}
		*field = v.Value
	}
	return nil
}

// plain is a scalar that decodes into a string as it is written.
func plain(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Style&yaml.TaggedStyle == 0 && n.Tag != "!!null"
}

// checkCode is ingest.CheckCode at a line of the roster.
func checkCode(line int, code string) error {
	if err := ingest.CheckCode(code); err != nil {
		return &strictyaml.Error{Line: line, Vi: err.Vi, En: err.En}
	}
	return nil
}

// checkCycles walks every unit's chain of parents once: linear in the number of units.
func (ro *Roster) checkCycles(lines []int) error {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int8, len(ro.Units))
	var path []int
	for start := range ro.Units {
		path = path[:0]
		i := start
		for i >= 0 && state[i] == unseen {
			state[i] = onPath
			path = append(path, i)
			i = ro.parentIndex(i)
		}
		if i >= 0 && state[i] == onPath {
			var chain []string
			for k := slices.Index(path, i); k < len(path); k++ {
				chain = append(chain, ro.Units[path[k]].Code)
			}
			chain = append(chain, ro.Units[i].Code)
			return strictyaml.Errorf(lines[i], msgParentCycle, strings.Join(chain, " → "))
		}
		for _, k := range path {
			state[k] = done
		}
	}
	return nil
}

func (ro *Roster) parentIndex(i int) int {
	p := ro.Units[i].Parent
	if p == "" {
		return -1
	}
	return ro.byCode[p]
}

// unknown is an error about a code the roster does not have, with the nearest one it has.
func (ro *Roster) unknown(line int, code string, m lang.Msg, a ...any) error {
	return strictyaml.Errorf(line, m, a...).DidYouMean(ro.Nearest(code))
}

// Nearest is the roster's unit code closest to code ("" when none is close).
func (ro *Roster) Nearest(code string) string {
	return lang.Nearest(code, ro.Codes())
}

func line(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return m.Line
}

// ingest.Unit looks a unit up by code.
func (ro *Roster) Unit(code string) (ingest.Unit, bool) {
	if ro == nil {
		return ingest.Unit{}, false
	}
	i, ok := ro.byCode[code]
	if !ok {
		return ingest.Unit{}, false
	}
	return ro.Units[i], true
}

// Cluster looks a cluster up by code.
func (ro *Roster) Cluster(code string) (Cluster, bool) {
	if ro == nil {
		return Cluster{}, false
	}
	for _, c := range ro.Clusters {
		if c.Code == code {
			return c, true
		}
	}
	return Cluster{}, false
}

// CheckReturns flags returns of units the roster does not list. Such a return is rejected: it is
// never in the totals.
func (ro *Roster) CheckReturns(b *ingest.Batch) {
	if ro == nil {
		return
	}
	unknown := map[*ingest.Return]bool{}
	for i := range b.Files {
		r := b.Files[i].Return
		if r == nil || b.Files[i].Status == ingest.StatusSkipped || b.Files[i].Status == ingest.StatusRejected {
			continue
		}
		if _, ok := ro.byCode[r.Unit.Code]; ok {
			continue
		}
		code := lang.Printable(r.Unit.Code)
		p := ingest.NewProblem(ingest.Error, ingest.CodeUnknownUnit, "", ingest.MsgUnknownUnit, code)
		p.File, p.Unit, p.Sheet = r.File, r.Unit.Code, ingest.SheetInfo
		b.Problems = append(b.Problems, p)
		b.Files[i].Problems++
		b.Files[i].Status = ingest.StatusRejected
		unknown[r] = true
	}
	if len(unknown) == 0 {
		return
	}
	kept := b.Returns[:0]
	for _, r := range b.Returns {
		if !unknown[r] {
			kept = append(kept, r)
		}
	}
	b.Returns = kept
}

// Codes lists the roster's unit codes.
func (ro *Roster) Codes() []string {
	if ro == nil {
		return nil
	}
	codes := make([]string, len(ro.Units))
	for i, u := range ro.Units {
		codes[i] = u.Code
	}
	return codes
}

// ReadRoster reads a roster file; its errors name the file and line, in both languages
// (*lang.Error).
func ReadRoster(path string) (*Roster, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, msgCannotOpen.Errorf(err)
	}
	ro, err := parseRoster(data)
	if err != nil {
		var se *strictyaml.Error
		if errors.As(err, &se) {
			return nil, se.In(path)
		}
		return nil, msgFileError.Errorf(path, err)
	}
	return ro, nil
}

// checkLevel refuses a level that is not one of the catalogue's codes (tinh, huyen, xa, chi_hoi…),
// naming the nearest: a typo would otherwise be written into every template of the unit.
func checkLevel(line int, u *ingest.Unit) error {
	cat := ingest.DefaultCatalogue()
	if u.Level == "" {
		return nil
	}
	if _, ok := cat.Level(u.Level); ok {
		return nil
	}
	var codes []string
	for _, l := range cat.Levels {
		codes = append(codes, l.Code)
	}
	near := ""
	if n := lang.Nearest(u.Level, codes); n != "" {
		near = n
	}
	return strictyaml.Errorf(line, msgUnknownLevel, u.Code, strictyaml.Quote(u.Level), strings.Join(codes, ", ")).DidYouMean(near)
}
