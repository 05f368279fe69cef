package preset

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Counts measured on the source files (commit 809e91b of sunshine-tech/VietnamProvinces) with
// Python's csv module, independently of the generator:
//
//	rows = [r for r in csv.reader(open("BangChuyendoiĐVHCmoi_cu_khong_merge.csv"))][2:]
//	rows = [r for r in rows if r[2].strip()]                # drop the province headings
//	len(rows)                                               # 10571
//	len({r[2].strip() for r in rows})                       # 3321
//	sum("một phần" in " ".join(r[5].split()).lower() for r in rows)  # 969
//	sum(1 for r in rows if not r[4].strip())                # 6
//	len({r[4].strip() for r in rows if r[4].strip()})       # 10033
//
// The data correct three codes of the table (see codeFixes), which adds two codes: 10035.
// and on nested-divisions.json: Counter(w["division_type"] for p in provinces for w in p["wards"]).
const (
	wantRows           = 10571 // rows of the conversion table (pairs new commune ← former unit)
	wantDataRows       = 10570 // rows of the data: the table's but the one without a unit (see resolved)
	wantCommunes       = 3321  // new communes, wards and special zones
	wantXa             = 2621
	wantPhuong         = 687
	wantDacKhu         = 13
	wantPartRows       = 969   // rows whose note says "một phần"
	wantDataPartRows   = 970   // and the row made part by resolution (see resolved)
	wantNoCodeRows     = 5     // rows without a former commune code: 5 districts without communes
	wantFormerCodes    = 10035 // distinct former commune codes, after codeFixes
	wantNewProvinces   = 34
	wantOldProvinces   = 63
	wantCityProvinces  = 6 // centrally-run cities since 2025
	wantFormerDistrict = 5 // former districts without communes, given with their district code
)

// Rows of the table and communes per new province, measured the same way
// (Counter of the code in column 0; len(p["wards"]) per province of nested-divisions.json).
var (
	wantRowsByProvince = map[string]int{"01": 795, "04": 161, "08": 335, "11": 129, "12": 106, "14": 200, "15": 319,
		"19": 283, "20": 196, "22": 184, "24": 313, "25": 482, "31": 451, "33": 384, "37": 405, "38": 558, "40": 412,
		"42": 212, "44": 265, "46": 133, "48": 282, "51": 274, "52": 376, "56": 205, "66": 294, "68": 330, "75": 271,
		"79": 493, "80": 302, "82": 308, "86": 359, "91": 302, "92": 266, "96": 186}
	wantCommunesByProvince = map[string]int{"01": 126, "04": 56, "08": 124, "11": 45, "12": 38, "14": 75, "15": 99,
		"19": 92, "20": 65, "22": 54, "24": 99, "25": 148, "31": 114, "33": 104, "37": 129, "38": 166, "40": 130,
		"42": 69, "44": 78, "46": 40, "48": 94, "51": 96, "52": 135, "56": 65, "66": 102, "68": 124, "75": 95,
		"79": 168, "80": 96, "82": 102, "86": 124, "91": 102, "92": 103, "96": 64}
)

// The former provinces of each new one, from Resolution 202/2025/QH15 of the National Assembly.
var wantMerger = map[string][]string{
	"01": {"01"}, "04": {"04"}, "08": {"02", "08"}, "11": {"11"}, "12": {"12"}, "14": {"14"}, "15": {"10", "15"},
	"19": {"06", "19"}, "20": {"20"}, "22": {"22"}, "24": {"24", "27"}, "25": {"17", "25", "26"}, "31": {"30", "31"},
	"33": {"33", "34"}, "37": {"35", "36", "37"}, "38": {"38"}, "40": {"40"}, "42": {"42"}, "44": {"44", "45"},
	"46": {"46"}, "48": {"48", "49"}, "51": {"51", "62"}, "52": {"52", "64"}, "56": {"56", "58"}, "66": {"54", "66"},
	"68": {"60", "67", "68"}, "75": {"70", "75"}, "79": {"74", "77", "79"}, "80": {"72", "80"}, "82": {"82", "87"},
	"86": {"83", "84", "86"}, "91": {"89", "91"}, "92": {"92", "93", "94"}, "96": {"95", "96"},
}

