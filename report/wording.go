package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Words is a text in both languages, as wording.yaml writes it: {vi: …, en: …}.
type Words struct {
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
}

// In is the text in l.
func (w Words) In(l lang.Lang) string { return l.Text(w.Vi, w.En) }

// Fill is the text in l with each {name} of vars replaced by its value.
func (w Words) Fill(l lang.Lang, vars map[string]string) string { return fill(w.In(l), vars) }

// words is how the report's own code names Words.
type words = Words

func (w words) in(l lang.Lang) string { return w.In(l) }

// clause is a sentence, or a part of one: a template, or cases of which the first that can be
// written is; then the clauses in more that can be written.
type clause struct {
	words `yaml:",inline"`
	Each  string    `yaml:"each"`  // "model" or "coverage": one sentence per group of the catalogue
	Cases []clause  `yaml:"cases"` // instead of a template: the first case that can be written
	List  []clause  `yaml:"list"`  // {list}: the items that can be written …
	Join  words     `yaml:"join"`  // … joined by this
	Last  words     `yaml:"last"`  // … the last one by this, when given (" và ")
	Units *unitList `yaml:"units"` // {units}
	More  []clause  `yaml:"more"`
}

// unitList is {units}: the scope's units with their value of a figure, best first.
type unitList struct {
	Figure     string `yaml:"figure"`      // the ranking's first figure when empty
	AboveScope bool   `yaml:"above_scope"` // only the units above the scope's own value
	First      int    `yaml:"first"`       // at most this many
	Rest       words  `yaml:"rest"`        // with `first`: an item saying how many there are ({count})
	AtLeast    int    `yaml:"at_least"`    // written only with at least …
	AtMost     int    `yaml:"at_most"`     // … and at most this many units
	Numbered   bool   `yaml:"numbered"`    // "1. Đắk Lắk (26,35%)"
	Rising     bool   `yaml:"rising"`      // only the units whose value rose since last period
	Join       words  `yaml:"join"`        // ", " when empty
}

// headingPart is a part of a section's heading, written when one of its figures was reported.
type headingPart struct {
	words   `yaml:",inline"`
	Figures []string `yaml:"figures"`
	Rest    bool     `yaml:"rest"` // the section's figures that no other part names
}

type section struct {
	Code    string `yaml:"code"`
	Kind    string `yaml:"kind"`
	Heading words  `yaml:"heading"`
	Parts   struct {
		Join  words         `yaml:"join"`
		Last  words         `yaml:"last"`
		Parts []headingPart `yaml:"parts"`
	} `yaml:"heading_parts"` // the heading made of the parts that have figures, else Heading
	Always    bool     `yaml:"always"`
	Tells     []string `yaml:"tells"`
	Quiet     []string `yaml:"quiet"`
	Sentences []clause `yaml:"sentences"`
	Units     []clause `yaml:"units"` // targets: a sentence per figure about the scope's units
	Blank     words    `yaml:"blank"` // submissions: an item of {blanks} ({figure}, {units})
	Rates     []words  `yaml:"rates"`
	Note      words    `yaml:"note"`
	By        []string `yaml:"by"`
	Columns   int      `yaml:"columns"`
	Chart     struct {
		Figure string `yaml:"figure"`
		Title  words  `yaml:"title"`
		Legend words  `yaml:"legend"`
	} `yaml:"chart"`
}

type column struct {
	Figure string `yaml:"figure"`
	words  `yaml:",inline"`
	Format string `yaml:"format"` // "million": in millions of đồng, one decimal
}

