package reporttest

import (
	"math"
	"strings"
	"testing"
)

// Head is what the head of a report says, to find it on the first page.
type Head struct {
	Parent, Org []string // the lines of the bodies' names, in capitals
	Number      string   // "Số: 12/BC-HKH"
	Country     string
	Motto       string
	Date        string // "Hà Giang, ngày 20 tháng 12 năm 2023"
	Kind        string // "BÁO CÁO"
	Paragraph   string // the start of a body paragraph
	Signer      string // the first line of the signer's title
	Name        string // who signs
	To          int    // the number of lines of «Nơi nhận», not counting its title
	// NoStyles leaves out the styles (bold, italic): told by the words' widths, they are sure in
	// the PDF but not in Writer's, which kerns; the .docx's XML says them.
	NoStyles bool
}

// NghiDinh30 checks the measures of Nghị định 30/2020 (Phụ lục I) on the pages of a report: the
// margins, the sizes, styles and places of the head, the lines under the issuing body, the motto
// and the title, the body's indent, spacing and justification, the signature and «Nơi nhận», the
// page numbers. It is used on the PDF and on the PDF that Writer makes of the .docx.
func NghiDinh30(t *testing.T, pages []Page, h Head) {
	t.Helper()
	const pageW, pageH = 210.0, 297.0
	inRange := func(what string, v, lo, hi float64) {
		t.Helper()
		if v < lo-0.15 || v > hi+0.15 {
			t.Errorf("%s: %.2f, want %.1f–%.1f", what, v, lo, hi)
		}
	}
	find := func(p Page, prefix string) Segment {
		t.Helper()
		s, i := p.Find(prefix)
		if i < 0 {
			t.Fatalf("no line starts with %q; the page holds:\n%s", prefix, texts(p))
		}
		return s
	}
	style := func(what string, s Segment, want string) {
		t.Helper()
		if h.NoStyles {
			return
		}
		if got := s.Style(); got != want {
			t.Errorf("%s %q: style %q, want %q", what, s.Text(), got, want)
		}
	}
	// Margins: top and bottom 20–25 mm, left 30–35, right 15–20; the page number in the top margin.
	for i, p := range pages {
		for _, s := range p.Segments {
			if i > 0 && s.Y1() < 20 && s.Text() == itoa(i+1) {
				inRange("page number's size", s.Size(), 13, 14)
				if mid := (s.X0() + s.X1()) / 2; math.Abs(mid-(30+pageW-15)/2) > 1.5 {
					t.Errorf("page %d: the page number is centred at %.1f mm", i+1, mid)
				}
				continue
			}
			if s.X0() < 30-0.3 || s.X1() > pageW-15+0.3 || s.Y0() < 20-1.2 || s.Y1() > pageH-20+0.3 {
				t.Errorf("page %d: %q (%.1f–%.1f × %.1f–%.1f mm) is in the margins", i+1, s.Text(), s.X0(), s.X1(), s.Y0(), s.Y1())
			}
		}
		if i == 0 {
			for _, s := range p.Segments {
				if s.Y1() < 20 {
					t.Errorf("page 1 has %q above the text: no page number on the first page", s.Text())
				}
			}
		}
	}
	p := pages[0]
	// The bodies' names: capitals 12–13 pt, the parent upright, the issuing body bold, each line
	// as given (a place's name never broken), a short line beneath.
	var org Segment
	from := 0
	for i, l := range append(append([]string{}, h.Parent...), h.Org...) {
		rest := Page{Segments: p.Segments[from:]}
		s, j := rest.Find(l)
		if j < 0 {
			t.Fatalf("no line %q in the head; the page holds:\n%s", l, texts(p))
		}
		from += j + 1
		if s.Text() != l {
			t.Errorf("body's name: line %q, want %q", s.Text(), l)
		}
		inRange("body's name size", s.Size(), 12, 13)
		if i < len(h.Parent) {
			style("parent body", s, "")
		} else {
			style("issuing body", s, "B")
			org = s
		}
		if !upper(s.Text()) {
			t.Errorf("body's name %q not in capitals", s.Text())
		}
	}
	number := find(p, h.Number)
	inRange("«Số» size", number.Size(), 13, 13)
	style("«Số»", number, "")
	orgMid := (org.X0() + org.X1()) / 2
	if r, ok := ruleUnder(p, org, number.Y0()); !ok {
		t.Errorf("no line under the issuing body %q", org.Text())
	} else {
		inRange("line under the body: length (mm)", r.X1-r.X0, 8, org.X1()-org.X0())
		if math.Abs((r.X0+r.X1)/2-orgMid) > 1.5 {
			t.Errorf("the line under the body is not centred under it")
		}
	}
	country := find(p, h.Country)
	inRange("Quốc hiệu size", country.Size(), 12, 13)
	style("Quốc hiệu", country, "B")
	motto := find(p, h.Motto)
	inRange("Tiêu ngữ size", motto.Size(), 13, 14)
	style("Tiêu ngữ", motto, "B")
	date := find(p, h.Date)
	if r, ok := ruleUnder(p, motto, date.Y0()); !ok {
		t.Errorf("no line under the motto")
	} else {
		inRange("line under the motto: length against the motto's (mm)", r.X1-r.X0, motto.X1()-motto.X0()-3, motto.X1()-motto.X0()+3)
	}
	inRange("place and date size", date.Size(), 13, 14)
	style("place and date", date, "I")
	if math.Abs(date.Y0()-number.Y0()) > 1 {
		t.Errorf("«Số» at %.1f mm and the date at %.1f mm are not on one line", number.Y0(), date.Y0())
	}
	kind := find(p, h.Kind)
	inRange("«BÁO CÁO» size", kind.Size(), 13, 14)
	style("«BÁO CÁO»", kind, "B")
	_, ki := p.Find(h.Kind)
	title := p.Segments[ki+1]
	inRange("trích yếu size", title.Size(), 13, 14)
	style("trích yếu", title, "B")
	// Body: 13–14 pt, first line indented 1–1.27 cm, justified, lines 1–1.5 apart, ≥ 6 pt between.
	para, pi := p.Find(h.Paragraph)
	if pi < 0 {
		t.Fatalf("no paragraph starts with %q", h.Paragraph)
	}
	inRange("body size", para.Size(), 13, 14)
	inRange("first-line indent (mm)", para.X0()-30, 10, 12.7)
	next := p.Segments[pi+1]
	inRange("justified line's right edge (mm)", para.X1(), pageW-15-0.6, pageW-15)
	inRange("second line starts at the margin (mm)", next.X0(), 30, 30.3)
	pitch := next.Y0() - para.Y0()
	inRange("line pitch over size", pitch/(para.Size()*ptMM), 1.15, 1.75)
	// The next paragraph, after the last line of this one.
	for j := pi + 2; j < len(p.Segments); j++ {
		s := p.Segments[j]
		prev := p.Segments[j-1]
		if s.X0() > 30+5 && s.Size() > 12.5 && prev.X0() < 30.3 && prev.Style() == "" { // a paragraph after a paragraph
			inRange("space between paragraphs (pt)", (s.Y0()-p.Segments[j-1].Y0()-pitch)/ptMM, 6, 14)
			break
		}
	}
	// Signature: «Nơi nhận:» bold italic 12 pt, its lines 11 pt left-aligned under it, each «- …;»,
	// the last «- Lưu…» ending with «.»; the signer's title bold capitals and the name bold, 13–14 pt.
	last := pages[len(pages)-1]
	var sp Page
	for _, pg := range pages {
		if _, i := pg.Find("Nơi nhận:"); i >= 0 {
			sp = pg
		}
	}
	if len(sp.Segments) == 0 {
		t.Fatalf("no «Nơi nhận:»; the last page holds:\n%s", texts(last))
	}
	rec, ri := sp.Find("Nơi nhận:")
	inRange("«Nơi nhận» size", rec.Size(), 12, 12)
	style("«Nơi nhận»", rec, "BI")
	inRange("«Nơi nhận» left edge (mm)", rec.X0(), 30, 30.3)
	var items []string
	for j := ri + 1; j < len(sp.Segments) && len(items) < 40; j++ {
		s := sp.Segments[j]
		if s.X0() > 60 || s.Size() > 11.5 {
			continue // the signer's column
		}
		inRange("«Nơi nhận» line size", s.Size(), 11, 11)
		if strings.HasPrefix(s.Text(), "- ") {
			inRange("«Nơi nhận» dash at the margin (mm)", s.X0(), 30, 30.3)
			items = append(items, s.Text())
		} else if len(items) > 0 {
			items[len(items)-1] += " " + s.Text()
		}
	}
	if len(items) != h.To {
		t.Errorf("«Nơi nhận» has %d lines %q, want %d", len(items), items, h.To)
	}
	for i, it := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
			if !strings.HasPrefix(it, "- Lưu") {
				t.Errorf("«Nơi nhận» ends with %q, not «- Lưu…»", it)
			}
		}
		if !strings.HasSuffix(it, end) {
			t.Errorf("«Nơi nhận» line %q does not end with %q", it, end)
		}
	}
	signer := find(sp, h.Signer)
	inRange("signer's title size", signer.Size(), 13, 14)
	style("signer's title", signer, "B")
	if !upper(signer.Text()) || signer.X0() < 30+70 {
		t.Errorf("signer's title %q at %.1f mm: want capitals on the right", signer.Text(), signer.X0())
	}
	if h.Name != "" {
		name := find(sp, h.Name)
		inRange("signer's name size", name.Size(), 13, 14)
		style("signer's name", name, "B")
		if gap := name.Y0() - signer.Y1(); gap < 15 {
			t.Errorf("%.1f mm to sign between the title and the name, want at least 15", gap)
		}
	}
}

// ruleUnder is a horizontal line under the segment s, above the y of what follows.
func ruleUnder(p Page, s Segment, below float64) (Rule, bool) {
	for _, r := range p.Rules {
		if math.Abs(r.Y0-r.Y1) < 0.01 && r.Y0 > s.Y1()-0.5 && r.Y0 < below && r.X1 > s.X0()-1 && r.X0 < s.X1()+1 {
			if r.X0 > r.X1 {
				r.X0, r.X1 = r.X1, r.X0
			}
			return r, true
		}
	}
	return Rule{}, false
}

func texts(p Page) string {
	var b strings.Builder
	for _, s := range p.Segments {
		b.WriteString(s.Text() + "\n")
	}
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
