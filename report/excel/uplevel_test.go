package excel

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
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
