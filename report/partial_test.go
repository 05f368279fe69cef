package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
)

// kyAnh is the partial sample of issue 11: five communes expected under huyện Kỳ Anh and thị xã
// Kỳ Anh; Kỳ Phú missing, Kỳ Giang late, Kỳ Ninh's recognised families refused, Kỳ Lợi's
// branches blank.
func kyAnh(t *testing.T) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{testdata("ky-anh", "2024")}, pipeline.Options{
		Roster:  testdata("ky-anh", "danh-sach.yaml"),
		Targets: testdata("ky-anh", "chi-tieu-2024.yaml"),
		PerUnit: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The hand-computed rate: recognised families over the families of the three communes that gave
// both figures.
const kyAnhRate = float64(1_900+2_050+1_700) / float64(2_400+2_600+2_200)

func TestPartialText(t *testing.T) {
	var b bytes.Buffer
	if err := IngestText(&b, lang.Vi, kyAnh(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	rate := lang.Percent(lang.Vi, kyAnhRate)
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
	if err := IngestText(&en, lang.En, kyAnh(t)); err != nil {
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
	if err := IngestJSONWrite(&b, lang.Vi, kyAnh(t)); err != nil {
		t.Fatal(err)
	}
	var doc IngestJSON
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
	check("counts", c.Counts, []CountJSON{{"447", 2, 3}, {"449", 2, 2}})
	for code, want := range map[string][2]int{
		"chi_hoi": {3, 5}, "dan_so": {4, 5}, "hoi_vien": {4, 5}, "gia_dinh.tong": {4, 5}, "gia_dinh.dang_ky": {4, 5},
		"gia_dinh.cong_nhan": {3, 5}, "gia_dinh.ty_le": {3, 5}, "hoi_vien.ty_le": {4, 5}, "quy.so_du": {0, 5},
	} {
		fj := doc.Totals[code]
		if fj.Reported != want[0] || fj.Expected != want[1] || fj.Units != 4 {
			t.Errorf("totals.%s = %d/%d (units %d), want %d/%d (units 4)", code, fj.Reported, fj.Expected, fj.Units, want[0], want[1])
		}
	}
	if v := doc.Totals["gia_dinh.ty_le"].Value; v == nil || math.Abs(*v-math.Round(kyAnhRate*1e6)/1e6) > 1e-9 {
		t.Errorf("gia_dinh.ty_le = %v, want %v", v, kyAnhRate)
	}
	check("blank chi_hoi", doc.Totals["chi_hoi"].Blank, []string{"18613"})
	check("blank gia_dinh.cong_nhan", doc.Totals["gia_dinh.cong_nhan"].Blank, []string{"18616"})
}

// Targets and check use the ratio over matching units: 78,47% meets 75%.
func TestPartialTargets(t *testing.T) {
	res := kyAnh(t)
	found := false
	for _, r := range res.Results {
		if r.Scope && r.Target.Figure.Code == "gia_dinh.ty_le" {
			found = true
			if !r.Available || math.Abs(r.Actual-kyAnhRate) > 1e-12 || !r.Met {
				t.Errorf("gia_dinh.ty_le against 75%%: %+v, want %v, met", r, kyAnhRate)
			}
		}
	}
	if !found {
		t.Fatal("no result for gia_dinh.ty_le")
	}
}

func TestPartialExcel(t *testing.T) {
	var x bytes.Buffer
	if err := WriteExcel(&x, kyAnh(t), Options{Lang: lang.Vi}); err != nil {
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
		"Tổng hợp!D" + row("gia_dinh.ty_le") + " = " + fmt.Sprint(math.Round(kyAnhRate*1e4)/1e4),
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

func TestNameListCapped(t *testing.T) {
	var names []string
	for i := 1; i <= 12; i++ {
		names = append(names, fmt.Sprintf("xã số %d", i))
	}
	got := NameList(lang.Vi, names)
	if want := "xã số 1, xã số 2, xã số 3, xã số 4, xã số 5, xã số 6, xã số 7, xã số 8, xã số 9, xã số 10 và 2 đơn vị khác"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := NameList(lang.En, names[:3]); got != "xã số 1, xã số 2, xã số 3" {
		t.Errorf("short list = %q", got)
	}
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
		if err := IngestJSONWrite(&b, lang.Vi, res); err != nil {
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