func roster(t *testing.T, name, province string) []Unit {
	t.Helper()
	us, err := Roster(name, province)
	if err != nil {
		t.Fatalf("Roster(%q, %q): %v", name, province, err)
	}
	return us
}

func byCode(us []Unit) map[string]Unit {
	m := map[string]Unit{}
	for _, u := range us {
		m[u.Code] = u
	}
	return m
}

func codes(ps []Predecessor) []string {
	var cs []string
	for _, p := range ps {
		cs = append(cs, p.Code)
	}
	return cs
}

var (
	reProvince = regexp.MustCompile(`^\d{2}$`)
	reCommune  = regexp.MustCompile(`^\d{5}$`)
)

func TestNames(t *testing.T) {
	if got, want := Names(), []string{"tinh-2025", "tinh-2024", "xa-2025", "xa-2024"}; !slices.Equal(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
}

func checkRoot(t *testing.T, us []Unit) {
	t.Helper()
	if len(us) == 0 || us[0].Code != "VN" || us[0].Name != "Hội Khuyến học Việt Nam" || us[0].Level != "trung_uong" ||
		us[0].Parent != "" || us[0].Predecessors != nil {
		t.Fatalf("first unit %+v, want the root", us[0])
	}
}

func TestProvinces2025(t *testing.T) {
	us := roster(t, "tinh-2025", "")
	checkRoot(t, us)
	if len(us) != 1+wantNewProvinces {
		t.Fatalf("%d units, want 1+%d", len(us), wantNewProvinces)
	}
	seenOld := map[string]string{}
	cities := 0
	for _, u := range us[1:] {
		if !reProvince.MatchString(u.Code) || u.Level != "tinh" || u.Parent != "VN" {
			t.Errorf("unit %+v: want a two-digit code, level tinh, parent VN", u)
		}
		switch {
		case strings.HasPrefix(u.Name, "Hội Khuyến học thành phố "):
			cities++
		case strings.HasPrefix(u.Name, "Hội Khuyến học tỉnh "):
		default:
			t.Errorf("unit %s: name %q", u.Code, u.Name)
		}
		if got := codes(u.Predecessors); !slices.Equal(got, wantMerger[u.Code]) {
			t.Errorf("unit %s %s formed from %v, want %v", u.Code, u.Name, got, wantMerger[u.Code])
		}
		for _, p := range u.Predecessors {
			if p.Part {
				t.Errorf("unit %s: former province %s only in part", u.Code, p.Code)
			}
			if prev, dup := seenOld[p.Code]; dup {
				t.Errorf("former province %s in %s and %s", p.Code, prev, u.Code)
			}
			seenOld[p.Code] = u.Code
		}
	}
	if cities != wantCityProvinces {
		t.Errorf("%d cities, want %d", cities, wantCityProvinces)
	}
	if len(seenOld) != wantOldProvinces {
		t.Errorf("%d former provinces mapped, want %d", len(seenOld), wantOldProvinces)
	}
	if len(wantMerger) != wantNewProvinces {
		t.Fatalf("wantMerger has %d provinces", len(wantMerger))
	}
}

func TestProvinceSpotChecks(t *testing.T) {
	m := byCode(roster(t, "tinh-2025", ""))
	for _, c := range []struct {
		code, name string
		preds      []Predecessor
	}{
		{"08", "Hội Khuyến học tỉnh Tuyên Quang", []Predecessor{{"02", "Tỉnh Hà Giang", false}, {"08", "Tỉnh Tuyên Quang", false}}},
		{"42", "Hội Khuyến học tỉnh Hà Tĩnh", []Predecessor{{"42", "Tỉnh Hà Tĩnh", false}}},
		{"38", "Hội Khuyến học tỉnh Thanh Hóa", []Predecessor{{"38", "Tỉnh Thanh Hóa", false}}},
		{"40", "Hội Khuyến học tỉnh Nghệ An", []Predecessor{{"40", "Tỉnh Nghệ An", false}}},
		{"44", "Hội Khuyến học tỉnh Quảng Trị", []Predecessor{{"44", "Tỉnh Quảng Bình", false}, {"45", "Tỉnh Quảng Trị", false}}},
		{"01", "Hội Khuyến học thành phố Hà Nội", []Predecessor{{"01", "Thành phố Hà Nội", false}}},
		{"46", "Hội Khuyến học thành phố Huế", []Predecessor{{"46", "Thành phố Huế", false}}},
		{"79", "Hội Khuyến học thành phố Hồ Chí Minh", []Predecessor{{"74", "Tỉnh Bình Dương", false}, {"77", "Tỉnh Bà Rịa - Vũng Tàu", false}, {"79", "Thành phố Hồ Chí Minh", false}}},
	} {
		u := m[c.code]
		if u.Name != c.name || !slices.Equal(u.Predecessors, c.preds) {
			t.Errorf("province %s = %q %v, want %q %v", c.code, u.Name, u.Predecessors, c.name, c.preds)
		}
	}
}

func TestProvinces2024(t *testing.T) {
	us := roster(t, "tinh-2024", "")
	checkRoot(t, us)
	if len(us) != 1+wantOldProvinces {
		t.Fatalf("%d units, want 1+%d", len(us), wantOldProvinces)
	}
	seen := map[string]bool{}
	for _, u := range us[1:] {
		if !reProvince.MatchString(u.Code) || u.Level != "tinh" || u.Parent != "VN" || u.Predecessors != nil || seen[u.Code] {
			t.Errorf("unit %+v", u)
		}
		seen[u.Code] = true
	}
	m := byCode(us)
	for code, name := range map[string]string{"02": "Hội Khuyến học tỉnh Hà Giang", "45": "Hội Khuyến học tỉnh Quảng Trị",
		"44": "Hội Khuyến học tỉnh Quảng Bình", "48": "Hội Khuyến học thành phố Đà Nẵng", "77": "Hội Khuyến học tỉnh Bà Rịa - Vũng Tàu"} {
		if m[code].Name != name {
			t.Errorf("former province %s = %q, want %q", code, m[code].Name, name)
		}
	}
}

// TestCommunes checks all 34 rosters of "xa-2025" against the counts measured on the source.
func TestCommunes(t *testing.T) {
	provinces := roster(t, "tinh-2025", "")[1:]
	var communes, rows, part, noCode, districts int
	kinds := map[string]int{}
	former := map[string]bool{}
	for _, p := range provinces {
		us := roster(t, "xa-2025", p.Code)
		if len(us[0].Predecessors) == 0 || us[0].Code != p.Code || us[0].Name != p.Name || us[0].Parent != "VN" || us[0].Level != "tinh" {
			t.Errorf("first unit of xa-2025 %s is %+v, want the province %+v", p.Code, us[0], p)
		}
		if n := len(us) - 1; n != wantCommunesByProvince[p.Code] {
			t.Errorf("province %s: %d communes, want %d", p.Code, n, wantCommunesByProvince[p.Code])
		}
		provRows := 0
		seen := map[string]bool{p.Code: true}
		for _, u := range us[1:] {
			communes++
			if !reCommune.MatchString(u.Code) || u.Level != "xa" || u.Parent != p.Code || seen[u.Code] {
				t.Errorf("unit %+v of province %s", u, p.Code)
			}
			seen[u.Code] = true
			switch {
			case strings.HasPrefix(u.Name, "Hội Khuyến học xã "):
				kinds["xã"]++
			case strings.HasPrefix(u.Name, "Hội Khuyến học phường "):
				kinds["phường"]++
			case strings.HasPrefix(u.Name, "Hội Khuyến học đặc khu "):
				kinds["đặc khu"]++
			default:
				t.Errorf("unit %s: name %q", u.Code, u.Name)
			}
			if len(u.Predecessors) == 0 {
				t.Errorf("unit %s %s has no predecessor", u.Code, u.Name)
			}
			for _, pr := range u.Predecessors {
				provRows++
				if pr.Part {
					part++
				}
				switch {
				case pr.Code == "":
					noCode++
				case len(pr.Code) == 3:
					noCode++
					districts++
					if !strings.HasPrefix(pr.Name, "Huyện ") || !strings.HasPrefix(u.Name, "Hội Khuyến học đặc khu ") {
						t.Errorf("unit %s: district predecessor %+v", u.Code, pr)
					}
				case reCommune.MatchString(pr.Code):
					former[pr.Code] = true
				default:
					t.Errorf("unit %s: predecessor code %q", u.Code, pr.Code)
				}
				if pr.Name == "" || pr.Name != strings.TrimSpace(pr.Name) || strings.Contains(pr.Name, "  ") {
					t.Errorf("unit %s: predecessor name %q", u.Code, pr.Name)
				}
			}
		}
		if provRows != wantRowsByProvince[p.Code]-droppedByProvince[p.Code] {
			t.Errorf("province %s: %d rows, want %d", p.Code, provRows, wantRowsByProvince[p.Code])
		}
		rows += provRows
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"communes", communes, wantCommunes}, {"xã", kinds["xã"], wantXa}, {"phường", kinds["phường"], wantPhuong},
		{"đặc khu", kinds["đặc khu"], wantDacKhu}, {"rows", rows, wantDataRows}, {"part rows", part, wantDataPartRows},
		{"rows without a former commune code", noCode, wantNoCodeRows}, {"former districts", districts, wantFormerDistrict},
		{"former commune codes", len(former), wantFormerCodes},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
}

func TestCommuneSpotChecks(t *testing.T) {
	hn := byCode(roster(t, "xa-2025", "01"))
	baDinh := hn["00004"]
	if baDinh.Name != "Hội Khuyến học phường Ba Đình" || len(baDinh.Predecessors) != 10 ||
		baDinh.Predecessors[0] != (Predecessor{"00004", "Phường Trúc Bạch", false}) ||
		baDinh.Predecessors[2] != (Predecessor{"00016", "Phường Ngọc Hà", true}) {
		t.Errorf("Phường Ba Đình: %+v", baDinh)
	}
	cd := byCode(roster(t, "xa-2025", "79"))["26732"]
	if want := (Unit{Code: "26732", Name: "Hội Khuyến học đặc khu Côn Đảo", Level: "xa", Parent: "79",
		Predecessors: []Predecessor{{"755", "Huyện Côn Đảo", false}}}); cd.Name != want.Name || !slices.Equal(cd.Predecessors, want.Predecessors) {
		t.Errorf("Côn Đảo: %+v, want %+v", cd, want)
	}
	// Kim Đông (Ninh Bình) also took the coastal flats of Kim Sơn, which were no unit: the data
	// leave them out (no return was ever made for them).
	kd := byCode(roster(t, "xa-2025", "37"))["14698"]
	if want := []string{"14695", "14698"}; !slices.Equal(codes(kd.Predecessors), want) {
		t.Errorf("Xã Kim Đông: %+v, want predecessors %v", kd, want)
	}
	// Kỳ Lợi (Hà Tĩnh) went to three wards: its whole area to Vũng Áng, part of its people to Sông
	// Trí and Hoành Sơn. It is in part in each.
	ht := byCode(roster(t, "xa-2025", "42"))
	for _, c := range []string{"18754", "18823", "18832"} {
		i := slices.IndexFunc(ht[c].Predecessors, func(p Predecessor) bool { return p.Code == "18796" })
		if i < 0 || !ht[c].Predecessors[i].Part {
			t.Errorf("%s: Kỳ Lợi (18796) not a predecessor in part: %+v", ht[c].Name, ht[c].Predecessors)
		}
	}
}

// resolved are the rows of the table that the data settle (see data/SOURCE.md): a row without a
// unit is dropped (new commune, former name), a former unit called whole beside parts becomes part
// (new commune, former code).
var (
	droppedRows       = map[[2]string]bool{{"14698", "Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý"}: true}
	droppedByProvince = map[string]int{"37": 1}
	madePart          = map[[2]string]bool{{"18823", "18796"}: true}
)

func TestNFC(t *testing.T) {
	var all []Unit
	for _, name := range []string{"tinh-2025", "tinh-2024"} {
		all = append(all, roster(t, name, "")...)
	}
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		all = append(all, roster(t, "xa-2025", p.Code)...)
	}
	for _, u := range all {
		if !norm.NFC.IsNormalString(u.Name) {
			t.Errorf("unit %s: name %q is not NFC", u.Code, u.Name)
		}
		for _, p := range u.Predecessors {
			if !norm.NFC.IsNormalString(p.Name) {
				t.Errorf("unit %s: predecessor %q is not NFC", u.Code, p.Name)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	if _, err := Roster("huyen-2024", ""); err == nil || !strings.Contains(err.Error(), "tinh-2025, tinh-2024, xa-2025") {
		t.Errorf("unknown preset: %v", err)
	}
	if _, err := Roster("tinh-2025", "08"); err == nil {
		t.Error("tinh-2025 with a province: no error")
	}
	var pe *ProvinceError
	if _, err := Roster("xa-2025", ""); !errors.As(err, &pe) || len(pe.Valid) != wantNewProvinces {
		t.Errorf("xa-2025 without a province: %v", err)
	}
	_, err := Roster("xa-2025", "09")
	if !errors.As(err, &pe) || !slices.Equal(pe.Nearest, []string{"08", "11"}) || pe.NewCode != "" ||
		!strings.Contains(err.Error(), "08 (Tỉnh Tuyên Quang), 11 (Tỉnh Điện Biên)") {
		t.Errorf("xa-2025 09: %v", err)
	}
	_, err = Roster("xa-2025", "02")
	if !errors.As(err, &pe) || pe.NewCode != "08" || !strings.Contains(err.Error(), "Tỉnh Hà Giang") {
		t.Errorf("xa-2025 02 (Hà Giang, former): %v", err)
	}
	for _, c := range []string{"99", "00", "x", "123"} {
		if _, err := Roster("xa-2025", c); !errors.As(err, &pe) {
			t.Errorf("xa-2025 %q: %v", c, err)
		}
	}
	if us, err := Roster("xa-2025", " 8 "); err != nil || us[0].Code != "08" {
		t.Errorf("xa-2025 \" 8 \": %v", err)
	}
}

// TestFreshSlices: a caller may change what it gets.
func TestFreshSlices(t *testing.T) {
	a := roster(t, "xa-2025", "42")
	a[1].Predecessors[0].Name = "changed"
	a[0].Predecessors[0].Name = "changed"
	b := roster(t, "xa-2025", "42")
	if b[1].Predecessors[0].Name == "changed" || b[0].Predecessors[0].Name == "changed" {
		t.Error("Roster shares its slices between calls")
	}
}

// codeFixes are the rows where the table gives a former commune the code of another one of the
// same district, and the data the code of the list of January 2025 (new commune, code in the
// table → code in the data).
var codeFixes = map[[2]string]string{
	{"00562", "00553"}: "00556", // Xã Đặng Xá, not Xã Cổ Bi
	{"01648", "01615"}: "01651", // Xã Mỹ Hưng, not Xã Hồng Quang
	{"02494", "02485"}: "02482", // Xã Phú Thịnh, not Xã Công Đa
}

// TestOneNamePerCode: no former code stands for two communes.
func TestOneNamePerCode(t *testing.T) {
	names := map[string]string{}
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		for _, u := range roster(t, "xa-2025", p.Code)[1:] {
			for _, pr := range u.Predecessors {
				n, ok := names[pr.Code]
				if ok && !strings.EqualFold(n, pr.Name) {
					t.Errorf("former code %s: %q and %q", pr.Code, n, pr.Name)
				}
				names[pr.Code] = pr.Name
			}
		}
	}
}

// TestSourceTable compares every row of the conversion table with the embedded data, when
// PRESET_SOURCE names a directory holding the files of VietnamProvinces (see data/SOURCE.md).
func TestSourceTable(t *testing.T) {
	dir := os.Getenv("PRESET_SOURCE")
	if dir == "" {
		t.Skip("PRESET_SOURCE not set")
	}
	f, err := os.Open(filepath.Join(dir, "dev/seed-data/2025-07/BangChuyendoiĐVHCmoi_cu_khong_merge.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type pair struct {
		province, commune, former string
		part                      bool
	}
	want := map[pair]int{}
	reCode := regexp.MustCompile(`\((\d+)\)\s*$`)
	n := 0
	for _, rec := range recs[2:] {
		newCode := strings.TrimSpace(rec[2])
		if newCode == "" {
			continue
		}
		former := strings.TrimSpace(rec[4])
		if former == "" && strings.TrimSpace(rec[3]) == "" {
			former = reCode.FindStringSubmatch(rec[6])[1] // the district
		}
		if droppedRows[[2]string{newCode, strings.Join(strings.Fields(rec[3]), " ")}] {
			continue
		}
		if fixed, ok := codeFixes[[2]string{newCode, former}]; ok {
			former = fixed
		}
		note := strings.ToLower(strings.Join(strings.Fields(rec[5]), " "))
		n++
		part := strings.Contains(note, "một phần") || madePart[[2]string{newCode, former}]
		want[pair{reCode.FindStringSubmatch(rec[0])[1], newCode, former, part}]++
	}
	if n != wantDataRows {
		t.Errorf("source has %d rows, want %d", n, wantRows)
	}
	got := map[pair]int{}
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		for _, u := range roster(t, "xa-2025", p.Code)[1:] {
			for _, pr := range u.Predecessors {
				got[pair{p.Code, u.Code, pr.Code, pr.Part}]++
			}
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("row %+v: %d in the table, %d in the data", k, v, got[k])
		}
	}
	for k, v := range got {
		if want[k] != v {
			t.Errorf("row %+v: %d in the data, %d in the table", k, v, want[k])
		}
	}
}

// Counts of the list of January 2025 (Xa_2025-01-04.csv), measured with Python's csv module:
// rows with a commune code (10051), distinct district codes, and both for three provinces; the
// data add the 10 former communes of the conversion table that the list lacks (see SOURCE.md).
const (
	wantOldCommunes  = 10051 + 10
	wantOldDistricts = 696
)

var wantOldByProvince = map[string][2]int{"42": {12, 210}, "02": {11, 193}, "08": {7, 137}} // districts, communes

// TestCommunes2024: the former map, province → districts → communes, for a former code or for
// the code of the province since 2025 (all the former provinces it was formed from); every former
// commune that a commune since 2025 names as predecessor is on it.
func TestCommunes2024(t *testing.T) {
	var districts, communes int
	former := byCode(roster(t, "tinh-2024", ""))
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		us := roster(t, "xa-2024", p.Code)
		if us[0].Code != p.Predecessors[0].Code || us[0].Name != former[us[0].Code].Name || us[0].Parent != "VN" || us[0].Level != "tinh" {
			t.Errorf("first unit of xa-2024 %s: %+v", p.Code, us[0])
		}
		levels := map[string]int{}
		seen := map[string]Unit{}
		for _, u := range us {
			if _, dup := seen[u.Code]; dup {
				t.Errorf("%s: unit %s twice", p.Code, u.Code)
			}
			seen[u.Code] = u
			levels[u.Level]++
			switch u.Level {
			case "huyen":
				if len(u.Code) != 3 || seen[u.Parent].Level != "tinh" {
					t.Errorf("district %+v", u)
				}
			case "xa":
				if !reCommune.MatchString(u.Code) || seen[u.Parent].Level != "huyen" {
					t.Errorf("commune %+v", u)
				}
			}
		}
		if levels["tinh"] != len(p.Predecessors) {
			t.Errorf("xa-2024 %s: %d former provinces, want %d", p.Code, levels["tinh"], len(p.Predecessors))
		}
		districts += levels["huyen"]
		communes += levels["xa"]
	}
	if districts != wantOldDistricts || communes != wantOldCommunes {
		t.Errorf("%d districts, %d communes; want %d, %d", districts, communes, wantOldDistricts, wantOldCommunes)
	}
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		old := byCode(roster(t, "xa-2024", p.Code))
		for _, pr := range p.Predecessors {
			if old[pr.Code].Level != "tinh" {
				t.Errorf("xa-2024 %s lacks former province %s", p.Code, pr.Code)
			}
		}
		for _, u := range roster(t, "xa-2025", p.Code)[1:] {
			for _, pr := range u.Predecessors {
				if _, ok := old[pr.Code]; !ok {
					t.Errorf("xa-2024 %s lacks %s %s, predecessor of %s", p.Code, pr.Code, pr.Name, u.Code)
				}
			}
		}
	}
	for code, w := range wantOldByProvince {
		levels := map[string]int{}
		us := roster(t, "xa-2024", code)
		m := byCode(us)
		for _, u := range us {
			if u.Level == "huyen" && u.Parent == code || u.Level == "xa" && m[u.Parent].Parent == code {
				levels[u.Level]++
			}
		}
		if levels["huyen"] != w[0] || levels["xa"] != w[1] {
			t.Errorf("former province %s: %d districts, %d communes; want %v", code, levels["huyen"], levels["xa"], w)
		}
	}
	ht := roster(t, "xa-2024", "42")
	if !reflect.DeepEqual(ht[1], Unit{Code: "436", Name: "Hội Khuyến học thành phố Hà Tĩnh", Level: "huyen", Parent: "42"}) ||
		!reflect.DeepEqual(ht[2], Unit{Code: "18073", Name: "Hội Khuyến học phường Nam Hà", Level: "xa", Parent: "436"}) {
		t.Errorf("xa-2024 42 begins %+v", ht[:3])
	}
	if u := byCode(roster(t, "xa-2024", "79"))["27046"]; u.Name != "Hội Khuyến học phường 5" {
		t.Errorf("Phường 5 of Phú Nhuận: %+v", u) // the list's column Cấp says "Xã"
	}
	tq := roster(t, "xa-2024", "08")
	if tq[0].Code != "02" || byCode(tq)["08"].Level != "tinh" {
		t.Errorf("xa-2024 08 (Tuyên Quang since 2025) starts with %+v, want Hà Giang (02) and Tuyên Quang (08)", tq[0])
	}
	if us := roster(t, "xa-2024", "02"); byCode(us)["08"].Code != "" {
		t.Error("xa-2024 02 (a former code only) holds more than Hà Giang")
	}
	var pe *ProvinceError
	if _, err := Roster("xa-2024", "99"); !errors.As(err, &pe) {
		t.Errorf("xa-2024 99: %v", err)
	}
}

