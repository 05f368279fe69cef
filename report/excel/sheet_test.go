package excel

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

func TestPartialExcel(t *testing.T) {
	var x bytes.Buffer
	if err := Write(&x, report.NewFacts(reporttest.KyAnh(t), report.Options{Lang: lang.Vi})); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	if err := ingesttest.DumpWorkbook(&dump, bytes.NewReader(x.Bytes()), ""); err != nil {
		t.Fatal(err)
	}
	out := dump.String()
	row := func(code string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "Tổng hợp!A") && strings.HasSuffix(l, " = "+code) {
				cell, _, _ := strings.Cut(l, " = ")
				return strings.TrimPrefix(cell, "Tổng hợp!A")
			}
		}
		return "?"
	}
	for _, want := range []string{
		"Tổng hợp!B4 = 4/5 xã có số liệu, 4 báo cáo đã nhận, 1 chưa nộp, 1 nộp muộn",
		"Tổng hợp!I7 = Đơn vị có số liệu", "Tổng hợp!J7 = Đơn vị dự kiến",
		"Tổng hợp!I" + row("gia_dinh.ty_le") + " = 3", "Tổng hợp!J" + row("gia_dinh.ty_le") + " = 5",
		"Tổng hợp!I" + row("hoi_vien") + " = 4",
		"Tổng hợp!D" + row("gia_dinh.ty_le") + " = " + fmt.Sprint(math.Round(reporttest.KyAnhRate*1e4)/1e4),
		"Tình hình nộp!B5 = huyện Kỳ Anh", "Tình hình nộp!C5 = 2/3 xã",
		"Tình hình nộp!B7 = xã Kỳ Phú (huyện Kỳ Anh)", "Tình hình nộp!C7 = chưa nộp",
		"Tình hình nộp!A8 = chi_hoi", "Tình hình nộp!D8 = phường Kỳ Lợi",
		"Tình hình nộp!A9 = gia_dinh.cong_nhan", "Tình hình nộp!D9 = phường Kỳ Ninh",
		"Phạm vi số liệu!B", // the consolidated return carries its coverage
	} {
		if !strings.Contains(out, want) {
			t.Errorf("workbook lacks %q", want)
		}
	}
}
