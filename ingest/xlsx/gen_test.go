package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The generator of the differential test: random returns (the template's sheets, codes in column
// A, figures beside them) with random legal variations, written by several writers.

// gcell is a generated cell: what any reader must find there.
type gcell struct {
	kind    Kind
	value   string // Number: decimal text; Date: ISO; Bool: 1 or 0
	formula string // a formula whose cached result is value, or ""
	format  string // number format code; "" is General
	rich    bool   // written as rich text runs
}

type gsheet struct {
	name       string
	hidden     bool
	cells      map[[2]int]gcell // row, column
	hiddenRows map[int]bool
	hiddenCols map[int]bool
}

type gbook struct {
	sheets   []*gsheet
	date1904 bool
}

func (s *gsheet) set(row, col int, c gcell) { s.cells[[2]int{row, col}] = c }

// keys are the cells of a sheet in row order.
func (s *gsheet) keys() [][2]int {
	var ks [][2]int
	for k := range s.cells {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i][0] != ks[j][0] {
			return ks[i][0] < ks[j][0]
		}
		return ks[i][1] < ks[j][1]
	})
	return ks
}

var words = []string{"Hội", "khuyến", "học", "xã", "Yến Lạc", "gia đình", "dòng họ", "học tập", "Đắk Lắk",
	"quỹ", "A&B", "<5>", `"trích"`, "it's", "tỷ lệ %", "1.406", "35,36%", "₫", "🎓", "ẞ", "Ω", "\t", "\n", "  "}

func randText(rng *rand.Rand, allowSpace bool) string {
	var parts []string
	for range 1 + rng.IntN(4) {
		parts = append(parts, words[rng.IntN(len(words))])
	}
	s := strings.Join(parts, " ")
	if !allowSpace {
		s = strings.TrimSpace(s)
		if s == "" {
			s = "x"
		}
	}
	return s
}

func randNumber(rng *rand.Rand) string {
	switch rng.IntN(6) {
	case 0:
		return strconv.Itoa(rng.IntN(100))
	case 1:
		return strconv.Itoa(rng.IntN(2_000_000_000))
	case 2:
		return strconv.FormatFloat(float64(rng.IntN(1_000_000))/100, 'f', -1, 64)
	case 3:
		return strconv.FormatFloat(rng.Float64(), 'g', 15, 64)
	case 4:
		return strconv.Itoa(-rng.IntN(1000))
	}
	return strconv.FormatInt(rng.Int64N(1e15), 10)
}

var numberFormats = []string{"", "#,##0", "0.00%", "#,##0\" học sinh\"", "dd/mm/yyyy", "[h]:mm:ss", "0.00", "#,##0.00 [$₫-42A]", "mm:ss"}

