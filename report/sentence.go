package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// speaker writes the clauses of wording.yaml from the figures: it knows the facts, the group a
// sentence is told for, the figure of a default sentence, and the section's own words.
type speaker struct {
	f     *Facts
	group *ingest.Group     // {.tong}, {name}: the learning model or coverage group
	fig   *ingest.Figure    // {label}, {value}: the figure of a default sentence
	vars  map[string]string // the section's facts ({scope}, {met}, …); absent means not available
	units *ingest.Figure    // the figure of a {units} list that names none

	// What the sentence being written has said: last period's name ({change:…}, {vs:…}), and the
	// denominators it gave ({X|den}), which {Y|parts} does not repeat.
	compared bool
	dens     map[int64]bool
}

// sentence is a whole sentence: the clause, with a full stop.
func (s *speaker) sentence(c clause) (*Paragraph, bool) {
	s.compared, s.dens = false, nil
	runs, ok := s.clause(c)
	if !ok {
		return nil, false
	}
	return &Paragraph{Runs: append(runs, Run{Text: "."})}, true
}

// clause writes a clause, or says that it cannot be written (a figure it cites is not available).
func (s *speaker) clause(c clause) ([]Run, bool) {
	var runs []Run
	if len(c.Cases) > 0 {
		ok := false
		for _, k := range c.Cases {
			if runs, ok = s.clause(k); ok {
				break
			}
		}
		if !ok {
			return nil, false
		}
	} else {
		var ok bool
		tpl := c.in(s.f.Lang)
		if runs, ok = s.template(tpl, c); !ok {
			return nil, false
		}
		if note := s.partial(tpl); note != "" {
			runs = append(runs, Run{Text: note})
		}
	}
	for _, m := range c.More {
		if more, ok := s.clause(m); ok {
			runs = append(runs, more...)
		}
	}
	return runs, true
}

// template fills a template's placeholders; {list} and {units} come from the clause.
func (s *speaker) template(tpl string, c clause) ([]Run, bool) {
	var runs []Run
	for _, piece := range split(tpl) {
		if !piece.placeholder {
			runs = append(runs, Run{Text: piece.text})
			continue
		}
		var more []Run
		var ok bool
		switch piece.text {
		case "list":
			more, ok = s.list(c)
		case "units":
			more, ok = s.unitList(c.Units)
		default:
			var r Run
			r, ok = s.placeholder(piece.text)
			more = []Run{r}
		}
		if !ok {
			return nil, false
		}
		runs = append(runs, more...)
	}
	return runs, true
}

// piece is a template's literal text, or the name inside a placeholder's braces.
type piece struct {
	text        string
	placeholder bool
}

// split cuts a template into literal text and placeholders.
func split(tpl string) []piece {
	var out []piece
	for tpl != "" {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			return append(out, piece{text: tpl})
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			return append(out, piece{text: tpl})
		}
		if i > 0 {
			out = append(out, piece{text: tpl[:i]})
		}
		out = append(out, piece{text: tpl[i+1 : i+j], placeholder: true})
		tpl = tpl[i+j+1:]
	}
	return out
}

// list is {list}: the items that can be written, joined by join, the last by last (when given).
func (s *speaker) list(c clause) ([]Run, bool) {
	var items [][]Run
	for _, item := range c.List {
		if item.Each == "" {
			if r, ok := s.clause(item); ok {
				items = append(items, r)
			}
			continue
		}
		// An item told once per group: the sentence's speaker, for each group in turn.
		group := s.group
		for _, g := range s.f.speakers(item) {
			s.group = g.group
			if r, ok := s.clause(item); ok {
				items = append(items, r)
			}
		}
		s.group = group
	}
	var runs []Run
	for i, r := range items {
		switch {
		case i == 0:
		case i == len(items)-1 && c.Last.in(s.f.Lang) != "":
			runs = append(runs, Run{Text: c.Last.in(s.f.Lang)})
		default:
			runs = append(runs, Run{Text: c.Join.in(s.f.Lang)})
		}
		runs = append(runs, r...)
	}
	return runs, len(runs) > 0
}

