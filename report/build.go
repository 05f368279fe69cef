package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// Build is the Document of what was read (Facts.Document), for a run that writes nothing else.
func Build(res *pipeline.Result, opts Options) *Document {
	return NewFacts(res, opts).Document()
}

var roman = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"}

// part is a generated section of the report: its wording, heading and body.
type part struct {
	section *section
	title   string
	body    []Block
}

// parts are the generated sections that have something to say, in the wording's order.
func (f *Facts) parts() []part {
	var parts []part
	for _, s := range f.sections() {
		var body []Block
		switch s.Kind {
		case "figures":
			body = f.figures(s)
		case "models":
			body = f.models(s)
		case "targets":
			body = f.targets(s)
		case "ranking":
			body = f.ranking(s)
		case "submissions":
			body = f.submissions(s)
		}
		if body != nil {
			parts = append(parts, part{s, f.heading(s), body})
		}
	}
	return parts
}

// place puts the office's sections among the generated ones (nil notes: none).
func (f *Facts) place(parts []part) notes.Placement {
	if f.own.Notes == nil {
		return notes.Placement{}
	}
	titles := make([]string, len(parts))
	for i, p := range parts {
		titles[i] = p.title
	}
	return notes.Place(f.own.Notes, titles)
}

// sectionRef stands in the text for the number of a section, until the sections are numbered.
const sectionRef = "\x00section\x00"

// Document is what the report says: the heading, a section per section of wording.yaml that has
// something to say, the office's own sections among them, the signature and an appendix table
// per unit.
func (f *Facts) Document() *Document {
	l := f.Lang
	doc := &Document{Lang: l, Title: f.Title(), Author: f.org(), Date: f.Date, PageLabel: f.words.Common.Page.in(l),
		TableLabel: f.words.Common.Table.in(l), Header: f.header()}
	parts := f.parts()
	place := f.place(parts)
	// The office's words win: a generated sentence that states a figure the office's own words
	// on its section cite is left out.
	for i := range parts {
		if cited := citedCodes(place.Matched[i]); len(cited) > 0 {
			parts[i].body = without(parts[i].body, cited)
		}
	}
	n := 0
	var refs map[string]string // a section's code: its number
	heading := func(text, code string) {
		number := fmt.Sprint(n + 1)
		if n < len(roman) {
			number = roman[n]
		}
		n++
		if code != "" {
			if refs == nil {
				refs = map[string]string{}
			}
			refs[code] = number
		}
		doc.Blocks = append(doc.Blocks, &Heading{Level: 1, Number: number, Text: text})
	}
	own := func(secs []notes.Section, matched bool) {
		for _, s := range secs {
			switch {
			case s.Level == 2 && !matched:
				heading(strings.ToUpper(notes.Title(s.Title)), "")
			case s.Level == 3:
				doc.Blocks = append(doc.Blocks, &Heading{Level: 2, Text: notes.Title(s.Title)})
			}
			doc.Blocks = append(doc.Blocks, f.noteBlocks(s)...)
		}
	}
	own(place.Before, false)
	head := f.head(parts)
	for i, p := range parts {
		// A heading only with something under it: figures, the head of the results, or the
		// office's own words on the section.
		if len(p.body) == 0 && len(place.Matched[i]) == 0 && (i > 0 || len(head) == 0) {
			own(place.After[i], false)
			continue
		}
		heading(p.title, p.section.Code)
		if i == 0 {
			doc.Blocks = append(doc.Blocks, head...)
		}
		doc.Blocks = append(doc.Blocks, p.body...)
		own(place.Matched[i], true)
		own(place.After[i], false)
	}
	own(place.End, false)
	for _, b := range head {
		for j, r := range b.(*Paragraph).Runs {
			if strings.Contains(r.Text, sectionRef) {
				b.(*Paragraph).Runs[j].Text = strings.ReplaceAll(r.Text, sectionRef, refs[f.submissionsCode()])
			}
		}
	}
	doc.Blocks = append(doc.Blocks, f.signature())
	doc.Blocks = append(doc.Blocks, f.appendix()...)
	return doc
}