// genBook makes a random return.
func genBook(rng *rand.Rand) *gbook {
	b := &gbook{date1904: rng.IntN(5) == 0}
	newSheet := func(name string) *gsheet {
		s := &gsheet{name: name, cells: map[[2]int]gcell{}, hiddenRows: map[int]bool{}, hiddenCols: map[int]bool{}}
		b.sheets = append(b.sheets, s)
		return s
	}
	text := func(s string) gcell { return gcell{kind: Text, value: s, rich: rng.IntN(4) == 0} }
	number := func() gcell {
		c := gcell{kind: Number, value: randNumber(rng)}
		if rng.IntN(3) == 0 {
			c.format = numberFormats[rng.IntN(len(numberFormats))]
		}
		return c
	}
	guide := newSheet("Hướng dẫn")
	for r := 1; r <= 1+rng.IntN(5); r++ {
		guide.set(r, 1, text(randText(rng, true)))
	}
	info := newSheet("Thông tin")
	info.set(1, 1, text("THÔNG TIN ĐƠN VỊ BÁO CÁO"))
	for i, code := range []string{"ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren", "ky_bao_cao", "ngay_bao_cao"} {
		r := 3 + i
		info.set(r, 1, gcell{kind: Text, value: code})
		info.set(r, 2, text(randText(rng, false)))
		switch code {
		case "ma_don_vi":
			info.set(r, 3, gcell{kind: Text, value: fmt.Sprintf("%05d", rng.IntN(100000))})
		case "ky_bao_cao":
			info.set(r, 3, gcell{kind: Number, value: strconv.Itoa(2020 + rng.IntN(6))})
		case "ngay_bao_cao":
			info.set(r, 3, gcell{kind: Number, value: strconv.Itoa(44000 + rng.IntN(2000)), format: "dd/mm/yyyy"})
		default:
			info.set(r, 3, text(randText(rng, false)))
		}
	}
	figs := newSheet("Số liệu")
	figs.set(3, 1, gcell{kind: Text, value: "Mã"})
	figs.set(3, 4, gcell{kind: Text, value: "Giá trị"})
	rows := 4 + rng.IntN(30)
	for r := 4; r < rows; r++ {
		figs.set(r, 1, gcell{kind: Text, value: fmt.Sprintf("chi_tieu_%d", r)})
		figs.set(r, 2, text(randText(rng, true)))
		switch k := rng.IntN(12); {
		case k < 7:
			figs.set(r, 4, number())
		case k == 7:
			figs.set(r, 4, text(randNumber(rng)))
		case k == 8:
			figs.set(r, 4, gcell{kind: Bool, value: strconv.Itoa(rng.IntN(2))})
		case k == 9 && r > 4:
			// a formula with its cached result: the sum of the figure above and 1
			above := figs.cells[[2]int{r - 1, 4}]
			if above.kind == Number {
				v, _ := strconv.ParseFloat(above.value, 64)
				if v == float64(int64(v)) && v < 1e14 && v > -1e14 {
					figs.set(r, 4, gcell{kind: Number, value: strconv.FormatInt(int64(v)+1, 10), formula: fmt.Sprintf("D%d+1", r-1)})
				}
			}
		}
		if rng.IntN(10) == 0 {
			figs.hiddenRows[r] = true
		}
	}
	if rng.IntN(4) == 0 {
		figs.hiddenCols[2] = true
	}
	models := newSheet("Mô hình học tập")
	for i, code := range []string{"gia_dinh", "dong_ho", "cong_dong", "don_vi", "don_vi_cap_xa", "cong_dan"} {
		r := 4 + i
		models.set(r, 1, gcell{kind: Text, value: code})
		tong := rng.IntN(100000) + 1
		cn := rng.IntN(tong + 1)
		models.set(r, 3, gcell{kind: Number, value: strconv.Itoa(tong)})
		models.set(r, 5, gcell{kind: Number, value: strconv.Itoa(cn)})
		ratio := strconv.FormatFloat(float64(cn)/float64(tong), 'g', -1, 64)
		models.set(r, 6, gcell{kind: Number, value: ratio, formula: fmt.Sprintf("E%d/C%d", r, r), format: "0.00%"})
	}
	for range rng.IntN(3) {
		extra := newSheet(fmt.Sprintf("Ghi chú %d", len(b.sheets)))
		extra.hidden = rng.IntN(2) == 0
		for r := 1; r <= 1+rng.IntN(4); r++ {
			extra.set(r, 1+rng.IntN(30), text(randText(rng, true)))
		}
	}
	rng.Shuffle(len(b.sheets), func(i, j int) { b.sheets[i], b.sheets[j] = b.sheets[j], b.sheets[i] })
	return b
}

