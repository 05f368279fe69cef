package excel

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsxwrite"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// Write writes the consolidated report workbook: summary, units, learning models, targets,
// ranking, chart, submissions, problems, and the consolidated return itself (so that ingest reads
// the report as the scope's return). Big sheets are streamed.
func Write(w io.Writer, facts *report.Facts) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxReport{facts: facts, f: f, w: facts.Workbook(), cw: facts.Common()}
	xlsxwrite.StableZip(f)
	// Column widths count characters of the default font: the cells' own font, which LibreOffice
	// has metric for metric (Liberation Serif), so that a sheet prints alike in Excel and LibreOffice.
	if err := f.SetDefaultFont("Times New Roman"); err != nil {
		return err
	}
	fixImageContentTypes(f)
	if err := x.styles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	// No sheet without content: all units only with more than one level, a ranking or a chart
	// only of two units or more.
	sheets := x.w.Sheets
	steps := []struct {
		name report.Words
		fn   func(string) error
		skip bool
	}{
		{sheets.Summary, x.summary, false},
		{sheets.Units, x.units, false},
		{sheets.AllUnits, x.allUnits, !deep(facts)},
		{sheets.Models, x.models, false},
		{sheets.Targets, x.targets, false},
		{sheets.Ranking, x.ranking, len(facts.Scope().Children) < 2 || len(facts.RankingFigures()) == 0},
		{sheets.Chart, x.chart, len(chartRows(facts)) < 2},
		{sheets.Submissions, x.submissions, false},
		{sheets.Problems, x.problems, false},
	}
	for i, s := range steps {
		if s.skip {
			continue
		}
		name := x.t(s.name)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			// Before any sheet is streamed: excelize reads every sheet back to set the active one.
			f.SetActiveSheet(0)
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := s.fn(name); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	r := facts.Tree.Consolidated(facts.Scope().Unit)
	if !facts.Date.IsZero() {
		// As ingest -o writes it: a corrected report sent up again supersedes the first.
		r.ReportDate = facts.Date.Format("02/01/2006")
	}
	if err := ingest.AddReturnSheets(f, facts.Catalogue, r); err != nil {
		return fmt.Errorf("consolidated return: %w", err)
	}
	created := "2024-01-01T00:00:00Z"
	if !facts.Date.IsZero() {
		created = facts.Date.Format("2006-01-02") + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "khuyenhoc", Title: facts.Title(), Created: created, Modified: created}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

type xlsxReport struct {
	facts  *report.Facts
	w      *report.WorkbookWords
	cw     *report.CommonWords
	f      *excelize.File
	counts map[string]rollup.Count // completeness of each unit between the scope and the lowest level
	s      struct{ title, bold, header, code, codeCell, text, integer, pct, totalText, totalInt, totalPct, met, missed int }
}

// t is w in the report's language.
func (x *xlsxReport) t(w report.Words) string { return w.In(x.facts.Lang) }

func (x *xlsxReport) summary(name string) error {
	facts := x.facts
	s, err := x.stream(name, 7+len(facts.Catalogue.All()), 20, 50, 12, 16, 16, 14, 12, 10, 10, 10, 14, 16)
	if err != nil {
		return err
	}
	// The title spans the table, so that it prints on the table's page and no further.
	if err := s.sw.MergeCell("A1", "L1"); err != nil {
		return err
	}
	s.titleFrom = 7 // the title block prints once, the table's header on every page
	s.freeze(7, 2)
	s.addTall(2, x.c(facts.Title(), x.s.title)) // wrapped in the merged cell: two lines of 14 pt
	s.add(x.c(x.t(x.w.Summary.Scope), x.s.bold), x.c(facts.ScopeName(), 0))
	s.add(x.c(x.t(x.w.Summary.Period), x.s.bold), x.c(report.PeriodLabel(facts.Lang, facts.Period), 0))
	received := facts.Received()
	s.add(x.c(x.t(x.w.Summary.Received), x.s.bold), x.c(received, 0))
	if facts.Targets != nil {
		s.add(x.c(x.t(x.w.Summary.Targets), x.s.bold), x.c(facts.Targets.Label(facts.Lang), 0))
	} else {
		s.add()
	}
	s.add()
	changes := facts.Changes()
	previous := x.t(x.w.Columns.Previous)
	if rollup.AnyEstimated(changes) {
		previous = x.t(x.w.Columns.PreviousEstimated)
	}
	s.add(x.c(x.t(x.w.Columns.Code), x.s.header), x.c(x.t(x.cw.Columns.Figure), x.s.header), x.c(x.t(x.w.Columns.Measure), x.s.header),
		x.c(x.t(x.w.Columns.ThisPeriod), x.s.header), x.c(previous, x.s.header), x.c(x.t(x.w.Columns.Change), x.s.header),
		x.c(x.t(x.cw.Columns.Target), x.s.header), x.c(x.t(x.cw.Columns.Result), x.s.header),
		x.c(x.t(x.w.Columns.Reporting), x.s.header), x.c(x.t(x.w.Columns.Expected), x.s.header),
		x.c(x.t(x.w.Columns.Over), x.s.header),
		x.c(x.t(x.w.Columns.Compared), x.s.header))
	t, prev := facts.Scope().Totals, facts.PrevTotals()
	for _, f := range facts.Catalogue.All() {
		// Last period's value, this period's and the change are all over the units that reported
		// the figure in both periods (like for like): compared − previous = change, as shown.
		previous, compared, change, over := x.c(nil, x.s.text), x.c(nil, x.s.text), x.c(nil, x.s.text), x.c(nil, x.s.text)
		if prev != nil {
			previous = x.c(lang.NotAvailable(facts.Lang), x.s.text)
		}
		if c := changes[f.Code]; prev != nil && c.OK {
			cur, p := c.Cur, c.Prev
			if f.Kind == ingest.Percent {
				cur, p = round4(cur), round4(p)
			} else {
				cur, p = math.Round(cur), math.Round(p)
			}
			previous, compared, change = x.number(f, p, false), x.number(f, cur, false), x.number(f, cur-p, false)
			over = x.c(x.w.Over.Fill(facts.Lang, map[string]string{"coverage": report.CoverageText(facts.Lang, c.Units, c.Of)}), x.s.text)
		}
		tgt, verdict := x.c(nil, x.s.text), x.c(nil, x.s.text)
		if r, ok := facts.Target("", true, f); ok {
			tgt = x.number(f, r.Target.Value, false)
			style := x.s.missed
			if r.Met {
				style = x.s.met
			}
			verdict = x.c(report.VerdictText(facts.Lang, r), style)
		}
		s.add(x.c(f.Code, x.s.codeCell), x.c(f.Label(facts.Lang), x.s.text), x.c(f.Unit(facts.Lang), x.s.text), x.value(f, t, false), previous,
			change, tgt, verdict, x.c(t.Reported(f), x.s.integer), x.c(t.Expected, x.s.integer), over, compared)
	}
	return s.flush()
}

func levelLabel(facts *report.Facts, code string) string {
	if l, ok := facts.Catalogue.Level(code); ok {
		if l.Short != "" {
			return facts.Lang.Text(l.Short, l.En)
		}
		return facts.Lang.Text(l.Vi, l.En)
	}
	return code
}

// status is a unit's submission status, with how many of the units under it are covered when
// that is not all of them ("tổng hợp từ cấp dưới (2/3 xã)").
func (x *xlsxReport) status(n *rollup.Node) string {
	s := x.statusText(n)
	if x.counts == nil {
		x.counts = map[string]rollup.Count{}
		for _, c := range x.facts.Tree.Completeness().Counts {
			x.counts[c.Unit.Code] = c
		}
	}
	if c, ok := x.counts[n.Unit.Code]; ok && c.Covered < c.Expected {
		s += " (" + report.CoverageText(x.facts.Lang, c.Covered, c.Expected) + " " + report.LevelWord(x.facts.Lang, x.facts.Catalogue, c.Level) + ")"
	}
	return s
}

func (x *xlsxReport) statusText(n *rollup.Node) string {
	switch {
	case n.Late:
		return x.t(x.w.Status.Late)
	case n.Received():
		return x.t(x.w.Status.Received)
	case n.HasData():
		return x.t(x.w.Status.FromBelow)
	}
	return x.t(x.w.Status.Missing)
}

func (x *xlsxReport) units(name string) error {
	return x.unitTable(name, x.facts.Scope().Children, true)
}

// allUnits lists every unit of the tree that has figures, depth first, when the scope has more
// than one level below it, and the units that sent nothing where nothing above covers them —
// without their own sub-units, which a roster down to the branch has by the hundred thousand
// (they are on the submissions sheet).
func (x *xlsxReport) allUnits(name string) error {
	var nodes []*rollup.Node
	var walk func(n *rollup.Node)
	walk = func(n *rollup.Node) {
		for _, c := range n.Children {
			if !c.HasData() {
				if !n.Received() {
					nodes = append(nodes, c)
				}
				continue
			}
			nodes = append(nodes, c)
			walk(c)
		}
	}
	walk(x.facts.Scope())
	return x.unitTable(name, nodes, false)
}

func deep(facts *report.Facts) bool {
	for _, c := range facts.Scope().Children {
		if len(c.Children) > 0 {
			return true
		}
	}
	return false
}

// unitTable writes one row per unit with every reported figure, and the scope's total.
func (x *xlsxReport) unitTable(name string, nodes []*rollup.Node, total bool) error {
	facts := x.facts
	fs := facts.Reported(facts.Catalogue.All())
	// Narrow enough that a printed page holds the code and name and six figures or more.
	widths := []float64{9, 30, 11, 9, 13}
	for _, f := range fs {
		w := 12.0
		if f.Kind == ingest.Money {
			w = 17 // 191.200.000.000
		}
		// The header wraps between words: the column holds its longest word ("(associations)").
		widths = append(widths, max(w, longestWord(unitLabel(facts.Lang, f))+2))
	}
	s, err := x.stream(name, 3+len(nodes), widths...)
	if err != nil {
		return err
	}
	s.freeze(2, 2)
	h := func(v string) excelize.Cell { return x.c(v, x.s.header) }
	codes := []any{h(x.t(x.w.Columns.Code)), h(x.t(x.cw.Columns.Unit)), h(x.t(x.w.Columns.Level)), h(x.t(x.w.Columns.Parent)), h(x.t(x.w.Columns.Status))}
	labels := []any{h(""), h(""), h(""), h(""), h("")}
	for _, f := range fs {
		codes = append(codes, x.c(f.Code, x.s.code))
		labels = append(labels, h(unitLabel(facts.Lang, f)))
	}
	s.add(codes...)
	s.add(labels...)
	row := func(n *rollup.Node, isTotal bool) []any {
		ts := x.s.text
		status := x.status(n)
		label := n.Unit.Name
		if isTotal {
			ts, status, label = x.s.totalText, "", x.t(x.w.Total)
		}
		out := []any{x.c(n.Unit.Code, ts), x.c(label, ts), x.c(levelLabel(facts, n.Unit.Level), ts), x.c(n.Unit.Parent, ts), x.c(status, ts)}
		for _, f := range fs {
			if !total && !n.HasData() {
				out = append(out, x.c(nil, x.s.text)) // on the sheet of all units, the status says it
				continue
			}
			out = append(out, x.value(f, n.Totals, isTotal))
		}
		return out
	}
	for _, n := range nodes {
		s.add(row(n, false)...)
	}
	if total {
		s.add(row(facts.Scope(), true)...)
	}
	return s.flush()
}

// unitLabel is a figure's header on the units sheet: its label and its unit.
func unitLabel(l lang.Lang, f *ingest.Figure) string {
	return f.Label(l) + " (" + f.Unit(l) + ")"
}

// longestWord is the length of s's longest word, in characters of bold type (a tenth wider).
func longestWord(s string) float64 {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, utf8.RuneCountInString(w))
	}
	return float64(n) * 1.1
}

