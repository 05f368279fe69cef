package notes

import (
	"strings"
	"testing"
)

const sample = `Năm 2024, Hội hoạt động trong bối cảnh **nhiều khó khăn**.

## I. Tình hình chung
Kinh tế - xã hội của tỉnh tiếp tục phát triển.

## Tổ chức hội và hội viên
Toàn tỉnh có {{hoi_vien}} hội viên, so với năm trước {{hoi_vien.change}}
({{hoi_vien.coverage}}).

### Phát triển hội viên
- Kết nạp *mới* {{hoi_vien_moi}} hội viên;
- Tỷ lệ hội viên đạt {{hoi_vien.ty_le}}, năm trước {{hoi_vien.ty_le.previous}}.

## Đánh giá chung
Ưu điểm \*nổi bật\*.

## III. Nhiệm vụ năm 2025
- Phấn đấu tỷ lệ gia đình học tập đạt 75%.

## Nơi nhận
- Trung ương Hội (để b/c);
- Lưu VP.
`

func TestParse(t *testing.T) {
	n, err := Parse(strings.NewReader(sample), "ghi-chu.md")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range n.Sections {
		titles = append(titles, s.Title)
	}
	if got := strings.Join(titles, " | "); got != " | I. Tình hình chung | Tổ chức hội và hội viên | Phát triển hội viên | Đánh giá chung | III. Nhiệm vụ năm 2025" {
		t.Errorf("sections = %q", got)
	}
	if got := strings.Join(n.Recipients, " / "); got != "- Trung ương Hội (để b/c); / - Lưu VP." {
		t.Errorf("recipients = %q", got)
	}
	first := n.Sections[0].Blocks[0].Items[0]
	if len(first) != 3 || !first[1].Bold || first[1].Text != "nhiều khó khăn" {
		t.Errorf("first paragraph = %+v, want bold «nhiều khó khăn» in the middle", first)
	}
	var ph []string
	for _, p := range n.Placeholders() {
		ph = append(ph, p.String())
	}
	if got := strings.Join(ph, " "); got != "{{hoi_vien}} {{hoi_vien.change}} {{hoi_vien.coverage}} {{hoi_vien_moi}} {{hoi_vien.ty_le}} {{hoi_vien.ty_le.previous}}" {
		t.Errorf("placeholders = %s", got)
	}
	if p := n.Placeholders()[2]; p.Code != "hoi_vien" || p.Field != "coverage" || p.Line != 8 {
		t.Errorf("placeholder = %+v, want hoi_vien coverage on line 8", p)
	}
	list := n.Sections[3].Blocks[0]
	if !list.List || len(list.Items) != 2 || !list.Items[0][1].Italic {
		t.Errorf("list = %+v", list)
	}
	if got := n.Sections[4].Blocks[0].Items[0][0].Text; got != "Ưu điểm *nổi bật*." {
		t.Errorf("escaped stars = %q", got)
	}
}

func TestPlace(t *testing.T) {
	n, err := Parse(strings.NewReader(sample), "ghi-chu.md")
	if err != nil {
		t.Fatal(err)
	}
	generated := []string{"I. TỔ CHỨC HỘI VÀ HỘI VIÊN", "II. Quỹ khuyến học", "III. Các mô hình học tập"}
	pl := Place(n, generated)
	if got := names(pl.Before); got != " | I. Tình hình chung" {
		t.Errorf("before = %q", got)
	}
	if got := names(pl.Matched[0]); got != "Tổ chức hội và hội viên | Phát triển hội viên" {
		t.Errorf("matched with section 0 = %q", got)
	}
	if got := names(pl.End); got != "Đánh giá chung | III. Nhiệm vụ năm 2025" {
		t.Errorf("end = %q", got)
	}
	if len(pl.Near) != 0 {
		t.Errorf("near = %+v", pl.Near)
	}
}

func names(ss []Section) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Title)
	}
	return strings.Join(out, " | ")
}

