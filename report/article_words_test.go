package report

import (
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// Every placeholder of the article's headline and lead is a figure of the catalogue or a fact
// the article gives, and every key of `whole` is a level of the catalogue, "cum" or "khac": a
// typo would otherwise silently drop a sentence of the lead.
func TestArticleWordingNamesKnownFigures(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	w := defaultWording().Article
	facts := map[string]bool{"scope": true, "org": true, "period": true, "previous": true, "whole": true, "Whole": true}
	for _, name := range w.placeholders() {
		if facts[name] {
			continue
		}
		code, format, _ := strings.Cut(strings.TrimPrefix(name, "moved:"), "|")
		switch {
		case strings.HasPrefix(name, "moved:") && (format == "" || format == "bare"):
		case !strings.HasPrefix(name, "moved:") && (format == "" || format == "money" || format == "num" || format == "den"):
		default:
			t.Errorf("{%s}: unknown format %q", name, format)
		}
		if _, ok := cat.Figure(code); !ok {
			t.Errorf("{%s}: %s is not a figure of the catalogue", name, code)
		}
	}
	if len(w.Lead) == 0 || len(w.Headline.Cases) == 0 {
		t.Error("the article has no headline or no lead")
	}
	for key := range w.Whole {
		if _, ok := cat.Level(key); !ok && key != "cum" && key != "khac" {
			t.Errorf("whole: %s is not a level", key)
		}
	}
	if _, ok := w.Whole["khac"]; !ok {
		t.Error(`whole: no "khac" for a scope of no known level`)
	}
}
