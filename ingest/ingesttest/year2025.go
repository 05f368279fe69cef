package ingesttest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

// Year2025 is a province's 2025 year as an office meets it: the returns of its new communes for
// 2025, the returns of its former communes for 2024 on the old map, the two rosters the presets
// write, and targets by level.
type Year2025 struct {
	Dir         string
	Province    string // the province's code
	Roster      string // roster --preset xa-2025, with the shares of one split commune and the due date
	OldRoster   string // roster --preset xa-2024
	Returns     string // folder of the 2025 returns
	Previous    string // folder of the 2024 returns, on the former map
	Targets     string // targets of 2025 with values per level
	Notes       string // an office's notes citing last year
	Missing     []string
	OldMissing  []string
	Split       string   // the former commune split in shares
	SplitInto   []string // the new communes that took the shares
	Unshared    []string // new communes with a predecessor merged in part whose share is not written
	BlankFigure string   // the figure one 2025 return leaves blank
	BlankUnit   string
}

// HaTinh2025 writes Hà Tĩnh's year (province 42: 69 communes since July 2025, 210 former communes in
// 12 districts) under dir. Of the 2024 returns, those of oldMissing former communes are absent; of
// 2025, those of missing new communes; Phường Đại Nài (18082), split between Thành Sen and Hà Huy
// Tập, is given shares of 60% and 40%, while Xã Kỳ Lợi (18796, in part in three wards) keeps
// mot_phan with no share; one 2025 return leaves quy.van_dong blank. Each new commune's 2025
// figures are its predecessors' of 2024 grown by a few percent, but for the figures that count the
// map (cau_truc): one association, one commune, one centre. The same seed gives the same files.
func HaTinh2025(dir string, cat *ingest.Catalogue, seed uint64) (*Year2025, error) {
	const province = "42"
	y := &Year2025{Dir: dir, Province: province, Roster: filepath.Join(dir, "danh-sach-2025.yaml"), OldRoster: filepath.Join(dir, "danh-sach-2024.yaml"),
		Returns: filepath.Join(dir, "2025"), Previous: filepath.Join(dir, "2024"), Targets: filepath.Join(dir, "chi-tieu-2025.yaml"),
		Notes: filepath.Join(dir, "ghi-chu-2025.md"), Split: "18082", SplitInto: []string{"18073", "18652"},
		Unshared: []string{"18754", "18823", "18832"}, BlankFigure: "quy.van_dong"}
	ro, err := rollup.FromPreset("xa-2025", province)
	if err != nil {
		return nil, err
	}
	old, err := rollup.FromPreset("xa-2024", province)
	if err != nil {
		return nil, err
	}
	ro.Due = time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC)
	for i, share := range []float64{0.6, 0.4} {
		preds := ro.Predecessors[y.SplitInto[i]]
		for j := range preds {
			if preds[j].Code == y.Split {
				preds[j].Share = share
			}
		}
	}
	if err := writeRoster(y.Roster, "Hà Tĩnh 2025 (roster --preset xa-2025 --tinh 42, tỷ lệ của phường Đại Nài)", ro); err != nil {
		return nil, err
	}
	if err := writeRoster(y.OldRoster, "Hà Tĩnh 2024 (roster --preset xa-2024 --tinh 42)", old); err != nil {
		return nil, err
	}

	rng := rand.New(rand.NewPCG(seed, 2025))
	// 2024: every former commune but a few.
	previous := map[string]*ingest.Return{}
	n := 0
	for _, u := range old.Units {
		if u.Level != "xa" {
			continue
		}
		r := ingest.NewReturn(cat, u, ingest.Period{Year: 2024})
		r.ReportDate = "12/12/2024"
		syntheticFigures(cat, r, rng)
		previous[u.Code] = r
		if n++; n%45 == 7 {
			y.OldMissing = append(y.OldMissing, u.Code)
			continue
		}
		if err := writeReturnFile(filepath.Join(y.Previous, u.Parent, u.Code+".xlsx"), cat, r); err != nil {
			return nil, err
		}
	}
	// 2025: every new commune but a few, from its predecessors' 2024.
	n = 0
	for _, u := range ro.Units {
		if u.Level != "xa" {
			continue
		}
		n++
		if n%10 == 4 {
			y.Missing = append(y.Missing, u.Code)
			continue
		}
		r := ingest.NewReturn(cat, u, ingest.Period{Year: 2025})
		r.ReportDate = "10/12/2025"
		growth := 1 + float64(rng.IntN(9))/100
		if y.BlankUnit == "" && n > 20 {
			y.BlankUnit = u.Code
		}
		for _, f := range cat.Raw {
			if u.Code == y.BlankUnit && f.Code == y.BlankFigure {
				continue
			}
			var sum float64
			any := false
			for _, p := range ro.Predecessors[u.Code] {
				pr, ok := previous[p.Code]
				if !ok {
					continue
				}
				v := pr.Value(f)
				if !v.OK {
					continue
				}
				share := 1.0
				if p.Part {
					share = 0.5 // the part of Kỳ Lợi each ward took, unknown to the roster
					if p.Share > 0 {
						share = p.Share
					}
				}
				sum += share * float64(v.N)
				any = true
			}
			if any {
				r.Set(f, int64(sum*growth))
			}
		}
		for _, code := range []string{"hoi_co_so", "xa.tong", "xa.co_hoi", "tthtcd", "don_vi_cap_xa.tong", "don_vi_cap_xa.dang_ky", "don_vi_cap_xa.cong_nhan"} {
			if f, ok := cat.Figure(code); ok {
				r.Set(f, 1)
			}
		}
		if err := writeReturnFile(filepath.Join(y.Returns, u.Code+".xlsx"), cat, r); err != nil {
			return nil, err
		}
	}
	targets := `# Chỉ tiêu năm 2025 của Hội Khuyến học tỉnh Hà Tĩnh (mẫu): số lượng của tỉnh, tỷ lệ cho mọi xã.
nam: 2025
chi_tieu:
  quy.van_dong: 6000000000
  hoi_vien: 160000
  hoi_vien.ty_le: 20%
  gia_dinh.ty_le: 70%
theo_cap:
  xa: {hoc_bong.suat: 20, hoi_vien.ty_le: 18%}
theo_don_vi:
  "18073": {hoi_vien.ty_le: 25%}
`
	if err := os.WriteFile(y.Targets, []byte(targets), 0o644); err != nil {
		return nil, err
	}
	notes := `## Tình hình chung

Năm 2025 là năm đầu tiên tổ chức hội hoạt động theo mô hình chính quyền địa phương hai cấp.

## Đánh giá chung

Quỹ khuyến học vận động được {{quy.van_dong}}, so với năm 2024 {{quy.van_dong.change}} (năm trước {{quy.van_dong.previous}}, trên {{quy.van_dong.change_coverage}} có số liệu cả hai năm).
Tổng số hội viên {{hoi_vien}} ({{hoi_vien.coverage}}), {{hoi_vien.change}}.
`
	if err := os.WriteFile(y.Notes, []byte(notes), 0o644); err != nil {
		return nil, err
	}
	return y, nil
}

func writeRoster(path, comment string, ro *rollup.Roster) error {
	var b bytes.Buffer
	if err := rollup.WriteRoster(&b, []string{comment}, ro); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write roster: %w", err)
	}
	return nil
}
