package report

import (
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// listCap is how many names a list shows before "và N đơn vị khác".
const listCap = 10

// nameList joins names, the first ten, then "và 3 đơn vị khác".
func nameList(l lang.Lang, names []string) string {
	if len(names) <= listCap {
		return strings.Join(names, ", ")
	}
	rest := len(names) - listCap
	return strings.Join(names[:listCap], ", ") + l.Text(fmt.Sprintf(" và %d đơn vị khác", rest), fmt.Sprintf(" and %d more", rest))
}

// levelWord names the units counted: "xã" in "2/3 xã", "communes" in "2 of 3 communes".
func levelWord(l lang.Lang, level string) string {
	switch level {
	case "tinh":
		return l.Text("tỉnh", "provinces")
	case "huyen":
		return l.Text("huyện", "districts")
	case "xa":
		return l.Text("xã", "communes")
	case "chi_hoi":
		return l.Text("chi hội", "branches")
	}
	return l.Text("đơn vị", "units")
}

// withParent is "xã Kỳ Phú (huyện Kỳ Anh)".
func withParent(t *rollup.Tree, u, parent ingest.Unit) string {
	name := t.FullName(u)
	if parent.Code != "" && parent.Code != t.Scope.Unit.Code {
		name += " (" + t.FullName(parent) + ")"
	}
	return name
}

// missingNames are the units that sent nothing, at the lowest level, each with its parent.
func missingNames(t *rollup.Tree, c rollup.Completeness) []string {
	var out []string
	for _, m := range c.Missing {
		out = append(out, withParent(t, m.Unit, m.Parent))
	}
	return out
}

// lateNames are the units whose return came after the due date, each with its parent.
func lateNames(t *rollup.Tree, c rollup.Completeness) []string {
	var out []string
	for _, m := range c.Late {
		out = append(out, withParent(t, m.Unit, m.Parent))
	}
	return out
}

// coverageText is "3/4" (or "3 of 4").
func coverageText(l lang.Lang, reported, expected int) string {
	return l.Text(fmt.Sprintf("%d/%d", reported, expected), fmt.Sprintf("%d of %d", reported, expected))
}

// completenessLines say who has reported: the count of the scope, each level's count, who is
// missing and who is late, and the figures some units left blank.
func completenessLines(l lang.Lang, t *rollup.Tree) (head string, lines []string) {
	c := t.Completeness()
	head = l.Text(
		fmt.Sprintf("%d/%d %s có số liệu, %d báo cáo đã nhận, %d chưa nộp, %d nộp muộn", c.Covered, c.Units, levelWord(l, c.Level), len(c.Received), len(c.Missing), len(c.Late)),
		fmt.Sprintf("%d of %d %s covered, %d returns received, %d missing, %d late", c.Covered, c.Units, levelWord(l, c.Level), len(c.Received), len(c.Missing), len(c.Late)))
	for _, n := range c.Counts {
		lines = append(lines, fmt.Sprintf("%s: %s %s", t.FullName(n.Unit), coverageText(l, n.Covered, n.Expected), levelWord(l, n.Level)))
	}
	if names := missingNames(t, c); len(names) > 0 {
		lines = append(lines, l.Text("chưa nộp: ", "missing: ")+nameList(l, names))
	}
	if names := lateNames(t, c); len(names) > 0 {
		lines = append(lines, l.Text("nộp muộn: ", "late: ")+nameList(l, names))
	}
	return head, lines
}

// blankLines say, a line per figure, which units left it blank (or had it refused).
func blankLines(l lang.Lang, t *rollup.Tree) []string {
	var lines []string
	for _, b := range t.Blanks() {
		var names []string
		for _, u := range b.Units {
			name := t.FullName(u.Unit)
			if u.Covered > 1 {
				name += " (" + coverageText(l, u.Reported, u.Covered) + ")"
			}
			names = append(names, name)
		}
		lines = append(lines, fmt.Sprintf("%s (%s): %s", b.Figure.Label(l), b.Figure.Code, nameList(l, names)))
	}
	return lines
}
