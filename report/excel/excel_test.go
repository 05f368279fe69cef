package excel

import (
	"bytes"
	"context"
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestGoldenExcel(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		t.Run(string(l), func(t *testing.T) {
			var dump bytes.Buffer
			if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(reporttest.WriteTwice(t, l, Write)), ""); err != nil {
				t.Fatal(err)
			}
			reporttest.Golden(t, *update, "cum-6."+string(l)+".xlsx.txt", dump.Bytes())
		})
	}
}

// A national report (every commune listed on its own sheet) is still the country's return.
func TestNationalReportIsAReturn(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	dir := t.TempDir()
	s, err := ingesttest.Synthesize(dir, cat, 300, 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Roster: s.Roster})
	if err != nil {
		t.Fatal(err)
	}
	tree := res.Tree
	var buf bytes.Buffer
	if err := Write(&buf, report.NewFacts(res, report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(buf.Bytes()), "Tất cả đơn vị"); err != nil {
		t.Fatal(err)
	}
	if got := len(regexp.MustCompile(`(?m)^Tất cả đơn vị!A\d+ = `).FindAllString(dump.String(), -1)); got != 1+300+len(tree.Scope.Children)+countDistricts(tree) { // the code header, every unit (the label header has no code)
		t.Errorf("«Tất cả đơn vị» has %d rows, want every unit", got)
	}
	r, problems := ingest.Read("national.xlsx", buf.Bytes(), cat)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if r.Unit.Code != "VN" {
		t.Errorf("the report is the return of %s, want VN", r.Unit.Code)
	}
	for _, f := range cat.Raw {
		want, ok := s.Totals.Raw(f)
		if got := r.Value(f); got.OK != ok || got.N != want {
			t.Errorf("%s = %+v, want %d", f.Code, got, want)
		}
	}
}

func countDistricts(tree *rollup.Tree) int {
	n := 0
	for _, p := range tree.Scope.Children {
		n += len(p.Children)
	}
	return n
}

// With a roster down to the branch, the sheet of all units lists every unit with figures and the
// highest unit of what sent nothing, not the units under it nor the branches under a commune's
// return (they are on the submissions sheet); a unit that sent nothing has its status and no
// figures. Here every third commune sends nothing: all those of district D01.
func TestAllUnitsDownToWhatReported(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	dir := t.TempDir()
	s, err := ingesttest.SynthesizeBranches(dir, cat, ingesttest.Branches{Returns: 20, Missing: 10, Branches: 120}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The whole roster, from its root: without --scope the scope would be the province, the lowest
	// unit that holds every return.
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Roster: s.Roster, Scope: "VN"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, report.NewFacts(res, report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(buf.Bytes()), "Tất cả đơn vị"); err != nil {
		t.Fatal(err)
	}
	codes := regexp.MustCompile(`(?m)^Tất cả đơn vị!A(\d+) = (.*)$`).FindAllStringSubmatch(dump.String(), -1)
	if len(codes) != 1+1+3+20 { // the header, the province, its 3 districts, 20 communes
		t.Errorf("«Tất cả đơn vị» has %d rows, want 25", len(codes))
	}
	missing := 0
	for _, c := range codes {
		if strings.Contains(c[2], "-C") {
			t.Errorf("a branch is listed: %s", c[2])
		}
		if row := c[1]; strings.Contains(dump.String(), "Tất cả đơn vị!E"+row+" = chưa nộp (0/40 chi hội khuyến học)\n") {
			missing++
			if strings.Contains(dump.String(), "Tất cả đơn vị!F"+row+" = ") {
				t.Errorf("row %s of a unit that sent nothing has figures", row)
			}
		}
	}
	if missing != 1 {
		t.Errorf("%d units listed as missing, want district D01", missing)
	}
}