func (x *xlsxReport) models(name string) error {
	facts := x.facts
	widths := []float64{12, 36}
	for range facts.Catalogue.Models {
		widths = append(widths, 13, 13, 13, 11)
	}
	s, err := x.stream(name, 3+len(facts.Scope().Children), widths...)
	if err != nil {
		return err
	}
	s.freeze(2, 2)
	top := []any{x.c(x.t(x.w.Columns.Code), x.s.header), x.c(x.t(x.cw.Columns.Unit), x.s.header)}
	sub := []any{x.c(nil, x.s.header), x.c(nil, x.s.header)}
	for i, g := range facts.Catalogue.Models {
		top = append(top, x.c(facts.Lang.Text(g.Vi, g.En), x.s.header), x.c(nil, x.s.header), x.c(nil, x.s.header), x.c(nil, x.s.header))
		sub = append(sub, x.c(x.t(x.cw.Columns.Total), x.s.header), x.c(x.t(x.cw.Columns.Registered), x.s.header),
			x.c(x.t(x.cw.Columns.Recognised), x.s.header), x.c(x.t(x.cw.Columns.Rate), x.s.header))
		from, _ := excelize.CoordinatesToCellName(3+4*i, 1)
		to, _ := excelize.CoordinatesToCellName(6+4*i, 1)
		if err := s.sw.MergeCell(from, to); err != nil {
			return err
		}
	}
	s.add(top...)
	s.add(sub...)
	row := func(n *rollup.Node, label string, total bool) []any {
		st := x.s.text
		if total {
			st = x.s.totalText
		}
		out := []any{x.c(n.Unit.Code, st), x.c(label, st)}
		for _, g := range facts.Catalogue.Models {
			for _, p := range g.Parts {
				out = append(out, x.value(p, n.Totals, total))
			}
			out = append(out, x.value(facts.ModelRate(g), n.Totals, total))
		}
		return out
	}
	for _, n := range facts.Scope().Children {
		s.add(row(n, n.Unit.Name, false)...)
	}
	s.add(row(facts.Scope(), x.t(x.w.Total), true)...)
	return s.flush()
}

