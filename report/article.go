package report

import (
	"slices"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

// BuildArticle is the article of what was read (Facts.ArticleDocument), for a run that writes
// nothing else.
func BuildArticle(res *pipeline.Result, opts Options) *Document {
	return NewFacts(res, opts).ArticleDocument()
}

// ArticleDocument is the report as Document writes it, with what the article on the
// association's website says before the body (the Document's Article: headline, place, lead).
func (f *Facts) ArticleDocument() *Document { return f.WithArticle(f.Document()) }

// WithArticle is doc, a Document of these facts, with the article's headline, place and lead
// and each section's heading in sentence case (Heading.Plain), for a writer that does not set
// headings in capitals: a copy that shares doc's other blocks and leaves doc as it is, so that a
// run writing the signed report and the article builds the Document once.
func (f *Facts) WithArticle(doc *Document) *Document {
	c := *doc
	c.Article = f.article()
	c.Blocks = f.plainHeadings(doc.Blocks)
	return &c
}

// plainHeadings is blocks with each heading in capitals given its sentence case: the office's
// own as the notes write it, wording.yaml's (which name no one) in lower case after the first
// letter. The headings given one are copies; blocks is left as it is.
func (f *Facts) plainHeadings(blocks []Block) []Block {
	own := map[string]string{}
	if f.own.Notes != nil {
		for _, s := range f.own.Notes.Sections {
			t := notes.Title(s.Title)
			own[strings.ToUpper(t)] = t
		}
	}
	out := slices.Clone(blocks)
	for i, b := range out {
		h, ok := b.(*Heading)
		if !ok || h.Plain != "" || h.Text != strings.ToUpper(h.Text) {
			continue
		}
		plain := *h
		if t, ok := own[h.Text]; ok {
			plain.Plain = t
		} else {
			plain.Plain = sentenceCase(h.Text)
		}
		out[i] = &plain
	}
	return out
}

// articleWords are wording.yaml's words of the article for the association's website.
type articleWords struct {
	Headline clause           `yaml:"headline"`
	Lead     []clause         `yaml:"lead"`
	Whole    map[string]words `yaml:"whole"` // {whole} by the scope's level, "cum" for a cluster
	// Places are the words naming a kind of place in a unit's name ("Hội Khuyến học quận Bình
	// Thạnh"), first the longest; the one the scope's name holds makes {whole} with WholePlace.
	Places     []string `yaml:"places"`
	WholePlace words    `yaml:"whole_place"` // {place}; empty in a language: the level's word
}

// article is the headline and the lead of the article on the association's website, from
// wording.yaml's article: the figures that matter most, with the facts the headline and lead
// may cite ({scope}, {org}, {period}, {previous}, {whole}, {Whole}, {moved:CODE}).
func (f *Facts) article() Article {
	sp := &speaker{f: f, vars: f.articleVars()}
	a := Article{Place: f.own.Place}
	if runs, ok := sp.clause(f.words.Article.Headline); ok {
		a.Headline = runs
	} else {
		a.Headline = []Run{{Text: f.Title()}}
	}
	for _, c := range f.words.Article.Lead {
		p, ok := sp.sentence(c)
		if !ok {
			continue
		}
		if len(a.Lead) > 0 {
			a.Lead = append(a.Lead, Run{Text: " "})
		}
		a.Lead = append(a.Lead, p.Runs...)
	}
	return a
}

// articleVars are the facts a headline or a lead may cite: {moved:CODE} is the change of a
// figure against last period ("tăng 25.313 hội viên"; with |bare, "tăng 25.313"), over the
// units in both periods; absent when there is nothing to compare with.
func (f *Facts) articleVars() map[string]string {
	l := f.Lang
	vars := map[string]string{"scope": f.ScopeName(), "org": f.org(), "period": PeriodLabel(l, f.Period)}
	level := f.Scope().Unit.Level
	if f.Scope().Cluster {
		level = "cum"
	}
	whole, ok := f.words.Article.Whole[level]
	if !ok {
		whole = f.words.Article.Whole["khac"]
	}
	vars["whole"] = whole.in(l)
	if tpl := f.words.Article.WholePlace.in(l); tpl != "" && !f.Scope().Cluster {
		for _, p := range f.words.Article.Places {
			if strings.Contains(" "+f.Scope().Unit.Name+" ", " "+p+" ") {
				vars["whole"] = fill(tpl, map[string]string{"place": p})
				break
			}
		}
	}
	vars["Whole"] = upperFirst(vars["whole"])
	if pp, ok := f.previousName(); ok {
		if p := f.prevNode(f.Scope().Unit.Code); p != nil && p.HasData() {
			vars["previous"] = pp
		}
	}
	if vars["previous"] == "" {
		return vars
	}
	sp := &speaker{f: f}
	for _, name := range f.words.Article.placeholders() {
		code, ok := strings.CutPrefix(name, "moved:")
		if !ok {
			continue
		}
		code, bare := strings.CutSuffix(code, "|bare")
		fig, diff, over, ok := sp.difference(code)
		if !ok {
			continue
		}
		text := f.words.Change.Unchanged.in(l)
		if diff != 0 {
			direction, amount := f.moved(fig, diff, !bare)
			text = direction + " " + amount
		}
		vars[name] = text + over
	}
	return vars
}

// sentenceCase is a heading set in capitals written in sentence case: "TỔ CHỨC HỘI VÀ HỘI VIÊN"
// is "Tổ chức hội và hội viên" (the words of wording.yaml's headings name no one).
func sentenceCase(s string) string {
	return upperFirst(strings.ToLower(s))
}

// placeholders are the names of the placeholders of the headline and the lead, in both languages.
func (a *articleWords) placeholders() []string {
	var out []string
	var walk func(c clause)
	walk = func(c clause) {
		for _, tpl := range []string{c.Vi, c.En} {
			for _, p := range split(tpl) {
				if p.placeholder {
					out = append(out, p.text)
				}
			}
		}
		for _, list := range [][]clause{c.Cases, c.List, c.More} {
			for _, k := range list {
				walk(k)
			}
		}
	}
	walk(a.Headline)
	for _, c := range a.Lead {
		walk(c)
	}
	return out
}
