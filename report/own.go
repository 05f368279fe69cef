package report

import (
	"fmt"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// noteBlocks are a notes section's paragraphs and lists, with the figures of its placeholders.
func (f *Facts) noteBlocks(s notes.Section) []Block {
	var out []Block
	for _, b := range s.Blocks {
		items := make([][]Run, len(b.Items))
		for i, item := range b.Items {
			items[i] = f.ownRuns(item)
		}
		if b.List {
			out = append(out, &List{Items: items})
			continue
		}
		for _, runs := range items {
			out = append(out, &Paragraph{Runs: runs})
		}
	}
	return out
}

func (f *Facts) ownRuns(spans []notes.Span) []Run {
	runs := make([]Run, 0, len(spans))
	for _, sp := range spans {
		r := Run{Text: sp.Text, Bold: sp.Bold, Italic: sp.Italic}
		if p := sp.Placeholder; p != nil {
			r.Text, r.Figure = p.String(), p.Code
			if v, _, err := f.Placeholder(*p); err == nil {
				r.Text = v
			}
		}
		runs = append(runs, r)
	}
	return runs
}

// Placeholder is a notes placeholder filled with the scope's figure: {{hoi_vien}} its value
// (2.191.958; 20,74% for a rate; 191,2 tỷ đồng for money), {{hoi_vien.coverage}} "9/9 tỉnh" the
// units that value covers; {{hoi_vien.previous}} last period's value and {{hoi_vien.change}}
// "tăng 77.086" (a rate's in percentage points) are both over the units that reported the figure in
// both periods (like for like, so that they agree), which {{hoi_vien.change_coverage}} gives: "55/62
// xã". partial says that the figure (for previous and change: the comparison) covers only some of
// the units. A figure that is not in the catalogue is an error naming the nearest code; one
// without a value reads "không có số liệu".
func (f *Facts) Placeholder(p notes.Placeholder) (text string, partial bool, err error) {
	l := f.Lang
	fig, ok := f.Catalogue.Figure(p.Code)
	if !ok {
		near := f.Catalogue.Nearest(p.Code)
		return "", false, msgNoFigure.Errorf(p.Line, p.String(), p.Code, near)
	}
	totals := f.Scope().Totals
	covered, expected := f.coverage(fig)
	partial = covered < expected
	cmp, compared := f.compared(fig)
	if p.Field == "previous" || p.Field == "change" || p.Field == "change_coverage" {
		partial = compared && cmp.Partial()
	}
	value := func(t interface {
		Get(*ingest.Figure) (float64, bool)
	}) string {
		v, ok := t.Get(fig)
		if !ok {
			return lang.NotAvailable(l)
		}
		return formatValue(l, fig, v, "")
	}
	switch p.Field {
	case "":
		if v, ok := totals.Get(fig); ok && fig.Kind == ingest.Money {
			return lang.Money(l, v), partial, nil
		}
		return value(totals), partial, nil
	case "previous":
		if !compared {
			return lang.NotAvailable(l), partial, nil
		}
		format := ""
		if fig.Kind == ingest.Money {
			format = "money"
		}
		return formatValue(l, fig, cmp.Prev, format), partial, nil
	case "change":
		sp := &speaker{f: f}
		_, diff, _, ok := sp.difference(fig.Code)
		if !ok {
			return lang.NotAvailable(l), partial, nil
		}
		if diff == 0 {
			return f.words.Change.Unchanged.in(l), partial, nil
		}
		dir, amount := f.moved(fig, diff, true)
		return dir + " " + amount, partial, nil
	case "coverage":
		return fmt.Sprintf("%d/%d %s", covered, expected, f.unitsWord(expected)), partial, nil
	case "change_coverage":
		if !compared {
			return lang.NotAvailable(l), partial, nil
		}
		return fmt.Sprintf("%d/%d %s", cmp.Units, cmp.Of, f.unitsWord(cmp.Of)), partial, nil
	}
	return p.String(), partial, nil
}

// compared is the scope's figure this period and last over the units that reported it in both
// (ok false without a comparison).
func (f *Facts) compared(fig *ingest.Figure) (rollup.Change, bool) {
	if f.previous == nil {
		return rollup.Change{}, false
	}
	c := f.changes[fig.Code]
	return c, c.OK
}

// coverage is how many of the scope's units the figure's total covers, out of those expected.
func (f *Facts) coverage(fig *ingest.Figure) (covered, expected int) {
	t := f.Scope().Totals
	return t.Reported(fig), t.Expected
}

// unitsWord names the units counted: "tỉnh", "xã"; "provinces" in English.
func (f *Facts) unitsWord(int) string {
	return LevelWord(f.Lang, f.Catalogue, f.Tree.Completeness().Level)
}

// CheckNotes fills every placeholder of the notes once: an unknown figure is an error (with its
// line and the nearest code); a placeholder citing a figure that covers only some units is a
// warning, so that the office can say so.
func (f *Facts) CheckNotes() ([]string, error) {
	if f.own.Notes == nil {
		return nil, nil
	}
	var warnings []string
	// A heading placed because it is close to one the report knows: say which, and where it went.
	for _, n := range f.place(f.parts()).Near {
		placed := msgPlacedBefore
		switch {
		case n.Generated >= 0:
			placed = msgPlacedIn
		case n.After:
			placed = msgPlacedAfter
		}
		warnings = append(warnings, msgTakenFor.In(f.Lang, n.Section.Line, n.Section.Title, n.As, placed))
	}
	all := f.own.Notes.Placeholders()
	// stated: the line already says the coverage of the figure (field "coverage") or of its
	// comparison ("change_coverage").
	stated := func(p notes.Placeholder, field string) bool {
		for _, q := range all {
			if q.Line == p.Line && q.Code == p.Code && q.Field == field {
				return true
			}
		}
		return false
	}
	for _, p := range all {
		_, partial, err := f.Placeholder(p)
		if err != nil {
			return nil, err
		}
		if !partial || p.Field == "coverage" || p.Field == "change_coverage" {
			continue
		}
		fig, _ := f.Catalogue.Figure(p.Code)
		if p.Field == "previous" || p.Field == "change" {
			if stated(p, "change_coverage") {
				continue
			}
			c, _ := f.compared(fig)
			warnings = append(warnings, msgComparesOnly.In(f.Lang, p.Line, p.String(), c.Units, c.Of, f.unitsWord(c.Of), p.Code))
			continue
		}
		if stated(p, "coverage") {
			continue
		}
		covered, expected := f.coverage(fig)
		warnings = append(warnings, msgCoversOnly.In(f.Lang, p.Line, p.String(), covered, expected, f.unitsWord(expected), p.Code))
	}
	return warnings, nil
}
