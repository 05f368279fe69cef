package view

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

func unitLabel(u ingest.Unit) string {
	if u.Name != "" {
		return u.Code + " " + u.Name
	}
	return u.Code
}

func gapText(l lang.Lang, r targets.Result) string {
	if !r.Available {
		return ""
	}
	sign := "+"
	if r.Gap < 0 {
		sign = "-"
	}
	if r.Target.Figure.Kind == ingest.Percent {
		return sign + lang.Decimal(l, math.Abs(r.Gap)*100, 2) + say().Points.In(l)
	}
	return sign + lang.Int(l, int64(math.Round(math.Abs(r.Gap))))
}

// coverage is how many of the units expected under the result's unit its figure covers: a rate
// over 3 of 4 units says so.
func coverage(v *pipeline.Result, r targets.Result) (reported, expected int) {
	if v.Tree == nil {
		return 0, 0
	}
	n := v.Tree.Scope
	if !r.Scope {
		n = v.Tree.Find(r.Unit.Code)
	}
	if n == nil || n.Totals == nil {
		return 0, 0
	}
	return n.Totals.Reported(r.Target.Figure), n.Totals.Expected
}

// CheckText writes the results for people, one line per unit and figure, then the count.
func CheckText(w io.Writer, l lang.Lang, v *pipeline.Result) error {
	fmt.Fprintln(w, say().Check.In(l, "targets_period", v.Targets.Period.Label(l), "targets", v.Targets.Name, "period", v.Period().Label(l)))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(report.Phrases(l, say().CheckColumns), "\t"))
	for _, r := range v.Results {
		actual := lang.NotAvailable(l)
		if r.Available {
			actual = report.ActualText(l, r)
		}
		reported, expected := coverage(v, r)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d/%d\n", unitLabel(r.Unit), r.Target.Figure.Code, r.Target.Figure.Label(l),
			actual, report.TargetText(l, r.Target), gapText(l, r), report.VerdictText(l, r), reported, expected)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	missed := targets.Missed(v.Results)
	fmt.Fprintf(w, "\n%s\n", say().Met.In(l, "met", len(v.Results)-missed, "of", len(v.Results)))
	if len(v.Problems) > 0 {
		fmt.Fprintf(w, "\n%s\n", say().Problems.In(l, "count", len(v.Problems)))
		for _, p := range v.Problems {
			fmt.Fprintf(w, "%s: %s: %s\n", p.Where(), p.Severity.Label(l), p.Message(l))
		}
	}
	return nil
}

// checkJSON is the schema of `khuyenhoc check --format json`.
type checkJSON struct {
	Schema   string        `json:"schema"`
	Tool     Tool          `json:"tool"`
	Period   string        `json:"period"`
	Targets  string        `json:"targets"`
	Results  []resultJSON  `json:"results"`
	Met      int           `json:"met"`
	Missed   int           `json:"missed"`
	Problems []problemJSON `json:"problems"`
}

// resultJSON is one figure of one unit against its target. Actual and Gap are null when the figure
// is not available; Met is then false.
type resultJSON struct {
	Unit     string   `json:"unit"`
	Name     string   `json:"name,omitempty"`
	Scope    bool     `json:"scope"`
	Figure   string   `json:"figure"`
	Actual   *float64 `json:"actual"`
	Op       string   `json:"op"`
	Target   float64  `json:"target"`
	Gap      *float64 `json:"gap"`
	Met      bool     `json:"met"`
	Reported int      `json:"reported"` // the units expected under the unit whose value is in Actual
	Expected int      `json:"expected"`
	Previous *float64 `json:"previous,omitempty"`
}

// CheckJSONWrite writes the JSON document of check, made by tool.
func CheckJSONWrite(w io.Writer, l lang.Lang, v *pipeline.Result, tool Tool) error {
	doc := checkJSON{Schema: "khuyenhoc.check/v1", Tool: tool, Period: v.Period().String(), Targets: v.Targets.Period.String(), Results: []resultJSON{}, Problems: problems(l, v.Problems)}
	for _, r := range v.Results {
		rj := resultJSON{Unit: r.Unit.Code, Name: r.Unit.Name, Scope: r.Scope, Figure: r.Target.Figure.Code, Op: string(r.Target.Op), Target: r.Target.Value, Met: r.Met}
		rj.Reported, rj.Expected = coverage(v, r)
		if r.Available {
			a, g := r.Actual, r.Gap
			rj.Actual, rj.Gap = &a, &g
		}
		if r.PrevOK {
			p := r.Previous
			rj.Previous = &p
		}
		if r.Met {
			doc.Met++
		} else {
			doc.Missed++
		}
		doc.Results = append(doc.Results, rj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// CheckJUnit writes JUnit XML: a suite of the data (a test case per file, a failing one per
// rejected file and per error; with strict, per warning and missing unit too), then a test suite
// per unit, a test case per figure.
func CheckJUnit(w io.Writer, l lang.Lang, v *pipeline.Result, strict bool) error {
	data := dataSuite(l, v, strict)
	doc := junitSuites{Name: "khuyenhoc check " + v.Period().String(), Tests: data.Tests, Failures: data.Failures, Suites: []junitSuite{data}}
	index := map[string]int{}
	for _, r := range v.Results {
		key := r.Unit.Code
		i, ok := index[key]
		if !ok {
			i = len(doc.Suites)
			index[key] = i
			doc.Suites = append(doc.Suites, junitSuite{Name: unitLabel(r.Unit)})
		}
		s := &doc.Suites[i]
		c := junitCase{Name: r.Target.Figure.Code + " " + report.TargetText(l, r.Target), ClassName: "khuyenhoc." + strings.ReplaceAll(r.Unit.Code, ".", "_")}
		if !r.Met {
			actual := lang.NotAvailable(l)
			if r.Available {
				actual = report.ActualText(l, r)
			}
			msg := say().Missed.In(l, "figure", r.Target.Figure.Label(l), "actual", actual, "target", report.TargetText(l, r.Target))
			c.Failure = &junitFailure{Message: msg, Type: report.VerdictText(l, r), Text: msg}
			s.Failures++
			doc.Failures++
		}
		s.Tests++
		doc.Tests++
		s.Cases = append(s.Cases, c)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
