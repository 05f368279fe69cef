package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/excel"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
	"github.com/khuyenhoc/khuyenhoc/report/view"
)

var haTinhSample = sync.OnceValues(func() (*ingesttest.Year2025, error) {
	dir, err := os.MkdirTemp("", "ha-tinh-2025-")
	if err != nil {
		return nil, err
	}
	return ingesttest.HaTinh2025(dir, ingest.DefaultCatalogue(), 1)
})

// haTinh is Hà Tĩnh's 2025 read against 2024, with or without the former roster, and no --scope.
func haTinh(t *testing.T, withOldRoster bool) (*ingesttest.Year2025, *pipeline.Result) {
	t.Helper()
	y, err := haTinhSample()
	if err != nil {
		t.Fatal(err)
	}
	opts := pipeline.Options{Roster: y.Roster, Previous: []string{y.Previous}, Targets: y.Targets, PerUnit: true}
	if withOldRoster {
		opts.PreviousRoster = y.OldRoster
	}
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{y.Returns}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return y, res
}

// compared is one figure's comparison as an output states it.
type compared struct {
	previous, current, change float64
	units, of                 int
}

// Every comparison in every output is like for like: last period's value and this period's over
// the same units, whose difference is the change, the same with and without --previous-roster
// (which only places former units on the map); and the output says over how many units.
func TestLikeForLikeEverywhere(t *testing.T) {
	var first map[string]compared
	for _, withOld := range []bool{false, true} {
		y, res := haTinh(t, withOld)
		if !res.ScopeChosen || res.Tree.Scope.Unit.Code != y.Province {
			t.Fatalf("scope %q (chosen %v), want the province %s", res.Tree.Scope.Unit.Code, res.ScopeChosen, y.Province)
		}
		got := jsonComparisons(t, res)
		if len(got) < 30 {
			t.Fatalf("%d figures compared in JSON", len(got))
		}
		for code, c := range got {
			if math.Abs(c.current-c.previous-c.change) > 1e-9 {
				t.Errorf("JSON %s: compared_value %v − previous %v ≠ change %v", code, c.current, c.previous, c.change)
			}
			if c.units == 0 || c.units > c.of {
				t.Errorf("JSON %s: compared %d of %d", code, c.units, c.of)
			}
		}
		if c := got["hoi_vien"]; c.of != 69-len(y.Missing) || c.units > c.of-len(y.Unshared) {
			// Of the communes that reported 2025, Kỳ Lợi's three wards have no share for it, and
			// those that lost a former commune's 2024 return are not compared either.
			t.Errorf("hoi_vien compared over %d of %d", c.units, c.of)
		}
		if first == nil {
			first = got
		} else {
			for code, c := range got {
				if first[code] != c {
					t.Errorf("--previous-roster changed %s: %+v, without it %+v", code, c, first[code])
				}
			}
		}
		excelComparisons(t, res, got)
		factsComparisons(t, res, got)
	}
}

