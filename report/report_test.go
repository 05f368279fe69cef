package report_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func text(t *testing.T, doc *report.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// What the cluster-6 report says, as text: the narrative is read without a PDF.
func TestGoldenText(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		t.Run(string(l), func(t *testing.T) {
			res, opts := reporttest.Cluster6(t, l)
			reporttest.Golden(t, *update, "cum-6."+string(l)+".txt", []byte(text(t, report.Build(res, opts))))
		})
	}
}

// The cluster-6 report says what the seed article says, and each sentence knows its figures.
func TestCluster6DocumentStatesSeedFigures(t *testing.T) {
	res, opts := reporttest.Cluster6(t, lang.Vi)
	doc := report.Build(res, opts)
	got := text(t, doc)
	for _, want := range []string{
		"Toàn cụm hiện có 1.189 hội khuyến học cơ sở, 13.968 chi hội (tăng 116 chi hội so với năm 2023) và 6.172 ban khuyến học.\n",
		"Tổng số hội viên hiện có là 2.191.958 hội viên, so với năm 2023 tăng 77.086 hội viên; tỷ lệ hội viên/dân số đạt 20,74%",
		"Các tỉnh có tỷ lệ hội viên cao và tăng so với năm 2023 gồm: Đắk Lắk (26,35%), Bình Định (23,22%), Đắk Nông (23,20%), Ninh Thuận (21,66%).\n",
		"Tổng quỹ khuyến học đạt 191,2 tỷ đồng, so với năm 2023 tăng 30,9 tỷ đồng, bình quân đạt 18.091 đồng/người dân (tăng 2.924 đồng/người).\n",
		"Toàn cụm có 1.268 trung tâm học tập cộng đồng.\n",
		"Số liệu trong ngoặc là mức tăng, giảm so với năm 2023.\n",
		"Gia đình học tập: 2.270.388/2.642.186 gia đình đăng ký, đạt 85,93% (tăng 237.796 gia đình, tăng 9 điểm phần trăm); 1.934.742 gia đình được công nhận, đạt 73,23% (tăng 105.687 gia đình, tăng 4 điểm phần trăm).\n",
		"Về tỷ lệ hội viên/dân số, 4/9 tỉnh đạt chỉ tiêu (Bình Định, Đắk Lắk, Đắk Nông, Ninh Thuận); 5 tỉnh chưa đạt: Gia Lai 17,97%/20%, ",
		"Đến ngày 05/7/2024, 9/9 tỉnh đã gửi báo cáo.\n",
		"| 1 | Đắk Lắk | 26,35% | 77,00% |\n",
		"| Toàn cụm | 2.191.958 | 20,74% |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	var members *report.Paragraph
	for _, b := range doc.Blocks {
		if p, ok := b.(*report.Paragraph); ok && strings.HasPrefix(p.Text(), "Tổng số hội viên") {
			members = p
		}
	}
	if members == nil {
		t.Fatal("no sentence about the members")
	}
	for _, no := range []string{"lỗi", "cảnh báo", "báo cáo đã nhận", "Đã tổng hợp", "sai sót", "(9/9", "Tổng cộng", "Xếp theo"} {
		if strings.Contains(got, no) {
			t.Errorf("the report says %q, which is the tool's word or said twice", no)
		}
	}
	if got, want := strings.Join(members.Figures(), " "), "hoi_vien hoi_vien.ty_le"; got != want {
		t.Errorf("the members' sentence cites %s, want %s", got, want)
	}
}

// Adding a figure, a section of figures or a learning model is an edit of the catalogue only: the
// report's tables and sections say it, in the default sentence or in the models' own, and a new
// section of the catalogue gets a section of the report.
func TestAddingAFigureReachesTheReport(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "ingest", "catalogue.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(string(b), `      - {code: tthtcd,`,
		"      - {code: lop_hoc, vi: \"Lớp học tình thương\", en: \"Charity classes\", unit_vi: lớp, unit_en: classes}\n      - {code: tthtcd,", 1)
	yaml = strings.Replace(yaml, "\nmodels:",
		"  - code: thu_vien\n    vi: \"Thư viện, tủ sách\"\n    en: \"Libraries\"\n    figures:\n"+
			"      - {code: tu_sach, vi: \"Tủ sách cộng đồng\", en: \"Community bookshelves\", unit_vi: \"tủ sách\", unit_en: bookshelves}\n\nmodels:", 1)
	yaml = strings.Replace(yaml, "\nderived:",
		"  - {code: cau_lac_bo, vi: \"Câu lạc bộ học tập\", en: \"Learning clubs\", unit_vi: \"câu lạc bộ\", unit_en: clubs}\n\nderived:", 1)
	cat, err := ingest.ParseCatalogue(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i, code := range []string{"447", "448"} {
		r := ingest.NewReturn(cat, ingest.Unit{Code: code, Name: "Hội Khuyến học xã " + code, Parent: "44"}, ingest.Period{Year: 2024})
		for c, v := range map[string]int64{"lop_hoc": 12, "tu_sach": 7, "cau_lac_bo.tong": 40, "cau_lac_bo.dang_ky": 30, "cau_lac_bo.cong_nhan": int64(20 + i)} {
			f, ok := cat.Figure(c)
			if !ok {
				t.Fatalf("the catalogue has no %s", c)
			}
			r.Set(f, v)
		}
		var buf bytes.Buffer
		if err := ingest.WriteReturn(&buf, cat, r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, code+".xlsx"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	targets := filepath.Join(dir, "chi-tieu.yaml")
	if err := os.WriteFile(targets, []byte("nam: 2024\nchi_tieu:\n  lop_hoc: 20\n  cau_lac_bo.ty_le: 50%\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		l    lang.Lang
		want []string
	}{
		{lang.Vi, []string{
			"Lớp học tình thương: 24 lớp.\n",
			". THƯ VIỆN, TỦ SÁCH\nTủ sách cộng đồng: 14 tủ sách.\n",
			"Câu lạc bộ học tập: 60/80 câu lạc bộ đăng ký, đạt 75,00%; 41 câu lạc bộ được công nhận, đạt 51,25%.\n",
			"| Câu lạc bộ học tập | 80 | 60 | 41 | 51,25% |\n",
			"| Lớp học tình thương | 24 | ≥ 20 | đạt |\n",
			"| Tỷ lệ câu lạc bộ học tập được công nhận | 51,25% | ≥ 50,00% | đạt |\n",
			"| Hạng | Đơn vị | Câu lạc bộ học tập |\n",
		}},
		{lang.En, []string{
			"Charity classes: 24 classes.\n",
			". LIBRARIES\nCommunity bookshelves: 14 bookshelves.\n",
			"Learning clubs: 60 of 80 clubs registered, 75.00%; 41 clubs recognised, 51.25%.\n",
		}},
	} {
		got := text(t, report.Build(res, report.Options{Lang: tt.l}))
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("the report (%s) does not say %q:\n%s", tt.l, want, got)
			}
		}
		// A heading only with a figure under it.
		for _, no := range []string{"TỔ CHỨC HỘI VÀ HỘI VIÊN", "ORGANISATION AND MEMBERS", "HỌC BỔNG", "SCHOLARSHIPS"} {
			if strings.Contains(got, no) {
				t.Errorf("the report (%s) has the heading %q with nothing under it:\n%s", tt.l, no, got)
			}
		}
	}
}

// The report's Go code names no figure: the codes are in wording.yaml and the catalogue.
func TestNoFigureCodeInCode(t *testing.T) {
	var src []string
	err := filepath.Walk(".", func(path string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			src = append(src, path+"\n"+string(b))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ingest.DefaultCatalogue().All() {
		for _, s := range src {
			if strings.Contains(s, `"`+f.Code) {
				t.Errorf("%s names the figure %s", strings.SplitN(s, "\n", 2)[0], f.Code)
			}
		}
	}
}

// The communes, schools, villages… that have an association are said in one sentence, and their
// parts are not repeated as lines of their own («Xã, phường, thị trấn: tổng số: 17 xã»).
func TestCoverageSaidOnce(t *testing.T) {
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("na-ri-2023")}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := text(t, report.Build(res, report.Options{Lang: lang.Vi, Org: "Hội Khuyến học huyện Na Rì"}))
	for _, want := range []string{"\nToàn huyện hiện có 17 hội khuyến học cơ sở, 274 chi hội và 14 ban khuyến học (số liệu của 14/17 xã).\n",
		"\nĐã có tổ chức hội ở 17/17 xã, phường, thị trấn (100,00%)"} {
		if !strings.Contains(got, want) {
			t.Errorf("the report does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ": tổng số") || strings.Contains(got, ": có tổ chức hội") {
		t.Errorf("a coverage figure has a line of its own:\n%s", got)
	}
}

// A scope that nothing names is never signed with its code: a space is left for the name.
func TestNoCodeForAName(t *testing.T) {
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("na-ri-2023")}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := report.Build(res, report.Options{Lang: lang.Vi})
	if got := doc.Header.Org; got != "Hội Khuyến học ……………" {
		t.Errorf("the association is %q", got)
	}
	if got := text(t, doc); strings.Contains(got, "066") {
		t.Errorf("the report names the unit by its code:\n%s", got)
	}
	if !report.NewFacts(res, report.Options{}).Unnamed() || report.NewFacts(res, report.Options{Org: "Hội Khuyến học huyện Na Rì"}).Unnamed() {
		t.Error("Unnamed does not say whether the scope has a name to sign with")
	}
}

// With 170 communes, a target's sentence names ten of those that missed it, those furthest from
// the target first, then how many more: not a page of names.
func TestLongMissedListNamesTheWorstTen(t *testing.T) {
	dir := t.TempDir()
	cat := ingest.DefaultCatalogue()
	returns, err := ingesttest.Province(dir, cat, 170, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), cat, []string{returns}, pipeline.Options{
		Roster: filepath.Join(dir, "danh-sach.yaml"), Scope: "99", Targets: filepath.Join(dir, "chi-tieu.yaml"), PerUnit: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	text := text(t, report.Build(res, report.Options{Lang: lang.Vi}))
	found := false
	for line := range strings.Lines(text) {
		i := strings.Index(line, "chưa đạt: ")
		if i < 0 || !strings.Contains(line, " xã khác") {
			continue
		}
		found = true
		list := line[i+len("chưa đạt: "):]
		list = list[:strings.Index(list, " và ")]
		if n := strings.Count(list, ", ") + 1; n != 10 {
			t.Errorf("%d names before «và … xã khác», want 10: %s", n, line)
		}
	}
	if !found {
		t.Fatalf("no target missed by more than ten communes in:\n%s", text)
	}
}
