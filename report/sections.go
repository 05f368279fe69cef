package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// models is a sentence and a table row per learning model whose recognised units were reported:
// the section's sentences are told once per model.
func (f *Facts) models(s *section) []Block {
	l := f.Lang
	var body []Block
	col := &f.words.Common.Columns
	t := &Table{Columns: []Column{
		{col.Model.in(l), 67, Left}, {col.Total.in(l), 24, Right}, {col.Registered.in(l), 24, Right},
		{col.Recognised.in(l), 24, Right}, {col.Rate.in(l), 28, Right},
	}}
	note := false
	var once []Block // the sentences told once, not per model, go before the models' when any is
	for _, c := range s.Sentences {
		if c.Each == "" {
			if p, ok := (&speaker{f: f}).sentence(c); ok {
				once = append(once, p)
			}
		}
	}
	for _, sp := range f.groupSpeakers(f.Catalogue.Models) {
		written := false
		for _, c := range s.Sentences {
			if c.Each == "" {
				continue
			}
			if p, ok := sp.sentence(c); ok {
				body = append(body, p)
				written = true
			}
		}
		if !written {
			continue
		}
		row := []string{l.Text(sp.group.Vi, sp.group.En)}
		for _, part := range sp.group.Parts {
			cell := ""
			if v, ok := f.Scope().Totals.Get(part); ok {
				cell = lang.Int(l, int64(v))
			}
			row = append(row, cell)
		}
		rate := ""
		for i, r := range s.Rates {
			if runs, ok := sp.template(r.in(l), clause{}); ok {
				rate = (&Paragraph{Runs: runs}).Text()
				note = note || i > 0
				break
			}
		}
		t.Rows = append(t.Rows, Row{Cells: append(row, rate)})
	}
	if len(t.Rows) == 0 {
		return nil
	}
	body = append(append(once, body...), t)
	if note {
		body = append(body, &Paragraph{Style: Note, Runs: []Run{{Text: s.Note.in(l)}}})
	}
	return body
}

// targets is the scope against its targets: a sentence, a table and a chart.
func (f *Facts) targets(s *section) []Block {
	l := f.Lang
	if f.Targets == nil {
		return nil
	}
	var scoped []targets.Result
	for _, r := range f.Results {
		if r.Scope {
			scoped = append(scoped, r)
		}
	}
	missed := targets.Missed(scoped)
	var names []string
	for _, r := range scoped {
		if !r.Met {
			names = append(names, lowerFirst(r.Target.Figure.Label(l)))
		}
	}
	vars := map[string]string{
		"period": f.Targets.Label(l), "scope": f.signedName(),
		"met": fmt.Sprint(len(scoped) - missed), "count": fmt.Sprint(len(scoped)),
	}
	if len(names) > 0 {
		vars["missed"] = strings.Join(names, ", ")
	}
	body := f.sentences(s, &speaker{f: f, vars: vars})
	col := &f.words.Common.Columns
	t := &Table{Columns: []Column{
		{col.Figure.in(l), 83, Left}, {col.Actual.in(l), 28, Right},
		{col.Target.in(l), 28, Right}, {col.Result.in(l), 28, Center},
	}}
	for _, r := range scoped {
		actual := lang.NotAvailable(l)
		if r.Available {
			actual = ActualText(l, r)
		}
		style := Missed
		if r.Met {
			style = Met
		}
		t.Rows = append(t.Rows, Row{Cells: []string{r.Target.Figure.Label(l), actual, TargetText(l, r.Target), VerdictText(l, r)}, Style: style})
	}
	body = append(body, t)
	body = append(body, f.unitTargets(s)...)
	if c := f.chart(s, scoped); c != nil {
		body = append(body, c)
	}
	return body
}

