package ingesttest_test

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
)

var (
	syntheticDir = flag.String("synthetic.dir", "", "write a synthetic data set here (TestWriteSynthetic)")
	syntheticN   = flag.Int("synthetic.n", 10000, "how many commune returns TestWriteSynthetic writes")
	branches     = flag.Int("synthetic.branches", 0, "how many branches (chi hội) the roster of TestWriteSynthetic lists under the communes")
	missing      = flag.Int("synthetic.missing", 0, "how many more communes the roster of TestWriteSynthetic lists, which send no return")
)

// TestWriteSynthetic writes a data set for trials and benchmarks (make synthetic DIR=… N=…).
func TestWriteSynthetic(t *testing.T) {
	if *syntheticDir == "" {
		t.Skip("no -synthetic.dir")
	}
	s, err := ingesttest.SynthesizeBranches(*syntheticDir, ingest.DefaultCatalogue(),
		ingesttest.Branches{Returns: *syntheticN, Missing: *missing, Branches: *branches}, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d returns and %s", s.Files, s.Roster)
}

// The generator's returns read back, roll up along the roster and add up to the totals it knows.
func TestSyntheticRollsUp(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	n := 200
	s, err := ingesttest.Synthesize(t.TempDir(), cat, n, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ingest.Load(context.Background(), cat, []string{s.Dir}, ingest.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Returns) != n || len(b.Problems) != 0 {
		t.Fatalf("read %d returns with %d problems, want %d and 0: %v", len(b.Returns), len(b.Problems), n, b.Problems)
	}
	ro := loadRoster(t, s.Roster)
	tree, err := rollup.Build(cat, b.Returns, rollup.Options{Roster: ro})
	if err != nil {
		t.Fatal(err)
	}
	if tree.Scope.Unit.Code != "VN" {
		t.Errorf("scope = %s, want VN", tree.Scope.Unit.Code)
	}
	for _, f := range cat.All() {
		want, ok1 := s.Totals.Get(f)
		got, ok2 := tree.Scope.Totals.Get(f)
		if ok1 != ok2 || got != want {
			t.Errorf("%s = %v (%v), want %v (%v)", f.Code, got, ok2, want, ok1)
		}
	}
}

func loadRoster(t *testing.T, path string) *rollup.Roster {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	ro, err := rollup.ParseRoster(fh)
	if err != nil {
		t.Fatal(err)
	}
	return ro
}
