package view

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
)

// dataSuite is the JUnit suite of the data itself ("dữ liệu"/"data"): a test case per file read,
// failing when the file was rejected or has errors; a failing test case per error (with strict, per warning and
// per unit missing or late too). It is what makes the exit status 1, so a dashboard shows why.
func dataSuite(l lang.Lang, v *pipeline.Result, strict bool) junitSuite {
	s := junitSuite{Name: say().Data.In(l)}
	add := func(name, kind, msg string) {
		c := junitCase{Name: name, ClassName: "khuyenhoc.data"}
		if msg != "" {
			c.Failure = &junitFailure{Message: msg, Type: kind, Text: msg}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	byFile := map[string][]string{}
	for _, p := range v.Problems {
		byFile[p.File] = append(byFile[p.File], p.Message(l))
	}
	for _, f := range v.Batch.Files {
		if f.Status == ingest.StatusSkipped {
			continue
		}
		msg := ""
		if f.Status == ingest.StatusRejected || f.Status == ingest.StatusErrors {
			msg = f.Status.Label(l) + ": " + strings.Join(byFile[f.Path], "; ")
		}
		add(f.Path, f.Status.Label(l), msg)
	}
	for _, p := range v.Problems {
		if p.Severity == ingest.Error || strict {
			name := p.Where()
			if p.Figure != "" {
				name += " " + p.Figure
			}
			add(name+" "+p.Code, p.Severity.Label(l), p.Message(l))
		}
	}
	if strict && v.Tree != nil && v.Roster != nil {
		c := v.Tree.Completeness()
		for _, u := range c.Missing {
			add(unitLabel(u.Unit), say().Missing.In(l), say().MissingUnit.In(l, "unit", unitLabel(u.Unit)))
		}
		for _, u := range c.Late {
			add(unitLabel(u.Unit), say().Late.In(l), say().LateUnit.In(l, "unit", unitLabel(u.Unit)))
		}
	}
	return s
}
