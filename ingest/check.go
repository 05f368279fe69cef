package ingest

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// checkRules runs the catalogue's rules (recognised <= registered <= total, members <= population,
// …) on the return read and records what they find. A figure that breaks an error rule is left out.
func (rd *reader) checkRules() {
	r := rd.r
	for _, rule := range rd.cat.Rules {
		small, large := rd.cat.byCode[rule.Small], rd.cat.byCode[rule.Large]
		vs, vl := r.Value(small), r.Value(large)
		if !vs.OK || !vl.OK || float64(vs.N) <= float64(vl.N)*rule.Factor {
			continue
		}
		sheet, _ := r.Cell(vs)
		_, largeCell := r.Cell(vl)
		if rule.Code == CodeManyMembers {
			rd.add(rule.Severity, rule.Code, sheet, int(vs.Col), int(vs.Row), small.Code,
				msgManyMembers, small.Label, lang.Number(vs.N), rule.Factor*100, lowerLabel(large), lang.Number(vl.N))
			continue
		}
		rd.add(rule.Severity, CodeExceeds, sheet, int(vs.Col), int(vs.Row), small.Code,
			msgExceeds, small.Label, lang.Number(vs.N), lowerLabel(large), lang.Number(vl.N), largeCell)
		r.unset(small)
	}
}

// lowerLabel is the figure's label as a message argument, its first letter in lower case.
func lowerLabel(f *Figure) func(lang.Lang) string {
	return func(l lang.Lang) string { return lowerFirst(f.Label(l)) }
}