// unitTargets is a sentence per target about the scope's direct units, as check --per-unit
// checks them: how many met it, by name, and those that missed it with value and target.
func (f *Facts) unitTargets(s *section) []Block {
	l := f.Lang
	direct := map[string]bool{}
	for _, n := range f.Scope().Children {
		direct[n.Unit.Code] = true
	}
	type verdicts struct {
		fig                 *ingest.Figure
		met, missed, noData []string
		gaps                []float64 // how far each missed unit is from the target
		levels              map[string]bool
	}
	var order []*verdicts
	by := map[string]*verdicts{}
	for _, r := range f.Results {
		if r.Scope || !direct[r.Unit.Code] {
			continue
		}
		v := by[r.Target.Figure.Code]
		if v == nil {
			v = &verdicts{fig: r.Target.Figure, levels: map[string]bool{}}
			by[r.Target.Figure.Code] = v
			order = append(order, v)
		}
		v.levels[r.Unit.Level] = true
		name := f.Tree.Name(r.Unit)
		switch {
		case !r.Available:
			v.noData = append(v.noData, name)
		case r.Met:
			v.met = append(v.met, name)
		default:
			v.missed = append(v.missed, name+" "+short(l, ActualText(l, r))+"/"+short(l, r.Target.Figure.Format(l, r.Target.Value)))
			v.gaps = append(v.gaps, math.Abs(r.Target.Value-r.Actual))
		}
	}
	var body []Block
	for _, v := range order {
		level := ""
		for lv := range v.levels {
			if len(v.levels) == 1 {
				level = lv
			}
		}
		count := len(v.met) + len(v.missed)
		if count == 0 {
			continue
		}
		if len(v.missed) > listCap {
			// A long list names the units furthest from the target first; the appendix has them all.
			idx := make([]int, len(v.missed))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(i, j int) bool { return v.gaps[idx[i]] > v.gaps[idx[j]] })
			worst := make([]string, len(idx))
			for i, k := range idx {
				worst[i] = v.missed[k]
			}
			v.missed = worst
		}
		vars := map[string]string{
			"figure": lowerFirst(v.fig.Label(l)), "count": fmt.Sprint(count), "level": LevelWord(l, f.Catalogue, level),
			"met": fmt.Sprint(len(v.met)), "missed_count": fmt.Sprint(len(v.missed)),
		}
		switch {
		case len(v.missed) == 0:
			vars["all_met"] = ""
		case len(v.met) == 0:
			vars["none_met"] = ""
			vars["missed"] = cappedList(l, v.missed, vars["level"], listCap)
		default:
			vars["met_names"] = nameList(l, v.met, vars["level"])
			vars["missed"] = cappedList(l, v.missed, vars["level"], listCap)
		}
		if len(v.noData) > 0 {
			vars["nodata"] = nameList(l, v.noData, vars["level"])
		}
		sp := &speaker{f: f, vars: vars}
		for _, c := range s.Units {
			if p, ok := sp.sentence(c); ok {
				body = append(body, p)
			}
		}
	}
	return body
}

// short is a percentage as a sentence writes it: 20% rather than 20,00%.
func short(l lang.Lang, text string) string {
	if pct, ok := strings.CutSuffix(text, "%"); ok {
		return trimDecimals(l, pct) + "%"
	}
	return text
}

func (f *Facts) sentences(s *section, sp *speaker) []Block {
	var body []Block
	for _, c := range s.Sentences {
		if p, ok := sp.sentence(c); ok {
			body = append(body, p)
		}
	}
	return body
}

// chart is each rate with a target, then each unit's value of the chart's rate against its target.
func (f *Facts) chart(s *section, results []targets.Result) *Chart {
	l := f.Lang
	w := &f.words.Common
	c := &Chart{Title: s.Chart.Title.in(l), Legend: s.Chart.Legend.in(l),
		Met: w.Met.in(l), Missed: w.Missed.in(l), Target: w.Target.in(l), Continued: w.Continued.in(l)}
	bar := func(label string, actual float64, t targets.Target, met bool) Bar {
		return Bar{Label: label, Actual: actual, Target: t.Value, Met: met, Value: actualText(l, t, actual, met), TargetText: lang.Percent(l, t.Value)}
	}
	for _, r := range results {
		if r.Available && r.Target.Figure.Kind == ingest.Percent {
			c.Bars = append(c.Bars, bar(r.Target.Figure.Label(l), r.Actual, r.Target, r.Met))
		}
	}
	if fig := f.ChartFigure(); fig != nil {
		group := fill(f.words.Common.ByUnit.in(l), map[string]string{"figure": fig.Label(l)})
		var units []Bar
		for _, n := range f.Scope().Children {
			v, ok := n.Totals.Get(fig)
			if !ok {
				continue
			}
			if tr, ok := f.Target(n.Unit.Code, false, fig); ok {
				b := bar(upperFirst(f.Tree.Name(n.Unit)), v, tr.Target, tr.Met)
				b.Group = group
				units = append(units, b)
			}
		}
		// The units from the highest rate down; equal rates keep the units' order.
		sort.SliceStable(units, func(i, j int) bool { return units[i].Actual > units[j].Actual })
		c.Bars = append(c.Bars, units...)
	}
	if len(c.Bars) == 0 {
		return nil
	}
	return c
}