// TestSourceList compares every commune of the list of January 2025 with the former map, when
// PRESET_SOURCE names a directory holding the files of VietnamProvinces (see data/SOURCE.md).
func TestSourceList(t *testing.T) {
	dir := os.Getenv("PRESET_SOURCE")
	if dir == "" {
		t.Skip("PRESET_SOURCE not set")
	}
	f, err := os.Open(filepath.Join(dir, "dev/seed-data/Pre-2025-07/Xa_2025-01-04.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Unit{}
	for _, p := range roster(t, "tinh-2025", "")[1:] {
		for _, u := range roster(t, "xa-2024", p.Code) {
			got[u.Code] = u
		}
	}
	for _, rec := range recs[1:] {
		province, district, commune := strings.TrimSpace(rec[1]), strings.TrimSpace(rec[3]), strings.TrimSpace(rec[5])
		if d := got[district]; d.Level != "huyen" || d.Parent != province {
			t.Errorf("district %s of %s: %+v", district, province, d)
		}
		if commune == "" {
			continue
		}
		name := norm.NFC.String(strings.Join(strings.Fields(rec[4]), " "))
		u := got[commune]
		if u.Parent != district || !strings.EqualFold(strings.TrimPrefix(u.Name, "Hội Khuyến học "), name) {
			t.Errorf("commune %s %q of district %s: %+v", commune, name, district, u)
		}
	}
}
