package reporttest

import (
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

// Word is a word of a PDF as pdftotext places it, in mm from the page's top-left corner, with
// its size in pt and its style ("", "B", "I", "BI"), told by its width in each style of
// Liberation Serif (the report's font, and Writer's for Times New Roman).
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64
	Size           float64
	Style          string
	widths         [4]float64 // its width in pt in each style, at its size
	width, height  float64    // as measured, pt
}

// Segment is words on one line that stand close together: a line of one column.
type Segment struct {
	Words []Word
}

// Text is the segment's words joined by spaces.
func (s Segment) Text() string {
	var w []string
	for _, x := range s.Words {
		w = append(w, x.Text)
	}
	return strings.Join(w, " ")
}

// X0 is where the segment starts, X1 where it ends, Y0 its top, Y1 its bottom, in mm.
func (s Segment) X0() float64 { return s.Words[0].X0 }
func (s Segment) X1() float64 { return s.Words[len(s.Words)-1].X1 }
func (s Segment) Y0() float64 { return s.Words[0].Y0 }
func (s Segment) Y1() float64 { return s.Words[0].Y1 }

// Size is the size of the segment's first word; Style the style its words' widths fit best.
func (s Segment) Size() float64 { return s.Words[0].Size }
func (s Segment) Style() string {
	best, bestD := "", math.Inf(1)
	for i := range styles {
		d := 0.0
		for _, w := range s.Words {
			d += math.Abs(w.widths[i] - w.width)
		}
		if d < bestD {
			best, bestD = styles[i], d
		}
	}
	return best
}

// Rule is a straight line drawn on a page, in mm.
type Rule struct{ X0, Y0, X1, Y1 float64 }

// Page is what a page of a PDF holds.
type Page struct {
	Segments []Segment
	Rules    []Rule
}

// Find is the first segment whose text starts with prefix, and its index, or -1.
func (p Page) Find(prefix string) (Segment, int) {
	for i, s := range p.Segments {
		if strings.HasPrefix(s.Text(), prefix) {
			return s, i
		}
	}
	return Segment{}, -1
}

const ptMM = 25.4 / 72

