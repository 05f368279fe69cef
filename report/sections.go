package report

import (
	"fmt"
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
	t := &Table{Columns: []Column{
		{l.Text("Mô hình", "Model"), 67, Left}, {l.Text("Tổng số", "Total"), 24, Right}, {l.Text("Đăng ký", "Registered"), 24, Right},
		{l.Text("Công nhận", "Recognised"), 24, Right}, {l.Text("Tỉ lệ", "Rate"), 28, Right},
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
		"period": f.Targets.Period.Label(l), "scope": f.ScopeName(),
		"met": fmt.Sprint(len(scoped) - missed), "count": fmt.Sprint(len(scoped)),
	}
	if len(names) > 0 {
		vars["missed"] = strings.Join(names, ", ")
	}
	body := f.sentences(s, &speaker{f: f, vars: vars})
	t := &Table{Columns: []Column{
		{l.Text("Chỉ tiêu", "Figure"), 83, Left}, {l.Text("Thực hiện", "Actual"), 28, Right},
		{l.Text("Mục tiêu", "Target"), 28, Right}, {l.Text("Kết quả", "Result"), 28, Center},
	}}
	for _, r := range scoped {
		actual := lang.NotAvailable(l)
		if r.Available {
			actual = r.Target.Figure.Format(l, r.Actual)
		}
		style := Missed
		if r.Met {
			style = Met
		}
		t.Rows = append(t.Rows, Row{Cells: []string{r.Target.Figure.Label(l), actual, TargetText(l, r.Target), VerdictText(l, r)}, Style: style})
	}
	body = append(body, t)
	if c := f.chart(s, scoped); c != nil {
		body = append(body, c)
	}
	return body
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
	c := &Chart{Title: s.Chart.Title.in(l), Legend: s.Chart.Legend.in(l)}
	bar := func(label string, actual, target float64, met bool) Bar {
		return Bar{Label: label, Actual: actual, Target: target, Met: met, Value: lang.Percent(l, actual), TargetText: lang.Percent(l, target)}
	}
	for _, r := range results {
		if r.Available && r.Target.Figure.Kind == ingest.Percent {
			c.Bars = append(c.Bars, bar(r.Target.Figure.Label(l), r.Actual, r.Target.Value, r.Met))
		}
	}
	if fig := f.ChartFigure(); fig != nil {
		group := fig.Label(l) + l.Text(" theo đơn vị", " by unit")
		var units []Bar
		for _, n := range f.Scope().Children {
			v, ok := n.Totals.Get(fig)
			if !ok {
				continue
			}
			if tr, ok := f.Target(n.Unit.Code, false, fig); ok {
				b := bar(f.Tree.Name(n.Unit), v, tr.Target.Value, tr.Met)
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
	body := f.sentences(s, &speaker{f: f, units: fs[0], vars: map[string]string{"figure": lowerFirst(fs[0].Label(l))}})
	cols := fs
	if s.Columns > 0 && len(cols) > s.Columns {
		cols = cols[:s.Columns]
	}
	t := &Table{Columns: []Column{{l.Text("Hạng", "Rank"), 14, Center}, {l.Text("Đơn vị", "Unit"), 45, Left}}}
	for _, fig := range cols {
		t.Columns = append(t.Columns, Column{f.shortLabel(fig), 108 / float64(len(cols)), Right})
	}
	for i, r := range f.Ranked(fs[0]) {
		row := []string{fmt.Sprint(i + 1), f.Tree.Name(r.Node.Unit)}
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

// submissions says who sent returns and what problems were found.
func (f *Facts) submissions(s *section) []Block {
	vars := map[string]string{}
	c := f.Tree.Completeness()
	if f.Roster != nil || len(c.Missing) > 0 {
		vars["received"], vars["expected"] = fmt.Sprint(len(c.Received)), fmt.Sprint(c.Units)
		vars["covered"], vars["level"] = fmt.Sprint(c.Covered), LevelWord(f.Lang, f.Catalogue, c.Level)
		if c.Covered == c.Units && len(c.Received) == c.Units && len(c.Late) == 0 {
			vars["complete"] = "" // every expected unit sent its own return, in time
		}
		var counts []string
		_, lines := CompletenessLines(f.Lang, f.Tree)
		for _, line := range lines {
			if !strings.HasPrefix(line, f.Lang.Text("chưa nộp: ", "missing: ")) && !strings.HasPrefix(line, f.Lang.Text("nộp muộn: ", "late: ")) {
				counts = append(counts, line)
			}
		}
		if len(counts) > 0 {
			vars["counts"] = strings.Join(counts, "; ")
		}
		if names := MissingNames(f.Tree, c); len(names) > 0 {
			vars["missing"] = NameList(f.Lang, names)
		}
		if names := LateNames(f.Tree, c); len(names) > 0 {
			vars["late"] = NameList(f.Lang, names)
		}
	} else {
		vars["returns"] = fmt.Sprint(f.Scope().Totals.Units)
	}
	var blanks []string
	for _, b := range f.Tree.Blanks() {
		var names []string
		for _, u := range b.Units {
			names = append(names, f.Tree.FullName(u.Unit))
		}
		blanks = append(blanks, lowerFirst(b.Figure.Label(f.Lang))+": "+NameList(f.Lang, names))
	}
	if len(blanks) > 0 {
		vars["blanks"] = strings.Join(blanks, "; ")
	}
	errs, warns := 0, 0
	for _, pr := range f.Problems {
		if pr.Severity == ingest.Error {
			errs++
		} else {
			warns++
		}
	}
	rejected := 0
	for _, file := range f.Batch.Files {
		if file.Status == ingest.StatusRejected {
			rejected++
		}
	}
	if errs+warns > 0 {
		vars["errors"], vars["warnings"], vars["rejected"] = fmt.Sprint(errs), fmt.Sprint(warns), fmt.Sprint(rejected)
	}
	return f.sentences(s, &speaker{f: f, vars: vars})
}
