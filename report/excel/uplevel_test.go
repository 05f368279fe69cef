package excel

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// A report workbook carries its date as the return's ngay_bao_cao, so that a corrected report
// sent up again supersedes the first at the level above, which counts the later one.
func TestLaterReportSupersedesEarlier(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	src := t.TempDir()
	returns, err := ingesttest.Province(src, cat, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{returns}, pipeline.Options{Roster: filepath.Join(src, "danh-sach.yaml"), Scope: "99"})
	if err != nil {
		t.Fatal(err)
	}
	up := t.TempDir()
	for _, day := range []int{20, 28} {
		var buf bytes.Buffer
		if err := Write(&buf, report.NewFacts(res, report.Options{Lang: lang.Vi, Date: time.Date(2025, 12, day, 0, 0, 0, 0, time.UTC)})); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(up, fmt.Sprintf("bao-cao-%d.xlsx", day))
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		r, problems := ingest.Read(name, buf.Bytes(), cat)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		if want := fmt.Sprintf("%02d/12/2025", day); r.ReportDate != want {
			t.Errorf("ngay_bao_cao = %q, want %s", r.ReportDate, want)
		}
	}
	above, err := pipeline.Run(context.Background(), cat, []string{up}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var counted, superseded []string
	for _, f := range above.Batch.Files {
		switch {
		case f.Return != nil:
			counted = append(counted, filepath.Base(f.Path))
		case strings.Contains(f.Reason, "được thay bằng báo cáo ngày 28/12/2025"):
			superseded = append(superseded, filepath.Base(f.Path))
		}
	}
	if len(counted) != 1 || counted[0] != "bao-cao-28.xlsx" || len(superseded) != 1 || superseded[0] != "bao-cao-20.xlsx" {
		t.Errorf("counted %q, superseded %q; want the report of the 28th counted and that of the 20th superseded", counted, superseded)
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
