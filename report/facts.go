package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// Options are how a report is written: its language and the words of its heading.
type Options struct {
	Lang   lang.Lang
	Title  string    // overrides the default title's last line (the scope)
	Date   time.Time // the report's date; zero leaves it blank
	Place  string    // "Ninh Thuận" in "Ninh Thuận, ngày 05 tháng 7 năm 2024"
	Org    string    // association writing the report, top left
	Number string    // document number, "Số: 12/BC-HKH"
	// OrgParent is the body above the association, written above it ("HỘI KHUYẾN HỌC VIỆT NAM");
	// without it, the parent in the roster of the association (or of the scope), if any.
	OrgParent    string
	SignerTitles []string     // one line each: "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"; wording.yaml's without
	Signer       string       // who signs, under the space for the signature
	Recipients   []string     // "Nơi nhận", one line each; the notes' or wording.yaml's without
	Notes        *notes.Notes // the office's own words, placed among the generated sections
}

// Facts is what a report is written from — the figures read, the office's words and how to write
// them — with the questions every writer of the report asks of it: the scope's name, the ranking,
// the targets. It holds what the writers read and nothing else, and is not changed once made, so
// that the writers of one run (Excel, PDF, Word, HTML) share it at the same time.
type Facts struct {
	Lang      lang.Lang
	Date      time.Time     // the report's date; zero when undated
	Period    ingest.Period // the returns' period; zero when they are of several
	Catalogue *ingest.Catalogue
	Tree      *rollup.Tree     // the roll-up to the scope
	Targets   *ingest.Period   // the targets' period; nil without a targets file
	Results   []targets.Result // the scope's and each unit's results against the targets
	Files     []ingest.File    // every file read, with its status (the workbook's submissions)
	Problems  []ingest.Problem // every problem found (the workbook's problems)

	previous *rollup.Tree             // last period's roll-up; nil without
	own      Options                  // the office's words: title, place, org, number, signer, recipients, notes
	roster   *rollup.Roster           // nil without one: whether units are expected, the body above the association
	words    *wording                 // wording.yaml
	changes  map[string]rollup.Change // against last period, over the units in both
}

// completeness is who has reported under the scope.
func (f *Facts) completeness() rollup.Completeness { return f.Tree.Completeness() }

// covered is how many expected units the report's figures cover: the count said once at the
// head of the results, against which a figure that covers fewer says so.
func (f *Facts) covered() int {
	c := f.completeness()
	if c.Units == f.Scope().Totals.Expected && c.Covered < c.Units {
		return c.Covered
	}
	return f.Scope().Totals.Expected
}

// expected reports whether the report counts its returns against the units expected: with a
// roster, or when some units sent nothing.
func (f *Facts) expected() bool { return f.roster != nil || len(f.completeness().Missing) > 0 }

// Received says which returns were received: how many, or, when units are expected, how many of
// them have figures, and who sent nothing or was late («12/15 xã có số liệu, …»).
func (f *Facts) Received() string {
	if !f.expected() {
		return fmt.Sprint(f.Scope().Totals.Units)
	}
	head, _ := CompletenessLines(f.Lang, f.Tree)
	return head
}

// whole is the scope as a whole: "Toàn tỉnh", "Toàn cụm", "Toàn thị xã" — the word its name
// begins with after the association's («thị xã Kỳ Anh»; wording.yaml's article.places), else its
// level's.
func (f *Facts) whole() string {
	a := f.words.Area
	var area string
	if f.Lang != lang.En && !f.Scope().Cluster {
		name := strings.TrimPrefix(strings.TrimPrefix(f.signedName(), "Hội Khuyến học "), "Hội khuyến học ")
		for _, w := range f.words.Article.Places {
			if strings.HasPrefix(name, w+" ") {
				area = w
				break
			}
		}
	}
	if area == "" {
		level := f.Scope().Unit.Level
		if f.Scope().Cluster {
			level = "cum"
		}
		if w, ok := a.Names[level]; ok {
			area = w.in(f.Lang)
		}
	}
	if area == "" {
		return a.Other.in(f.Lang)
	}
	return fill(a.Whole.in(f.Lang), map[string]string{"area": area})
}

// members names the scope's units: "Các tỉnh" (not available when it has none).
func (f *Facts) members() (string, bool) {
	kids := f.Scope().Children
	if len(kids) == 0 {
		return "", false
	}
	level := kids[0].Unit.Level
	for _, k := range kids[1:] {
		if k.Unit.Level != level {
			level = ""
		}
	}
	return fill(f.words.Area.Members.in(f.Lang), map[string]string{"level": LevelWord(f.Lang, f.Catalogue, level)}), true
}