func jsonComparisons(t *testing.T, res *pipeline.Result) map[string]compared {
	t.Helper()
	var buf bytes.Buffer
	if err := view.IngestJSONWrite(&buf, lang.Vi, res, view.Tool{Name: "khuyenhoc", Version: "dev"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Totals map[string]struct {
			Previous      *float64 `json:"previous"`
			ComparedValue *float64 `json:"compared_value"`
			Change        *float64 `json:"change"`
			Compared      *int     `json:"compared"`
			ComparedOf    *int     `json:"compared_of"`
		} `json:"totals"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]compared{}
	for code, f := range doc.Totals {
		if f.Change == nil {
			if f.Previous != nil || f.ComparedValue != nil {
				t.Errorf("JSON %s: a previous value without a change", code)
			}
			continue
		}
		if f.Previous == nil || f.ComparedValue == nil || f.Compared == nil || f.ComparedOf == nil {
			t.Errorf("JSON %s: change without previous, compared_value and coverage", code)
			continue
		}
		out[code] = compared{*f.Previous, *f.ComparedValue, *f.Change, *f.Compared, *f.ComparedOf}
	}
	return out
}

// The Excel summary: «Kỳ trước», «Thay đổi» and «Kỳ này, cùng đơn vị với kỳ trước» agree with each
// other and with JSON, and «Thay đổi tính trên» says over how many units.
func excelComparisons(t *testing.T, res *pipeline.Result, want map[string]compared) {
	t.Helper()
	var buf bytes.Buffer
	if err := excel.Write(&buf, report.NewFacts(res, report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[6]; len(h) < 12 || h[4] != "Kỳ trước (ước tính)" || h[5] != "Thay đổi" || h[11] != "Kỳ này, cùng đơn vị với kỳ trước" {
		t.Fatalf("summary header %q", h)
	}
	seen := 0
	for _, r := range rows[7:] {
		if len(r) < 12 || r[5] == "" {
			continue
		}
		prev, e1 := strconv.ParseFloat(r[4], 64)
		change, e2 := strconv.ParseFloat(r[5], 64)
		cur, e3 := strconv.ParseFloat(r[11], 64)
		if e1 != nil || e2 != nil || e3 != nil {
			t.Errorf("summary %s: %q %q %q are not numbers", r[0], r[4], r[5], r[11])
			continue
		}
		seen++
		if math.Abs(cur-prev-change) > 1e-9 {
			t.Errorf("summary %s: %v − %v ≠ %v", r[0], cur, prev, change)
		}
		w, ok := want[r[0]]
		if !ok {
			t.Errorf("summary %s: a change that JSON does not have", r[0])
			continue
		}
		tol := 1e-4 // a rate to four decimals, a count or an amount in whole units
		if fig := res.Catalogue.MustFigure(r[0]); fig.Kind != ingest.Percent {
			tol = 1
		}
		if math.Abs(prev-w.previous) > tol || math.Abs(change-w.change) > tol {
			t.Errorf("summary %s: previous %v, change %v; JSON %v, %v", r[0], prev, change, w.previous, w.change)
		}
		if over := report.CoverageText(lang.Vi, w.units, w.of) + " đơn vị"; r[10] != over {
			t.Errorf("summary %s: «Thay đổi tính trên» %q, want %q", r[0], r[10], over)
		}
	}
	if seen != len(want) {
		t.Errorf("summary: %d figures with a change, JSON %d", seen, len(want))
	}
}

var number = regexp.MustCompile(`[0-9][0-9.]*`)

// The facts: {{code.previous}} and {{code.change}} of every count are JSON's numbers, and
// {{code.change_coverage}} JSON's units.
func factsComparisons(t *testing.T, res *pipeline.Result, want map[string]compared) {
	t.Helper()
	f := report.NewFacts(res, report.Options{Lang: lang.Vi})
	parse := func(s string) float64 {
		v, _ := strconv.ParseFloat(strings.ReplaceAll(number.FindString(s), ".", ""), 64)
		return v
	}
	for code, w := range want {
		fig := res.Catalogue.MustFigure(code)
		if fig.Kind != ingest.Count || fig.Derived() {
			continue
		}
		text := func(field string) string {
			s, _, err := f.Placeholder(notes.Placeholder{Code: code, Field: field})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		if p := parse(text("previous")); p != w.previous {
			t.Errorf("{{%s.previous}} = %q, JSON %v", code, text("previous"), w.previous)
		}
		change := text("change")
		d := parse(change)
		if strings.HasPrefix(change, "giảm") {
			d = -d
		}
		if d != w.change {
			t.Errorf("{{%s.change}} = %q, JSON %v", code, change, w.change)
		}
		if cc, want := text("change_coverage"), strconv.Itoa(w.units)+"/"+strconv.Itoa(w.of)+" xã"; cc != want {
			t.Errorf("{{%s.change_coverage}} = %q, want %q", code, cc, want)
		}
	}
}

// A 2025 province compared with 2024 gets no warning that the merger alone explains, its counts of
// the map are compared only where the map did not change, and the report says so once.
func TestMergerAloneWarnsOfNothing(t *testing.T) {
	y, res := haTinh(t, false)
	for _, p := range res.Problems {
		if p.Code == ingest.CodeBigChange {
			t.Errorf("warning: %s", p.Message(lang.Vi))
		}
	}
	merged := map[string]bool{}
	for _, p := range res.Problems {
		if p.Code == ingest.CodeUnmappedPrevious && p.File == "" {
			merged[p.Unit] = true
		}
	}
	for _, u := range y.Unshared {
		if !merged[u] {
			t.Errorf("no warning that %s cannot be compared (a predecessor in part, no share)", u)
		}
	}
	doc := report.Build(res, report.Options{Lang: lang.Vi})
	text := documentText(doc)
	if n := strings.Count(text, "thay đổi theo việc sắp xếp đơn vị hành chính"); n != 1 {
		t.Errorf("the map's change is said %d times, want once:\n%s", n, text)
	}
	hv := jsonComparisons(t, res)["hoi_co_so"]
	if hv.units >= jsonComparisons(t, res)["hoi_vien"].units {
		t.Errorf("hoi_co_so compared over %d units, as many as hoi_vien: merged units' counts of the map are compared", hv.units)
	}
}

// Targets by level on a 2025 province: the communes are held to the rates and to their level's
// values, never to the province's amounts.
func TestTargetsByLevelOnAProvince(t *testing.T) {
	_, res := haTinh(t, false)
	communes := 0
	for _, r := range res.Results {
		if r.Scope {
			continue
		}
		communes++
		switch code := r.Target.Figure.Code; {
		case code == "quy.van_dong" || code == "hoi_vien":
			t.Errorf("%s is held to the province's %s", r.Unit.Code, code)
		case code == "hoi_vien.ty_le" && r.Unit.Code == "18073" && r.Target.Value != 0.25:
			t.Errorf("18073's own hoi_vien.ty_le target is %v, want 25%%", r.Target.Value)
		case code == "hoi_vien.ty_le" && r.Unit.Code != "18073" && r.Target.Value != 0.18:
			t.Errorf("%s: hoi_vien.ty_le target %v, want the communes' 18%%", r.Unit.Code, r.Target.Value)
		}
	}
	if communes != 69*3 {
		t.Errorf("%d results of communes, want 69 communes × 3 targets (two rates and the communes' scholarships)", communes)
	}
}

func documentText(doc *report.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if p, ok := bl.(*report.Paragraph); ok {
			b.WriteString(report.RunsText(p.Runs))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// The notes check names the placeholder a partial figure is about, and is silent when its line
// already states that coverage ({{code.coverage}} for a value, {{code.change_coverage}} for a
// comparison).
func TestNotesSayTheComparisonsCoverage(t *testing.T) {
	y, res := haTinh(t, false)
	fh, err := os.Open(y.Notes)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, "ghi-chu-2025.md")
	if err != nil {
		t.Fatal(err)
	}
	got, err := report.NewFacts(res, report.Options{Lang: lang.Vi, Notes: n}).CheckNotes()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"dòng 7: {{quy.van_dong}} chỉ gồm số liệu của 61/69 xã; nên ghi thêm {{quy.van_dong.coverage}}",
		"dòng 8: {{hoi_vien.change}} chỉ so sánh 55/62 xã có số liệu cả hai kỳ; nên ghi thêm {{hoi_vien.change_coverage}}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
