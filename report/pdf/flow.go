package pdf

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/report"
)

// piece is a part of a word in one style: "1.234" in bold before a plain ".".
type piece struct {
	text, style string
	w           float64
}

// word is what a line never breaks inside: the pieces between two spaces.
type word struct {
	pieces []piece
	w      float64
}

// line is one line of a paragraph as laid out: its words and whether it ends the paragraph
// (a last line is not justified).
type line struct {
	words  []word
	last   bool
	indent float64 // mm before the line: a paragraph's first-line indent
}

// styleOf is the fpdf font style of a run.
func styleOf(r report.Run) string {
	s := ""
	if r.Bold {
		s += "B"
	}
	if r.Italic {
		s += "I"
	}
	return s
}

// wrap breaks runs into lines no wider than width mm at size pt, the first indent mm narrower,
// measuring each piece in its own font. Lines break only at spaces, never inside a number with
// its sign or unit («≥ 45 tỷ»); a word wider than a line has a line of its own.
func (p *writer) wrap(runs []report.Run, size, width, indent float64) []line {
	var words []word
	glue := false // the next piece continues the last word (no space between the runs)
	for _, r := range runs {
		style := styleOf(r)
		p.font(style, size)
		parts := strings.Split(r.Text, " ")
		for i, t := range parts {
			if i > 0 {
				glue = false
			}
			if t == "" {
				continue
			}
			pc := piece{text: t, style: style, w: p.pdf.GetStringWidth(t)}
			if glue && len(words) > 0 {
				last := &words[len(words)-1]
				last.pieces = append(last.pieces, pc)
				last.w += pc.w
			} else {
				words = append(words, word{pieces: []piece{pc}, w: pc.w})
			}
			glue = true
		}
		if strings.HasSuffix(r.Text, " ") {
			glue = false
		}
	}
	p.font("", size)
	space := p.pdf.GetStringWidth(" ")
	var lines []line
	var cur []word
	curW := 0.0
	words = keepTogether(words, space)
	avail := width - indent
	for _, w := range words {
		if len(cur) > 0 && curW+space+w.w > avail {
			lines = append(lines, line{words: cur, indent: width - avail})
			cur, curW, avail = nil, 0, width
		}
		if len(cur) > 0 {
			curW += space
		}
		cur = append(cur, w)
		curW += w.w
	}
	if len(cur) > 0 {
		lines = append(lines, line{words: cur, indent: width - avail})
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// drawLine writes a line at the current position, x mm from the left edge, justified to width
// unless it is the paragraph's last line or align is not "J".
func (p *writer) drawLine(l line, x, width, size, lh float64, align string) {
	pdf := p.pdf
	y := pdf.GetY()
	p.font("", size)
	space := pdf.GetStringWidth(" ")
	sum := 0.0
	for _, w := range l.words {
		sum += w.w
	}
	x += l.indent
	width -= l.indent
	gap := space
	if align == "J" && !l.last && len(l.words) > 1 {
		gap = (width - sum) / float64(len(l.words)-1)
	}
	_, unit := pdf.GetFontSize()
	base := y + 0.5*lh + 0.3*unit
	for i, w := range l.words {
		if i > 0 {
			x += gap
		}
		for _, pc := range w.pieces {
			p.font(pc.style, size)
			pdf.Text(x, base, pc.text)
			x += pc.w
		}
	}
	pdf.SetXY(p.leftMargin(), y+lh)
}

// bottom is the lowest y a line of text may end at.
func (p *writer) bottom() float64 {
	_, pageH := p.pdf.GetPageSize()
	return pageH - bottomMargin
}

// atTop says whether nothing has been written on the page yet.
func (p *writer) atTop() bool { return p.pdf.GetY() <= topMargin+0.01 }

// flow writes lines of lh mm each, breaking the page where needed so that no page starts or ends
// with a single line of the paragraph (at least two lines stay together on each side of a break),
// and so that the last two lines have reserve mm below them on their page (what must be kept with
// the paragraph: the signature).
func (p *writer) flow(lines []line, x, width, size, lh, reserve float64, align string) {
	p.flowWith(lines, x, width, size, lh, reserve, align, nil)
}

// flowWith is flow that calls before(i) before it draws the paragraph's line i.
func (p *writer) flowWith(lines []line, x, width, size, lh, reserve float64, align string, before func(int)) {
	done := 0
	draw := func(ls []line) {
		for _, l := range ls {
			if before != nil {
				before(done)
			}
			p.drawLine(l, x, width, size, lh, align)
			done++
		}
	}
	for len(lines) > 0 && !p.pdf.Err() { // once fpdf has failed, a new page adds nothing
		avail := p.bottom() - p.pdf.GetY()
		fit := int((avail + 0.001) / lh)
		n := len(lines)
		if n <= fit && (float64(n)*lh+reserve <= avail+0.001 || p.atTop() && reserve == 0) {
			draw(lines)
			return
		}
		s := min(fit, n-2) // lines to write on this page, leaving at least two for the next
		if s < 2 {
			if !p.atTop() {
				p.pdf.AddPage()
				continue
			}
			s = max(fit, 1) // longer than a page, or a page too short for the reserve: write what fits
			if n <= fit {
				s = n
			}
		}
		draw(lines[:s])
		lines = lines[s:]
		if len(lines) > 0 {
			p.pdf.AddPage()
		}
	}
}

// lines is the number of lines of a body paragraph.
func (p *writer) lines(para *report.Paragraph) int {
	return len(p.wrap(para.Runs, bodySize, p.textWidth(), firstIndent))
}

// keepTogether joins a sign to the number after it and a unit to the number before it («≥ 45», «45 tỷ»,
// «20 %»), keeping the space between them as a piece of its own, so that no line breaks there.
func keepTogether(words []word, space float64) []word {
	var out []word
	for _, w := range words {
		if n := len(out); n > 0 {
			prev := wordText(out[n-1])
			if toks := report.Tokens(prev + " " + wordText(w)); len(toks) == 1 {
				last := &out[n-1]
				sp := piece{text: " ", style: last.pieces[len(last.pieces)-1].style, w: space}
				last.pieces = append(append(last.pieces, sp), w.pieces...)
				last.w += space + w.w
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

func wordText(w word) string {
	var b strings.Builder
	for _, pc := range w.pieces {
		b.WriteString(pc.text)
	}
	return b.String()
}

// firstHeight is how much of the block must be on the page that holds what comes before it:
// the first lines of a paragraph (two, or all of a paragraph of three lines or fewer), a table's
// header with its first row, a chart whole.
func (p *writer) firstHeight(b report.Block) float64 {
	switch b := b.(type) {
	case *report.Paragraph:
		if b.Style != report.Body {
			return 6
		}
		n := p.lines(b)
		if n > 3 {
			n = 2
		}
		return float64(n)*lineH + 1
	case *report.List:
		if len(b.Items) == 0 {
			return 0
		}
		n := len(p.wrap(b.Items[0], bodySize, p.textWidth()-listIndent, 0))
		if n > 3 {
			n = 2
		}
		return float64(n) * lineH
	case *report.Table:
		return 25
	case *report.Chart:
		return chartHeight(b)
	case *report.Signature:
		return p.signatureHeight(b)
	}
	return 0
}