// dateText is {date}: "ngày 20/12/2024", or "nay" when the report is undated.
func (f *Facts) dateText() string {
	d := f.words.Date
	if f.Date.IsZero() {
		return d.Undated.in(f.Lang)
	}
	date := f.Date.Format("2 January 2006")
	if f.Lang != lang.En {
		date = fmt.Sprintf("%02d/%d/%d", f.Date.Day(), int(f.Date.Month()), f.Date.Year())
		if f.Date.Month() < 3 {
			date = fmt.Sprintf("%02d/%02d/%d", f.Date.Day(), int(f.Date.Month()), f.Date.Year())
		}
	}
	return fill(d.Dated.in(f.Lang), map[string]string{"date": date})
}

// NewFacts is the facts of a report of what was read, written as opts say, with the embedded
// wording. res.Tree must not be nil.
func NewFacts(res *pipeline.Result, opts Options) *Facts {
	f := &Facts{
		Lang: opts.Lang, Date: opts.Date, Period: res.Period(),
		Catalogue: res.Catalogue, Tree: res.Tree, Results: res.Results,
		Files: res.Batch.Files, Problems: res.Problems,
		previous: res.Previous, own: opts, roster: res.Roster, words: defaultWording(),
	}
	f.own.Lang, f.own.Date = "", time.Time{} // the fields above
	if res.Targets != nil {
		f.Targets = &res.Targets.Period
	}
	f.changes = res.Changes
	return f
}

// Scope is the node the report is about.
func (f *Facts) Scope() *rollup.Node { return f.Tree.Scope }

// PrevTotals are the scope's totals last period (nil without them).
func (f *Facts) PrevTotals() *rollup.Totals {
	if f.previous == nil {
		return nil
	}
	return f.previous.Scope.Totals
}

// Changes are the figures' changes against last period, over the units in both (none without
// last period's returns). The map is shared: read it, don't change it.
func (f *Facts) Changes() map[string]rollup.Change { return f.changes }

// prevNode is the unit's node in the previous period.
func (f *Facts) prevNode(code string) *rollup.Node {
	if f.previous == nil {
		return nil
	}
	if code == f.Scope().Unit.Code {
		return f.previous.Scope
	}
	return f.previous.Find(code)
}

func (f *Facts) figure(code string) *ingest.Figure {
	fig, _ := f.Catalogue.Figure(code)
	return fig
}

// ScopeName is how sentences name the scope: "Cụm thi đua số 6 (…)" or "Hội Khuyến học tỉnh Hà Giang".
func (f *Facts) ScopeName() string {
	u := f.Scope().Unit
	switch {
	case u.Name != "":
		return u.Name
	case f.own.Org != "":
		return f.own.Org // a scope no return names, or several roots, reported on by the association that names itself
	case u.Code != "":
		return u.Code
	}
	return f.words.Common.AllUnits.in(f.Lang)
}

// signedName is how the signed text names the scope: its name, or the association's (--org);
// never a unit code, which an office does not sign with — a dotted space to write the name in.
func (f *Facts) signedName() string {
	u := f.Scope().Unit
	switch {
	case u.Name != "":
		return u.Name
	case f.own.Org != "":
		return f.own.Org
	case u.Code != "" && !f.Scope().Cluster:
		return f.words.Unnamed.in(f.Lang)
	}
	return f.ScopeName()
}

// Unnamed reports whether the scope has no name to sign with (no return, roster or --org names it).
func (f *Facts) Unnamed() bool {
	u := f.Scope().Unit
	return u.Name == "" && f.own.Org == "" && u.Code != "" && !f.Scope().Cluster
}

// Title is the report's title: "Báo cáo tổng hợp … 6 tháng đầu năm 2024 — Cụm thi đua số 6".
func (f *Facts) Title() string {
	scope := f.ScopeName()
	if f.own.Title != "" {
		scope = f.own.Title
	}
	return fill(f.words.Title.Document.in(f.Lang), map[string]string{"period": PeriodLabel(f.Lang, f.Period), "scope": scope})
}

// Target is the scope's (or a unit's) result for a figure, if it has a target.
func (f *Facts) Target(unit string, scope bool, fig *ingest.Figure) (targets.Result, bool) {
	for _, r := range f.Results {
		if r.Target.Figure.Code == fig.Code && r.Scope == scope && (scope || r.Unit.Code == unit) {
			return r, true
		}
	}
	return targets.Result{}, false
}

// Ranked is a unit of the scope with its value of a figure.
type Ranked struct {
	Node  *rollup.Node
	Value float64
}