// head is what is said once at the head of the results: what the figures cover, when not every
// expected unit is in them, and that last period cannot be compared, when it cannot.
func (f *Facts) head(parts []part) []Block {
	var out []Block
	c := f.completeness()
	if t := f.Scope().Totals; c.Units == t.Expected && c.Covered < c.Units {
		vars := map[string]string{
			"covered": fmt.Sprint(c.Covered), "expected": fmt.Sprint(c.Units), "uncovered": fmt.Sprint(c.Units - c.Covered),
			"level": LevelWord(f.Lang, f.Catalogue, c.Level),
		}
		for _, p := range parts {
			if p.section.Kind == "submissions" {
				vars["section"] = sectionRef
			}
		}
		if p, ok := (&speaker{f: f, vars: vars}).sentence(f.words.Coverage); ok {
			out = append(out, p)
		}
	}
	if p := f.prevNode(f.Scope().Unit.Code); f.previous != nil && (p == nil || !p.HasData()) {
		period := f.words.Change.Previous.in(f.Lang)
		if !f.previous.Period.IsZero() {
			period = f.previous.Period.Label(f.Lang)
		}
		out = append(out, &Paragraph{Runs: []Run{{Text: fill(f.words.Change.Missing.in(f.Lang), map[string]string{"scope": f.signedName(), "period": period}) + "."}}})
	}
	if text, ok := f.mapChanged(); ok {
		out = append(out, &Paragraph{Runs: []Run{{Text: text + "."}}})
	}
	return out
}

func (f *Facts) submissionsCode() string {
	if s := f.words.section("submissions"); s != nil {
		return s.Code
	}
	return ""
}

// citedCodes are the figures the placeholders of the office's sections cite.
func citedCodes(secs []notes.Section) map[string]bool {
	cited := map[string]bool{}
	for _, s := range secs {
		for _, b := range s.Blocks {
			for _, item := range b.Items {
				for _, sp := range item {
					if sp.Placeholder != nil && sp.Placeholder.Field != "coverage" {
						cited[sp.Placeholder.Code] = true
					}
				}
			}
		}
	}
	return cited
}

// without leaves out the paragraphs that state one of the figures; when none that states a
// figure is left, the sentences that only introduced them go too («Số liệu trong ngoặc là…»).
func without(body []Block, cited map[string]bool) []Block {
	out := body[:0:0]
	dropped, stating := false, false
	for _, b := range body {
		if p, ok := b.(*Paragraph); ok && p.Style == Body {
			said := false
			for _, code := range p.Figures() {
				said = said || cited[code]
			}
			if said {
				dropped = true
				continue
			}
			stating = stating || len(p.Figures()) > 0
		}
		out = append(out, b)
	}
	if !dropped || stating {
		return out
	}
	kept := out[:0]
	for _, b := range out {
		if p, ok := b.(*Paragraph); !ok || p.Style != Body {
			kept = append(kept, b)
		}
	}
	return kept
}

// heading is a section's heading: the parts of heading_parts that have a figure reported under
// them, or the heading as written.
func (f *Facts) heading(s *section) string {
	l := f.Lang
	reported := func(code string) bool {
		fig := f.figure(code)
		if fig == nil {
			return false
		}
		_, ok := f.Scope().Totals.Get(fig)
		return ok
	}
	named := map[string]bool{}
	for _, hp := range s.Parts.Parts {
		for _, code := range hp.Figures {
			named[code] = true
		}
	}
	var parts []string
	for _, hp := range s.Parts.Parts {
		codes := hp.Figures
		if hp.Rest {
			for _, cs := range f.Catalogue.Sections {
				if slices.Contains(s.Tells, cs.Code) {
					for _, fig := range cs.Figures {
						if !named[fig.Code] {
							codes = append(codes, fig.Code)
						}
					}
				}
			}
		}
		if slices.ContainsFunc(codes, reported) {
			parts = append(parts, hp.in(l))
		}
	}
	if len(parts) == 0 {
		return s.Heading.in(l)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], s.Parts.Join.in(l)) + s.Parts.Last.in(l) + parts[len(parts)-1]
}

// signature is who signs and who receives the report: the options' words, the notes' "Nơi
// nhận", or wording.yaml's.
func (f *Facts) signature() *Signature {
	l, sig := f.Lang, f.words.Signature
	s := &Signature{Recipients: sig.Recipients.in(l), Name: f.own.Signer, Signer: f.own.SignerTitles, To: f.own.Recipients}
	if len(s.To) == 0 && f.own.Notes != nil {
		s.To = f.own.Notes.Recipients
	}
	if len(s.To) == 0 {
		parent := f.orgParent()
		if parent == "" {
			parent = f.words.Common.Parent.in(l)
		}
		for _, w := range sig.To {
			s.To = append(s.To, fill(w.in(l), map[string]string{"parent": parent}))
		}
	}
	s.To = RecipientLines(l, s.To)
	if len(s.Signer) == 0 {
		for _, w := range sig.Signer {
			s.Signer = append(s.Signer, w.in(l))
		}
	}
	return s
}

