package ingest

// tuyenQuang is the new province of Tuyên Quang (since 1 July 2025, from Tuyên Quang and Hà Giang)
// in 2025, with the 2024 returns of the old provinces, a district and its wards (illustrative
// figures, in the scale of seed 000's Hà Giang). Ward Hà Giang 2 merged three old wards, one of
// them split: 40% of Quang Trung went to Hà Giang 2, 60% to Hà Giang 1. A return of a unit that
// no unit of the new province took over (a Cao Bằng commune, misfiled) is among the 2024 ones.
func tuyenQuang() []sampleReturn {
	pop := func(hoiVien, danSo int64, gd [3]int64) map[string]int64 {
		return merge(model("gia_dinh", gd[0], gd[1], gd[2]), map[string]int64{"hoi_vien": hoiVien, "dan_so": danSo})
	}
	old := func(file, code, name, level, parent string, values map[string]int64) sampleReturn {
		return sampleReturn{dir: "tuyen-quang/2024", file: file, period: "2024", values: values,
			unit: Unit{Code: code, Name: name, Level: level, Parent: parent}}
	}
	cur := func(file, code, name, level, parent string, values map[string]int64) sampleReturn {
		return sampleReturn{dir: "tuyen-quang/2025", file: file, period: "2025", values: values,
			unit: Unit{Code: code, Name: name, Level: level, Parent: parent}}
	}
	return []sampleReturn{
		old("02-tinh-ha-giang", "02", "Hội Khuyến học tỉnh Hà Giang", "tinh", "VN", pop(341270, 946200, [3]int64{189500, 165300, 131200})),
		old("08-tinh-tuyen-quang", "08", "Hội Khuyến học tỉnh Tuyên Quang", "tinh", "VN", pop(262480, 812600, [3]int64{208400, 190100, 158300})),
		old("024-thanh-pho-ha-giang", "024", "Hội Khuyến học thành phố Hà Giang", "huyen", "02", pop(21400, 62000, [3]int64{15900, 14800, 12500})),
		old("00688-phuong-quang-trung", "00688", "Hội Khuyến học phường Quang Trung", "xa", "024", pop(5000, 14000, [3]int64{3500, 3300, 2800})),
		old("00691-phuong-tran-phu", "00691", "Hội Khuyến học phường Trần Phú", "xa", "024", pop(4200, 12100, [3]int64{3050, 2900, 2500})),
		old("00692-phuong-ngoc-ha", "00692", "Hội Khuyến học phường Ngọc Hà", "xa", "024", pop(3100, 9050, [3]int64{2300, 2150, 1800})),
		old("00694-phuong-nguyen-trai", "00694", "Hội Khuyến học phường Nguyễn Trãi", "xa", "024", pop(4800, 13300, [3]int64{3400, 3200, 2750})),
		old("01288-xa-cao-bang", "01288", "Hội Khuyến học xã Đức Long (Cao Bằng)", "xa", "042", pop(1900, 5200, [3]int64{1300, 1200, 1000})),
		cur("08-tinh-tuyen-quang", "08", "Hội Khuyến học tỉnh Tuyên Quang", "tinh", "VN", pop(618950, 1775300, [3]int64{401000, 362500, 297600})),
		cur("00691-phuong-ha-giang-2", "00691", "Hội Khuyến học phường Hà Giang 2", "xa", "08", pop(9650, 27020, [3]int64{7100, 6700, 5750})),
		cur("00694-phuong-ha-giang-1", "00694", "Hội Khuyến học phường Hà Giang 1", "xa", "08", pop(8100, 21950, [3]int64{5450, 5150, 4400})),
	}
}
