package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Align is a paragraph's or a cell's alignment.
type Align string

// The alignments.
const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Run is text in one style.
type Run struct {
	Text         string
	Bold, Italic bool
	Size         float64 // points; 0 is the document's size
}

// Paragraph is one paragraph of runs.
type Paragraph struct {
	Runs      []Run
	Align     Align
	Heading   int     // 1 or 2 for a heading, kept with the next paragraph
	Bullet    bool    // an item of a "-" list
	Indent    float64 // first-line indent, mm
	KeepNext  bool    // on the same page as the next paragraph
	KeepLines bool    // never split across pages
	Before    float64 // space before, points
	After     float64 // space after, points
	PageBreak bool    // starts a new page
	// Rule draws a line Rule mm long under the paragraph, centred in a column RuleIn mm wide
	// (the line under a body's name, under the motto); the paragraph is then only that line.
	Rule, RuleIn float64
	Tight        bool    // no space before or after (unless Before or After say so)
	Hanging      float64 // mm: the lines after the first start this far in (a «- » item's text)
}

// Cell is a table cell: its paragraphs.
type Cell struct {
	Paragraphs []Paragraph
	Width      float64 // mm; 0 shares the width
	Shade      string  // background colour, "D9E1F2"; empty for none
}

// Table is a grid of cells; its first HeaderRows rows repeat on every page.
type Table struct {
	Rows       [][]Cell
	HeaderRows int
	Borders    bool
	KeepRows   bool // every row on the same page as the next (a signature block)
}

// Image is a PNG picture on a line of its own.
type Image struct {
	PNG           []byte
	Width, Height float64 // mm
	Align         Align
}

// Page is the document's page set-up.
type Page struct {
	FontSize                 float64 // body text, points (13–14 by Nghị định 30)
	Font                     string  // "Times New Roman"
	Top, Bottom, Left, Right float64 // margins, mm
	Title, Creator           string
	Created                  time.Time // document properties; zero leaves them out
}

// Document collects blocks in order and writes them as a .docx.
type Document struct {
	blocks []any
	images [][]byte
	lang   lang.Lang // the report's language, for the chart's words
}

// Add appends paragraphs, tables and images.
func (d *Document) Add(blocks ...any) {
	for _, b := range blocks {
		switch v := b.(type) {
		case Paragraph, Table:
			d.blocks = append(d.blocks, v)
		case Image:
			d.images = append(d.images, v.PNG)
			d.blocks = append(d.blocks, imageRef{Image: v, n: len(d.images)})
		default:
			panic(fmt.Sprintf("docx: cannot add %T", b))
		}
	}
}

type imageRef struct {
	Image
	n int
}

const mmTwips = 1440 / 25.4 // twentieths of a point per millimetre

func twips(mm float64) int { return int(mm*mmTwips + 0.5) }

func emu(mm float64) int { return int(mm*36000 + 0.5) }

