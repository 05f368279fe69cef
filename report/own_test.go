package report_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
	"github.com/khuyenhoc/khuyenhoc/report/notes"
)

func haGiang(t *testing.T) (*pipeline.Result, report.Options) {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("ha-giang", "2023")}, pipeline.Options{
		Previous: []string{reporttest.Testdata("ha-giang", "2022")},
		Targets:  reporttest.Testdata("ha-giang", "chi-tieu-2023.yaml"),
	})
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(reporttest.Testdata("ha-giang", "ghi-chu-2023.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	n, err := notes.Parse(fh, "ghi-chu-2023.md")
	if err != nil {
		t.Fatal(err)
	}
	return res, report.Options{Lang: lang.Vi, Place: "Hà Giang", Notes: n, Signer: "Nguyễn Văn A",
		SignerTitles: []string{"TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"}, OrgParent: "Hội Khuyến học Việt Nam", Number: "12/BC-HKH"}
}

// The office's own words stand where they belong among the generated sections, their figures
// filled in, its recipients and signer at the end.
func TestNotesInTheReport(t *testing.T) {
	res, opts := haGiang(t)
	text := text(t, report.Build(res, opts))
	order := []string{
		"Hội Khuyến học Việt Nam\nHội Khuyến học tỉnh Hà Giang",
		"Số: 12/BC-HKH",
		"Năm 2023, Hội Khuyến học tỉnh Hà Giang triển khai nhiệm vụ trong điều kiện kinh tế - xã hội của tỉnh còn nhiều khó khăn",
		"I. TÌNH HÌNH CHUNG",
		"II. TỔ CHỨC HỘI VÀ HỘI VIÊN",
		"Toàn tỉnh có 330.909 hội viên, so với năm trước tăng 25.313 hội viên; tỷ lệ hội viên/dân số đạt 35,36% (năm 2022: 33,04%).",
		"Phát triển hội viên",
		"- Kiện toàn chi hội khuyến học ở các trường học.",
		"III. ",
		"ĐÁNH GIÁ CHUNG",
		"Công tác khuyến học đạt nhiều kết quả, tuy nhiên tỷ lệ hội viên (35,36%) chưa đạt chỉ tiêu 37%.",
		"NHIỆM VỤ NĂM 2024",
		"KIẾN NGHỊ",
		"Nơi nhận:",
		"- Trung ương Hội Khuyến học Việt Nam (để b/c);",
		"TM. BAN THƯỜNG VỤ",
		"CHỦ TỊCH",
		"Nguyễn Văn A",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("the report does not say %q after position %d:\n%s", want, at, text)
		}
		at += i + len(want)
	}
	if strings.Contains(text, "{{") || strings.Contains(text, "Tổ chức hội và hội viên\n") {
		t.Errorf("a placeholder or the matched heading is left in the text:\n%s", text)
	}
	// The office's words on the members win: the generated sentence is left out, once.
	if strings.Contains(text, "Tổng số hội viên hiện có") || strings.Count(text, "330.909") != 1 {
		t.Errorf("the members are said twice:\n%s", text)
	}
}

func TestNotesPlaceholders(t *testing.T) {
	res, opts := haGiang(t)
	f := report.NewFacts(res, opts)
	for in, want := range map[string]string{
		"{{hoi_vien}}":              "330.909",
		"{{hoi_vien.previous}}":     "305.596",
		"{{hoi_vien.change}}":       "tăng 25.313 hội viên",
		"{{hoi_vien.ty_le}}":        "35,36%",
		"{{hoi_vien.ty_le.change}}": "tăng 2,32 điểm phần trăm",
		"{{hoi_vien.coverage}}":     "1/1 tỉnh",
	} {
		n, err := notes.Parse(strings.NewReader(in), "t.md")
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := f.Placeholder(n.Placeholders()[0])
		if err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", in, got, err, want)
		}
	}
	n, _ := notes.Parse(strings.NewReader("x\n\nSố {{hoi_vienn}}.\n"), "t.md")
	opts.Notes = n
	_, err := report.NewFacts(res, opts).CheckNotes()
	if err == nil || !strings.Contains(err.(*lang.Error).Vi, "dòng 3: {{hoi_vienn}}: không có chỉ tiêu «hoi_vienn» — có phải hoi_vien?") {
		t.Errorf("unknown placeholder: %v", err)
	}
}