func (x *xlsxReport) targets(name string) error {
	facts := x.facts
	rows := 1 + len(facts.Results)
	if facts.Targets == nil {
		rows++
	}
	s, err := x.stream(name, rows, 12, 36, 22, 50, 14, 14, 16, 14)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	s.add(x.c(x.t(x.w.Columns.Code), x.s.header), x.c(x.t(x.cw.Columns.Unit), x.s.header), x.c(x.t(x.w.Columns.FigureCode), x.s.header),
		x.c(x.t(x.cw.Columns.Figure), x.s.header), x.c(x.t(x.cw.Columns.Actual), x.s.header), x.c(x.t(x.cw.Columns.Target), x.s.header),
		x.c(x.t(x.w.Columns.Gap), x.s.header), x.c(x.t(x.cw.Columns.Result), x.s.header))
	if facts.Targets == nil {
		s.add(x.c(x.t(x.w.NoTargets), 0))
	}
	for _, r := range facts.Results {
		f := r.Target.Figure
		actual, gap := x.c(lang.NotAvailable(facts.Lang), x.s.text), x.c(nil, x.s.text)
		if r.Available {
			actual, gap = x.number(f, r.Actual, false), x.number(f, r.Gap, false)
		}
		style := x.s.missed
		if r.Met {
			style = x.s.met
		}
		name := r.Unit.Name
		if name == "" {
			name = facts.ScopeName()
		}
		s.add(x.c(r.Unit.Code, x.s.text), x.c(name, x.s.text), x.c(f.Code, x.s.text), x.c(f.Label(facts.Lang), x.s.text),
			actual, x.number(f, r.Target.Value, false), gap, x.c(report.VerdictText(facts.Lang, r), style))
	}
	return s.flush()
}