// ranking ranks the scope's units by the ranking's figures: a sentence and a table.
func (f *Facts) ranking(s *section) []Block {
	l := f.Lang
	if len(f.Scope().Children) < 2 {
		return nil
	}
	fs := f.RankingFigures()
	if len(fs) == 0 {
		return nil
	}
	body := f.sentences(s, &speaker{f: f, vars: map[string]string{"figure": lowerFirst(fs[0].Label(l))}})
	cols := fs
	if s.Columns > 0 && len(cols) > s.Columns {
		cols = cols[:s.Columns]
	}
	col := &f.words.Common.Columns
	t := &Table{Columns: []Column{{col.Rank.in(l), 14, Center}, {col.Unit.in(l), 45, Left}}}
	for _, fig := range cols {
		t.Columns = append(t.Columns, Column{f.shortLabel(fig), 108 / float64(len(cols)), Right})
	}
	for i, r := range f.Ranked(fs[0]) {
		row := []string{fmt.Sprint(i + 1), upperFirst(f.Tree.Name(r.Node.Unit))}
		for _, fig := range cols {
			if v, ok := r.Node.Totals.Get(fig); ok {
				row = append(row, lang.Percent(l, v))
			} else {
				row = append(row, "—")
			}
		}
		t.Rows = append(t.Rows, Row{Cells: row})
	}
	return append(body, t)
}

// submissions says who has sent returns, as an office says it: how many of the expected units
// by the report's date, which have not, which were late, and the figures some units left out.
// The tool's own findings (errors, warnings, files rejected) are not the office's words: they
// stay in the terminal, the JSON and the Excel report.
func (f *Facts) submissions(s *section) []Block {
	l := f.Lang
	vars := map[string]string{"date": f.dateText()}
	c := f.completeness()
	switch {
	case f.expected():
		vars["covered"], vars["expected"] = fmt.Sprint(c.Covered), fmt.Sprint(c.Units)
		vars["level"] = LevelWord(l, f.Catalogue, c.Level)
		if names := missingNames(f.Tree, c); len(names) > 0 {
			vars["missing"] = nameList(l, names, vars["level"])
		}
		if names := lateNames(f.Tree, c); len(names) > 0 {
			vars["late"] = nameList(l, names, vars["level"])
		}
	case f.Scope().Totals.Units > 1:
		vars["returns"] = fmt.Sprint(f.Scope().Totals.Units)
		vars["level"] = LevelWord(l, f.Catalogue, c.Level)
	}
	var blanks []string
	for _, b := range f.Tree.Blanks() {
		var names []string
		for _, u := range b.Units {
			names = append(names, f.Tree.FullName(u.Unit))
		}
		blanks = append(blanks, fill(s.Blank.in(l), map[string]string{"figure": blankLabel(l, b.Figure), "units": NameList(l, names)}))
	}
	if len(blanks) > 0 {
		vars["blanks"] = strings.Join(blanks, "; ")
	}
	return f.sentences(s, &speaker{f: f, vars: vars})
}

// blankLabel names a figure inside a sentence: "Học bổng: số suất" is "số suất học bổng",
// "Gia đình học tập: được công nhận" is "gia đình học tập được công nhận".
func blankLabel(l lang.Lang, fig *ingest.Figure) string {
	label := fig.Label(l)
	if l != lang.En {
		if what, count, ok := strings.Cut(label, ": số "); ok {
			return "số " + count + " " + lowerFirst(what)
		}
	}
	return lowerFirst(strings.ReplaceAll(label, ": ", " "))
}