// Across the 2025 merger, a ward's last year made of shares of a split ward is an estimate, and
// the report says so; a ward that cannot be compared says that it has no figures to compare.
func TestMergerEstimatesInTheReport(t *testing.T) {
	run := func(roster string) string {
		res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("tuyen-quang", "2025")}, pipeline.Options{
			Roster: roster, Scope: "00691", Previous: []string{reporttest.Testdata("tuyen-quang", "2024")},
		})
		if err != nil {
			t.Fatal(err)
		}
		return text(t, report.Build(res, report.Options{Lang: lang.Vi}))
	}
	got := run(reporttest.Testdata("tuyen-quang", "danh-sach-2025.yaml"))
	if want := "Tổng số hội viên hiện có là 9.650 hội viên, so với năm 2024 (ước tính) tăng 350 hội viên"; !strings.Contains(got, want) {
		t.Errorf("the report does not say %q:\n%s", want, got)
	}
	dir := t.TempDir()
	roster := filepath.Join(dir, "danh-sach.yaml")
	if err := os.WriteFile(roster, []byte(`don_vi:
  - {ma: "08", ten: "Hội Khuyến học tỉnh Tuyên Quang", cap: tinh, tien_than: ["02", "08"]}
  - {ma: "00691", ten: "Hội Khuyến học phường Hà Giang 2", cap: xa, cap_tren: "08", tien_than: ["00691", "00692", {ma: "00688", mot_phan: true}]}
  - {ma: "00694", ten: "Hội Khuyến học phường Hà Giang 1", cap: xa, cap_tren: "08", tien_than: ["00694"]}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	got = run(roster)
	if want := "Chưa có số liệu năm 2024 của Hội Khuyến học phường Hà Giang 2 để so sánh."; !strings.Contains(got, want) {
		t.Errorf("the report does not say %q:\n%s", want, got)
	}
	if strings.Contains(got, "so với năm 2024") {
		t.Errorf("a ward without last year's figures is compared with them:\n%s", got)
	}
}

// A notes file with only the assessment and the requests puts them after the results, in a
// report's order, under one numbering; a heading a letter away is placed too, with a warning.
func TestNotesAfterTheResults(t *testing.T) {
	res, opts := haGiang(t)
	n, err := notes.Parse(strings.NewReader("## Đề xuất, kiến nghị\nXin kinh phí.\n\n## Đánh gá chung\nTốt.\n\n## Bối cảnh\nKhó khăn.\n"), "n.md")
	if err != nil {
		t.Fatal(err)
	}
	opts.Notes = n
	got := text(t, report.Build(res, opts))
	order := []string{"\nI. BỐI CẢNH\nKhó khăn.\n", "\nII. TỔ CHỨC HỘI VÀ HỘI VIÊN\n", "\nV. KẾT QUẢ THỰC HIỆN CHỈ TIÊU\n",
		"\nVI. ĐÁNH GÁ CHUNG\nTốt.\n", "\nVII. ĐỀ XUẤT, KIẾN NGHỊ\nXin kinh phí.\n", "Nơi nhận:"}
	at := 0
	for _, want := range order {
		i := strings.Index(got[at:], want)
		if i < 0 {
			t.Fatalf("the report does not say %q after position %d:\n%s", want, at, got)
		}
		at += i + len(want)
	}
	warnings, err := report.NewFacts(res, opts).CheckNotes()
	if err != nil {
		t.Fatal(err)
	}
	if want := "dòng 4: tiêu đề «Đánh gá chung» được hiểu là «Đánh giá chung», đặt sau phần kết quả; nếu không phải, hãy sửa tiêu đề"; len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

// A notes section matched to a generated one that cites a figure by placeholder leaves out the
// generated sentences stating that figure; the others stay.
func TestOfficeWordsWin(t *testing.T) {
	res, opts := reporttest.Cluster6(t, lang.Vi)
	n, err := notes.Parse(strings.NewReader("## II. Tổ chức Hội và hội viên\nCụm có {{hoi_vien}} hội viên.\n"), "n.md")
	if err != nil {
		t.Fatal(err)
	}
	opts.Notes = n
	got := text(t, report.Build(res, opts))
	for _, want := range []string{"\nI. TỔ CHỨC HỘI VÀ HỘI VIÊN\nToàn cụm hiện có 1.189 hội khuyến học cơ sở", "\nCụm có 2.191.958 hội viên.\n", "Các tỉnh có tỷ lệ hội viên cao"} {
		if !strings.Contains(got, want) {
			t.Errorf("the report does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Tổng số hội viên hiện có") {
		t.Errorf("the generated sentence on the members stands beside the office's:\n%s", got)
	}
}

// The office's words on the learning models replace the models' sentences and what introduced
// them; the table stays.
func TestOfficeWordsOnModels(t *testing.T) {
	res, opts := haGiang(t)
	var cites []string
	for _, m := range []string{"gia_dinh", "dong_ho", "cong_dong", "don_vi", "cong_dan"} {
		cites = append(cites, "{{"+m+".cong_nhan}}")
	}
	n, err := notes.Parse(strings.NewReader("## Xây dựng các mô hình học tập\nĐã công nhận "+strings.Join(cites, ", ")+".\n"), "n.md")
	if err != nil {
		t.Fatal(err)
	}
	opts.Notes = n
	got := text(t, report.Build(res, opts))
	want := "XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP\n| Mô hình | Tổng số | Đăng ký | Công nhận | Tỷ lệ |\n"
	if !strings.Contains(got, want) || strings.Contains(got, "Số liệu trong ngoặc") || !strings.Contains(got, "Đã công nhận 125.071, 1.406, 1.484, 821, 110.172.") {
		t.Errorf("the report does not say %q, or says the models twice:\n%s", want, got)
	}
}
