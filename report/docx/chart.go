package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sort"
	"sync"

	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// The chart is drawn at 10 pixels a millimetre for a 160 mm wide picture.
const (
	pxPerMM         = 10.0
	chartW          = 1600
	labelW, valueW  = 560, 180
	rowH, chartTop  = 62, 20
	chartBottomRoom = 110
)

var (
	colourMet    = color.RGBA{47, 85, 151, 255}
	colourMissed = color.RGBA{192, 80, 77, 255}
	colourAxis   = color.RGBA{64, 64, 64, 255}
)

var faces = sync.OnceValues(func() ([2]font.Face, error) {
	var out [2]font.Face
	for i, ttf := range [][]byte{liberationserifregular.TTF, liberationserifitalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return out, err
		}
		if out[i], err = opentype.NewFace(f, &opentype.FaceOptions{Size: 26, DPI: 72, Hinting: font.HintingFull}); err != nil {
			return out, err
		}
	}
	return out, nil
})

// chartPNG draws the chart as the PDF does: a bar per rate from 0, its target as a black mark,
// met in blue and missed in red, the value after the bar, the legend below. It returns the
// picture and its size in millimetres.
func chartPNG(c *report.Chart) ([]byte, float64, float64, error) {
	fs, err := faces()
	if err != nil {
		return nil, 0, 0, err
	}
	regular, italic := fs[0], fs[1]
	h := chartTop + rowH*len(c.Bars) + chartBottomRoom
	img := image.NewRGBA(image.Rect(0, 0, chartW, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	maxV := 0.0
	for _, b := range c.Bars {
		maxV = math.Max(maxV, math.Max(b.Actual, b.Target))
	}
	barRoom := float64(chartW - labelW - valueW - 40)
	scale := barRoom / math.Max(maxV*1.05, 0.01)
	x0 := labelW + 20
	for i, b := range c.Bars {
		y := chartTop + i*rowH
		text(img, regular, fit(regular, b.Label, labelW-10), labelW-10, y+rowH/2+9, true)
		col := colourMissed
		if b.Met {
			col = colourMet
		}
		fill(img, x0, y+8, x0+int(b.Actual*scale), y+rowH-8, col)
		tx := x0 + int(b.Target*scale)
		fill(img, tx-2, y+2, tx+3, y+rowH-2, color.Black)
		text(img, regular, b.Value, x0+int(math.Max(b.Actual, b.Target)*scale)+14, y+rowH/2+9, false)
	}
	fill(img, x0-1, chartTop, x0+2, chartTop+rowH*len(c.Bars), colourAxis)
	legend := fit(italic, c.Legend, chartW-20)
	lw := font.MeasureString(italic, legend).Ceil()
	text(img, italic, legend, (chartW-lw)/2, chartTop+rowH*len(c.Bars)+60, false)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), chartW / pxPerMM, float64(h) / pxPerMM, nil
}

func fill(img *image.RGBA, x0, y0, x1, y1 int, c color.Color) {
	draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
}

// text draws s with its baseline at y, starting at x (or ending at x when alignRight).
func text(img *image.RGBA, face font.Face, s string, x, y int, alignRight bool) {
	if alignRight {
		x -= font.MeasureString(face, s).Ceil()
	}
	d := font.Drawer{Dst: img, Src: image.Black, Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// fit cuts s with "…" to fit in width pixels.
func fit(face font.Face, s string, width int) string {
	if font.MeasureString(face, s).Ceil() <= width {
		return s
	}
	// The longest start of s that fits with "…", found by halving (a rune at a time took minutes
	// for a page of text).
	r := []rune(s)
	k := sort.Search(len(r), func(k int) bool { return k > 0 && font.MeasureString(face, string(r[:k])+"…").Ceil() > width })
	return string(r[:max(k-1, 1)]) + "…"
}
