package view

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
)

func checkView(t *testing.T) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{filepath.Join("..", "..", "testdata", "binh-thanh-2022")}, pipeline.Options{
		Targets: filepath.Join("..", "..", "testdata", "binh-thanh-2022.chi-tieu.yaml"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The JSON and JUnit of check parse with real parsers and say the same as the results.
func TestCheckOutputsParse(t *testing.T) {
	v := checkView(t)
	var buf bytes.Buffer
	tool := Tool{Name: "khuyenhoc", Version: "1.2.0", Commit: "1e71820"}
	if err := CheckJSONWrite(&buf, lang.Vi, v, tool); err != nil {
		t.Fatal(err)
	}
	var doc checkJSON
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	if doc.Tool != tool {
		t.Errorf("tool = %+v, want %+v", doc.Tool, tool)
	}
	if doc.Met != 3 || doc.Missed != 0 || len(doc.Results) != 3 {
		t.Errorf("met %d missed %d results %d, want 3 0 3", doc.Met, doc.Missed, len(doc.Results))
	}
	for _, r := range doc.Results {
		if r.Figure == "gia_dinh.ty_le" && (r.Actual == nil || *r.Actual < 0.7706 || *r.Actual > 0.7708 || r.Target != 0.75 || !r.Met) {
			t.Errorf("gia_dinh.ty_le result = %+v, want 77,07%% against 75%%, met", r)
		}
	}
	buf.Reset()
	if err := CheckJUnit(&buf, lang.Vi, v, false); err != nil {
		t.Fatal(err)
	}
	var ju junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &ju); err != nil {
		t.Fatalf("JUnit does not parse: %v", err)
	}
	if ju.Tests != 4 || ju.Failures != 0 || len(ju.Suites) != 2 || ju.Suites[0].Name != "dữ liệu" || ju.Suites[1].Name != "765 Hội Khuyến học quận Bình Thạnh" {
		t.Errorf("junit = %+v", ju)
	}
}