// Measure reads a PDF's pages: words with their places, sizes and styles (pdftotext
// -bbox-layout), grouped into segments, and the straight lines drawn (qpdf's uncompressed
// content streams). It needs pdftotext and qpdf.
func Measure(t testing.TB, pdf []byte) []Page {
	t.Helper()
	testtool.Need(t, "pdftotext", "poppler-utils")
	testtool.Need(t, "qpdf", "qpdf")
	dir := t.TempDir()
	path := filepath.Join(dir, "m.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	widths := styleWidths(t)
	var pages []Page
	var all [][]Word
	pageRe := regexp.MustCompile(`<page width="[0-9.]+" height="([0-9.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
	for _, chunk := range strings.Split(string(out), "<page ")[1:] {
		chunk = "<page " + chunk
		if pageRe.FindStringSubmatch(chunk) == nil {
			t.Fatalf("pdftotext: no page size in %.80q", chunk)
		}
		var words []Word
		for _, m := range wordRe.FindAllStringSubmatch(chunk, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			w := Word{Text: html.UnescapeString(m[5]), X0: f(1) * ptMM, Y0: f(2) * ptMM, X1: f(3) * ptMM, Y1: f(4) * ptMM}
			w.width = f(3) - f(1)
			w.height = f(4) - f(2)
			words = append(words, w)
		}
		all = append(all, words)
	}
	// The height of a word's box is its size times the font's ascent and descent as the PDF's
	// maker wrote them (1.107 em from fpdf, more from Writer): that ratio is found from the words
	// themselves, most of which are upright, by their widths.
	var ratios []float64
	for _, words := range all {
		for _, w := range words {
			if len([]rune(w.Text)) >= 4 {
				unit := widths.widths(w.Text, 1)[0]
				ratios = append(ratios, w.height/(w.width/unit))
			}
		}
	}
	sort.Float64s(ratios)
	ratio := 1.107
	if len(ratios) > 0 {
		ratio = ratios[len(ratios)/2]
	}
	for _, words := range all {
		for i := range words {
			w := &words[i]
			w.Size = math.Round(w.height/ratio*4) / 4
			w.widths = widths.widths(w.Text, w.Size)
			w.Style = widths.style(w.widths, w.width)
		}
		segs := segments(words)
		for i := range segs {
			segs[i].Words = joinGlyphs(segs[i].Words, widths)
		}
		pages = append(pages, Page{Segments: segs})
	}
	rules := rules(t, path, dir)
	for i := range pages {
		if i < len(rules) {
			pages[i].Rules = rules[i]
		}
	}
	return pages
}

// segments groups words by line (the same top, to 0.3 mm) and splits a line where words are more
// than 4 mm apart.
func segments(words []Word) []Segment {
	sort.SliceStable(words, func(i, j int) bool {
		if math.Abs(words[i].Y0-words[j].Y0) > 0.3 {
			return words[i].Y0 < words[j].Y0
		}
		return words[i].X0 < words[j].X0
	})
	var out []Segment
	for _, w := range words {
		if n := len(out); n > 0 {
			last := out[n-1].Words[len(out[n-1].Words)-1]
			if math.Abs(last.Y0-w.Y0) <= 0.3 && w.X0-last.X1 < 4 && w.X0 >= last.X1-0.5 {
				out[n-1].Words = append(out[n-1].Words, w)
				continue
			}
		}
		out = append(out, Segment{Words: []Word{w}})
	}
	return out
}

// joinGlyphs joins words that touch (less than 0.25 mm apart): Writer places some letters one by
// one, and pdftotext reads «Hội» as «H», «ộ», «i».
func joinGlyphs(words []Word, widths *widthTable) []Word {
	var out []Word
	for _, w := range words {
		if n := len(out); n > 0 && w.X0-out[n-1].X1 < 0.25 {
			last := &out[n-1]
			last.Text += w.Text
			last.X1 = w.X1
			last.width = (last.X1 - last.X0) / ptMM
			last.widths = widths.widths(last.Text, last.Size)
			last.Style = widths.style(last.widths, last.width)
			continue
		}
		out = append(out, w)
	}
	return out
}

type widthTable struct{ faces [4]*opentype.Font }

var styles = [4]string{"", "B", "I", "BI"}

func styleWidths(t testing.TB) *widthTable {
	var w widthTable
	for i, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		w.faces[i] = f
	}
	return &w
}

// widths are the widths of s at size pt in each style.
func (w *widthTable) widths(s string, size float64) [4]float64 {
	var out [4]float64
	for i, f := range w.faces {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 100, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			continue
		}
		out[i] = float64(font.MeasureString(face, s)) / 64 * size / 100
		face.Close()
	}
	return out
}

// style is the style whose width is nearest the measured width.
func (w *widthTable) style(widths [4]float64, width float64) string {
	best, bestD := "", math.Inf(1)
	for i, got := range widths {
		if d := math.Abs(got - width); d < bestD {
			best, bestD = styles[i], d
		}
	}
	return best
}

// rules are the straight lines of each page: "x y m x y l S" in the content streams that qpdf
// writes uncompressed, in mm from the top-left corner of an A4 page.
func rules(t testing.TB, path, dir string) [][]Rule {
	qdf := filepath.Join(dir, "q.pdf")
	if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, out)
	}
	data, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	const pageH = 297.0
	lineRe := regexp.MustCompile(`(?m)^(-?[0-9.]+) (-?[0-9.]+) m\s+(-?[0-9.]+) (-?[0-9.]+) l\s+S`)
	var out [][]Rule
	for _, chunk := range strings.Split(string(data), "%% Contents for page ")[1:] {
		var rs []Rule
		for _, m := range lineRe.FindAllStringSubmatch(chunk, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v * ptMM }
			rs = append(rs, Rule{X0: f(1), Y0: pageH - f(2), X1: f(3), Y1: pageH - f(4)})
		}
		out = append(out, rs)
	}
	return out
}

// upper says whether s has no lower-case letter.
func upper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
