package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// workbooks are the report workbooks the print tests read: cluster 6 in both languages, and the
// fixtures folder, whose returns have many problems.
func workbooks(t *testing.T) map[string]*excelize.File {
	t.Helper()
	out := map[string]*excelize.File{}
	open := func(name string, res *pipeline.Result, opts report.Options) {
		var buf bytes.Buffer
		if err := Write(&buf, report.NewFacts(res, opts)); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		out[name] = f
	}
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		res, opts := reporttest.Cluster6(t, l)
		open("cum-6."+string(l), res, opts)
	}
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("fixtures")}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	open("fixtures", res, report.Options{Lang: lang.Vi})
	return out
}

// reportSheets are the sheets of the report itself, not of the consolidated return it carries.
func reportSheets(f *excelize.File) []string {
	var out []string
	for _, s := range f.GetSheetList() {
		if _, err := f.GetSheetDimension(s); err == nil && !isReturnSheet(s) {
			out = append(out, s)
		}
	}
	return out
}

func isReturnSheet(s string) bool {
	for _, r := range []string{ingest.SheetInfo, ingest.SheetFigures, ingest.SheetModels, ingest.SheetGuide, ingest.SheetCoverage} {
		if s == r {
			return true
		}
	}
	return false
}

// The report's sheets print legibly on landscape A4: a wide one at its own size over as many pages
// as it needs (not squeezed to one page wide), with its header rows and unit columns on every page.
func TestSheetsPrintAcrossPagesWithTitles(t *testing.T) {
	for name, f := range workbooks(t) {
		t.Run(name, func(t *testing.T) {
			titles := map[string]string{}
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" {
					titles[dn.Scope] = dn.RefersTo
				}
			}
			for _, s := range reportSheets(f) {
				props, err := f.GetSheetProps(s)
				if err != nil {
					t.Fatal(err)
				}
				if props.FitToPage != nil && *props.FitToPage {
					t.Errorf("%s is fitted to the page", s)
				}
				pl, err := f.GetPageLayout(s)
				if err != nil {
					t.Fatal(err)
				}
				scale := 100
				if pl.AdjustTo != nil {
					scale = int(*pl.AdjustTo)
				}
				if scale < 60 {
					t.Errorf("%s prints at %d%%, too small to read", s, scale)
				}
				if units := langOf(name).Text("Đơn vị", "Units"); s == units && scale != 100 {
					t.Errorf("%s, %.0f characters wide, prints shrunk to %d%%, want full size across pages", s, sheetWidth(t, f, s), scale)
				}
				if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
					t.Errorf("%s does not print on landscape A4", s)
				}
				panes, err := f.GetPanes(s)
				if err != nil {
					t.Fatal(err)
				}
				if panes.Freeze && titles[s] == "" {
					t.Errorf("%s keeps its header in view on screen but does not print it on every page", s)
				}
			}
			units := langOf(name).Text("Đơn vị", "Units")
			if got, want := titles[units], "'"+units+"'!$A:$B,'"+units+"'!$1:$2"; got != want {
				t.Errorf("the units sheet prints %q on every page, want %q", got, want)
			}
		})
	}
}

// sheetWidth is the sum of the widths of a sheet's used columns, in characters.
func sheetWidth(t *testing.T, f *excelize.File, s string) float64 {
	t.Helper()
	dim, _ := f.GetSheetDimension(s)
	_, last, _ := strings.Cut(dim, ":")
	cols, _, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	w := 0.0
	for c := 1; c <= cols; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		cw, err := f.GetColWidth(s, name)
		if err != nil {
			t.Fatal(err)
		}
		w += cw
	}
	return w
}

func langOf(name string) lang.Lang {
	if strings.HasSuffix(name, ".en") {
		return lang.En
	}
	return lang.Vi
}

// A sheet's declared used range is the range its cells fill: readers that trust it (openpyxl's
// read-only mode) read every row and no empty ones.
func TestSheetDimensionsMatchTheData(t *testing.T) {
	for name, f := range workbooks(t) {
		t.Run(name, func(t *testing.T) {
			testtool.CheckDimensions(t, f)
		})
	}
}