// placeholder is the value of one placeholder.
func (s *speaker) placeholder(name string) (Run, bool) {
	l := s.f.Lang
	if v, ok := s.vars[name]; ok {
		return Run{Text: v}, true
	}
	name, format, _ := strings.Cut(name, "|")
	if code, ok := strings.CutPrefix(name, "change:"); ok {
		text := s.change(code)
		s.compared = s.compared || text != ""
		return Run{Text: text, Figure: s.code(code)}, true
	}
	if code, ok := strings.CutPrefix(name, "vs:"); ok {
		return Run{Text: s.vs(code), Figure: s.code(code)}, true
	}
	if codes, ok := strings.CutPrefix(name, "delta:"); ok {
		return Run{Text: s.deltas(strings.Split(codes, ","))}, true
	}
	if name == "compared" {
		pp, ok := s.f.previousName()
		if p := s.f.prevNode(s.f.Scope().Unit.Code); p == nil || !p.HasData() {
			ok = false // nothing of the scope to compare with
		}
		return Run{Text: fill(s.f.words.Change.Compare.in(l), map[string]string{"period": pp})}, ok
	}
	switch name {
	case "this_period":
		p := PeriodLabel(l, s.f.Period)
		if format == "cap" {
			p = upperFirst(p)
		}
		return Run{Text: p}, true
	case "whole":
		w := s.f.whole()
		if format == "lower" {
			w = lowerFirst(w)
		}
		return Run{Text: w}, true
	case "members":
		m, ok := s.f.members()
		if format == "lower" {
			m = lowerFirst(m)
		}
		return Run{Text: m}, ok
	case "unit":
		if s.group == nil || len(s.group.Parts) == 0 {
			return Run{}, false
		}
		u := s.group.Parts[0].Unit(l)
		return Run{Text: u}, u != ""
	case "name":
		if s.group == nil {
			return Run{}, false
		}
		n := l.Text(s.group.Vi, s.group.En)
		if format == "lower" {
			n = lowerFirst(n)
		}
		return Run{Text: n}, true
	case "label":
		if s.fig == nil {
			return Run{}, false
		}
		return Run{Text: s.fig.Label(l)}, true
	case "value":
		if s.fig == nil {
			return Run{}, false
		}
		return s.value(s.fig, "unit")
	}
	fig := s.figure(name)
	if fig == nil {
		return Run{}, false
	}
	return s.value(fig, format)
}

// partial is " (số liệu của 3/5 xã)" when a figure the template states covers fewer units than
// the report's figures as a whole (said once at the head of the results; for several figures,
// the least covered); empty otherwise.
func (s *speaker) partial(tpl string) string {
	t := s.f.Scope().Totals
	base := s.f.covered()
	least := base
	for _, p := range split(tpl) {
		if !p.placeholder {
			continue
		}
		name, _, _ := strings.Cut(p.text, "|")
		var fig *ingest.Figure
		switch {
		case name == "value":
			fig = s.fig
		case strings.HasPrefix(name, "change:"), strings.HasPrefix(name, "vs:"), strings.HasPrefix(name, "delta:"), s.vars[name] != "":
		case name == "name", name == "label", name == "list", name == "units", name == "whole", name == "members", name == "unit", name == "this_period":
		default:
			fig = s.figure(name)
		}
		if fig != nil {
			least = min(least, t.Reported(fig))
		}
	}
	if least >= base {
		return ""
	}
	return fill(s.f.words.Partial.in(s.f.Lang), map[string]string{
		"reported": fmt.Sprint(least), "expected": fmt.Sprint(t.Expected), "level": LevelWord(s.f.Lang, s.f.Catalogue, s.f.Tree.Completeness().Level),
	})
}

// figure is the figure a placeholder names: a code, or .part of the sentence's group.
func (s *speaker) figure(name string) *ingest.Figure {
	if name == "" {
		return s.fig
	}
	if strings.HasPrefix(name, ".") {
		if s.group == nil {
			return nil
		}
		name = s.group.Code + name
	}
	return s.f.figure(name)
}

// value is the scope's value of a figure, in the format: the figure's own (empty), "money"
// (191,2 tỷ đồng) or "unit" (with the unit of measure).
func (s *speaker) value(f *ingest.Figure, format string) (Run, bool) {
	v, ok := s.f.Scope().Totals.Get(f)
	if !ok {
		return Run{}, false
	}
	if format == "num" || format == "den" || format == "parts" {
		// The run states the part, so that it is known as that figure («1.934.742» is cong_nhan).
		num, den, _ := s.f.Scope().Totals.Parts(f)
		switch {
		case format == "den":
			if s.dens == nil {
				s.dens = map[int64]bool{}
			}
			s.dens[den] = true
			return Run{Text: lang.Int(s.f.Lang, den), Figure: f.Den}, true
		case format == "parts" && !s.dens[den]:
			return Run{Text: lang.Int(s.f.Lang, num) + "/" + lang.Int(s.f.Lang, den), Figure: f.Num}, true
		}
		return Run{Text: lang.Int(s.f.Lang, num), Figure: f.Num}, true
	}
	return Run{Text: formatValue(s.f.Lang, f, v, format), Figure: f.Code}, true
}

