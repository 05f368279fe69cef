package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

func testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
}

// Tuyên Quang 2025 against the 2024 returns of Tuyên Quang and Hà Giang: every new unit gets last
// year's figures of what it took over; shares of the split ward make estimates; the return that
// maps nowhere is named.
func TestPreviousOnTheNewMap(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	res, err := pipeline.Run(context.Background(), cat, []string{testdata("tuyen-quang", "2025")}, pipeline.Options{
		Roster:   testdata("tuyen-quang", "danh-sach-2025.yaml"),
		Scope:    "08",
		Previous: []string{testdata("tuyen-quang", "2024")},
	})
	if err != nil {
		t.Fatal(err)
	}
	hv, _ := cat.Figure("hoi_vien")
	ds, _ := cat.Figure("dan_so")
	rate, _ := cat.Figure("hoi_vien.ty_le")
	tests := []struct {
		unit           string
		hoiVien, danSo int64
		estimated      bool
	}{
		// The province: both former provinces' own returns (Hà Giang's wins over its district's).
		{"08", 341270 + 262480, 946200 + 812600, false},
		// Hà Giang 2: Trần Phú and Ngọc Hà whole, 40% of Quang Trung.
		{"00691", 4200 + 3100 + 2000, 12100 + 9050 + 5600, true},
		// Hà Giang 1: Nguyễn Trãi whole, 60% of Quang Trung.
		{"00694", 4800 + 3000, 13300 + 8400, true},
	}
	for _, tt := range tests {
		n := res.Previous.Find(tt.unit)
		if n == nil {
			t.Fatalf("%s has no previous node", tt.unit)
		}
		if got, ok := n.Totals.Raw(hv); !ok || got != tt.hoiVien {
			t.Errorf("%s: previous hoi_vien = %d (%v), want %d", tt.unit, got, ok, tt.hoiVien)
		}
		if got, ok := n.Totals.Raw(ds); !ok || got != tt.danSo {
			t.Errorf("%s: previous dan_so = %d (%v), want %d", tt.unit, got, ok, tt.danSo)
		}
		// The ratio is recomputed from the mapped parts, never averaged.
		if got, ok := n.Totals.Get(rate); !ok || got != float64(tt.hoiVien)/float64(tt.danSo) {
			t.Errorf("%s: previous rate = %v, want %v", tt.unit, got, float64(tt.hoiVien)/float64(tt.danSo))
		}
		if n.Totals.Estimated != tt.estimated {
			t.Errorf("%s: estimated = %v, want %v", tt.unit, n.Totals.Estimated, tt.estimated)
		}
	}
	var unmapped []string
	for _, p := range res.Problems {
		if p.Code == ingest.CodeUnmappedPrevious {
			unmapped = append(unmapped, p.Unit+" "+filepath.Base(p.File))
		}
	}
	if got := strings.Join(unmapped, "; "); got != "01288 01288-xa-cao-bang.xlsx" {
		t.Errorf("unmapped = %q, want the Cao Bằng commune only", got)
	}
}

