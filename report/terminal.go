package report

import (
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Phrase is a short text of the wording in both languages, with {name} placeholders.
type Phrase struct {
	Vi string `yaml:"vi"`
	En string `yaml:"en"`
}

// In is the phrase in l with each {name} replaced by its value: vars are names and values in turn
// (a value written as fmt.Sprint writes it). A value is never read for placeholders itself.
func (p Phrase) In(l lang.Lang, vars ...any) string {
	s := l.Text(p.Vi, p.En)
	if len(vars) == 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name, value := s[i+1:i+j], s[i:i+j+1] // an unknown name stays as it is
		for k := 0; k+1 < len(vars); k += 2 {
			if vars[k] == name {
				value = fmt.Sprint(vars[k+1])
				break
			}
		}
		b.WriteString(s[:i])
		b.WriteString(value)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Phrases are the phrases in l.
func Phrases(l lang.Lang, ps []Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.In(l)
	}
	return out
}

// TerminalWords are what the commands print on a terminal (report/view): the headings, column
// names and short phrases of ingest's and check's text and of check's JUnit XML. See wording.yaml,
// terminal.
type TerminalWords struct {
	Files           Phrase   `yaml:"files"`
	FileColumns     []Phrase `yaml:"file_columns"`
	Problems        Phrase   `yaml:"problems"`
	ProblemUnit     Phrase   `yaml:"problem_unit"`
	Submissions     Phrase   `yaml:"submissions"`
	Blanks          Phrase   `yaml:"blanks"`
	Totals          Phrase   `yaml:"totals"`
	UnnamedScope    Phrase   `yaml:"unnamed_scope"`
	NoTotals        Phrase   `yaml:"no_totals"`
	TotalsColumns   []Phrase `yaml:"totals_columns"`
	PreviousColumns []Phrase `yaml:"previous_columns"`
	Estimate        Phrase   `yaml:"estimate"`
	ChangeUnits     Phrase   `yaml:"change_units"`
	Points          Phrase   `yaml:"points"`
	Check           Phrase   `yaml:"check"`
	CheckColumns    []Phrase `yaml:"check_columns"`
	Met             Phrase   `yaml:"met"`
	Missed          Phrase   `yaml:"missed"`
	Data            Phrase   `yaml:"data"`
	Missing         Phrase   `yaml:"missing"`
	MissingUnit     Phrase   `yaml:"missing_unit"`
	Late            Phrase   `yaml:"late"`
	LateUnit        Phrase   `yaml:"late_unit"`
}

// Terminal is the embedded wording's words of the terminal.
func Terminal() *TerminalWords { return &defaultWording().Terminal }