// sections are the sections of wording.yaml, with a section of its own, after the last section
// of figures, for each section of the catalogue that none of them tells (its name for heading).
func (f *Facts) sections() []*section {
	told := map[string]bool{}
	last := -1
	for i, s := range f.words.Sections {
		if s.Kind == "figures" {
			last = i
			for _, code := range s.Tells {
				told[code] = true
			}
		}
	}
	var out []*section
	for i := range f.words.Sections {
		out = append(out, &f.words.Sections[i])
		if i != last {
			continue
		}
		for _, cs := range f.Catalogue.Sections {
			if !told[cs.Code] {
				heading := words{Vi: strings.ToUpper(cs.Vi), En: strings.ToUpper(cs.En)}
				out = append(out, &section{Code: cs.Code, Kind: "figures", Heading: heading, Tells: []string{cs.Code}})
			}
		}
	}
	return out
}

// orgParent is the body above the association writing the report: as given, or its parent in
// the roster (the association found by name, or the scope when the report is the scope's own).
func (f *Facts) orgParent() string {
	if f.own.OrgParent != "" || f.roster == nil {
		return f.own.OrgParent
	}
	unit, ok := f.Scope().Unit, !f.Scope().Cluster
	if f.own.Org != "" {
		ok = false
		for _, u := range f.roster.Units {
			if u.Name == f.own.Org {
				unit, ok = u, true
				break
			}
		}
	}
	if !ok || unit.Parent == "" {
		return ""
	}
	p, _ := f.roster.Unit(unit.Parent)
	return p.Name
}

func (f *Facts) org() string {
	if f.own.Org != "" {
		return f.own.Org
	}
	return f.signedName()
}

func (f *Facts) header() Header {
	l := f.Lang
	number := f.own.Number
	if number == "" {
		number = "      /BC-HKH"
	}
	// The trích yếu says what and when; the scope only when it is not the association writing.
	title := strings.Split(fill(f.words.Title.Subject.in(l), map[string]string{"period": PeriodLabel(l, f.Period)}), "\n")
	switch {
	case f.own.Title != "":
		title = append(title, f.own.Title)
	case f.signedName() != f.org():
		title = append(title, f.signedName())
	}
	return Header{
		Parent:    f.orgParent(),
		Org:       f.org(),
		Number:    f.words.Common.Number.in(l) + number,
		Country:   f.words.Common.Country.in(l),
		Motto:     f.words.Common.Motto.in(l),
		PlaceDate: f.placeDate(),
		Kind:      f.words.Title.Kind.in(l),
		Title:     title,
	}
}

// placeDate is the place and date above the title: "Ninh Thuận, ngày 05 tháng 7 năm 2024" (a
// day before the 10th and the months before March with two digits, as Nghị định 30 writes them).
func (f *Facts) placeDate() string {
	w := &f.words.Common
	vars := map[string]string{"place": ""}
	if f.own.Place != "" {
		vars["place"] = f.own.Place + ", "
	}
	if f.Date.IsZero() {
		return w.PlaceUndated.Fill(f.Lang, vars)
	}
	vars["day"], vars["month"], vars["year"] = fmt.Sprintf("%02d", f.Date.Day()), fmt.Sprint(int(f.Date.Month())), fmt.Sprint(f.Date.Year())
	switch {
	case f.Lang == lang.En:
		vars["day"], vars["month"] = fmt.Sprint(f.Date.Day()), f.Date.Month().String()
	case f.Date.Month() < 3:
		vars["month"] = fmt.Sprintf("%02d", int(f.Date.Month()))
	}
	return w.PlaceDate.Fill(f.Lang, vars)
}

// figures is a section of sentences about the figures of some catalogue sections: the sentences
// of wording.yaml that can be written, then the default sentence of each figure none of them cites.
func (f *Facts) figures(s *section) []Block {
	var body []Block
	told := map[string]bool{}
	for _, q := range s.Quiet {
		told[q] = true
	}
	for _, c := range s.Sentences {
		for _, sp := range f.speakers(c) {
			f.cites(c, sp.group, told)
			if p, ok := sp.sentence(c); ok {
				body = append(body, p)
			}
		}
	}
	// A rate a sentence cites tells its parts too: no "Trường học: tổng số" line beside it.
	for _, fig := range f.Catalogue.Derived {
		if told[fig.Code] {
			told[fig.Num], told[fig.Den] = true, true
		}
	}
	var untold []*ingest.Figure
	mine := map[string]bool{}
	for _, code := range s.Tells {
		for _, cs := range f.Catalogue.Sections {
			if cs.Code != code {
				continue
			}
			for _, fig := range cs.Figures {
				mine[fig.Code] = true
				if !told[fig.Code] {
					untold = append(untold, fig)
				}
			}
		}
	}
	for _, fig := range f.Catalogue.Derived {
		if fig.Model == "" && mine[fig.Num] && !told[fig.Code] {
			untold = append(untold, fig)
		}
	}
	for _, fig := range untold {
		sp := &speaker{f: f, fig: fig}
		if p, ok := sp.sentence(clause{words: f.words.Default}); ok {
			body = append(body, p)
		}
	}
	if len(body) == 0 && !s.Always {
		return nil
	}
	return append([]Block{}, body...) // not nil: the heading is written even with nothing under it
}