// Rows of wrapped text are as tall as their lines: no message runs over the next row.
func TestWrappedRowsAreTallEnough(t *testing.T) {
	f := workbooks(t)["fixtures"]
	s := "Vấn đề"
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	width, err := f.GetColWidth(s, "G")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, r := range rows[1:] {
		if len(r) < 7 {
			continue
		}
		need := float64(len([]rune(r[6]))) / (width * 1.3) // characters a line holds, generously
		h, err := f.GetRowHeight(s, i+2)
		if err != nil {
			t.Fatal(err)
		}
		if need > 1 {
			checked++
			if h < 12*need {
				t.Errorf("row %d is %.0f pt tall for a message of %.1f lines: %q", i+2, h, need, r[6])
			}
		}
	}
	if checked == 0 {
		t.Fatal("no message long enough to wrap: the test shows nothing")
	}
}

// The chart's value axis starts at 0.
func TestChartAxisStartsAtZero(t *testing.T) {
	res, opts := reporttest.Cluster6(t, lang.Vi)
	var buf bytes.Buffer
	if err := Write(&buf, report.NewFacts(res, opts)); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		m := regexp.MustCompile(`<(?:c:)?valAx>(.*?)</(?:c:)?valAx>`).FindStringSubmatch(string(b))
		if m == nil {
			t.Fatalf("%s has no value axis", zf.Name)
		}
		ax := m[1]
		if !regexp.MustCompile(`<(?:c:)?min val="0"`).MatchString(ax) {
			t.Errorf("the value axis of %s has no minimum of 0: %s", zf.Name, ax)
		}
		return
	}
	t.Fatal("the workbook has no chart")
}

// The units sheet's figure labels wrap between words: each column is as wide as its label's
// longest word, in English too ("(associations)").
func TestUnitHeadersWrapBetweenWords(t *testing.T) {
	for name, f := range workbooks(t) {
		t.Run(name, func(t *testing.T) {
			s := langOf(name).Text("Đơn vị", "Units")
			rows, err := f.GetRows(s)
			if err != nil {
				t.Fatal(err)
			}
			for i, label := range rows[1] {
				if label == "" {
					continue
				}
				col, _ := excelize.ColumnNumberToName(i + 1)
				w, err := f.GetColWidth(s, col)
				if err != nil {
					t.Fatal(err)
				}
				if need := longestWord(label); w < need {
					t.Errorf("column %s (%.0f) is narrower than the longest word of %q (%.0f)", col, w, label, need)
				}
			}
		})
	}
}

// Printed through LibreOffice, the cluster-6 workbook's wide sheets print across pages, each page
// with the header rows and the unit columns (names and the total row) and its number.
func TestPrintedThroughLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	testtool.Need(t, "soffice", "libreoffice-calc")
	testtool.Need(t, "pdftotext", "poppler-utils")
	res, opts := reporttest.Cluster6(t, lang.Vi)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := Write(&buf, report.NewFacts(res, opts)); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "c6.xlsx")
	if err := os.WriteFile(xlsx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")), "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", filepath.Join(dir, "c6.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	units := 0
	for i, p := range pages {
		// A page of the units or models sheet: the unit names and the total row in column B.
		if !strings.Contains(p, "Hội Khuyến học tỉnh Phú Yên") || !strings.Contains(p, "Tổng cộng") {
			continue
		}
		units++
		for _, want := range []string{"Mã", "Đơn vị", fmt.Sprintf("%d / %d", i+1, len(pages))} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d of the units sheet has no %q:\n%s", i+1, want, p)
			}
		}
	}
	if units < 3 {
		t.Errorf("%d pages carry the unit columns, want the 74 columns of the units sheet across several", units)
	}
	if len(pages) > 40 {
		t.Errorf("the workbook prints on %d pages", len(pages))
	}
}
