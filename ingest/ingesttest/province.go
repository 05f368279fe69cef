package ingesttest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// communeNames are the first words of the generated communes' names: long and short ones, as on
// the 2025 map, so that reports meet names that wrap.
var communeNames = []string{"Thượng Lâm", "Nguyễn Thị Minh Khai", "Ea Tiêu", "Bắc Quang Hùng An", "Cư M'gar", "Lũng Cú",
	"Minh Quang", "Yên Thuận Phú Bình", "Hồng Thái", "Tân Trào", "Quảng Hòa Bắc Sơn", "Na Hang"}

// Province writes the year 2025's returns of n communes directly under one province (the map
// after the 2025 merger), a roster of them (danh-sach.yaml) and targets (chi-tieu.yaml: 37% of the
// population members, 70% learning families), and returns the folder of the returns. The same n
// and seed give the same files. It is for reports at the size of a real province (up to 168
// communes).
func Province(dir string, cat *ingest.Catalogue, n int, seed uint64) (string, error) {
	rng := rand.New(rand.NewPCG(seed, 2))
	var roster bytes.Buffer
	roster.WriteString("# Danh sách đơn vị (dữ liệu sinh tự động)\nhan_nop: 2025-12-15\ndon_vi:\n")
	roster.WriteString("  - {ma: \"VN\", ten: \"Hội Khuyến học Việt Nam\", cap: trung_uong}\n")
	roster.WriteString("  - {ma: \"99\", ten: \"Hội Khuyến học tỉnh Thử Nghiệm\", cap: tinh, cap_tren: \"VN\"}\n")
	returns := filepath.Join(dir, "2025")
	for i := range n {
		code := fmt.Sprintf("99%03d", i+1)
		kind := "xã"
		if i%5 == 1 {
			kind = "phường"
		}
		name := fmt.Sprintf("Hội Khuyến học %s %s %d", kind, communeNames[i%len(communeNames)], i+1)
		fmt.Fprintf(&roster, "  - {ma: %q, ten: %q, cap: xa, cap_tren: \"99\"}\n", code, name)
		r := ingest.NewReturn(cat, ingest.Unit{Code: code, Name: name, Level: "xa", Parent: "99"}, ingest.Period{Year: 2025})
		r.ReportDate = "10/12/2025"
		syntheticFigures(cat, r, rng)
		if err := writeReturnFile(filepath.Join(returns, code+".xlsx"), cat, r); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "danh-sach.yaml"), roster.Bytes(), 0o644); err != nil {
		return "", err
	}
	targets := "nam: 2025\nchi_tieu:\n  hoi_vien.ty_le: 25%\n  gia_dinh.ty_le: 70%\n"
	if err := os.WriteFile(filepath.Join(dir, "chi-tieu.yaml"), []byte(targets), 0o644); err != nil {
		return "", err
	}
	return returns, nil
}
