package ingest

import (
	"fmt"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

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
				fmt.Sprintf("%s (%s) vượt %.0f%% %s (%s); hãy kiểm tra lại hai số này", small.Vi, lang.Int(lang.Vi, vs.N), rule.Factor*100, lowerFirst(large.Vi), lang.Int(lang.Vi, vl.N)),
				fmt.Sprintf("%s (%s) is above %.0f%% of %s (%s); check both figures", small.En, lang.Int(lang.En, vs.N), rule.Factor*100, lowerFirst(large.En), lang.Int(lang.En, vl.N)))
			continue
		}
		rd.add(rule.Severity, CodeExceeds, sheet, int(vs.Col), int(vs.Row), small.Code,
			fmt.Sprintf("%s (%s) lớn hơn %s (%s, ô %s); số này không thể vượt số kia, hãy sửa lại", small.Vi, lang.Int(lang.Vi, vs.N), lowerFirst(large.Vi), lang.Int(lang.Vi, vl.N), largeCell),
			fmt.Sprintf("%s (%s) is greater than %s (%s, cell %s); it cannot exceed it, correct one of them", small.En, lang.Int(lang.En, vs.N), lowerFirst(large.En), lang.Int(lang.En, vl.N), largeCell))
		r.unset(small)
	}
}
