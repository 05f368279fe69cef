package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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

// A report of one unit has no ranking sheet and no chart sheet with nothing in it.
func TestNoEmptySheets(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	src := t.TempDir()
	returns, err := ingesttest.Province(src, cat, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{returns}, pipeline.Options{Roster: filepath.Join(src, "danh-sach.yaml"), Scope: "99"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, report.NewFacts(res, report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		if name == "Xếp hạng" || name == "Biểu đồ" {
			t.Errorf("a one-unit report has the sheet %q", name)
		}
		rows, _ := f.GetRows(name)
		for _, r := range rows {
			for _, c := range r {
				if strings.Contains(c, "Không có số liệu để vẽ biểu đồ") {
					t.Errorf("sheet %q says %q", name, c)
				}
			}
		}
	}
}

// The chart sheet lists the units from the highest rate down, and the chart names them, and its
// values, in dark type (not the pale grey of the default style), the highest at the top.
func TestChartSortedAndReadable(t *testing.T) {
	var buf bytes.Buffer
	res, opts := reporttest.Cluster6(t, lang.Vi)
	if err := Write(&buf, report.NewFacts(res, opts)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Biểu đồ", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	prev := 2.0
	for _, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil || v > prev {
			t.Errorf("row %q: rates not from the highest down", r)
		}
		prev = v
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/charts/chart1.xml" {
			continue
		}
		rc, _ := zf.Open()
		x, _ := io.ReadAll(rc)
		rc.Close()
		for _, ax := range []string{"catAx", "valAx"} {
			m := regexp.MustCompile(`<` + ax + `>.*?</` + ax + `>`).Find(x)
			if !bytes.Contains(m, []byte(`<a:defRPr`)) || !bytes.Contains(m, []byte(`<a:srgbClr val="000000">`)) {
				t.Errorf("the chart's %s is not named in dark type", ax)
			}
		}
		if !bytes.Contains(x, []byte(`<orientation val="maxMin">`)) {
			t.Error("the chart's categories do not run from the top")
		}
		return
	}
	t.Error("no chart in the workbook")
}
