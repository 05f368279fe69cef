package pdf

import (
	"bytes"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// The PDF keeps the measures of Nghị định 30/2020, measured on its pages.
func TestNghiDinh30Measured(t *testing.T) {
	if testing.Short() {
		t.Skip("needs pdftotext and qpdf")
	}
	var buf bytes.Buffer
	if err := Write(&buf, reporttest.HaGiang(t)); err != nil {
		t.Fatal(err)
	}
	reporttest.NghiDinh30(t, reporttest.Measure(t, buf.Bytes()), reporttest.HaGiangHead)
}