// Offices' headings go where a report has them, whatever their order in the notes, and whatever
// their accents, case and numbering; an unknown heading follows the section before it.
func TestPlaceKnownHeadings(t *testing.T) {
	generated := []string{"TỔ CHỨC HỘI VÀ HỘI VIÊN", "XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP"}
	for _, tt := range []struct {
		name, notes                 string
		before, matched, after, end string
		near                        string
	}{
		{name: "assessment and requests, no generated heading",
			notes: "## Đánh giá chung\nTốt.\n\n## Đề xuất, kiến nghị\nXin kinh phí.\n",
			end:   "Đánh giá chung | Đề xuất, kiến nghị"},
		{name: "in the wrong order",
			notes:  "## 3. Kiến nghị\nx\n## 2. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\nx\n## 1. Đánh giá chung\nx\n## Bối cảnh\nx\n",
			before: "Bối cảnh", end: "1. Đánh giá chung | 2. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025 | 3. Kiến nghị"},
		{name: "without accents",
			notes:  "## Dac diem tinh hinh\nx\n## To chuc hoi va hoi vien\nx\n## Danh gia chung\nx\n",
			before: "Dac diem tinh hinh", matched: "To chuc hoi va hoi vien", end: "Danh gia chung"},
		{name: "unknown headings follow the one before",
			notes:  "## Hoạt động nổi bật\nx\n## Tổ chức hội và hội viên\nx\n## Công tác thi đua\nx\n## Xây dựng các mô hình học tập\nx\n## Ưu điểm\nx\n## Tồn tại\nx\n## Nhiệm vụ\nx\n## Một số chỉ tiêu\nx\n",
			before: "Hoạt động nổi bật", matched: "Tổ chức hội và hội viên", after: "Công tác thi đua",
			end: "Ưu điểm | Tồn tại | Nhiệm vụ | Một số chỉ tiêu"},
		{name: "near matches",
			notes:   "## Đánh gá chung\nx\n## Tổ chức hội và hội vien\nx\n## Tổ chức hộ và hội viên\nx\n",
			matched: "Tổ chức hội và hội vien | Tổ chức hộ và hội viên", end: "Đánh gá chung",
			near: "Đánh gá chung→Đánh giá chung (after) | Tổ chức hộ và hội viên→TỔ CHỨC HỘI VÀ HỘI VIÊN (0)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(strings.NewReader(tt.notes), "n.md")
			if err != nil {
				t.Fatal(err)
			}
			pl := Place(n, generated)
			var near []string
			for _, x := range pl.Near {
				where := "(after)"
				if x.Generated >= 0 {
					where = "(" + string(rune('0'+x.Generated)) + ")"
				} else if !x.After {
					where = "(before)"
				}
				near = append(near, x.Section.Title+"→"+x.As+" "+where)
			}
			for _, c := range []struct{ what, got, want string }{
				{"before", names(pl.Before), tt.before},
				{"matched", names(pl.Matched[0]), tt.matched},
				{"after", names(pl.After[0]), tt.after},
				{"end", names(pl.End), tt.end},
				{"near", strings.Join(near, " | "), tt.near},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	for in, want := range map[string]Kind{
		"I. ĐẶC ĐIỂM TÌNH HÌNH":                     Context,
		"Tình hình chung":                           Context,
		"Bối cảnh":                                  Context,
		"Đánh giá chung":                            Assessment,
		"Hạn chế, nguyên nhân":                      Assessment,
		"Bài học kinh nghiệm":                       Assessment,
		"III. Phương hướng, nhiệm vụ năm 2025":      Tasks,
		"Nhiệm vụ trọng tâm 6 tháng cuối năm":       Tasks,
		"IV. ĐỀ XUẤT, KIẾN NGHỊ":                    Requests,
		"Kiến nghị":                                 Requests,
		"Kết quả thực hiện":                         Unknown,
		"Hoạt động của trung tâm học tập cộng đồng": Unknown,
		"Tình hình thực hiện các mô hình học tập":   Unknown,
		"Công tác thi đua, khen thưởng":             Unknown,
	} {
		if got, _, _ := KindOf(in); got != want {
			t.Errorf("KindOf(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"I. TỔ CHỨC HỘI VÀ HỘI VIÊN": "tổ chức hội và hội viên",
		"2.1. Quỹ khuyến học":        "quỹ khuyến học",
		"a) Gia đình học tập":        "gia đình học tập",
		"Đánh giá chung":             "đánh giá chung",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Fold("II. ĐỀ XUẤT, KIẾN NGHỊ"); got != "de xuat kien nghi" {
		t.Errorf("Fold = %q", got)
	}
}

func TestParseMistakes(t *testing.T) {
	for text, want := range map[string]string{
		"# Báo cáo\n":          "ghi-chu.md:1: heading «# Báo cáo»: use ## for a section",
		"x\n\nSố {{hoi_vien\n": "ghi-chu.md:3: «{{» is not closed",
	} {
		_, err := Parse(strings.NewReader(text), "ghi-chu.md")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", text, err, want)
		}
	}
}

// FuzzParse: any text gives notes or an error with a line, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("## a\n- {{x}}\n  y **z\n")
	f.Fuzz(func(t *testing.T, text string) {
		n, err := Parse(strings.NewReader(text), "f.md")
		if err == nil {
			_ = n.Placeholders()
			Place(n, []string{"a", "b"})
		}
	})
}