func (x *xlsxReport) ranking(name string) error {
	facts := x.facts
	fs := facts.RankingFigures()
	widths := []float64{12, 36}
	for range fs {
		widths = append(widths, 16, 8)
	}
	s, err := x.stream(name, 1+len(facts.Scope().Children), widths...)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	head := []any{x.c(x.t(x.w.Columns.Code), x.s.header), x.c(x.t(x.cw.Columns.Unit), x.s.header)}
	for _, f := range fs {
		head = append(head, x.c(f.Label(facts.Lang), x.s.header), x.c(x.t(x.cw.Columns.Rank), x.s.header))
	}
	s.add(head...)
	if len(fs) == 0 {
		return s.flush()
	}
	ranks := make([]map[string]int, len(fs))
	for i, f := range fs {
		ranks[i] = map[string]int{}
		for pos, r := range facts.Ranked(f) {
			ranks[i][r.Node.Unit.Code] = pos + 1
		}
	}
	order := facts.Ranked(fs[0])
	seen := map[string]bool{}
	var nodes []*rollup.Node
	for _, r := range order {
		nodes = append(nodes, r.Node)
		seen[r.Node.Unit.Code] = true
	}
	for _, n := range facts.Scope().Children {
		if !seen[n.Unit.Code] {
			nodes = append(nodes, n)
		}
	}
	for _, n := range nodes {
		row := []any{x.c(n.Unit.Code, x.s.text), x.c(n.Unit.Name, x.s.text)}
		for i, f := range fs {
			rank := x.c(nil, x.s.text)
			if p, ok := ranks[i][n.Unit.Code]; ok {
				rank = x.c(p, x.s.integer)
			}
			row = append(row, x.value(f, n.Totals, false), rank)
		}
		s.add(row...)
	}
	return s.flush()
}

// chartRow is a unit's value of the chart's rate and its target, if it has one.
type chartRow struct {
	name          string
	value, target float64
	hasTarget     bool
}

