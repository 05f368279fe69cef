package report

import (
	"strings"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Document is what the report says, in order, as plain data: no fonts, no positions. The PDF
// (and any other writer) lays it out; tests read it as text.
type Document struct {
	Lang      lang.Lang
	Title     string    // the file's title (document properties)
	Author    string    // the association writing the report
	Date      time.Time // the report's date; zero when undated
	PageLabel string    // pages from the second are numbered "Trang 2/3"
	// TableLabel names a table where no heading does ("Bảng số liệu"), for a reader of the page.
	TableLabel string
	Header     Header
	Article    Article // what a news article says before the body (report --html)
	Blocks     []Block
}

// Article is what the article on the association's website says before the report's body: a
// headline, the place of the date line (the date is the Document's) and a lead paragraph of the
// figures that matter most. BuildArticle fills it, Build leaves it empty: the writers of the
// signed report do not use it.
type Article struct {
	Headline []Run
	Place    string
	Lead     []Run
}

// Header is the head of a Vietnamese administrative report (Nghị định 30/2020): the association
// and document number on the left, the country and motto on the right, place and date, title.
type Header struct {
	Parent    string   // the body above the association, if named (writers may set it in capitals)
	Org       string   // the association, as named (writers may set it in capitals)
	Number    string   // "Số:       /BC-HKH"
	Country   string   // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto     string   // "Độc lập - Tự do - Hạnh phúc"
	PlaceDate string   // "Ninh Thuận, ngày 05 tháng 7 năm 2024"
	Kind      string   // "BÁO CÁO"
	Title     []string // the subject, the period, the scope: one line each
}

// Block is a part of the document's body: *Heading, *Paragraph, *List, *Table, *Chart,
// *Signature or *PageBreak.
type Block interface{ block() }

// Heading starts a section ("I. TỔ CHỨC HỘI VÀ HỘI VIÊN"), a part of one (level 2), or an
// annex (level 0: centred, unnumbered).
type Heading struct {
	Level  int    // 1 for a section, 2 for a part of one, 0 for an annex
	Number string // "I", "II", … for a numbered section
	Text   string
	// Plain is a section's heading in sentence case ("Tổ chức hội và hội viên"), for a writer
	// that does not set headings in capitals; empty when Text is already so written.
	Plain string
}

// Style is how a paragraph is set.
type Style int

// The paragraph styles.
const (
	Body    Style = iota // a sentence of the report, justified
	Note                 // a note under a table, small
	Caption              // a line under an annex's heading, centred
)

// Paragraph is a sentence, or a note, made of runs of text.
type Paragraph struct {
	Style Style
	Runs  []Run
}

// Run is a piece of a paragraph's text; Figure is the code of the figure it states, if any.
type Run struct {
	Text         string
	Figure       string
	Bold, Italic bool
}

// List is a "-" list: one item a line, each made of runs.
type List struct {
	Items [][]Run
}

// Text is the paragraph's text.
func (p *Paragraph) Text() string { return RunsText(p.Runs) }

// RunsText is the text of runs, without their styles.
func RunsText(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Figures lists the codes of the figures the paragraph states, in order, each once.
func (p *Paragraph) Figures() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range p.Runs {
		if r.Figure != "" && !seen[r.Figure] {
			seen[r.Figure] = true
			out = append(out, r.Figure)
		}
	}
	return out
}

// Align is how a column's cells are aligned.
type Align byte

// The alignments.
const (
	Left   Align = 'L'
	Right  Align = 'R'
	Center Align = 'C'
)

// Column is a table's column: its header, its share of the width (the widths of a table's
// columns add up to the text width of an A4 page in millimetres, 167), its alignment.
type Column struct {
	Header string
	Width  float64
	Align  Align
}

// RowStyle marks a row: a total, or a result whose last cell says met or missed.
type RowStyle int

// The row styles.
const (
	Plain RowStyle = iota
	Total
	Met
	Missed
)

// Row is a table's row.
type Row struct {
	Cells []string
	Style RowStyle
}

// Table is a table with one header row; a writer repeats the header on a new page.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Chart is a bar chart of rates against their targets: the scope's rates, then each unit's value
// of one rate, sorted from the highest (see the report/chart package for its layout).
type Chart struct {
	Title  string
	Bars   []Bar
	Legend string
	// The words a writer adds: a bar's verdict ("đạt", "chưa đạt"), the word before its target
	// ("mục tiêu"), and what follows the title on the chart's next pages ("(tiếp theo)").
	Met, Missed, Target, Continued string
}

// Bar is one rate: its value, its target and whether it met it.
type Bar struct {
	Group          string // the heading of a run of bars ("Tỷ lệ hội viên/dân số theo đơn vị"); empty for none
	Label          string
	Actual, Target float64
	Value          string // Actual as written: "73,23%"
	TargetText     string // Target as written: "70,00%"
	Met            bool
}

// Signature is the end of the report: the recipients on the left, who signs on the right. A
// writer keeps it on the page of the last paragraph when it fits.
type Signature struct {
	Recipients string   // "Nơi nhận:"
	To         []string // one line each
	Signer     []string // "TM. BAN CHẤP HÀNH", "CHỦ TỊCH"
	Name       string   // who signs, under the space for the signature; may be empty
}

// PageBreak starts a new page.
type PageBreak struct{}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Chart) block()     {}
func (*Signature) block() {}
func (*PageBreak) block() {}
