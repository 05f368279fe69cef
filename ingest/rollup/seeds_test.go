package rollup_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

func catalogueYAML(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "catalogue.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Adding a figure is an edit of the catalogue only: the template gets its row, the reader reads it,
// the totals add it up.
func TestAddingAFigureIsData(t *testing.T) {
	yaml := strings.Replace(string(catalogueYAML(t)),
		`      - {code: tthtcd,`,
		"      - {code: lop_hoc, vi: \"Lớp học tình thương\", en: \"Charity classes\", unit_vi: lớp, unit_en: classes}\n      - {code: tthtcd,", 1)
	cat, err := ingest.ParseCatalogue(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	f, ok := cat.Figure("lop_hoc")
	if !ok {
		t.Fatal("the new figure is not in the catalogue")
	}
	r := ingest.NewReturn(cat, ingest.Unit{Code: "447"}, ingest.Period{Year: 2024})
	r.Set(f, 12)
	var buf bytes.Buffer
	if err := ingest.WriteReturn(&buf, cat, r); err != nil {
		t.Fatal(err)
	}
	got, problems := ingest.Read("new.xlsx", buf.Bytes(), cat)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if v := got.Value(f); !v.OK || v.N != 12 {
		t.Errorf("lop_hoc read back as %+v, want 12", v)
	}
	if n, _ := rollup.Sum(cat, []*ingest.Return{got, got}).Lookup("lop_hoc"); n != 24 {
		t.Errorf("lop_hoc summed to %v, want 24", n)
	}
}

// The sample returns add up to the seed articles' figures.
func TestSeedTotals(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	tests := []struct {
		dir  string
		want map[string]float64
	}{
		{"ha-tinh-cum-nam-2023", map[string]float64{
			"gia_dinh.cong_nhan": 85162, "gia_dinh.tong": 130039, "dong_ho.cong_nhan": 1317, "dong_ho.tong": 1560,
			"cong_dong.cong_nhan": 406, "cong_dong.tong": 562, "don_vi_cap_xa.cong_nhan": 66, "don_vi_cap_xa.tong": 69,
			"don_vi.cong_nhan": 175, "don_vi.tong": 214, "tthtcd": 69, "quy.van_dong": 15_230_000_000,
		}},
		{"na-ri-2023", map[string]float64{
			"xa.tong": 17, "xa.co_hoi": 17, "chi_hoi": 274, "ban_khuyen_hoc": 14, "hoi_vien": 10360, "quy.so_du": 900_500_000,
		}},
		{"binh-thanh-2022", map[string]float64{
			"hoi_vien": 52873, "gia_dinh.cong_nhan": 51119, "gia_dinh.tong": 66328, "dong_ho.cong_nhan": 54,
			"don_vi.cong_nhan": 117, "don_vi.tong": 124, "hoc_bong.suat": 614, "hoc_bong.tien": 558_600_000,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			b, err := ingest.Load(context.Background(), cat, []string{filepath.Join("..", "..", "testdata", tt.dir)}, ingest.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Problems) > 0 {
				t.Fatalf("problems: %v", b.Problems)
			}
			totals := rollup.Sum(cat, b.Returns)
			for code, want := range tt.want {
				if got, ok := totals.Lookup(code); !ok || got != want {
					t.Errorf("%s = %v (%v), want %v", code, got, ok, want)
				}
			}
		})
	}
	// Rates as the articles print them, computed from the counts and rounded to two decimals.
	rates := []struct {
		dir, code string
		want      string
	}{
		{"ha-tinh-cum-nam-2023", "gia_dinh.ty_le", "65.49"},  // article: 65,5%
		{"ha-tinh-cum-nam-2023", "dong_ho.ty_le", "84.42"},   // 84,4%
		{"ha-tinh-cum-nam-2023", "cong_dong.ty_le", "72.24"}, // 72,2%
		{"ha-tinh-cum-nam-2023", "don_vi.ty_le", "81.78"},    // 81.8%
		{"na-ri-2023", "hoi_vien.ty_le", "23.52"},
		{"binh-thanh-2022", "hoi_vien.ty_le", "16.02"},
		{"binh-thanh-2022", "gia_dinh.ty_le", "77.07"},
		{"binh-thanh-2022", "don_vi.ty_le", "94.35"},
	}
	for _, tt := range rates {
		b, err := ingest.Load(context.Background(), cat, []string{filepath.Join("..", "..", "testdata", tt.dir)}, ingest.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		v, ok := rollup.Sum(cat, b.Returns).Lookup(tt.code)
		if got := formatRate(v); !ok || got != tt.want {
			t.Errorf("%s %s = %s, want %s", tt.dir, tt.code, got, tt.want)
		}
	}
}

func formatRate(v float64) string {
	return strconv.FormatFloat(v*100, 'f', 2, 64)
}