// Ranked is the scope's units that have the figure, best first (ties in Vietnamese name order).
func (f *Facts) Ranked(fig *ingest.Figure) []Ranked {
	var out []Ranked
	for _, n := range f.Scope().Children {
		if v, ok := n.Totals.Get(fig); ok {
			out = append(out, Ranked{Node: n, Value: v})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value > out[j].Value })
	return out
}

// RankingFigures are the figures units are ranked by (wording.yaml, ranking), that some unit
// reported; the first decides the order.
func (f *Facts) RankingFigures() []*ingest.Figure {
	s := f.words.section("ranking")
	if s == nil {
		return nil
	}
	var out []*ingest.Figure
	for _, code := range s.By {
		codes := []string{code}
		if rest, ok := strings.CutPrefix(code, "{model}"); ok {
			codes = nil
			for _, g := range f.Catalogue.Models {
				codes = append(codes, g.Code+rest)
			}
		}
		for _, c := range codes {
			if fig := f.figure(c); fig != nil {
				out = append(out, fig)
			}
		}
	}
	return f.Reported(out)
}

// ModelRate is the rate a learning model is judged by (recognised of all), nil when the
// catalogue has none.
func (f *Facts) ModelRate(g ingest.Group) *ingest.Figure {
	return f.figure(g.Code + "." + f.words.ModelRate)
}

// Reported lists the figures that at least one unit reported, in the order given.
func (f *Facts) Reported(fs []*ingest.Figure) []*ingest.Figure {
	var out []*ingest.Figure
	for _, fig := range fs {
		if _, ok := f.Scope().Totals.Get(fig); ok {
			out = append(out, fig)
		}
	}
	return out
}

// ChartFigure is the rate charted per unit: the chart's figure when it has a target, else the
// first rate with a target, else the chart's figure.
func (f *Facts) ChartFigure() *ingest.Figure {
	var want string
	if s := f.words.section("targets"); s != nil {
		want = s.Chart.Figure
	}
	for _, r := range f.Results {
		if r.Target.Figure.Code == want {
			return r.Target.Figure
		}
	}
	for _, r := range f.Results {
		if r.Target.Figure.Kind == ingest.Percent {
			return r.Target.Figure
		}
	}
	return f.figure(want)
}

// shortLabel is a column header short enough for a table: "Hội viên/dân số", "Gia đình học tập".
func (f *Facts) shortLabel(fig *ingest.Figure) string {
	if w, ok := f.words.Short[fig.Code]; ok {
		return w.in(f.Lang)
	}
	if fig.Model != "" {
		for _, g := range f.Catalogue.Models {
			if g.Code == fig.Model {
				name := f.Lang.Text(g.Vi, g.En)
				if i := strings.Index(name, " ("); i > 0 {
					name = name[:i]
				}
				return name
			}
		}
	}
	return fig.Label(f.Lang)
}

// PeriodLabel is the period's name, or "several periods" when returns of more than one were read.
func PeriodLabel(l lang.Lang, p ingest.Period) string {
	if p.IsZero() {
		return defaultWording().Common.Periods.in(l)
	}
	return p.Label(l)
}

// TargetText is a target as written: "≥ 70,00%".
func TargetText(l lang.Lang, t targets.Target) string {
	op := "≥ "
	if t.Op == targets.AtMost {
		op = "≤ "
	}
	return op + t.Figure.Format(l, t.Value)
}

// ActualText is a result's value as written beside its target. A missed target is never written
// as reached: when rounding would show it at the target, the value is rounded away from it
// instead (24,996% against ≥ 25% is «24,99%», not «25,00%»), so that «25%/25% chưa đạt» cannot be
// printed; otherwise it is rounded as everywhere (35,356% is 35,36%).
func ActualText(l lang.Lang, r targets.Result) string {
	return actualText(l, r.Target, r.Actual, r.Met)
}

func actualText(l lang.Lang, t targets.Target, actual float64, met bool) string {
	scale := 1.0 // counts and amounts are written whole
	if t.Figure.Kind == ingest.Percent {
		scale = 100 * 100 // percentages with two decimals
	}
	const eps = 1e-9 // 0.1797 is 1796.9999… ten-thousandths
	shown := math.Round(actual*scale) / scale
	switch {
	case met:
	case t.Op == targets.AtMost && shown <= t.Value+eps:
		shown = math.Ceil(actual*scale-eps) / scale
	case t.Op != targets.AtMost && shown >= t.Value-eps:
		shown = math.Floor(actual*scale+eps) / scale
	}
	return t.Figure.Format(l, shown)
}

// VerdictText says whether a target was met.
func VerdictText(l lang.Lang, r targets.Result) string {
	w := &defaultWording().Common
	switch {
	case !r.Available:
		return w.NoData.in(l)
	case r.Met:
		return w.Met.in(l)
	}
	return w.Missed.in(l)
}
