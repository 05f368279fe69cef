package reporttest

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// pkgDir is the directory of the package under test, where its golden files are.
var pkgDir, _ = os.Getwd()

// Testdata is a path under the repository's testdata directory, from the report directory.
func Testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "testdata"}, parts...)...)
}

// chdirReport makes the report directory the test's working directory, so that the paths of
// the files read, which the reports print, are the same from every package of report/.
func chdirReport(t testing.TB) {
	t.Helper()
	dir := pkgDir
	for range 5 {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			t.Chdir(filepath.Join(dir, "report"))
			return
		}
		dir = filepath.Dir(dir)
	}
	t.Fatal("no go.mod above " + pkgDir)
}

// Cluster6 is what `khuyenhoc report` reads for cluster 6, first half of 2024 (seed 001), and
// how it writes it.
func Cluster6(t testing.TB, l lang.Lang) (*pipeline.Result, report.Options) {
	t.Helper()
	chdirReport(t)
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{Testdata("cum-6", "2024-H1")}, pipeline.Options{
		Roster:   Testdata("cum-6", "danh-sach.yaml"),
		Scope:    "cum-6",
		Previous: []string{Testdata("cum-6", "2023")},
		Targets:  Testdata("cum-6", "chi-tieu-2024.yaml"),
		PerUnit:  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, report.Options{Lang: l, Date: time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC), Place: "Ninh Thuận", Org: "Hội Khuyến học tỉnh Lâm Đồng"}
}

// KyAnh is the partial sample of issue 11 as `khuyenhoc report` reads it: five communes expected
// under huyện Kỳ Anh and thị xã Kỳ Anh; Kỳ Phú missing, Kỳ Giang late, Kỳ Ninh's recognised
// families refused, Kỳ Lợi's branches blank.
func KyAnh(t testing.TB) *pipeline.Result {
	t.Helper()
	chdirReport(t)
	res, err := pipeline.Run(context.Background(), ingest.DefaultCatalogue(), []string{Testdata("ky-anh", "2024")}, pipeline.Options{
		Roster:  Testdata("ky-anh", "danh-sach.yaml"),
		Targets: Testdata("ky-anh", "chi-tieu-2024.yaml"),
		PerUnit: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// KyAnhRate is the sample's learning-family rate computed by hand: recognised families over the
// families of the three communes that gave both figures (Kỳ Đồng, Kỳ Giang, Kỳ Lợi).
const KyAnhRate = float64(1_900+2_050+1_700) / float64(2_400+2_600+2_200)

// Golden compares got with testdata/golden/name of the package under test, or rewrites the file
// when update is set (go test ./report/... -run Golden -update).
func Golden(t testing.TB, update bool, name string, got []byte) {
	t.Helper()
	path := filepath.Join(pkgDir, "testdata", "golden", name)
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report/... -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; look at the difference and, if it is right, run go test ./report/... -run Golden -update\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + lang.Int(lang.En, int64(i+1)) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

// National reads the synthetic national data set (KHUYENHOC_BENCH_DIR, made by
// `make synthetic`; 1,000 returns made here otherwise) and rolls it up to the country.
func National(b *testing.B) *pipeline.Result {
	b.Helper()
	cat := ingest.DefaultCatalogue()
	dir := os.Getenv("KHUYENHOC_BENCH_DIR")
	roster := ""
	if dir == "" {
		dir = b.TempDir()
		s, err := ingesttest.Synthesize(dir, cat, 1000, 1)
		if err != nil {
			b.Fatal(err)
		}
		roster = s.Roster
	} else {
		roster = filepath.Join(dir, "danh-sach.yaml")
	}
	res, err := pipeline.Run(context.Background(), cat, []string{dir}, pipeline.Options{Roster: roster})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// WriteTwice writes the cluster-6 report twice with write and checks that both runs, each from
// its own reading of the returns, give the same bytes.
func WriteTwice(t testing.TB, l lang.Lang, write func(io.Writer, *report.Facts) error) []byte {
	t.Helper()
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := write(buf, report.NewFacts(Cluster6(t, l))); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same inputs wrote different bytes")
	}
	return a.Bytes()
}