// Write writes the document.
func (d *Document) Write(w io.Writer, p Page) error {
	if p.Font == "" {
		p.Font = "Times New Roman"
	}
	if p.FontSize == 0 {
		p.FontSize = 14
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", core(p)},
		{"word/_rels/document.xml.rels", d.documentRels()},
		{"word/document.xml", d.body(p)},
		{"word/header2.xml", header},
		{"word/header1.xml", emptyHeader},
		{"word/numbering.xml", numbering},
		{"word/settings.xml", settings},
		{"word/styles.xml", styles(p)},
	}
	zw := zip.NewWriter(w)
	for _, part := range parts {
		if err := writePart(zw, part.name, []byte(part.body)); err != nil {
			return err
		}
	}
	for i, img := range d.images {
		if err := writePart(zw, fmt.Sprintf("word/media/image%d.png", i+1), img); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writePart(zw *zip.Writer, name string, data []byte) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

func (d *Document) documentRels() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	b.WriteString(`<Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	b.WriteString(`<Relationship Id="rSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`)
	b.WriteString(`<Relationship Id="rNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`)
	b.WriteString(`<Relationship Id="rHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`)
	b.WriteString(`<Relationship Id="rHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>`)
	for i := range d.images {
		fmt.Fprintf(&b, `<Relationship Id="rImage%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image%d.png"/>`, i+1, i+1)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (d *Document) body(p Page) string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	for _, blk := range d.blocks {
		switch v := blk.(type) {
		case Paragraph:
			writeParagraph(&b, v)
		case Table:
			writeTable(&b, v)
		case imageRef:
			writeImage(&b, v)
		}
	}
	fmt.Fprintf(&b, `<w:sectPr><w:headerReference w:type="first" r:id="rHeaderFirst"/><w:headerReference w:type="default" r:id="rHeader"/>`+
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr></w:body></w:document>`, twips(p.Top), twips(p.Right), twips(p.Bottom), twips(p.Left))
	return b.String()
}

func writeParagraph(b *strings.Builder, p Paragraph) {
	b.WriteString(`<w:p><w:pPr>`)
	switch {
	case p.Heading > 0:
		fmt.Fprintf(b, `<w:pStyle w:val="Heading%d"/>`, p.Heading)
	case p.Bullet:
		b.WriteString(`<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
	}
	if p.KeepNext || p.Heading > 0 {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.KeepLines {
		b.WriteString(`<w:keepLines/>`)
	}
	if p.PageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.Rule == 0 && (p.Before > 0 || p.After > 0 || p.Tight) {
		fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, int(p.Before*20), int(p.After*20))
	}
	if p.Rule > 0 {
		side := max(0, (p.RuleIn-p.Rule)/2)
		fmt.Fprintf(b, `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/><w:ind w:left="%d" w:right="%d"/>`, twips(side), twips(side))
	}
	if p.Indent > 0 {
		fmt.Fprintf(b, `<w:ind w:firstLine="%d"/>`, twips(p.Indent))
	} else if p.Hanging > 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:hanging="%d"/>`, twips(p.Hanging), twips(p.Hanging))
	}
	if p.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *strings.Builder, r Run) {
	b.WriteString(`<w:r>`)
	if r.Bold || r.Italic || r.Size > 0 {
		b.WriteString(`<w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/>`)
		}
		if r.Size > 0 {
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(r.Size*2), int(r.Size*2))
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		xml.EscapeText(b, []byte(line))
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

func writeTable(b *strings.Builder, t Table) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>`)
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="808080"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	if len(t.Rows) > 0 {
		for _, c := range t.Rows[0] {
			fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, twips(c.Width))
		}
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i < t.HeaderRows {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for _, c := range row {
			b.WriteString(`<w:tc><w:tcPr>`)
			if c.Width > 0 {
				fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, twips(c.Width))
			}
			if c.Shade != "" {
				fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, c.Shade)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paragraphs) == 0 {
				b.WriteString(`<w:p/>`)
			}
			for _, p := range c.Paragraphs {
				// Rows of a header, and every row of a kept table, stay with the row below.
				p.KeepNext = p.KeepNext || i < t.HeaderRows || t.KeepRows && i < len(t.Rows)-1
				writeParagraph(b, p)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

func writeImage(b *strings.Builder, img imageRef) {
	cx, cy := emu(img.Width), emu(img.Height)
	b.WriteString(`<w:p><w:pPr>`)
	if img.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, img.Align)
	}
	fmt.Fprintf(b, `</w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/>`+
		`<wp:docPr id="%d" name="Hình %d"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, img.n, img.n, img.n, img.n, img.n, cx, cy)
}

func core(p Page) string {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	xml.EscapeText(&b, []byte(p.Title))
	b.WriteString(`</dc:title><dc:creator>`)
	xml.EscapeText(&b, []byte(p.Creator))
	b.WriteString(`</dc:creator>`)
	if !p.Created.IsZero() {
		fmt.Fprintf(&b, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, p.Created.UTC().Format(time.RFC3339))
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

func styles(p Page) string {
	size := int(p.FontSize * 2)
	return fmt.Sprintf(xml.Header+`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`+
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s" w:eastAsia="%[1]s"/><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`+
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>`+
		`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>`+
		`</w:styles>`, p.Font, size)
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rDoc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

// header is the header of pages 2 and on: the page number, centred (Nghị định 30/2020).
const header = xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
	`<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`

// emptyHeader is the first page's: no number.
const emptyHeader = xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>`

const numbering = xml.Header + `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

const settings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat/></w:settings>`
