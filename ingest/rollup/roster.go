package rollup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
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

// ParseRoster decodes a roster strictly and checks it: every code once, parents and cluster members
// that exist, no cycle of parents, no unit in two clusters.
func ParseRoster(r io.Reader) (*Roster, error) {
	var y yamlRoster
	if err := ingest.DecodeYAML(r, &y); err != nil {
		return nil, lang.Errorf("không đọc được danh sách đơn vị: %v", "decode roster: %v", err)
	}
	ro := &Roster{Clusters: y.Clusters, byCode: map[string]int{}}
	if err := checkPredecessors(y.Units); err != nil {
		return nil, err
	}
	for _, u := range y.Units {
		ro.Units = append(ro.Units, u.Unit)
		if len(u.Predecessors) > 0 {
			if ro.Predecessors == nil {
				ro.Predecessors = map[string][]Predecessor{}
			}
			ro.Predecessors[strings.TrimSpace(u.Code)] = u.Predecessors
		}
	}
	if y.Due != "" {
		d, err := time.Parse("2006-01-02", y.Due)
		if err != nil {
			return nil, lang.Errorf("han_nop %q: hãy ghi ngày dạng 2024-12-15", "han_nop %q: want a date like 2024-12-15", y.Due)
		}
		ro.Due = d
	}
	for i := range ro.Units {
		u := &ro.Units[i]
		u.Code, u.Name, u.Parent = ingest.NormalizeCode(u.Code), norm.NFC.String(u.Name), ingest.NormalizeCode(u.Parent)
		if u.Code == "" {
			return nil, lang.Errorf("đơn vị thứ %d trong don_vi không có ma (mã)", "don_vi #%d has no ma (code)", i+1)
		}
		if _, dup := ro.byCode[u.Code]; dup {
			return nil, lang.Errorf("đơn vị %s được liệt kê hai lần", "unit %s is listed twice", u.Code)
		}
		ro.byCode[u.Code] = i
	}
	for _, u := range ro.Units {
		if u.Parent != "" {
			if _, ok := ro.byCode[u.Parent]; !ok {
				return nil, lang.Errorf("đơn vị %s: cấp trên %s không có trong danh sách", "unit %s: parent %s is not in the roster", u.Code, u.Parent)
			}
		}
	}
	for _, u := range ro.Units {
		seen := map[string]bool{u.Code: true}
		path := []string{u.Code}
		for p := u.Parent; p != ""; p = ro.Units[ro.byCode[p]].Parent {
			path = append(path, p)
			if seen[p] {
				chain := strings.Join(path, " → ")
				return nil, lang.Errorf("các cấp trên tạo thành vòng lặp: %s", "parents go round in a cycle: %s", chain)
			}
			seen[p] = true
		}
	}
	inCluster := map[string]string{}
	for i := range ro.Clusters {
		c := &ro.Clusters[i]
		c.Code, c.Name = ingest.NormalizeCode(c.Code), norm.NFC.String(c.Name)
		for j, m := range c.Members {
			c.Members[j] = ingest.NormalizeCode(m)
		}
		if _, clash := ro.byCode[c.Code]; clash {
			return nil, lang.Errorf("cụm %s trùng mã với một đơn vị", "cluster %s has the code of a unit", c.Code)
		}
		for _, m := range c.Members {
			if _, ok := ro.byCode[m]; !ok {
				return nil, lang.Errorf("cụm %s: thành viên %s không có trong danh sách đơn vị", "cluster %s: member %s is not a unit of the roster", c.Code, m)
			}
			if other, dup := inCluster[m]; dup {
				return nil, lang.Errorf("đơn vị %s thuộc hai cụm, %s và %s", "unit %s is in two clusters, %s and %s", m, other, c.Code)
			}
			inCluster[m] = c.Code
		}
	}
	return ro, nil
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
		code := ingest.Printable(r.Unit.Code)
		p := ingest.NewProblem(ingest.Error, ingest.CodeUnknownUnit, "",
			fmt.Sprintf("mã đơn vị %s không có trong danh sách đơn vị nên báo cáo không được tính; hãy sửa mã ở trang «Thông tin» hoặc bổ sung đơn vị vào danh sách", code),
			fmt.Sprintf("unit code %s is not in the roster, so the return is not counted; correct the code on the «Thông tin» sheet or add the unit to the roster", code))
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

// ReadRoster reads a roster file; its errors name the file, in both languages (*lang.Error).
func ReadRoster(path string) (*Roster, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, lang.Errorf("không mở được danh sách đơn vị: %v", "roster: %v", err)
	}
	defer fh.Close()
	ro, err := ParseRoster(fh)
	if err != nil {
		var le *lang.Error
		if errors.As(err, &le) {
			return nil, &lang.Error{Vi: path + ": " + le.Vi, En: path + ": " + le.En}
		}
		return nil, lang.Errorf("%s: %v", "%s: %v", path, err)
	}
	return ro, nil
}
