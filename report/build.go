package report

import (
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// Build writes what the report says from what was read: the heading, a section per section of
// wording.yaml that has something to say, the signature and an appendix table per unit.
func Build(res *pipeline.Result, opts Options) *Document {
	return NewFacts(res, opts).document()
}

var roman = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

func (f *Facts) document() *Document {
	l := f.Lang
	doc := &Document{Lang: l, Title: f.Title(), Author: f.org(), Date: f.Date, PageLabel: l.Text("Trang", "Page"), Header: f.header()}
	type part struct {
		title string
		body  []Block
	}
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
			parts = append(parts, part{s.Heading.in(l), body})
		}
	}
	// The office's own sections go among the generated ones: a section whose heading is a
	// generated section's after its figures, the others in their order around them.
	var place notes.Placement
	if f.Notes != nil {
		titles := make([]string, len(parts))
		for i, p := range parts {
			titles[i] = p.title
		}
		place = notes.Place(f.Notes, titles)
	}
	n := 0
	heading := func(text string) {
		number := fmt.Sprint(n + 1)
		if n < len(roman) {
			number = roman[n]
		}
		n++
		doc.Blocks = append(doc.Blocks, &Heading{Level: 1, Number: number, Text: text})
	}
	own := func(secs []notes.Section, matched bool) {
		for i, s := range secs {
			switch {
			case s.Level == 2 && !(matched && i == 0):
				heading(strings.ToUpper(notes.Title(s.Title)))
			case s.Level == 3:
				doc.Blocks = append(doc.Blocks, &Heading{Level: 2, Text: notes.Title(s.Title)})
			}
			doc.Blocks = append(doc.Blocks, f.noteBlocks(s)...)
		}
	}
	own(place.Before, false)
	if p := f.prevNode(f.Scope().Unit.Code); f.Previous != nil && (p == nil || !p.HasData()) {
		doc.Blocks = append(doc.Blocks, &Paragraph{Runs: []Run{{Text: fill(f.words.Change.Missing.in(l), map[string]string{"scope": f.ScopeName()}) + "."}}})
	}
	for i, p := range parts {
		heading(p.title)
		doc.Blocks = append(doc.Blocks, p.body...)
		after := place.After[i]
		matched := len(after) > 0 && notes.Key(after[0].Title) == notes.Key(p.title)
		own(after, matched)
	}
	own(place.End, false)
	doc.Blocks = append(doc.Blocks, f.signature())
	doc.Blocks = append(doc.Blocks, f.appendix()...)
	return doc
}

// signature is who signs and who receives the report: the options' words, the notes' "Nơi
// nhận", or wording.yaml's.
func (f *Facts) signature() *Signature {
	l, sig := f.Lang, f.words.Signature
	s := &Signature{Recipients: sig.Recipients.in(l), Name: f.Signer, Signer: f.SignerTitles, To: f.Recipients}
	if len(s.To) == 0 && f.Notes != nil {
		s.To = f.Notes.Recipients
	}
	if len(s.To) == 0 {
		for _, w := range sig.To {
			s.To = append(s.To, w.in(l))
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
	if f.OrgParent != "" || f.Roster == nil {
		return f.OrgParent
	}
	unit, ok := f.Scope().Unit, !f.Scope().Cluster
	if f.Org != "" {
		ok = false
		for _, u := range f.Roster.Units {
			if u.Name == f.Org {
				unit, ok = u, true
				break
			}
		}
	}
	if !ok || unit.Parent == "" {
		return ""
	}
	p, _ := f.Roster.Unit(unit.Parent)
	return p.Name
}

func (f *Facts) org() string {
	if f.Org != "" {
		return f.Org
	}
	return f.ScopeName()
}

func (f *Facts) header() Header {
	l := f.Lang
	number := f.Number
	if number == "" {
		number = "      /BC-KH"
	}
	scope := f.ScopeName()
	if f.Options.Title != "" {
		scope = f.Options.Title
	}
	return Header{
		Parent:    f.orgParent(),
		Org:       f.org(),
		Number:    l.Text("Số: ", "No.: ") + number,
		Country:   l.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
		Motto:     l.Text("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
		PlaceDate: f.placeDate(),
		Kind:      f.words.Title.Kind.in(l),
		Title:     []string{f.words.Title.Subject.in(l), upperFirst(PeriodLabel(l, f.Period())), scope},
	}
}

func (f *Facts) placeDate() string {
	if f.Date.IsZero() {
		if f.Lang == lang.En {
			return strings.TrimSpace(f.Place + ", date ...")
		}
		return strings.TrimPrefix(f.Place+", ngày ... tháng ... năm ...", ", ")
	}
	place := ""
	if f.Place != "" {
		place = f.Place + ", "
	}
	if f.Lang == lang.En {
		return place + f.Date.Format("2 January 2006")
	}
	month := fmt.Sprint(int(f.Date.Month()))
	if f.Date.Month() < 3 {
		month = fmt.Sprintf("%02d", int(f.Date.Month()))
	}
	return fmt.Sprintf("%sngày %02d tháng %s năm %d", place, f.Date.Day(), month, f.Date.Year())
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
			cites(c, sp.group, told)
			if p, ok := sp.sentence(c); ok {
				body = append(body, p)
			}
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
	t := &Table{Columns: []Column{{Header: l.Text("Đơn vị", "Unit"), Width: 38, Align: Left}}}
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
	for _, n := range children {
		t.Rows = append(t.Rows, Row{Cells: cells(f.Tree.Name(n.Unit), n.Totals.Get)})
	}
	t.Rows = append(t.Rows, Row{Cells: cells(l.Text("Tổng cộng", "Total"), f.Scope().Totals.Get), Style: Total})
	return []Block{
		&PageBreak{},
		&Heading{Level: 0, Text: a.Heading.in(l)},
		&Paragraph{Style: Caption, Runs: []Run{{Text: PeriodLabel(l, f.Period()) + " — " + f.ScopeName()}}},
		t,
	}
}
