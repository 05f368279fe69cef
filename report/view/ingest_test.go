package view

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

func TestPartialText(t *testing.T) {
	var b bytes.Buffer
	if err := IngestText(&b, lang.Vi, reporttest.KyAnh(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	rate := lang.Percent(lang.Vi, reporttest.KyAnhRate)
	if rate != "78,47%" {
		t.Fatalf("rate = %s", rate)
	}
	for _, want := range []string{
		"TÌNH HÌNH NỘP BÁO CÁO: 4/5 xã có số liệu, 4 báo cáo đã nhận, 1 chưa nộp, 1 nộp muộn\n",
		"  huyện Kỳ Anh: 2/3 xã\n",
		"  thị xã Kỳ Anh: 2/2 xã\n",
		"  chưa nộp: xã Kỳ Phú (huyện Kỳ Anh)\n",
		"  nộp muộn: xã Kỳ Giang (huyện Kỳ Anh)\n",
		"  Chi hội khuyến học (chi_hoi): phường Kỳ Lợi\n",
		"  Gia đình học tập: được công nhận (gia_dinh.cong_nhan): phường Kỳ Ninh\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	for code, want := range map[string]string{
		"gia_dinh.ty_le": rate + "  %             3/5", "gia_dinh.cong_nhan": "5.650  gia đình      3/5",
		"hoi_vien": "9.800  hội viên      4/5", "chi_hoi": "45  chi hội       3/5", "hoi_co_so": "0/5",
	} {
		line := lineOf(out, code+" ")
		if !strings.HasSuffix(line, want) {
			t.Errorf("%s line = %q, want it to end %q", code, line, want)
		}
	}
	var en bytes.Buffer
	if err := IngestText(&en, lang.En, reporttest.KyAnh(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SUBMISSIONS: 4 of 5 communes covered, 4 returns received, 1 missing, 1 late", "huyện Kỳ Anh: 2 of 3 communes", "missing: xã Kỳ Phú (huyện Kỳ Anh)"} {
		if !strings.Contains(en.String(), want) {
			t.Errorf("English text lacks %q", want)
		}
	}
}

func lineOf(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func TestPartialJSON(t *testing.T) {
	var b bytes.Buffer
	if err := IngestJSONWrite(&b, lang.Vi, reporttest.KyAnh(t), Tool{Name: "khuyenhoc", Version: "dev"}); err != nil {
		t.Fatal(err)
	}
	var doc ingestJSON
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	c := doc.Completeness
	if c == nil {
		t.Fatal("no completeness")
	}
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("expected", c.Expected, []string{"18571", "18574", "18577", "18613", "18616"})
	check("received", c.Received, []string{"18571", "18574", "18613", "18616"})
	check("missing", c.Missing, []string{"18577"})
	check("late", c.Late, []string{"18574"})
	check("covered", c.Covered, 4)
	check("units", c.Units, 5)
	check("counts", c.Counts, []countJSON{{"447", 2, 3}, {"449", 2, 2}})
	for code, want := range map[string][2]int{
		"chi_hoi": {3, 5}, "dan_so": {4, 5}, "hoi_vien": {4, 5}, "gia_dinh.tong": {4, 5}, "gia_dinh.dang_ky": {4, 5},
		"gia_dinh.cong_nhan": {3, 5}, "gia_dinh.ty_le": {3, 5}, "hoi_vien.ty_le": {4, 5}, "quy.so_du": {0, 5},
	} {
		fj := doc.Totals[code]
		if fj.Reported != want[0] || fj.Expected != want[1] || fj.Units != 4 {
			t.Errorf("totals.%s = %d/%d (units %d), want %d/%d (units 4)", code, fj.Reported, fj.Expected, fj.Units, want[0], want[1])
		}
	}
	if v := doc.Totals["gia_dinh.ty_le"].Value; v == nil || math.Abs(*v-math.Round(reporttest.KyAnhRate*1e6)/1e6) > 1e-9 {
		t.Errorf("gia_dinh.ty_le = %v, want %v", v, reporttest.KyAnhRate)
	}
	check("blank chi_hoi", doc.Totals["chi_hoi"].Blank, []string{"18613"})
	check("blank gia_dinh.cong_nhan", doc.Totals["gia_dinh.cong_nhan"].Blank, []string{"18616"})
}

// The same folder gives the same JSON, run after run, with many roll-up warnings in it.
func TestSameInputsSameJSON(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	dir := t.TempDir()
	write := func(code, parent string, values map[string]int64) {
		r := ingest.NewReturn(cat, ingest.Unit{Code: code, Name: "Hội Khuyến học " + code, Parent: parent}, ingest.Period{Year: 2024})
		for k, v := range values {
			r.Set(cat.MustFigure(k), v)
		}
		var b bytes.Buffer
		if err := ingest.WriteReturn(&b, cat, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, code+".xlsx"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"d1", "d2", "d3", "d4", "d5"} {
		write(d, "p", map[string]int64{"hoi_vien": 10, "chi_hoi": 1, "dan_so": 100, "tthtcd": 1})
		for _, x := range []string{"a", "b"} {
			write(d+x, d, map[string]int64{"hoi_vien": 100, "chi_hoi": 5, "dan_so": 1000, "tthtcd": 3})
		}
	}
	var first []byte
	for run := range 20 {
		res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := IngestJSONWrite(&b, lang.Vi, res, Tool{Name: "khuyenhoc", Version: "dev"}); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = b.Bytes()
			if n := bytes.Count(first, []byte(`"code": "parts_exceed"`)); n != 20 {
				t.Fatalf("%d parts_exceed warnings, want 20", n)
			}
			continue
		}
		if !bytes.Equal(b.Bytes(), first) {
			t.Fatalf("run %d gave other JSON", run)
		}
	}
}
