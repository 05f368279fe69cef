package rollup_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// branchTree rolls up a small data set whose roster goes down to the branch, with every return
// of district P01-D01 left out: its communes and their branches sent nothing.
func branchTree(t *testing.T) (*ingest.Catalogue, *rollup.Tree) {
	t.Helper()
	cat := ingest.DefaultCatalogue()
	dir := t.TempDir()
	syn, err := ingesttest.SynthesizeBranches(dir, cat, ingesttest.Branches{Returns: 20, Missing: 30, Branches: 400}, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Load(context.Background(), cat, []string{dir}, ingest.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var kept []*ingest.Return
	for _, r := range b.Returns {
		if r.Unit.Parent != "P01-D01" {
			kept = append(kept, r)
		}
	}
	fh, err := os.Open(syn.Roster)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ro, err := rollup.ParseRoster(fh)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := rollup.Build(cat, kept, rollup.Options{Roster: ro, Scope: "P01"})
	if err != nil {
		t.Fatal(err)
	}
	return cat, tr
}

func writeConsolidated(t *testing.T, cat *ingest.Catalogue, r *ingest.Return) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ingest.WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "P01.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func missingUnits(ms []rollup.Missing) int {
	n := 0
	for _, m := range ms {
		n += m.Count()
	}
	return n
}

// A consolidated return lists a subtree that sent nothing as one row standing for its branches,
// and the level above counts the same covered, expected and missing units as the roll-up it came from.
func TestMissingSubtreeTravelsUpCompact(t *testing.T) {
	cat, tr := branchTree(t)
	orig := tr.Completeness()
	if orig.Covered == 0 || orig.Covered == orig.Units || len(orig.Missing) != orig.Units-orig.Covered {
		t.Fatalf("data set: %d/%d covered, %d missing", orig.Covered, orig.Units, len(orig.Missing))
	}
	r := tr.Consolidated(tr.Scope.Unit)
	cov := r.Coverage
	if got := cov.MissingUnits(); got != len(orig.Missing) {
		t.Errorf("consolidated: %d missing units, want %d", got, len(orig.Missing))
	}
	if len(cov.Missing) >= len(orig.Missing)/4 {
		t.Errorf("consolidated: %d rows for %d missing branches, want a row per silent subtree", len(cov.Missing), len(orig.Missing))
	}
	district := false
	for _, u := range cov.Missing {
		if u.Code == "P01-D01" {
			district = true
			if u.Level != "huyen" || u.Parent != "P01" {
				t.Errorf("P01-D01 listed as %+v", u)
			}
		}
		if strings.HasPrefix(u.Code, "P01-D01-") {
			t.Errorf("%s listed under a district that sent nothing", u.Code)
		}
	}
	if !district {
		t.Errorf("the silent district is not listed: %v", cov.Missing)
	}

	back, problems := ingest.ReadFile(writeConsolidated(t, cat, r), cat)
	if back == nil || len(problems) > 0 {
		t.Fatalf("read back: %v", problems)
	}
	if back.Coverage.MissingUnits() != len(orig.Missing) || len(back.Coverage.Missing) != len(cov.Missing) {
		t.Errorf("read back: %d rows for %d units, want %d for %d", len(back.Coverage.Missing), back.Coverage.MissingUnits(), len(cov.Missing), len(orig.Missing))
	}
	up, err := rollup.Build(cat, []*ingest.Return{back}, rollup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := up.Completeness()
	if c.Covered != orig.Covered || c.Units != orig.Units || missingUnits(c.Missing) != len(orig.Missing) || c.Level != orig.Level {
		t.Errorf("above: %d/%d %s covered, %d missing; want %d/%d %s, %d", c.Covered, c.Units, c.Level, missingUnits(c.Missing),
			orig.Covered, orig.Units, orig.Level, len(orig.Missing))
	}
	for _, f := range cat.Raw {
		if got, want := up.Scope.Totals.Reported(f), tr.Scope.Totals.Reported(f); got != want {
			t.Errorf("above: %s reported by %d, want %d", f.Code, got, want)
		}
	}
	for _, f := range cat.Derived {
		got, _ := up.Scope.Totals.Lookup(f.Code)
		want, _ := tr.Scope.Totals.Lookup(f.Code)
		if got != want {
			t.Errorf("above: %s = %v, want %v", f.Code, got, want)
		}
	}
	// Going up once more, the subtree stays one row standing for the same units.
	again := up.Consolidated(ingest.Unit{Code: "VN", Name: "Hội Khuyến học Việt Nam", Level: "trung_uong"}).Coverage
	if again.MissingUnits() != len(orig.Missing) || len(again.Missing) != len(cov.Missing) {
		t.Errorf("two levels up: %d rows for %d units, want %d for %d", len(again.Missing), again.MissingUnits(), len(cov.Missing), len(orig.Missing))
	}
}

// rewriteSheet changes the XML of the workbook's coverage sheet.
func rewriteSheet(t *testing.T, path string, change func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	m := regexp.MustCompile(`<sheet [^>]*name="` + ingest.SheetCoverage + `"[^>]*r:id="([^"]+)"`).FindStringSubmatch(read("xl/workbook.xml"))
	if m == nil {
		t.Fatal("no coverage sheet in workbook.xml")
	}
	target := regexp.MustCompile(`Id="` + m[1] + `"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + m[1] + `"`).FindStringSubmatch(read("xl/_rels/workbook.xml.rels"))
	if target == nil {
		t.Fatal("no coverage sheet in the relationships")
	}
	part := "xl/" + strings.TrimPrefix(target[1]+target[2], "/xl/")
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		body := read(f.Name)
		if f.Name == part {
			if changed := change(body); changed != body {
				body = changed
			} else {
				t.Fatal("the coverage sheet is unchanged")
			}
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A coverage sheet made before the column of units stood for reads one unit a row.
func TestCoverageWithoutUnitsColumn(t *testing.T) {
	cat, tr := branchTree(t)
	r := tr.Consolidated(tr.Scope.Unit)
	path := writeConsolidated(t, cat, r)
	rewriteSheet(t, path, func(s string) string {
		return regexp.MustCompile(`<c r="G\d+"[^>]*(/>|>.*?</c>)`).ReplaceAllString(s, "")
	})
	back, problems := ingest.ReadFile(path, cat)
	if back == nil || len(problems) > 0 {
		t.Fatalf("read back: %v", problems)
	}
	if got, want := back.Coverage.MissingUnits(), len(r.Coverage.Missing); got != want || back.Coverage.Expected != r.Coverage.Expected {
		t.Errorf("old sheet: %d missing units of %d, want one a row: %d of %d", got, back.Coverage.Expected, want, r.Coverage.Expected)
	}
}

// A coverage sheet that cannot be read whole never makes a return count as complete: the return
// is rejected with an error that names the file and the sheet.
func TestUnreadableCoverageRejects(t *testing.T) {
	cat, tr := branchTree(t)
	r := tr.Consolidated(tr.Scope.Unit)
	for name, change := range map[string]func(string) string{
		"cut short": func(s string) string { return s[:len(s)*2/3] },
		"units not a number": func(s string) string {
			return regexp.MustCompile(`(<c r="G\d+"[^>]*?)( t="[a-z]+")?>(<v>\d+</v>)</c>`).ReplaceAllString(s, `$1 t="inlineStr"><is><t>nhiều</t></is></c>`)
		},
		"more missing than expected": func(s string) string {
			return regexp.MustCompile(`(<c r="G\d+"[^>]*>)<v>\d+</v>`).ReplaceAllString(s, `$1<v>100000</v>`)
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := writeConsolidated(t, cat, r)
			rewriteSheet(t, path, change)
			back, problems := ingest.ReadFile(path, cat)
			if back != nil {
				t.Errorf("the return is read, coverage %+v", back.Coverage)
			}
			found := false
			for _, p := range problems {
				if p.Code == ingest.CodeCoverage && p.Severity == ingest.Error && p.Sheet == ingest.SheetCoverage && p.File == path {
					found = true
				}
			}
			if !found {
				t.Errorf("no coverage error naming file and sheet: %+v", problems)
			}
		})
	}
}