// writeExcelize writes a generated book with excelize.
func writeExcelize(t testing.TB, b *gbook) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range b.sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for _, k := range s.keys() {
			c := s.cells[k]
			ref := CellName(k[1], k[0])
			switch c.kind {
			case Number:
				v, _ := strconv.ParseFloat(c.value, 64)
				must(f.SetCellFloat(s.name, ref, v, -1, 64))
			case Bool:
				must(f.SetCellBool(s.name, ref, c.value == "1"))
			default:
				if c.rich && len(c.value) > 1 {
					mid := len(c.value) / 2
					for mid < len(c.value) && c.value[mid]&0xC0 == 0x80 {
						mid++
					}
					must(f.SetCellRichText(s.name, ref, []excelize.RichTextRun{{Text: c.value[:mid], Font: &excelize.Font{Bold: true}}, {Text: c.value[mid:]}}))
				} else {
					must(f.SetCellStr(s.name, ref, c.value))
				}
			}
			if c.formula != "" {
				must(f.SetCellFormula(s.name, ref, c.formula))
			}
			if c.format != "" {
				format := c.format
				style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
				must(err)
				must(f.SetCellStyle(s.name, ref, ref, style))
			}
		}
		for r := range s.hiddenRows {
			must(f.SetRowVisible(s.name, r, false))
		}
		for c := range s.hiddenCols {
			col, _ := excelize.ColumnNumberToName(c)
			must(f.SetColVisible(s.name, col, false))
		}
	}
	for i, s := range b.sheets {
		if s.hidden && i > 0 {
			must(f.SetSheetVisible(s.name, false))
		}
	}
	if b.date1904 {
		yes := true
		must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
	}
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// rawOptions are the variations of the raw writer, each a legal way to write SpreadsheetML.
type rawOptions struct {
	inline, noRefs, sharedFormulas, strict, prefix, crlf, escapes, extras, foreign, styles bool
}

func randRawOptions(rng *rand.Rand) rawOptions {
	return rawOptions{inline: rng.IntN(2) == 0, noRefs: rng.IntN(3) == 0, sharedFormulas: rng.IntN(2) == 0,
		strict: rng.IntN(4) == 0, prefix: rng.IntN(3) == 0, crlf: rng.IntN(3) == 0, escapes: rng.IntN(2) == 0,
		extras: rng.IntN(2) == 0, foreign: rng.IntN(3) == 0, styles: rng.IntN(4) != 0}
}

func (o rawOptions) String() string {
	var on []string
	for _, x := range []struct {
		name string
		v    bool
	}{{"inline", o.inline}, {"noRefs", o.noRefs}, {"sharedFormulas", o.sharedFormulas}, {"strict", o.strict},
		{"prefix", o.prefix}, {"crlf", o.crlf}, {"escapes", o.escapes}, {"extras", o.extras}, {"foreign", o.foreign}, {"styles", o.styles}} {
		if x.v {
			on = append(on, x.name)
		}
	}
	return strings.Join(on, ",")
}