func formatValue(l lang.Lang, f *ingest.Figure, v float64, format string) string {
	switch {
	case format == "money" || format == "unit" && f.Kind == ingest.Money:
		return lang.Money(l, v)
	case format == "million":
		return lang.Decimal(l, v/1e6, 1)
	case format == "unit" && f.Kind != ingest.Percent && f.Unit(l) != "":
		return f.Format(l, v) + " " + f.Unit(l)
	}
	return f.Format(l, v)
}

// change is ", so với năm 2023 tăng 77.086 hội viên": the scope's figure against last period (empty
// without a previous value).
func (s *speaker) change(code string) string {
	w := s.f.words.Change
	fig, diff, over, ok := s.difference(code)
	if !ok {
		return ""
	}
	pp, _ := s.f.previousName()
	vars := map[string]string{"period": pp}
	if diff == 0 {
		return fill(w.Same.in(s.f.Lang), vars) + over
	}
	vars["direction"], vars["amount"] = s.f.moved(fig, diff, true)
	return fill(w.Moved.in(s.f.Lang), vars) + over
}

// vs is " (tăng 116 chi hội so với năm 2023)": a figure's change in brackets, naming last period
// the first time the sentence compares (" (tăng 20 ban)" after); empty without a previous value
// or when the figure did not move. An empty code is the default sentence's figure.
func (s *speaker) vs(code string) string {
	fig, diff, over, ok := s.difference(code)
	if !ok || diff == 0 {
		return "" // a figure that did not move is not worth a bracket
	}
	w := s.f.words.Change
	pp, _ := s.f.previousName()
	dir, amount := s.f.moved(fig, diff, true)
	if s.compared {
		return fill(w.Delta.in(s.f.Lang), map[string]string{"changes": dir + " " + amount}) + over
	}
	s.compared = true
	return fill(w.Vs.in(s.f.Lang), map[string]string{"period": pp, "direction": dir, "amount": amount}) + over
}

