package pdf

import (
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/textfix"
)

// mark stands for a character the fonts cannot draw: a white square, which they all have.
const mark = "□"

// glyphs is the set of characters every style of the embedded font draws: fpdf writes
// characters of the Basic Multilingual Plane only, and a character without a glyph would be lost.
var glyphs = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	for i := range set {
		set[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	for _, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
		f, err := sfnt.Parse(ttf)
		for r := range rune(1 << 16) {
			if err != nil {
				set[r/64] = 0
				continue
			}
			if g, gerr := f.GlyphIndex(&buf, r); gerr != nil || g == 0 {
				set[r/64] &^= 1 << (r % 64)
			}
		}
	}
	return &set
})

func drawable(r rune) bool {
	return r >= ' ' && r < 1<<16 && glyphs()[r/64]&(1<<(r%64)) != 0
}

var fontText = textfix.Writer{Name: "PDF", Draw: drawable, Mark: mark, Space: "\t\n\r"}

// Prepare returns the document with every text made drawable: bytes that are not UTF-8 and
// characters the embedded font has no glyph for (an emoji) are replaced by a visible mark, and
// each text so repaired is reported with where it stands. Write prepares the document itself;
// Prepare lets the caller say what was repaired.
func Prepare(doc *report.Document) (*report.Document, []*lang.Error) {
	out, repairs := textfix.Document(doc, fontText)
	msgs := make([]*lang.Error, len(repairs))
	for i, r := range repairs {
		msgs[i] = r.Message(fontText)
	}
	return out, msgs
}
