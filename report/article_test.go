package report_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/reporttest"
)

// The article's headline and lead say what seeds 000 and 001 put first: the members, their
// share of the population and their growth, the fund, the learning families.
func TestArticleHeadlineAndLead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		read     func(testing.TB, lang.Lang) (*pipeline.Result, report.Options)
		l        lang.Lang
		headline string
		lead     string
		place    string
	}{
		{
			name: "ha-giang", read: reporttest.ReadHaGiang, l: lang.Vi, place: "Hà Giang",
			headline: "Hội Khuyến học tỉnh Hà Giang: năm 2023 toàn tỉnh có 330.909 hội viên, tăng 25.313",
			lead: "Theo báo cáo tổng hợp năm 2023 của Hội Khuyến học tỉnh Hà Giang, toàn tỉnh có 330.909 hội viên, chiếm 35,36% dân số, tăng 25.313 hội viên so với năm 2022. " +
				"Đã trao 643 suất học bổng. Đã có 125.071 gia đình được công nhận «Gia đình học tập», chiếm 66,60% số gia đình.",
		},
		{
			name: "cum-6", read: reporttest.Cluster6, l: lang.Vi, place: "Ninh Thuận",
			headline: "Cụm thi đua số 6 (Nam Trung Bộ và Tây Nguyên): 6 tháng đầu năm 2024 toàn cụm có 2.191.958 hội viên, tăng 77.086",
			lead: "Theo báo cáo tổng hợp 6 tháng đầu năm 2024 của Hội Khuyến học tỉnh Lâm Đồng, toàn cụm có 2.191.958 hội viên, chiếm 20,74% dân số, tăng 77.086 hội viên so với năm 2023. " +
				"Tổng quỹ khuyến học đạt 191,2 tỷ đồng, tăng 30,9 tỷ đồng so với năm 2023. Đã có 1.934.742 gia đình được công nhận «Gia đình học tập», chiếm 73,23% số gia đình.",
		},
		{
			name: "binh-thanh", read: binhThanh, l: lang.Vi,
			headline: "Hội Khuyến học quận Bình Thạnh: năm 2022 toàn quận có 52.873 hội viên",
			lead: "Theo báo cáo tổng hợp năm 2022 của Hội Khuyến học quận Bình Thạnh, toàn quận có 52.873 hội viên, chiếm 16,02% dân số. " +
				"Đã trao 614 suất học bổng trị giá 558,6 triệu đồng. Đã có 51.119 gia đình được công nhận «Gia đình học tập», chiếm 77,07% số gia đình.",
		},
		{
			name: "cum-6.en", read: reporttest.Cluster6, l: lang.En, place: "Ninh Thuận",
			headline: "Cụm thi đua số 6 (Nam Trung Bộ và Tây Nguyên), first half of 2024: 2,191,958 members across the cluster, up 77,086",
			lead: "According to the report of Hội Khuyến học tỉnh Lâm Đồng (first half of 2024), there are 2,191,958 members across the cluster, 20.74% of the population, up 77,086 members on 2023. " +
				"The fund for learning stands at 191.2 billion đồng, up 30.9 billion đồng on 2023. 1,934,742 households are recognised as learning families, 73.23% of all.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, opts := tc.read(t, tc.l)
			a := report.BuildArticle(res, opts).Article
			if got := report.RunsText(a.Headline); got != tc.headline {
				t.Errorf("headline\n got: %s\nwant: %s", got, tc.headline)
			}
			if got := report.RunsText(a.Lead); got != tc.lead {
				t.Errorf("lead\n got: %s\nwant: %s", got, tc.lead)
			}
			if a.Place != tc.place {
				t.Errorf("place = %q, want %q", a.Place, tc.place)
			}
		})
	}
}

// binhThanh is Bình Thạnh's 2022 return alone: a district-level unit named a quận, with no
// last period, no place and no date.
func binhThanh(t testing.TB, l lang.Lang) (*pipeline.Result, report.Options) {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{reporttest.Testdata("binh-thanh-2022")}, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, report.Options{Lang: l}
}

// The article is made from the signed report's Document without building it again and without
// changing it: its headings in sentence case are its own copies, the rest is shared.
func TestArticleFromTheDocument(t *testing.T) {
	res, opts := reporttest.ReadHaGiang(t, lang.Vi)
	facts := report.NewFacts(res, opts)
	doc := facts.Document()
	article := facts.WithArticle(doc)
	if !reflect.DeepEqual(doc, facts.Document()) {
		t.Fatal("making the article changed the Document")
	}
	want := facts.ArticleDocument()
	if !reflect.DeepEqual(article, want) {
		t.Fatal("the article made from the Document differs from the article built on its own")
	}
	plain := 0
	for i, b := range article.Blocks {
		h, ok := b.(*report.Heading)
		if !ok || h.Plain == "" {
			continue
		}
		plain++
		if doc.Blocks[i].(*report.Heading).Plain != "" {
			t.Errorf("heading %q: the Document's own heading was given its sentence case", h.Text)
		}
	}
	if plain == 0 {
		t.Fatal("no heading of the article has its sentence case")
	}
	if article.Article.Headline == nil || doc.Article.Headline != nil {
		t.Fatalf("the headline belongs to the article only: article %v, document %v", article.Article.Headline, doc.Article.Headline)
	}
}