func xmlEscape(s string, o rawOptions) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			if o.escapes {
				b.WriteString("_x0009_")
			} else {
				b.WriteString("&#9;")
			}
		case '\n':
			if o.crlf {
				b.WriteString("\r\n")
			} else {
				b.WriteByte('\n')
			}
		case '_':
			b.WriteString("_") // the generated text holds no _xHHHH_ of its own
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeRaw writes a generated book by hand, with the variations asked for.
func writeRaw(t testing.TB, b *gbook, o rawOptions) []byte {
	t.Helper()
	main, rel := nsMain, "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	pkgRel := "http://schemas.openxmlformats.org/package/2006/relationships"
	if o.strict {
		main, rel = nsMainStrict, "http://purl.oclc.org/ooxml/officeDocument/relationships"
	}
	p := ""
	decl := `xmlns="` + main + `"`
	if o.prefix {
		p = "x:"
		decl = `xmlns:x="` + main + `"`
	}
	decl += ` xmlns:r="` + rel + `"`
	var shared []string
	sharedIndex := map[string]int{}
	formats := []string{""}
	formatIndex := map[string]int{"": 0}
	parts := map[string]string{}
	var order []string
	put := func(name, body string) {
		parts[name] = body
		order = append(order, name)
	}
	var wb, wbRels strings.Builder
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<" + p + "workbook " + decl + ">")
	if b.date1904 {
		wb.WriteString("<" + p + `workbookPr date1904="true"/>`)
	}
	wb.WriteString("<" + p + "sheets>")
	wbRels.WriteString(`<?xml version="1.0"?><Relationships xmlns="` + pkgRel + `">`)
	for i, s := range b.sheets {
		state := ""
		if s.hidden {
			state = ` state="hidden"`
		}
		fmt.Fprintf(&wb, `<%ssheet name="%s" sheetId="%d"%s r:id="rIdS%d"/>`, p, xmlEscape(s.name, o), i+1, state, i+1)
		fmt.Fprintf(&wbRels, `<Relationship Id="rIdS%d" Type="%s/worksheet" Target="/xl/worksheets/s%d.xml"/>`, i+1, rel, i+1)
		var w strings.Builder
		w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<" + p + "worksheet " + decl + ">")
		if o.extras {
			w.WriteString(`<!-- made by the differential test --><?pi x>y?>`)
		}
		if len(s.hiddenCols) > 0 {
			w.WriteString("<" + p + "cols>")
			for c := range s.hiddenCols {
				fmt.Fprintf(&w, `<%scol min="%d" max="%d" width="0" hidden="1"/>`, p, c, c)
			}
			w.WriteString("</" + p + "cols>")
		}
		w.WriteString("<" + p + "sheetData>")
		keys := s.keys()
		sharedFormula := -1
		lastRow := 0
		for i := 0; i < len(keys); {
			row := keys[i][0]
			if o.noRefs {
				// Without references, the rows before must be written out empty.
				for lastRow+1 < row {
					lastRow++
					w.WriteString("<" + p + "row/>")
				}
			}
			lastRow = row
			attrs := ""
			if !o.noRefs {
				attrs = fmt.Sprintf(` r="%d"`, row)
			}
			if s.hiddenRows[row] {
				attrs += ` hidden="1"`
			}
			if o.extras {
				attrs += ` x14ac:dyDescent="0.25" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" note="a>b"`
			}
			fmt.Fprintf(&w, "<%srow%s>", p, attrs)
			col := 0
			for ; i < len(keys) && keys[i][0] == row; i++ {
				k := keys[i]
				c := s.cells[k]
				// Without references, the cells before must be written out empty.
				if o.noRefs {
					for col+1 < k[1] {
						col++
						w.WriteString("<" + p + "c/>")
					}
				}
				col = k[1]
				cattrs := ""
				if !o.noRefs {
					cattrs = ` r="` + CellName(k[1], k[0]) + `"`
				}
				if o.styles && c.format != "" {
					if _, ok := formatIndex[c.format]; !ok {
						formatIndex[c.format] = len(formats)
						formats = append(formats, c.format)
					}
					cattrs += fmt.Sprintf(` s="%d"`, formatIndex[c.format])
				}
				var body string
				switch c.kind {
				case Number:
					body = "<" + p + "v>" + c.value + "</" + p + "v>"
				case Bool:
					cattrs += ` t="b"`
					body = "<" + p + "v>" + c.value + "</" + p + "v>"
				case Date:
					cattrs += ` t="d"`
					body = "<" + p + "v>" + c.value + "</" + p + "v>"
				case Text:
					text := "<" + p + `t xml:space="preserve">` + xmlEscape(c.value, o) + "</" + p + "t>"
					if c.rich {
						mid := len(c.value) / 2
						for mid < len(c.value) && c.value[mid]&0xC0 == 0x80 {
							mid++
						}
						text = "<" + p + "r><" + p + "rPr><" + p + `b/></` + p + "rPr><" + p + `t xml:space="preserve">` + xmlEscape(c.value[:mid], o) + "</" + p + "t></" + p + "r>" +
							"<" + p + "r><" + p + `t xml:space="preserve">` + xmlEscape(c.value[mid:], o) + "</" + p + "t></" + p + "r>"
						if o.extras {
							text += "<" + p + "rPh sb=\"0\" eb=\"1\"><" + p + "t>ふりがな</" + p + "t></" + p + "rPh>"
						}
					}
					if o.inline && c.formula == "" {
						cattrs += ` t="inlineStr"`
						body = "<" + p + "is>" + text + "</" + p + "is>"
					} else {
						cattrs += ` t="s"`
						key := text
						idx, ok := sharedIndex[key]
						if !ok {
							idx = len(shared)
							sharedIndex[key] = idx
							shared = append(shared, text)
						}
						body = "<" + p + "v>" + strconv.Itoa(idx) + "</" + p + "v>"
					}
				}
				if c.formula != "" {
					f := "<" + p + "f>" + xmlEscape(c.formula, o) + "</" + p + "f>"
					if o.sharedFormulas && c.kind == Number {
						if sharedFormula < 0 {
							sharedFormula = 0
							f = "<" + p + `f t="shared" ref="` + CellName(k[1], k[0]) + ":" + CellName(k[1], k[0]+100) + `" si="0">` + xmlEscape(c.formula, o) + "</" + p + "f>"
						} else {
							f = "<" + p + `f t="shared" si="0"/>`
						}
					}
					body = f + body
				}
				if o.foreign {
					body += `<q:v xmlns:q="urn:example:foreign">999</q:v>`
				}
				fmt.Fprintf(&w, "<%sc%s>%s</%sc>", p, cattrs, body, p)
			}
			w.WriteString("</" + p + "row>")
		}
		w.WriteString("</" + p + "sheetData>")
		if o.foreign {
			w.WriteString(`<` + p + `extLst><` + p + `ext uri="{x}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:c r="A1"><x14:v>7</x14:v></x14:c></` + p + `ext></` + p + `extLst>`)
		}
		w.WriteString("</" + p + "worksheet>")
		put(fmt.Sprintf("xl/worksheets/s%d.xml", i+1), w.String())
	}
	wb.WriteString("</" + p + "sheets></" + p + "workbook>")
	fmt.Fprintf(&wbRels, `<Relationship Id="rIdSS" Type="%s/sharedStrings" Target="sharedStrings.xml"/>`, rel)
	fmt.Fprintf(&wbRels, `<Relationship Id="rIdST" Type="%s/styles" Target="styles.xml"/>`, rel)
	wbRels.WriteString("</Relationships>")
	var sst strings.Builder
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<" + p + "sst " + decl + ">")
	if o.extras {
		sst.WriteString("<" + p + "si/>") // an empty item no cell refers to: the indices after it hold
	}
	for _, s := range shared {
		sst.WriteString("<" + p + "si>" + s + "</" + p + "si>")
	}
	sst.WriteString("</" + p + "sst>")
	if o.extras {
		// the empty item shifted every index by one
		for name, body := range parts {
			if strings.HasPrefix(name, "xl/worksheets/") {
				parts[name] = shiftShared(body, p)
			}
		}
	}
	var st strings.Builder
	st.WriteString(`<?xml version="1.0"?><` + p + "styleSheet " + decl + "><" + p + "numFmts>")
	for i, f := range formats[1:] {
		fmt.Fprintf(&st, `<%snumFmt numFmtId="%d" formatCode="%s"/>`, p, 164+i, xmlEscape(f, o))
	}
	st.WriteString("</" + p + "numFmts><" + p + `cellStyleXfs count="1"><` + p + `xf numFmtId="14"/></` + p + "cellStyleXfs><" + p + "cellXfs>")
	st.WriteString("<" + p + `xf numFmtId="0"/>`)
	for i := range formats[1:] {
		fmt.Fprintf(&st, `<%sxf numFmtId="%d" applyNumberFormat="1"/>`, p, 164+i)
	}
	st.WriteString("</" + p + "cellXfs></" + p + "styleSheet>")
	ct := `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
	for i := range b.sheets {
		ct += fmt.Sprintf(`<Override PartName="/xl/worksheets/s%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	ct += `</Types>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	write("[Content_Types].xml", ct)
	write("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="`+pkgRel+`"><Relationship Id="rId1" Type="`+rel+`/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	write("xl/workbook.xml", wb.String())
	write("xl/_rels/workbook.xml.rels", wbRels.String())
	for _, name := range order {
		write(name, parts[name])
	}
	write("xl/sharedStrings.xml", sst.String())
	write("xl/styles.xml", st.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// shiftShared adds one to every shared-string index of a sheet.
func shiftShared(sheet, p string) string {
	var out strings.Builder
	for {
		i := strings.Index(sheet, ` t="s">`)
		if i < 0 {
			break
		}
		i += len(` t="s">`)
		out.WriteString(sheet[:i])
		sheet = sheet[i:]
		// the body is [<f>…</f>]<v>N</v>
		open := "<" + p + "v>"
		j := strings.Index(sheet, open)
		k := strings.Index(sheet, "</"+p+"v>")
		n, _ := strconv.Atoi(sheet[j+len(open) : k])
		out.WriteString(sheet[:j+len(open)] + strconv.Itoa(n+1))
		sheet = sheet[k:]
	}
	out.WriteString(sheet)
	return out.String()
}