// wording is the report's words: see wording.yaml.
type wording struct {
	Title struct {
		Kind     words `yaml:"kind"`
		Subject  words `yaml:"subject"`
		Document words `yaml:"document"`
	} `yaml:"title"`
	Change struct {
		Moved     words `yaml:"moved"`
		Same      words `yaml:"same"`
		Up        words `yaml:"up"`
		Down      words `yaml:"down"`
		Previous  words `yaml:"previous"`
		Points    words `yaml:"points"`    // a rate's change: "điểm phần trăm"
		Delta     words `yaml:"delta"`     // {delta:A,B}: " ({changes})"
		Vs        words `yaml:"vs"`        // {vs:CODE}: " ({direction} {amount} so với {period})"
		Compare   words `yaml:"compare"`   // {compared}: "so với năm 2023"
		Unchanged words `yaml:"unchanged"` // {delta:CODE} of a figure that did not move
		Estimate  words `yaml:"estimate"`  // after last period's name when its figures are estimates
		Missing   words `yaml:"missing"`   // when the scope has no figure for last period ({scope})
		Over      words `yaml:"over"`      // {compared} of {of}: the change is over the units in both periods
		Map       words `yaml:"map"`       // once, when merged units' counts changed with the map: {figures}, {count}, {level}
	} `yaml:"change"`
	// Coverage heads the results when not every expected unit is in the figures.
	Coverage clause `yaml:"coverage"`
	// Partial follows a figure that covers fewer units than the results as a whole: {reported}, {expected}, {level}.
	Partial words `yaml:"partial"`
	// Area names the scope's whole ({whole}: "Toàn tỉnh") and its units ({members}: "Các tỉnh").
	Area struct {
		Whole   words            `yaml:"whole"`   // {area}
		Members words            `yaml:"members"` // {level}
		Names   map[string]words `yaml:"names"`   // a level's code, or cum: the area's word ("tỉnh")
		Other   words            `yaml:"other"`   // {whole} of an area without a word
	} `yaml:"area"`
	// Date is {date} in a sentence: "ngày {date}" for a dated report, Undated otherwise.
	Date struct {
		Dated   words `yaml:"dated"`
		Undated words `yaml:"undated"`
	} `yaml:"date"`
	Unnamed   words            `yaml:"unnamed"` // the scope's name when nothing names it
	Default   words            `yaml:"default"`
	ModelRate string           `yaml:"model_rate"`
	Short     map[string]words `yaml:"short"`
	Sections  []section        `yaml:"sections"`
	Signature struct {
		Recipients words   `yaml:"recipients"`
		To         []words `yaml:"to"`
		Signer     []words `yaml:"signer"`
		Copy       words   `yaml:"copy"` // the office's own copy, ending a list of recipients that lacks it
	} `yaml:"signature"`
	Appendix struct {
		Heading words    `yaml:"heading"`
		Columns []column `yaml:"columns"`
		Total   words    `yaml:"total"` // the total row's name ({whole})
		Own     words    `yaml:"own"`   // under the table when the scope's own return is its total ({total}, {scope})
	} `yaml:"appendix"`
	Common   CommonWords   `yaml:"common"`
	Workbook WorkbookWords `yaml:"workbook"`
	Article  articleWords  `yaml:"article"`

	// Terminal is what the commands print on a terminal: see terminal.go.
	Terminal TerminalWords `yaml:"terminal"`
}

//go:embed wording.yaml
var wordingYAML []byte

var defaultWording = sync.OnceValue(func() *wording {
	w, err := parseWording(bytes.NewReader(wordingYAML))
	if err != nil {
		panic("embedded wording: " + err.Error()) // a build defect, caught by every test
	}
	return w
})

var sectionKinds = map[string]bool{"figures": true, "models": true, "targets": true, "ranking": true, "submissions": true}

// parseWording decodes the report's words strictly.
func parseWording(r io.Reader) (*wording, error) {
	var w wording
	if err := ingest.DecodeYAML(r, &w); err != nil {
		return nil, fmt.Errorf("decode wording: %w", err)
	}
	for _, s := range w.Sections {
		if !sectionKinds[s.Kind] {
			return nil, fmt.Errorf("section %s: unknown kind %q", s.Code, s.Kind)
		}
	}
	return &w, nil
}

// section is the first section of the kind (nil when the wording has none).
func (w *wording) section(kind string) *section {
	for i := range w.Sections {
		if w.Sections[i].Kind == kind {
			return &w.Sections[i]
		}
	}
	return nil
}
