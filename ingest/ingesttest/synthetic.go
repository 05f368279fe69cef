package ingesttest

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// Synthetic describes a generated national data set: its roster and the totals its returns add up to.
type Synthetic struct {
	Dir    string
	Roster string // path of the roster file written beside the returns
	Totals *rollup.Totals
	Files  int
}

// Synthesize writes n realistic commune returns under dir (province → district → commune, about
// 60 provinces of 12 districts), a roster of every unit, and returns their known totals. It is for
// benchmarks and trials at national scale; the same n and seed give the same files.
func Synthesize(dir string, cat *ingest.Catalogue, n int, seed uint64) (*Synthetic, error) {
	return SynthesizeBranches(dir, cat, Branches{Returns: n}, seed)
}

// Branches shapes a data set whose roster goes down to the branch (chi hội).
type Branches struct {
	Returns  int // communes that send a return
	Missing  int // communes of the roster that send none, spread among the others
	Branches int // branches, spread evenly over all the communes; none sends a return of its own
}

// SynthesizeBranches is Synthesize with a roster that goes down to the branch: a commune's return
// speaks for its branches, a missing commune's branches are missing. 3,000 returns of 10,000
// communes and 189,219 branches make a roster of 200,000 units, the size of the country's.
func SynthesizeBranches(dir string, cat *ingest.Catalogue, b Branches, seed uint64) (*Synthetic, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	n, communes := b.Returns, b.Returns+b.Missing
	provinces := max(1, min(60, communes/150))
	districts := max(1, min(12, communes/provinces/8))
	var roster bytes.Buffer
	roster.WriteString("# Danh sách đơn vị tổng hợp (dữ liệu sinh tự động)\nhan_nop: 2024-12-15\ndon_vi:\n")
	roster.WriteString("  - {ma: \"VN\", ten: \"Hội Khuyến học Việt Nam\", cap: trung_uong}\n")
	type job struct {
		path string
		r    *ingest.Return
	}
	var jobs []job
	totals := rollup.NewTotals(cat)
	for i := range communes {
		p := i % provinces
		dist := (i / provinces) % districts
		pCode := fmt.Sprintf("P%02d", p+1)
		dCode := fmt.Sprintf("%s-D%02d", pCode, dist+1)
		cCode := fmt.Sprintf("%s-X%04d", dCode, i+1)
		if i < provinces {
			fmt.Fprintf(&roster, "  - {ma: %q, ten: \"Hội Khuyến học tỉnh số %d\", cap: tinh, cap_tren: \"VN\"}\n", pCode, p+1)
		}
		if i < provinces*districts {
			fmt.Fprintf(&roster, "  - {ma: %q, ten: \"Hội Khuyến học huyện %s\", cap: huyen, cap_tren: %q}\n", dCode, dCode, pCode)
		}
		fmt.Fprintf(&roster, "  - {ma: %q, ten: \"Hội Khuyến học xã %s\", cap: xa, cap_tren: %q}\n", cCode, cCode, dCode)
		// Branches i, i+communes, … belong to commune i: as many under each, give or take one.
		for k, br := 0, i; br < b.Branches; k, br = k+1, br+communes {
			fmt.Fprintf(&roster, "  - {ma: \"%s-C%03d\", ten: \"Chi hội khuyến học thôn %d\", cap: chi_hoi, cap_tren: %q}\n", cCode, k+1, k+1, cCode)
		}
		if (i+1)*n/communes == i*n/communes {
			continue // a missing commune: n of the communes send, evenly spread
		}
		r := ingest.NewReturn(cat, ingest.Unit{Code: cCode, Name: "Hội Khuyến học xã " + cCode, Level: "xa", Parent: dCode}, ingest.Period{Year: 2024})
		r.ReportDate = "10/12/2024"
		syntheticFigures(cat, r, rng)
		totals.AddReturn(r, 1)
		jobs = append(jobs, job{filepath.Join(dir, pCode, dCode, cCode+".xlsx"), r})
	}
	rosterPath := filepath.Join(dir, "danh-sach.yaml")
	if err := os.WriteFile(rosterPath, roster.Bytes(), 0o644); err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	next := make(chan job)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				if err := writeReturnFile(j.path, cat, j.r); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	return &Synthetic{Dir: dir, Roster: rosterPath, Totals: totals, Files: n}, nil
}

func writeReturnFile(path string, cat *ingest.Catalogue, r *ingest.Return) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	if err := ingest.WriteReturn(w, cat, r); err != nil {
		fh.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// syntheticFigures fills a commune's return with plausible, consistent figures.
func syntheticFigures(cat *ingest.Catalogue, r *ingest.Return, rng *rand.Rand) {
	set := func(code string, v int64) {
		if f, ok := cat.Figure(code); ok {
			r.Set(f, v)
		}
	}
	pop := int64(3000 + rng.IntN(12000))
	set("dan_so", pop)
	members := pop * int64(12+rng.IntN(25)) / 100
	set("hoi_vien", members)
	set("hoi_vien_moi", members*int64(rng.IntN(8))/100)
	set("hoi_co_so", 1)
	set("chi_hoi", int64(8+rng.IntN(20)))
	set("ban_khuyen_hoc", int64(rng.IntN(6)))
	set("xa.tong", 1)
	set("xa.co_hoi", 1)
	villages := int64(5 + rng.IntN(15))
	set("thon.tong", villages)
	set("thon.co_hoi", villages-int64(rng.IntN(2)))
	schools := int64(2 + rng.IntN(5))
	set("truong.tong", schools)
	set("truong.co_hoi", schools)
	set("quy.so_du", pop*int64(8000+rng.IntN(20000)))
	set("quy.van_dong", pop*int64(1000+rng.IntN(5000)))
	grants := int64(10 + rng.IntN(90))
	set("hoc_bong.suat", grants)
	set("hoc_bong.tien", grants*int64(500_000+rng.IntN(1_500_000)))
	set("tthtcd", 1)
	set("chuong_trinh_phoi_hop", int64(rng.IntN(3)))
	for _, g := range cat.Models {
		var total int64
		switch g.Code {
		case "gia_dinh":
			total = pop / 4
		case "cong_dan":
			total = pop * 7 / 10
		case "dong_ho":
			total = int64(5 + rng.IntN(40))
		case "cong_dong":
			total = villages
		case "don_vi_cap_xa":
			total = 1
		default:
			total = schools + int64(rng.IntN(6))
		}
		reg := total * int64(70+rng.IntN(31)) / 100
		rec := reg * int64(60+rng.IntN(41)) / 100
		set(g.Code+".tong", total)
		set(g.Code+".dang_ky", reg)
		set(g.Code+".cong_nhan", rec)
	}
}
