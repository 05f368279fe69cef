package view

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// say is the words of what the commands print: wording.yaml, terminal.
func say() *report.TerminalWords { return report.Terminal() }

func scopeName(l lang.Lang, res *pipeline.Result) string {
	if res.Tree == nil || res.Tree.Scope.Unit.Code == "" {
		return ""
	}
	u := res.Tree.Scope.Unit
	if u.Name != "" {
		return u.Name + " (" + u.Code + ")"
	}
	// No return or roster names it: say that the number is its code (the returns' ma_cap_tren).
	return say().UnnamedScope.In(l, "code", u.Code)
}

// IngestText writes what ingest found for people: one line per file, every problem, who has not
// reported (with a roster), the totals.
func IngestText(w io.Writer, l lang.Lang, v *pipeline.Result) error {
	b := v.Batch
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, say().Files.In(l, "count", len(b.Files)))
	fmt.Fprintln(tw, strings.Join(report.Phrases(l, say().FileColumns), "\t"))
	// A rejected file has no return, but its problems may name its unit: show it.
	unitOf := map[string]string{}
	for _, p := range v.Problems {
		if p.Unit != "" && unitOf[p.File] == "" {
			unitOf[p.File] = p.Unit
		}
	}
	for _, f := range b.Files {
		unit, period := "-", "-"
		if u := unitOf[f.Path]; u != "" {
			unit = u
		}
		if f.Return != nil {
			unit = f.Return.Unit.Code
			if f.Return.Unit.Name != "" {
				unit += " " + f.Return.Unit.Name
			}
			period = f.Return.Period.String()
		}
		if f.Status == ingest.StatusSkipped {
			unit = "(" + l.Text(f.Reason, f.ReasonEn) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", f.Status.Label(l), unit, period, f.Problems, f.Path)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(v.Problems) > 0 {
		fmt.Fprintf(w, "\n%s\n", say().Problems.In(l, "count", len(v.Problems)))
		for _, p := range v.Problems {
			unit := ""
			if p.Unit != "" {
				unit = say().ProblemUnit.In(l, "unit", p.Unit)
			}
			fmt.Fprintf(w, "%s%s: %s: %s\n", p.Where(), unit, p.Severity.Label(l), p.Message(l))
		}
	}
	if v.Tree != nil {
		if err := completenessText(w, l, v); err != nil {
			return err
		}
	}
	scope := scopeName(l, v)
	if scope != "" {
		scope = ", " + scope
	}
	fmt.Fprintf(w, "\n%s\n", say().Totals.In(l, "returns", v.Totals().Units, "period", report.PeriodLabel(l, b.Period()), "scope", scope))
	if v.Totals().Units == 0 {
		_, err := fmt.Fprintln(w, say().NoTotals.In(l))
		return err
	}
	var prev *rollup.Totals
	if v.Previous != nil {
		prev = v.Previous.Scope.Totals
	}
	return totalsText(w, l, v.Totals(), prev, rollup.Changes(v.Catalogue, v.Tree, v.Previous))
}

