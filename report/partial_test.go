package report_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// Targets and check use the ratio over matching units: 78,47% meets 75%.
func TestPartialTargets(t *testing.T) {
	res := reporttest.KyAnh(t)
	found := false
	for _, r := range res.Results {
		if r.Scope && r.Target.Figure.Code == "gia_dinh.ty_le" {
			found = true
			if !r.Available || math.Abs(r.Actual-reporttest.KyAnhRate) > 1e-12 || !r.Met {
				t.Errorf("gia_dinh.ty_le against 75%%: %+v, want %v, met", r, reporttest.KyAnhRate)
			}
		}
	}
	if !found {
		t.Fatal("no result for gia_dinh.ty_le")
	}
}

func TestNameListCapped(t *testing.T) {
	var names []string
	for i := 1; i <= 12; i++ {
		names = append(names, fmt.Sprintf("xã số %d", i))
	}
	got := report.NameList(lang.Vi, names)
	if want := "xã số 1, xã số 2, xã số 3, xã số 4, xã số 5, xã số 6, xã số 7, xã số 8, xã số 9, xã số 10 và 2 đơn vị khác"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := report.NameList(lang.En, names[:3]); got != "xã số 1, xã số 2, xã số 3" {
		t.Errorf("short list = %q", got)
	}
}
