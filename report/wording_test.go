package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// Every placeholder of wording.yaml names a figure of the catalogue or a fact its section gives:
// a typo would otherwise silently drop the sentence.
func TestWordingNamesKnownFigures(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	w := defaultWording()
	facts := map[string][]string{
		"targets":     {"period", "scope", "met", "count", "missed"},
		"units":       {"figure", "count", "level", "met", "met_names", "missed_count", "missed", "all_met", "none_met", "nodata"},
		"ranking":     {"figure"},
		"submissions": {"date", "expected", "missing", "late", "returns", "covered", "level", "blanks"},
		"coverage":    {"covered", "expected", "uncovered", "level", "section"},
	}
	var known func(kind string, group *ingest.Group, name string) bool
	known = func(kind string, group *ingest.Group, name string) bool {
		name, format, _ := strings.Cut(name, "|")
		switch format {
		case "", "money", "lower", "num", "den", "parts", "cap":
		default:
			return false
		}
		for _, f := range facts[kind] {
			if name == f {
				return true
			}
		}
		switch name {
		case "list", "units", "name", "compared", "whole", "members", "this_period":
			return true
		case "unit":
			return group != nil
		}
		if rest, ok := strings.CutPrefix(name, "delta:"); ok {
			for _, code := range strings.Split(rest, ",") {
				if !known(kind, group, code) {
					return false
				}
			}
			return true
		}
		name = strings.TrimPrefix(strings.TrimPrefix(name, "change:"), "vs:")
		if strings.HasPrefix(name, ".") {
			if group == nil {
				return false
			}
			name = group.Code + name
		}
		_, ok := cat.Figure(name)
		return ok
	}
	groupsOf := func(each string) []*ingest.Group {
		var groups []*ingest.Group
		switch each {
		case "model":
			for j := range cat.Models {
				groups = append(groups, &cat.Models[j])
			}
		case "coverage":
			for j := range cat.Coverage {
				groups = append(groups, &cat.Coverage[j])
			}
		default:
			groups = []*ingest.Group{nil}
		}
		return groups
	}
	var check func(where, kind string, group *ingest.Group, c clause)
	check = func(where, kind string, group *ingest.Group, c clause) {
		for _, tpl := range []string{c.Vi, c.En} {
			for _, p := range split(tpl) {
				if p.placeholder && !known(kind, group, p.text) {
					t.Errorf("%s: {%s} is neither a figure nor a fact of the section", where, p.text)
				}
			}
		}
		if c.Units != nil && c.Units.Figure != "" && !known(kind, group, c.Units.Figure) {
			t.Errorf("%s: units of %s, which is not a figure", where, c.Units.Figure)
		}
		for _, list := range [][]clause{c.Cases, c.List, c.More} {
			for _, k := range list {
				if k.Each == "" || group != nil {
					check(where, kind, group, k)
					continue
				}
				for _, g := range groupsOf(k.Each) {
					check(where, kind, g, k)
				}
			}
		}
	}
	for _, s := range w.Sections {
		for i, c := range s.Sentences {
			where := fmt.Sprintf("%s sentence %d", s.Code, i+1)
			for _, g := range groupsOf(c.Each) {
				check(where, s.Kind, g, c)
			}
		}
		for i, c := range s.Units {
			check(fmt.Sprintf("%s units %d", s.Code, i+1), "units", nil, c)
		}
		for _, hp := range s.Parts.Parts {
			for _, code := range hp.Figures {
				if !known("", nil, code) {
					t.Errorf("%s: heading part %s names %s, which is not in the catalogue", s.Code, hp.Vi, code)
				}
			}
		}
		if s.Kind == "models" {
			for j := range cat.Models {
				for _, r := range s.Rates {
					check(s.Code+" rates", s.Kind, &cat.Models[j], clause{words: r})
				}
			}
		}
		if code := s.Chart.Figure; code != "" && !known("", nil, code) {
			t.Errorf("%s: the chart's figure %s is not in the catalogue", s.Code, code)
		}
		for _, code := range s.By {
			if rest, ok := strings.CutPrefix(code, "{model}"); ok {
				code = cat.Models[0].Code + rest
			}
			if !known("", nil, code) {
				t.Errorf("%s: ranked by %s, which is not in the catalogue", s.Code, code)
			}
		}
	}
	check("coverage", "coverage", nil, w.Coverage)
	for _, c := range w.Appendix.Columns {
		if !known("", nil, c.Figure) {
			t.Errorf("appendix: column %s is not in the catalogue", c.Figure)
		}
	}
	for code := range w.Short {
		if !known("", nil, code) {
			t.Errorf("short: %s is not in the catalogue", code)
		}
	}
	if _, ok := cat.Figure(cat.Models[0].Code + "." + w.ModelRate); !ok {
		t.Errorf("model_rate: %s is not a learning model's figure", w.ModelRate)
	}
}

// A wording with a key it does not know is refused.
func TestWordingIsStrict(t *testing.T) {
	_, err := parseWording(strings.NewReader("sections:\n  - code: x\n    kind: figures\n    sentence: []\n"))
	if err == nil || !strings.Contains(err.Error(), "sentence") {
		t.Errorf("err = %v, want the unknown key named", err)
	}
	_, err = parseWording(strings.NewReader("sections:\n  - code: x\n    kind: essay\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown kind "essay"`) {
		t.Errorf("err = %v, want the unknown kind named", err)
	}
}