// speakers are who tell a sentence: one per learning model or coverage group for "each", else one.
func (f *Facts) speakers(c clause) []*speaker {
	switch c.Each {
	case "model":
		return f.groupSpeakers(f.Catalogue.Models)
	case "coverage":
		return f.groupSpeakers(f.Catalogue.Coverage)
	}
	return []*speaker{{f: f}}
}

func (f *Facts) groupSpeakers(groups []ingest.Group) []*speaker {
	var out []*speaker
	for i := range groups {
		out = append(out, &speaker{f: f, group: &groups[i]})
	}
	return out
}

// appendix is a table of every unit's main figures after the report.
func (f *Facts) appendix() []Block {
	l := f.Lang
	children := f.Scope().Children
	if len(children) == 0 {
		return nil
	}
	a := f.words.Appendix
	type col struct {
		fig    *ingest.Figure
		header string
		format string
	}
	var shown []col
	for _, c := range a.Columns {
		fig := f.figure(c.Figure)
		if fig == nil {
			continue
		}
		if _, ok := f.Scope().Totals.Get(fig); !ok {
			continue
		}
		h := c.in(l)
		if h == "" {
			h = f.shortLabel(fig)
		}
		shown = append(shown, col{fig, h, c.Format})
	}
	t := &Table{Columns: []Column{{Header: f.words.Common.Columns.Unit.in(l), Width: 38, Align: Left}}}
	for _, c := range shown {
		t.Columns = append(t.Columns, Column{Header: c.header, Width: 129 / float64(max(len(shown), 1)), Align: Right})
	}
	cells := func(label string, totals func(*ingest.Figure) (float64, bool)) []string {
		row := []string{label}
		for _, c := range shown {
			v, ok := totals(c.fig)
			if !ok {
				row = append(row, "—")
				continue
			}
			row = append(row, formatValue(l, c.fig, v, c.format))
		}
		return row
	}
	shownFigures := func(cs []col) []*ingest.Figure {
		var out []*ingest.Figure
		for _, c := range cs {
			out = append(out, c.fig)
		}
		return out
	}
	for _, n := range children {
		t.Rows = append(t.Rows, Row{Cells: cells(upperFirst(f.Tree.Name(n.Unit)), n.Totals.Get)})
	}
	total := fill(a.Total.in(l), map[string]string{"whole": f.whole()})
	t.Rows = append(t.Rows, Row{Cells: cells(total, f.Scope().Totals.Get), Style: Total})
	out := []Block{
		&PageBreak{},
		&Heading{Level: 0, Text: a.Heading.in(l)},
		&Paragraph{Style: Caption, Runs: []Run{{Text: upperFirst(PeriodLabel(l, f.Period)) + " — " + f.signedName()}}},
		t,
	}
	// The scope's own return stands for it: its total need not be the sum of its units' rows.
	if f.Scope().Return != nil && !addsUp(f.Scope(), children, shownFigures(shown)) {
		note := fill(a.Own.in(l), map[string]string{"total": total, "scope": f.signedName()})
		out = append(out, &Paragraph{Style: Note, Runs: []Run{{Text: note}}})
	}
	return out
}

// addsUp reports whether the scope's raw figures are the sums of its units' (ratios aside).
func addsUp(scope *rollup.Node, children []*rollup.Node, figs []*ingest.Figure) bool {
	for _, fig := range figs {
		if fig.Derived() {
			continue
		}
		total, ok := scope.Totals.Get(fig)
		if !ok {
			continue
		}
		sum := 0.0
		for _, n := range children {
			v, _ := n.Totals.Get(fig)
			sum += v
		}
		if sum != total {
			return false
		}
	}
	return true
}

// mapChanged is the sentence, said once, that the structural figures of units formed from several
// former units changed with the map (the checks do not warn about them unit by unit).
func (f *Facts) mapChanged() (string, bool) {
	units := rollup.MapChanged(f.Tree, f.previous)
	if len(units) == 0 {
		return "", false
	}
	var names []string
	for _, fig := range f.Catalogue.Raw {
		if !fig.Structural {
			continue
		}
		name := lowerFirst(fig.Label(f.Lang))
		for _, g := range append(append([]ingest.Group(nil), f.Catalogue.Coverage...), f.Catalogue.Models...) {
			if g.Code == fig.Model {
				name = lowerFirst(f.Lang.Text(g.Vi, g.En))
			}
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	level := LevelWord(f.Lang, f.Catalogue, f.Tree.Completeness().Level)
	return fill(f.words.Change.Map.in(f.Lang), map[string]string{
		"figures": strings.Join(names, ", "), "count": fmt.Sprint(len(units)), "level": level}), true
}
