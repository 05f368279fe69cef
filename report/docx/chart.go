package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/chart"
)

// The chart is drawn at 10 pixels a millimetre, as wide as the text, in parts no taller than
// about half a page, so that Word never leaves more than that blank before a part.
const (
	pxPerMM   = 10.0
	chartPart = 125.0 // mm
)

var (
	colourMet    = color.RGBA{47, 85, 151, 255}
	colourMissed = color.RGBA{150, 30, 30, 255}
)

// palette is 32 greys from black to white and the colours of the bars.
var palette = func() color.Palette {
	var p color.Palette
	for i := range 32 {
		v := uint8(i * 255 / 31)
		p = append(p, color.RGBA{v, v, v, 255})
	}
	return append(p, colourMet, colourMissed)
}()

// fonts are Liberation Serif regular, bold, italic and bold italic.
var fonts = sync.OnceValues(func() ([4]*opentype.Font, error) {
	var out [4]*opentype.Font
	for i, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return out, err
		}
		out[i] = f
	}
	return out, nil
})

// faces makes font faces at 10 pixels a millimetre, one per size and style, for one chart.
type faces struct {
	fonts [4]*opentype.Font
	made  map[[2]float64]font.Face
}

func (f *faces) face(size float64, bold, italic bool) font.Face {
	style := 0.0
	if bold {
		style++
	}
	if italic {
		style += 2
	}
	key := [2]float64{size, style}
	if fc, ok := f.made[key]; ok {
		return fc
	}
	fc, err := opentype.NewFace(f.fonts[int(style)], &opentype.FaceOptions{Size: size, DPI: 25.4 * pxPerMM, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // the embedded fonts parse; a face at a positive size is always made
	}
	f.made[key] = fc
	return fc
}

// chartPNGs draws the chart as report/chart lays it out, as the PDF does, one picture per part.
// It returns the pictures and their sizes in millimetres.
func chartPNGs(c *report.Chart) ([]Image, error) {
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	f := &faces{fonts: fs, made: map[[2]float64]font.Face{}}
	pages := chart.Layout(c, chart.Options{
		Width: textWidth, FirstRoom: chartPart, PageRoom: chartPart,
		Measure: func(s string, size float64, bold bool) float64 {
			return float64(font.MeasureString(f.face(size, bold, false), s)) / 64 / pxPerMM
		},
		Missed: c.Missed, Target: c.Target, Continued: c.Continued,
	})
	var out []Image
	for _, pg := range pages {
		px := func(mm float64) int { return int(math.Round(mm * pxPerMM)) }
		img := image.NewRGBA(image.Rect(0, 0, px(textWidth), px(pg.Height)))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		for _, r := range pg.Rects {
			if r.Fill == chart.Solid {
				fill(img, px(r.X), px(r.Y), px(r.X+r.W), px(r.Y+r.H), colourMet)
				continue
			}
			line(img, r.X, r.Y, r.X+r.W, r.Y, 0.3, colourMissed)
			line(img, r.X, r.Y+r.H, r.X+r.W, r.Y+r.H, 0.3, colourMissed)
			line(img, r.X, r.Y, r.X, r.Y+r.H, 0.3, colourMissed)
			line(img, r.X+r.W, r.Y, r.X+r.W, r.Y+r.H, 0.3, colourMissed)
		}
		for _, ln := range pg.Lines {
			var col color.Color = color.Black
			if ln.Hatch {
				col = colourMissed
			}
			line(img, ln.X1, ln.Y1, ln.X2, ln.Y2, ln.Width, col)
		}
		for _, t := range pg.Texts {
			d := font.Drawer{Dst: img, Src: image.Black, Face: f.face(t.Size, t.Bold, t.Italic), Dot: fixed.P(px(t.X), px(t.Y))}
			d.DrawString(t.S)
		}
		// In a palette of greys (the type's edges) and the two bars' colours: a quarter of the bytes.
		pal := toPalette(img)
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, pal); err != nil {
			return nil, err
		}
		out = append(out, Image{PNG: buf.Bytes(), Width: textWidth, Height: float64(img.Bounds().Dy()) / pxPerMM, Align: Center})
	}
	return out, nil
}

// toPalette maps each pixel to the palette: a grey to the nearest of the 32, a bar's colour to
// itself, anything else to the nearest colour.
func toPalette(img *image.RGBA) *image.Paletted {
	pal := image.NewPaletted(img.Bounds(), palette)
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
		var idx uint8
		switch c := (color.RGBA{r, g, b, 255}); {
		case r == g && g == b:
			idx = uint8((int(r)*31 + 127) / 255)
		case c == colourMet:
			idx = 32
		case c == colourMissed:
			idx = 33
		default:
			idx = uint8(palette.Index(c))
		}
		pal.Pix[i/4] = idx
	}
	return pal
}

func fill(img *image.RGBA, x0, y0, x1, y1 int, c color.Color) {
	draw.Draw(img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
}

// line draws a line w mm thick from (x1, y1) to (x2, y2), in mm.
func line(img *image.RGBA, x1, y1, x2, y2, w float64, c color.Color) {
	r := math.Max(w*pxPerMM/2, 0.5)
	steps := int(math.Ceil(math.Hypot(x2-x1, y2-y1)*pxPerMM)) + 1
	for i := 0; i <= steps; i++ {
		t := float64(i) / float64(steps)
		x, y := (x1+(x2-x1)*t)*pxPerMM, (y1+(y2-y1)*t)*pxPerMM
		fill(img, int(math.Floor(x-r+0.5)), int(math.Floor(y-r+0.5)), int(math.Floor(x+r+0.5)), int(math.Floor(y+r+0.5)), c)
	}
}