// chartRows are the units that reported the chart's rate, from the highest rate down (as the
// report's chart), equal rates in the units' order.
func chartRows(facts *report.Facts) []chartRow {
	f := facts.ChartFigure()
	if f == nil {
		return nil
	}
	var out []chartRow
	for _, n := range facts.Scope().Children {
		v, ok := n.Totals.Get(f)
		if !ok {
			continue
		}
		r := chartRow{name: facts.Tree.Name(n.Unit), value: round4(v)}
		tr, ok := facts.Target(n.Unit.Code, false, f)
		if !ok {
			tr, ok = facts.Target("", true, f)
		}
		if ok {
			r.target, r.hasTarget = tr.Target.Value, true
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].value > out[j].value })
	return out
}

func (x *xlsxReport) chart(name string) error {
	facts := x.facts
	f := facts.ChartFigure()
	if err := x.f.SetColWidth(name, "A", "A", 30); err != nil {
		return err
	}
	if err := x.f.SetColWidth(name, "B", "C", 14); err != nil {
		return err
	}
	set := func(cell string, v any, style int) error {
		if err := x.f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return x.f.SetCellStyle(name, cell, cell, style)
	}
	if err := set("A1", x.t(x.cw.Columns.Unit), x.s.header); err != nil {
		return err
	}
	if err := set("B1", f.Label(facts.Lang), x.s.header); err != nil {
		return err
	}
	if err := set("C1", x.t(x.cw.Columns.Target), x.s.header); err != nil {
		return err
	}
	if err := x.f.SetRowHeight(name, 1, 2+14.5*float64(wrappedLines(f.Label(facts.Lang), 14))); err != nil {
		return err
	}
	rows := chartRows(facts)
	row := 1
	for _, r := range rows {
		row++
		if err := set(fmt.Sprintf("A%d", row), r.name, x.s.text); err != nil {
			return err
		}
		if lines := wrappedLines(r.name, 30*1.1); lines > 1 { // a long name wraps: its row is as tall
			if err := x.f.SetRowHeight(name, row, 2+14.5*float64(lines)); err != nil {
				return err
			}
		}
		if err := set(fmt.Sprintf("B%d", row), r.value, x.s.pct); err != nil {
			return err
		}
		if r.hasTarget {
			if err := set(fmt.Sprintf("C%d", row), r.target, x.s.pct); err != nil {
				return err
			}
		}
	}
	if err := x.f.SetSheetDimension(name, fmt.Sprintf("A1:C%d", max(row, 2))); err != nil {
		return err
	}
	// The figures and the chart beside them (720 pixels: about 100 characters) on one page.
	if err := xlsxwrite.PrintAt(x.f, name, true, xlsxwrite.Scale([]float64{30, 14, 14, 9, 112}, true)); err != nil {
		return err
	}
	series := []excelize.ChartSeries{{
		Name: fmt.Sprintf("'%s'!$B$1", name), Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", name, row), Values: fmt.Sprintf("'%s'!$B$2:$B$%d", name, row),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
	}}
	if len(facts.Results) > 0 {
		series = append(series, excelize.ChartSeries{
			Name: fmt.Sprintf("'%s'!$C$1", name), Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", name, row), Values: fmt.Sprintf("'%s'!$C$2:$C$%d", name, row),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"BFBFBF"}},
		})
	}
	zero := 0.0
	dark := excelize.Font{Color: "000000", Size: 9, Family: "Times New Roman"}
	return x.f.AddChart(name, "E2", &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: x.cw.ByUnit.Fill(facts.Lang, map[string]string{"figure": f.Label(facts.Lang)}), Font: &excelize.Font{Color: "000000", Bold: true, Size: 12, Family: "Times New Roman"}}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{
			Width: 720, Height: uint(max(320, 22*row+90)),
		},
		// The categories from the top in the sheet's order (the highest first), named in dark type.
		XAxis: excelize.ChartAxis{Font: dark, ReverseOrder: true},
		// The value axis starts at 0, so that bars compare as the rates do (25% is not a third of 28%).
		YAxis: excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Minimum: &zero, Font: dark},
	})
}

