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

// NameList joins names, the first ten, then "và 3 đơn vị khác".
func NameList(l lang.Lang, names []string) string {
	return nameList(l, names, defaultWording().Common.Units.in(l))
}

// nameList joins names, the first ten, then "và 3 xã khác" (what the rest are, in word).
func nameList(l lang.Lang, names []string, word string) string {
	return cappedList(l, names, word, listCap)
}

// cappedList joins names, the first n, then "và 3 xã khác".
func cappedList(l lang.Lang, names []string, word string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	more := fill(defaultWording().Common.More.in(l), map[string]string{"count": fmt.Sprint(len(names) - n), "word": word})
	return strings.Join(names[:n], ", ") + more
}

// LevelWord names the units counted: "xã" in "2/3 xã", "communes" in "2 of 3 communes" (the
// catalogue's unit_vi and unit_en of the level); units of several levels, or of a level the
// catalogue does not know, are "đơn vị".
func LevelWord(l lang.Lang, cat *ingest.Catalogue, level string) string {
	lv, ok := cat.Level(level)
	if !ok {
		return defaultWording().Common.Units.in(l)
	}
	return lv.Unit(l)
}

// WithParent is "xã Kỳ Phú (huyện Kỳ Anh)".
func WithParent(t *rollup.Tree, u, parent ingest.Unit) string {
	name := t.FullName(u)
	if parent.Code != "" && parent.Code != t.Scope.Unit.Code {
		name += " (" + t.FullName(parent) + ")"
	}
	return name
}

// missingNames are the units that sent nothing, at the lowest level, each with its parent. Past
// the first listCap, which is all that a NameList prints, a unit is only its code: a roster down
// to the branch has a hundred thousand of them.
func missingNames(t *rollup.Tree, c rollup.Completeness) []string {
	return withParents(t, c.Missing)
}

// lateNames are the units whose return came after the due date, each with its parent (past the
// first listCap, their codes).
func lateNames(t *rollup.Tree, c rollup.Completeness) []string {
	return withParents(t, c.Late)
}

func withParents(t *rollup.Tree, ms []rollup.Missing) []string {
	var out []string
	for i, m := range ms {
		if i >= listCap {
			out = append(out, m.Unit.Code)
			continue
		}
		out = append(out, WithParent(t, m.Unit, m.Parent))
	}
	return out
}

// CoverageText is "3/4" (or "3 of 4").
func CoverageText(l lang.Lang, reported, expected int) string {
	return fill(defaultWording().Common.Coverage.in(l), map[string]string{"reported": fmt.Sprint(reported), "expected": fmt.Sprint(expected)})
}

// CompletenessLines say who has reported: the count of the scope, each level's count, who is
// missing and who is late, and the figures some units left blank.
func CompletenessLines(l lang.Lang, t *rollup.Tree) (head string, lines []string) {
	c, w := t.Completeness(), &defaultWording().Common
	head = fill(w.Completeness.in(l), map[string]string{
		"covered": fmt.Sprint(c.Covered), "units": fmt.Sprint(c.Units), "level": LevelWord(l, t.Scope.Totals.Catalogue(), c.Level),
		"received": fmt.Sprint(len(c.Received)), "missing": fmt.Sprint(len(c.Missing)), "late": fmt.Sprint(len(c.Late)),
	})
	// Every unit's count when there are few; only those not complete when there are many.
	complete := 0
	for _, n := range c.Counts {
		if n.Covered < n.Expected || len(c.Counts) <= 2*listCap {
			lines = append(lines, fmt.Sprintf("%s: %s %s", t.FullName(n.Unit), CoverageText(l, n.Covered, n.Expected), LevelWord(l, t.Scope.Totals.Catalogue(), n.Level)))
		} else {
			complete++
		}
	}
	if complete > 0 {
		lines = append(lines, fill(w.Between.in(l), map[string]string{"complete": fmt.Sprint(complete), "count": fmt.Sprint(len(c.Counts))}))
	}
	if names := missingNames(t, c); len(names) > 0 {
		lines = append(lines, fill(w.MissingList.in(l), map[string]string{"units": NameList(l, names)}))
	}
	if names := lateNames(t, c); len(names) > 0 {
		lines = append(lines, fill(w.LateList.in(l), map[string]string{"units": NameList(l, names)}))
	}
	return head, lines
}

// BlankLines say, a line per figure, which units left it blank (or had it refused).
func BlankLines(l lang.Lang, t *rollup.Tree) []string {
	var lines []string
	for _, b := range t.Blanks() {
		var names []string
		for _, u := range b.Units {
			name := t.FullName(u.Unit)
			if u.Covered > 1 {
				name += " (" + CoverageText(l, u.Reported, u.Covered) + ")"
			}
			names = append(names, name)
		}
		lines = append(lines, fmt.Sprintf("%s (%s): %s", b.Figure.Label(l), b.Figure.Code, NameList(l, names)))
	}
	return lines
}