// completenessText says who has reported, down the tree (with a roster, or when a consolidated
// return lists missing units), and which figures some units left blank.
func completenessText(w io.Writer, l lang.Lang, v *pipeline.Result) error {
	c := v.Tree.Completeness()
	if v.Roster != nil || len(c.Missing) > 0 {
		head, lines := report.CompletenessLines(l, v.Tree)
		fmt.Fprintf(w, "\n%s\n", say().Submissions.In(l, "head", head))
		for _, line := range lines {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	if lines := report.BlankLines(l, v.Tree); len(lines) > 0 {
		fmt.Fprintf(w, "\n%s\n", say().Blanks.In(l))
		for _, line := range lines {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	return nil
}

// totalsText writes every figure with its value, how many of the expected units it covers, and,
// when prev is given, the previous value and the change over the units that reported the figure
// in both periods (with how many those are when not all).
func totalsText(w io.Writer, l lang.Lang, t, prev *rollup.Totals, changes map[string]rollup.Change) error {
	header := report.Phrases(l, say().TotalsColumns)
	if prev != nil {
		header = append(header, report.Phrases(l, say().PreviousColumns)...)
	}
	rows := [][]string{header}
	for _, f := range t.Catalogue().All() {
		row := []string{f.Code, f.Label(l), valueText(l, f, t), f.Unit(l), fmt.Sprintf("%d/%d", t.Reported(f), t.Expected)}
		if prev != nil {
			// Last period's value over the units the change is over, so that the two agree.
			p := lang.NotAvailable(l)
			if c := changes[f.Code]; c.OK {
				p = f.Format(l, c.Prev)
				if c.Estimated {
					p += say().Estimate.In(l)
				}
			}
			row = append(row, p, changeText(l, f, changes[f.Code]))
		}
		rows = append(rows, row)
	}
	right := map[int]bool{2: true, 5: true, 6: true}
	widths := make([]int, len(header))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if right[i] {
				b.WriteString(pad + c)
			} else if i < len(row)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

func valueText(l lang.Lang, f *ingest.Figure, t *rollup.Totals) string {
	if v, ok := t.Get(f); ok {
		return f.Format(l, v)
	}
	return lang.NotAvailable(l)
}

// changeText is "+77.086" for counts and amounts, "+1,25 điểm %" for rates, computed over the
// units that reported the figure in both periods, with "(3/4 đơn vị)" when that is not all.
func changeText(l lang.Lang, f *ingest.Figure, c rollup.Change) string {
	if !c.OK {
		return ""
	}
	d := c.Diff()
	sign := "+"
	if d < 0 {
		sign = "-"
	}
	var s string
	if f.Kind == ingest.Percent {
		s = sign + lang.Decimal(l, math.Abs(d)*100, 2) + say().Points.In(l)
	} else {
		s = sign + lang.Int(l, int64(math.Round(math.Abs(d))))
	}
	if c.Partial() {
		s += say().ChangeUnits.In(l, "units", c.Units, "of", c.Of)
	}
	return s
}

// Tool is the program that wrote a JSON document: its name, version and commit (empty when not
// known), so that a document says which build made it.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
}

// ingestJSON is the schema of `khuyenhoc ingest --format json` (see README, "JSON output").
type ingestJSON struct {
	Schema       string                `json:"schema"`
	Tool         Tool                  `json:"tool"`
	Period       string                `json:"period,omitempty"`
	Returns      []fileJSON            `json:"returns"`
	Problems     []problemJSON         `json:"problems"`
	Scope        string                `json:"scope,omitempty"`
	Totals       map[string]figureJSON `json:"totals"`
	Completeness *completenessJSON     `json:"completeness,omitempty"`
}

// fileJSON is one input file.
type fileJSON struct {
	File     string `json:"file"`
	Status   string `json:"status"`
	Unit     string `json:"unit,omitempty"`
	Name     string `json:"name,omitempty"`
	Level    string `json:"level,omitempty"`
	Parent   string `json:"parent,omitempty"`
	Period   string `json:"period,omitempty"`
	Problems int    `json:"problems"`
	Reason   string `json:"reason,omitempty"`
}

// problemJSON is one problem, with its message in the chosen language.
type problemJSON struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Figure   string `json:"figure,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// figureJSON is one figure's total: Value is null when not available. Reported is how many of the
// Expected units are in it (for a ratio: gave both parts); Units is how many returns the total is
// made of; Blank lists the units whose return lacks the figure. Previous and Change are there
// only with --previous; Change is over the Compared units that reported the figure in both periods.
type figureJSON struct {
	Value    *float64 `json:"value"`
	Reported int      `json:"reported"`
	Expected int      `json:"expected"`
	Units    int      `json:"units"`
	Blank    []string `json:"blank,omitempty"`
	// Previous is last period's value over the units the change is over (like for like), and
	// ComparedValue this period's over the same units: ComparedValue − Previous = Change.
	Previous      *float64 `json:"previous,omitempty"`
	ComparedValue *float64 `json:"compared_value,omitempty"`
	Change        *float64 `json:"change,omitempty"`
	// Estimated is set when the previous value is an estimate: last period on this period's map,
	// with shares of split units.
	Estimated bool `json:"estimated,omitempty"`
	// Compared is how many units the change is over: those that reported the figure in both periods,
	// out of ComparedOf, those that reported it this period.
	Compared   *int `json:"compared,omitempty"`
	ComparedOf *int `json:"compared_of,omitempty"`
}

// completenessJSON is who was expected and who reported (with a roster): codes of the lowest-level
// units expected, of the units whose own return counts, of the lowest-level units that sent
// nothing, and of the late; Covered of Units expected units are covered; Counts give each level.
type completenessJSON struct {
	Expected []string `json:"expected"`
	Received []string `json:"received"`
	Missing  []string `json:"missing"`
	// MissingUnits gives, for a missing unit that stands for several lowest-level units (a
	// subtree that sent nothing, as a consolidated return lists it), how many.
	MissingUnits map[string]int `json:"missing_units,omitempty"`
	Late         []string       `json:"late"`
	Covered      int            `json:"covered"`
	Units        int            `json:"units"`
	Counts       []countJSON    `json:"counts"`
}

// countJSON is how many of the expected units under one unit are covered.
type countJSON struct {
	Unit     string `json:"unit"`
	Covered  int    `json:"covered"`
	Expected int    `json:"expected"`
}

func codes(us []ingest.Unit) []string {
	out := []string{}
	for _, u := range us {
		out = append(out, u.Code)
	}
	return out
}

// IngestJSONWrite writes the JSON document of ingest, made by tool.
func IngestJSONWrite(w io.Writer, l lang.Lang, v *pipeline.Result, tool Tool) error {
	b := v.Batch
	doc := ingestJSON{Schema: "khuyenhoc.ingest/v1", Tool: tool, Period: b.Period().String(), Returns: []fileJSON{}, Problems: problems(l, v.Problems)}
	for _, f := range b.Files {
		fj := fileJSON{File: f.Path, Status: string(f.Status), Problems: f.Problems, Reason: l.Text(f.Reason, f.ReasonEn)}
		if r := f.Return; r != nil {
			fj.Unit, fj.Name, fj.Level, fj.Parent, fj.Period = r.Unit.Code, r.Unit.Name, r.Unit.Level, r.Unit.Parent, r.Period.String()
		}
		doc.Returns = append(doc.Returns, fj)
	}
	var prev *rollup.Totals
	if v.Previous != nil {
		prev = v.Previous.Scope.Totals
	}
	doc.Totals = totalsJSON(v.Totals(), prev, rollup.Changes(v.Catalogue, v.Tree, v.Previous))
	if v.Tree != nil {
		doc.Scope = v.Tree.Scope.Unit.Code
		for _, b := range v.Tree.Blanks() {
			fj := doc.Totals[b.Figure.Code]
			for _, u := range b.Units {
				fj.Blank = append(fj.Blank, u.Unit.Code)
			}
			doc.Totals[b.Figure.Code] = fj
		}
		c := v.Tree.Completeness()
		if v.Roster != nil || len(c.Missing) > 0 {
			cj := &completenessJSON{Expected: codes(c.Expected), Received: codes(c.Received), Late: []string{},
				Missing: []string{}, Covered: c.Covered, Units: c.Units, Counts: []countJSON{}}
			for _, m := range c.Missing {
				cj.Missing = append(cj.Missing, m.Unit.Code)
				if m.Units > 1 {
					if cj.MissingUnits == nil {
						cj.MissingUnits = map[string]int{}
					}
					cj.MissingUnits[m.Unit.Code] = m.Units
				}
			}
			for _, m := range c.Late {
				cj.Late = append(cj.Late, m.Unit.Code)
			}
			for _, n := range c.Counts {
				cj.Counts = append(cj.Counts, countJSON{Unit: n.Unit.Code, Covered: n.Covered, Expected: n.Expected})
			}
			doc.Completeness = cj
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// problems converts problems for JSON.
func problems(l lang.Lang, ps []ingest.Problem) []problemJSON {
	out := []problemJSON{}
	for _, p := range ps {
		out = append(out, problemJSON{File: p.File, Sheet: p.Sheet, Cell: p.Cell, Unit: p.Unit, Figure: p.Figure,
			Severity: p.Severity.String(), Code: p.Code, Message: p.Message(l)})
	}
	return out
}

// totalsJSON is every figure's total keyed by code (with the previous period's when prev is set,
// and the change over the units that reported the figure in both periods).
func totalsJSON(t, prev *rollup.Totals, changes map[string]rollup.Change) map[string]figureJSON {
	round := func(f *ingest.Figure, v float64) *float64 {
		if f.Derived() {
			v = math.Round(v*1e6) / 1e6
		}
		return &v
	}
	out := map[string]figureJSON{}
	for _, f := range t.Catalogue().All() {
		fj := figureJSON{Reported: t.Reported(f), Expected: t.Expected, Units: t.Units}
		v, ok := t.Get(f)
		if ok {
			fj.Value = round(f, v)
		}
		if c := changes[f.Code]; prev != nil && c.OK {
			// Rounded each, and the change from the rounded values, so that they agree exactly.
			cur, p := round(f, c.Cur), round(f, c.Prev)
			d := *cur - *p
			if f.Derived() {
				d = math.Round(d*1e6) / 1e6
			}
			fj.Previous, fj.ComparedValue, fj.Change, fj.Estimated = p, cur, &d, c.Estimated
			n, of := c.Units, c.Of
			fj.Compared, fj.ComparedOf = &n, &of
		}
		out[f.Code] = fj
	}
	return out
}