func (x *xlsxReport) submissions(name string) error {
	facts := x.facts
	c := facts.Tree.Completeness()
	blanks := facts.Tree.Blanks()
	missing := facts.Tree.MissingSubtrees() // a subtree that sent nothing is one row, not a row per branch
	rows := 1 + len(facts.Scope().Children) + len(c.Counts) + len(missing) + len(blanks)
	if len(c.Counts)+len(c.Missing) > 0 {
		rows++ // the empty row before them
	}
	for _, f := range facts.Files {
		if f.Status == ingest.StatusRejected || f.Status == ingest.StatusSkipped {
			rows++
		}
	}
	s, err := x.stream(name, rows, 12, 40, 22, 60, 16, 10)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	s.add(x.c(x.t(x.w.Columns.Code), x.s.header), x.c(x.t(x.cw.Columns.Unit), x.s.header), x.c(x.t(x.w.Columns.Status), x.s.header),
		x.c(x.t(x.w.Columns.File), x.s.header), x.c(x.t(x.w.Columns.ReportDate), x.s.header), x.c(x.t(x.w.Columns.Problems), x.s.header))
	problems := map[string]int{}
	for _, f := range facts.Files {
		problems[f.Path] = f.Problems
	}
	for _, n := range facts.Scope().Children {
		file, date, count := "", "", x.c(nil, x.s.text)
		if n.Return != nil {
			file, date, count = n.Return.File, n.Return.ReportDate, x.c(problems[n.Return.File], x.s.integer)
		}
		s.add(x.c(n.Unit.Code, x.s.text), x.c(n.Unit.Name, x.s.text), x.c(x.status(n), x.s.text), x.c(file, x.s.text), x.c(date, x.s.text), count)
	}
	if len(c.Counts)+len(c.Missing) > 0 {
		s.add()
	}
	for _, n := range c.Counts {
		s.add(x.c(n.Unit.Code, x.s.text), x.c(facts.Tree.FullName(n.Unit), x.s.text),
			x.c(report.CoverageText(facts.Lang, n.Covered, n.Expected)+" "+report.LevelWord(facts.Lang, facts.Catalogue, n.Level), x.s.text))
	}
	for _, m := range missing {
		status := x.t(x.w.Status.Missing)
		if m.Units > 1 {
			n, word := lang.Int(facts.Lang, int64(m.Units)), report.LevelWord(facts.Lang, facts.Catalogue, c.Level)
			status = x.w.Status.MissingAll.Fill(facts.Lang, map[string]string{"count": n, "level": word})
		}
		s.add(x.c(m.Unit.Code, x.s.text), x.c(report.WithParent(facts.Tree, m.Unit, m.Parent), x.s.text), x.c(status, x.s.text))
	}
	// Figures that some units left blank (or had refused): the figure, and who.
	for _, b := range blanks {
		var names []string
		for _, u := range b.Units {
			names = append(names, facts.Tree.FullName(u.Unit))
		}
		s.add(x.c(b.Figure.Code, x.s.text), x.c(b.Figure.Label(facts.Lang), x.s.text), x.c(x.t(x.w.Status.Blank), x.s.text),
			x.c(report.NameList(facts.Lang, names), x.s.text))
	}
	for _, f := range facts.Files {
		if f.Status == ingest.StatusRejected || f.Status == ingest.StatusSkipped {
			s.add(x.c("", x.s.text), x.c("", x.s.text), x.c(f.Status.Label(facts.Lang), x.s.text), x.c(f.Path, x.s.text), x.c("", x.s.text), x.c(f.Problems, x.s.integer))
		}
	}
	return s.flush()
}

func (x *xlsxReport) problems(name string) error {
	facts := x.facts
	s, err := x.stream(name, 1+max(1, len(facts.Problems)), 32, 14, 7, 9, 9, 16, 70)
	if err != nil {
		return err
	}
	s.freeze(1, 0)
	s.add(x.c(x.t(x.w.Columns.File), x.s.header), x.c(x.t(x.w.Columns.Sheet), x.s.header), x.c(x.t(x.w.Columns.Cell), x.s.header),
		x.c(x.t(x.cw.Columns.Unit), x.s.header), x.c(x.t(x.w.Columns.Severity), x.s.header), x.c(x.t(x.w.Columns.ProblemCode), x.s.header), x.c(x.t(x.w.Columns.Message), x.s.header))
	if len(facts.Problems) == 0 {
		s.add(x.c(x.t(x.w.NoProblems), 0))
	}
	for _, p := range facts.Problems {
		s.add(x.c(p.File, x.s.text), x.c(p.Sheet, x.s.text), x.c(p.Cell, x.s.text), x.c(p.Unit, x.s.text),
			x.c(p.Severity.Label(facts.Lang), x.s.text), x.c(p.Code, x.s.text), x.c(p.Message(facts.Lang), x.s.text))
	}
	return s.flush()
}