// deltas is " (tăng 105.687 gia đình, tăng 4 điểm phần trăm)": the changes of figures in one
// bracket, for a sentence whose comparison is said once elsewhere; the figures without a
// previous value are left out, and with none of them it is empty.
func (s *speaker) deltas(codes []string) string {
	var parts []string
	over := ""
	for _, code := range codes {
		fig, diff, o, ok := s.difference(strings.TrimSpace(code))
		if !ok {
			continue
		}
		if diff == 0 {
			parts = append(parts, s.f.words.Change.Unchanged.in(s.f.Lang))
		} else {
			dir, amount := s.f.moved(fig, diff, true)
			parts = append(parts, dir+" "+amount)
		}
		if over == "" {
			over = o
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fill(s.f.words.Change.Delta.in(s.f.Lang), map[string]string{"changes": strings.Join(parts, ", ")}) + over
}

// code is the figure code a placeholder names (a code, .part of the group, or the default
// sentence's figure when empty).
func (s *speaker) code(name string) string {
	if fig := s.figure(name); fig != nil {
		return fig.Code
	}
	return ""
}

// difference is the scope's figure (a code, or .part of the sentence's group) this period less
// last period's, over the units that reported it in both periods; over says so when that is not
// all of them (" (tính trên 3/4 đơn vị báo cáo cả hai kỳ)").
func (s *speaker) difference(code string) (fig *ingest.Figure, diff float64, over string, ok bool) {
	f := s.f
	fig = s.figure(code)
	if fig == nil || f.previous == nil {
		return nil, 0, "", false
	}
	c := f.changes[fig.Code]
	if !c.OK {
		return nil, 0, "", false
	}
	if c.Partial() {
		over = fill(f.words.Change.Over.in(f.Lang), map[string]string{"compared": fmt.Sprint(c.Units), "of": fmt.Sprint(c.Of)})
	}
	return fig, c.Diff(), over, true
}

// moved is how a change is said: its direction ("tăng", "giảm") and its amount — in the figure's
// unit when withUnit, money in words, a rate in percentage points.
func (f *Facts) moved(fig *ingest.Figure, diff float64, withUnit bool) (direction, amount string) {
	w := f.words.Change
	direction = w.Up.in(f.Lang)
	if diff < 0 {
		direction = w.Down.in(f.Lang)
	}
	d := math.Abs(diff)
	switch {
	case fig.Kind == ingest.Percent:
		amount = trimDecimals(f.Lang, lang.Decimal(f.Lang, d*100, 2)) + " " + w.Points.in(f.Lang)
	case fig.Kind == ingest.Money:
		amount = lang.Money(f.Lang, d)
	default:
		amount = lang.Int(f.Lang, int64(math.Round(d)))
		if u := fig.Unit(f.Lang); withUnit && u != "" {
			amount += " " + u
		}
	}
	return direction, amount
}

// previousName is last period's name ("năm 2023"), when there is a last period.
func (f *Facts) previousName() (string, bool) {
	if f.previous == nil {
		return "", false
	}
	name := f.words.Change.Previous.in(f.Lang)
	if !f.previous.Period.IsZero() {
		name = f.previous.Period.Label(f.Lang)
	}
	if rollup.AnyEstimated(f.changes) { // the comparisons hold estimates, whatever the scope's own
		name += f.words.Change.Estimate.in(f.Lang)
	}
	return name, true
}

// unitList is {units}: "Đắk Lắk (26,35%), Bình Định (23,22%)".
func (s *speaker) unitList(u *unitList) ([]Run, bool) {
	if u == nil {
		return nil, false
	}
	f := s.units
	if u.Figure != "" {
		f = s.f.figure(u.Figure)
	}
	if f == nil {
		return nil, false
	}
	ranked := s.f.Ranked(f)
	if u.AboveScope {
		scope, ok := s.f.Scope().Totals.Get(f)
		if !ok {
			return nil, false
		}
		var above []Ranked
		for _, r := range ranked {
			if r.Value > scope {
				above = append(above, r)
			}
		}
		ranked = above
	}
	if u.Rising {
		if s.f.previous == nil {
			return nil, false
		}
		var rose []Ranked
		for _, r := range ranked {
			if p := s.f.prevNode(r.Node.Unit.Code); p != nil {
				if pv, ok := p.Totals.Get(f); ok && r.Value > pv {
					rose = append(rose, r)
				}
			}
		}
		ranked = rose
	}
	if len(ranked) == 0 || len(ranked) < u.AtLeast || u.AtMost > 0 && len(ranked) > u.AtMost {
		return nil, false
	}
	join := u.Join.in(s.f.Lang)
	if join == "" {
		join = ", "
	}
	var items []string
	for i, r := range ranked {
		if u.First > 0 && i == u.First {
			if rest := u.Rest.in(s.f.Lang); rest != "" {
				items = append(items, fill(rest, map[string]string{"count": fmt.Sprint(len(ranked))}))
			}
			break
		}
		item := fmt.Sprintf("%s (%s)", s.f.Tree.Name(r.Node.Unit), f.Format(s.f.Lang, r.Value))
		if u.Numbered {
			item = fmt.Sprintf("%d. %s", i+1, item)
		}
		items = append(items, item)
	}
	return []Run{{Text: strings.Join(items, join), Figure: f.Code}}, true
}

// fill replaces {name} by vars[name] in a template of plain words.
func fill(tpl string, vars map[string]string) string {
	for k, v := range vars {
		tpl = strings.ReplaceAll(tpl, "{"+k+"}", v)
	}
	return tpl
}

// cites lists the codes of the figures a clause can cite (for a group, with its codes), so that
// a section knows which of its figures no sentence tells.
func (f *Facts) cites(c clause, group *ingest.Group, into map[string]bool) {
	for _, tpl := range []string{c.Vi, c.En} {
		for _, p := range split(tpl) {
			if !p.placeholder {
				continue
			}
			name, _, _ := strings.Cut(p.text, "|")
			name = strings.TrimPrefix(strings.TrimPrefix(name, "change:"), "vs:")
			for _, name := range strings.Split(strings.TrimPrefix(name, "delta:"), ",") {
				if strings.HasPrefix(name, ".") && group != nil {
					name = group.Code + name
				}
				into[name] = true
			}
		}
	}
	if c.Units != nil && c.Units.Figure != "" {
		into[c.Units.Figure] = true
	}
	for _, list := range [][]clause{c.Cases, c.List, c.More} {
		for _, k := range list {
			if k.Each == "" || group != nil {
				f.cites(k, group, into)
				continue
			}
			for _, sp := range f.speakers(k) {
				f.cites(k, sp.group, into)
			}
		}
	}
}

// trimDecimals drops a number's zeros after the decimal mark: 4,00 is 4, 4,50 is 4,5.
func trimDecimals(l lang.Lang, s string) string {
	mark := l.Text(",", ".")
	if !strings.Contains(s, mark) {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, mark)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