// A ward that took over part of a former ward whose share is not written cannot be compared: it
// says so, and has no previous value of its own.
func TestPartWithoutShareIsNotCompared(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "danh-sach.yaml")
	writeFile(t, roster, `don_vi:
  - {ma: "08", ten: "Hội Khuyến học tỉnh Tuyên Quang", cap: tinh, tien_than: ["02", "08"]}
  - {ma: "00691", ten: "Hội Khuyến học phường Hà Giang 2", cap: xa, cap_tren: "08", tien_than: ["00691", "00692", {ma: "00688", mot_phan: true}]}
  - {ma: "00694", ten: "Hội Khuyến học phường Hà Giang 1", cap: xa, cap_tren: "08", tien_than: ["00694", {ma: "00688", ty_le: 60%}]}
`)
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{testdata("tuyen-quang", "2025")}, pipeline.Options{
		Roster: roster, Previous: []string{testdata("tuyen-quang", "2024")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Previous.Find("00691"); n != nil && n.HasData() {
		t.Errorf("00691 has a previous value without the share of 00688")
	}
	found := false
	for _, p := range res.Problems {
		if p.Code == ingest.CodeUnmappedPrevious && p.Unit == "00691" {
			found = strings.Contains(p.Message(lang.Vi), "không so sánh được với kỳ trước — tiền thân 00688 chỉ sáp nhập một phần")
		}
	}
	if !found {
		t.Errorf("no message that 00691 cannot be compared: %v", res.Problems)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Cluster 4 of Bắc Trung Bộ on the 2025 map, province → commune with no district: the built-in
// roster of the 34 provinces with the cluster added rolls up the provinces' returns, and a
// province's communes stand beneath its own return.
func TestCluster4On2025Map(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	ro, err := rollup.FromPreset("tinh-2025", "")
	if err != nil {
		t.Fatal(err)
	}
	ro.Clusters = []rollup.Cluster{{Code: "cum-4", Name: "Cụm thi đua số 4 (Bắc Trung Bộ)", Members: []string{"38", "40", "42", "44"}}}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := rollup.WriteRoster(&buf, nil, ro); err != nil {
		t.Fatal(err)
	}
	rosterText := strings.Replace(buf.String(), "cum:\n", `  - {ma: "18073", ten: "Hội Khuyến học phường Thành Sen", cap: xa, cap_tren: "42"}`+"\ncum:\n", 1)
	writeFile(t, filepath.Join(dir, "danh-sach.yaml"), rosterText)
	hv, _ := cat.Figure("hoi_vien")
	ds, _ := cat.Figure("dan_so")
	returns := []struct {
		unit           ingest.Unit
		hoiVien, danSo int64
	}{
		{ingest.Unit{Code: "38", Name: "Hội Khuyến học tỉnh Thanh Hóa", Level: "tinh", Parent: "VN"}, 1_050_000, 3_760_000},
		{ingest.Unit{Code: "40", Name: "Hội Khuyến học tỉnh Nghệ An", Level: "tinh", Parent: "VN"}, 980_000, 3_470_000},
		{ingest.Unit{Code: "42", Name: "Hội Khuyến học tỉnh Hà Tĩnh", Level: "tinh", Parent: "VN"}, 420_000, 1_320_000},
		{ingest.Unit{Code: "44", Name: "Hội Khuyến học tỉnh Quảng Trị", Level: "tinh", Parent: "VN"}, 510_000, 1_880_000},
		{ingest.Unit{Code: "18073", Name: "Hội Khuyến học phường Thành Sen", Level: "xa", Parent: "42"}, 30_000, 90_000},
	}
	for _, r := range returns {
		ret := ingest.NewReturn(cat, r.unit, ingest.Period{Year: 2025})
		ret.Set(hv, r.hoiVien)
		ret.Set(ds, r.danSo)
		var b bytes.Buffer
		if err := ingest.WriteReturn(&b, cat, ret); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "bao-cao", r.unit.Code+".xlsx"), b.String())
	}
	res, err := pipeline.Run(context.Background(), cat, []string{filepath.Join(dir, "bao-cao")}, pipeline.Options{
		Roster: filepath.Join(dir, "danh-sach.yaml"), Scope: "cum-4",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := res.Tree.Scope.Totals.Raw(hv); got != 1_050_000+980_000+420_000+510_000 {
		t.Errorf("cluster 4 members = %d, want the four provinces' own returns", got)
	}
	if n := res.Tree.Find("18073"); n == nil || n.Unit.Parent != "42" {
		t.Errorf("the ward is not beneath Hà Tĩnh: %+v", n)
	}
	for _, p := range res.Problems {
		t.Errorf("problem: %v", p)
	}
	if len(res.Tree.Scope.Children) != 4 {
		t.Errorf("cluster 4 has %d members, want 4", len(res.Tree.Scope.Children))
	}
}

// Without a roster, a unit whose return was read but rejected is still among the units a total
// is expected to cover: 3/4, not 3/3.
func TestRejectedReturnIsNotCovered(t *testing.T) {
	dir := t.TempDir()
	src := testdata("ha-tinh-cum-nam-2023")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, e.Name()), string(data))
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "447-huyen-ky-anh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr(ingest.SheetFigures, "D3", "Số liệu năm trước")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{dir}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Batch.Rejected() != 1 {
		t.Fatalf("%d rejected, want the renamed header's return", res.Batch.Rejected())
	}
	hv, _ := res.Catalogue.Figure("hoi_vien")
	if got, want := fmt.Sprintf("%d/%d", res.Totals().Reported(hv), res.Totals().Expected), "3/4"; got != want {
		t.Errorf("hoi_vien covers %s, want %s", got, want)
	}
}
