package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

const mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// workbook is a minimal workbook: parts by name, with defaults for the workbook, its
// relationships and one sheet «S»; a part set to "" is left out.
func workbook(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + mainNS + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
	}
	for k, v := range parts {
		all[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
		"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml"} {
		if all[name] == "" {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(all[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + mainNS + `><sheetData>` + rows + `</sheetData></worksheet>`
}

func sstXML(items string) string {
	return `<?xml version="1.0"?><sst ` + mainNS + `>` + items + `</sst>`
}

// dump reads the first sheet as "A1=value" words; the kind is added when it is not Number or Text.
func dump(t testing.TB, data []byte) (string, error) {
	t.Helper()
	b, err := Open(data)
	if err != nil {
		return "", err
	}
	if len(b.Sheets()) == 0 {
		return "", errors.New("no sheets")
	}
	var out []string
	err = b.Rows(b.Sheets()[0], 1000, func(row int, cells []Cell) bool {
		for _, c := range cells {
			s := CellName(c.Col, row) + "=" + c.Value
			switch c.Kind {
			case Bool:
				s += ":b"
			case Error:
				s += ":e"
			case Date:
				s += ":d"
			}
			out = append(out, s)
		}
		return true
	})
	return strings.Join(out, " "), err
}

// TestWriterXML holds one case for each way writers' XML was misread.
func TestWriterXML(t *testing.T) {
	tests := []struct {
		name   string
		sheet  string
		shared string
		want   string
	}{
		{
			name:   "CR and CRLF in text become LF",
			sheet:  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x` + "\r" + `y</t></is></c><c r="C1" t="s"><v>1</v></c></row>`,
			shared: `<si><t>a` + "\r\n" + `b</t></si><si><t>keep&#13;cr</t></si>`,
			want:   "A1=a\nb B1=x\ny C1=keep\rcr",
		},
		{
			name:  "ISO date cells are dates",
			sheet: `<row r="1"><c r="A1" t="d"><v>2024-06-30</v></c><c r="B1" t="d"><v>2024-06-30T10:00:00</v></c></row>`,
			want:  "A1=2024-06-30:d B1=2024-06-30T10:00:00:d",
		},
		{
			name:   "an empty shared string keeps the indices of the others",
			sheet:  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`,
			shared: `<si><t>a</t></si><si/><si><t>c</t></si>`,
			want:   "A1=a C1=c",
		},
		{
			name:   "a shared-string cell with no value is empty and the sheet goes on",
			sheet:  `<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
			shared: `<si><t>next</t></si>`,
			want:   "A2=next",
		},
		{
			name:   "_xHHHH_ escapes are decoded",
			sheet:  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>tab_x0009_x</t></is></c><c r="C1" t="s"><v>1</v></c></row>`,
			shared: `<si><t>a_x000D__x000A_b</t></si><si><t>_x005F_x000D_ _xZZZZ_</t></si>`,
			want:   "A1=a\r\nb B1=tab\tx C1=_x000D_ _xZZZZ_",
		},
		{
			name:  "an inline string with a <v> too is its <is> text alone",
			sheet: `<row r="1"><c r="A1" t="inlineStr"><v>12</v><is><t>hoi_vien</t></is></c></row>`,
			want:  "A1=hoi_vien",
		},
		{
			name: "elements of other namespaces are not the cell's",
			sheet: `<row r="1"><c r="A1"><v>45</v><x:v xmlns:x="urn:example:other">9</x:v></c>` +
				`<c r="B1"><v xmlns="urn:example:other">7</v><v>8</v></c></row>` +
				`<foo:row xmlns:foo="urn:example:other" r="5"><foo:c r="A5"><foo:v>1</foo:v></foo:c></foo:row>`,
			want: "A1=45 B1=8",
		},
		{
			name: "the SpreadsheetML namespace is known by its URI under any prefix",
			sheet: `<row r="1"><s:c xmlns:s="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A1"><s:v>3</s:v></s:c>` +
				`<c r="B1" xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><v>4</v></c></row>`,
			want: "A1=3 B1=4",
		},
		{
			name:   "> inside an attribute value",
			sheet:  `<row note="a>b" r="3"><c z="1>0" r="C3"><v>5</v></c><c q='>' r='E3' t="s"><v>0</v></c></row>`,
			shared: `<si><t>x</t></si>`,
			want:   "C3=5 E3=x",
		},
		{
			name:  "booleans, errors and formulas",
			sheet: `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1"><f>1+1</f><v>2</v></c></row>`,
			want:  "A1=1:b B1=#DIV/0!:e C1=2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := map[string]string{"xl/worksheets/sheet1.xml": sheetXML(tt.sheet)}
			if tt.shared != "" {
				parts["xl/sharedStrings.xml"] = sstXML(tt.shared)
			}
			got, err := dump(t, workbook(t, parts))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("cells = %q\nwant    %q", got, tt.want)
			}
		})
	}
}

func TestBadSharedIndexNamesTheCell(t *testing.T) {
	data := workbook(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="7"><c r="C7" t="s"><v>x</v></c></row>`),
		"xl/sharedStrings.xml":     sstXML(`<si><t>a</t></si>`),
	})
	_, err := dump(t, data)
	if err == nil || !strings.Contains(err.Error(), "C7") {
		t.Errorf("err = %v, want one naming C7", err)
	}
}

func utf16LE(s string) string {
	var b []byte
	b = append(b, 0xFF, 0xFE)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func utf16BE(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

func TestUTF16Parts(t *testing.T) {
	sheet := strings.Replace(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>26</v></c></row>`), "UTF-8", "UTF-16", 1)
	for _, enc := range []struct {
		name string
		f    func(string) string
	}{{"LE with BOM", utf16LE}, {"BE without BOM", utf16BE}} {
		t.Run(enc.name, func(t *testing.T) {
			got, err := dump(t, workbook(t, map[string]string{
				"xl/workbook.xml":          enc.f(`<?xml version="1.0" encoding="UTF-16"?><workbook ` + mainNS + `><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
				"xl/worksheets/sheet1.xml": enc.f(sheet),
				"xl/sharedStrings.xml":     enc.f(sstXML(`<si><t>hội viên</t></si>`)),
			}))
			if err != nil {
				t.Fatal(err)
			}
			if want := "A1=hội viên B1=26"; got != want {
				t.Errorf("cells = %q, want %q", got, want)
			}
		})
	}
	t.Run("another encoding is refused by name", func(t *testing.T) {
		_, err := dump(t, workbook(t, map[string]string{
			"xl/worksheets/sheet1.xml": strings.Replace(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`), "UTF-8", "windows-1258", 1),
		}))
		var ee *EncodingError
		if !errors.As(err, &ee) || ee.Part != "xl/worksheets/sheet1.xml" || ee.Encoding != "windows-1258" {
			t.Errorf("err = %v, want an EncodingError naming the part", err)
		}
	})
}

func TestBookFacts(t *testing.T) {
	data := workbook(t, map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + mainNS + `><workbookPr date1904="1"/><sheets>` +
			`<sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId1"/>` +
			`<sheet name="Rất ẩn" sheetId="3" state="veryHidden" r:id="rId1"/></sheets><calcPr calcId="0" fullCalcOnLoad="1"/></workbook>`,
		"xl/worksheets/sheet1.xml": sheetXML(""),
	})
	b, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Date1904() || !b.Stale() {
		t.Errorf("Date1904, Stale = %v, %v; want true, true", b.Date1904(), b.Stale())
	}
	var got []string
	for _, s := range b.Sheets() {
		got = append(got, fmt.Sprintf("%s:%v", s.Name, s.Hidden))
	}
	if g, want := strings.Join(got, " "), "S:false Ẩn:true Rất ẩn:true"; g != want {
		t.Errorf("sheets = %s, want %s", g, want)
	}
	b, err = Open(workbook(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML("")}))
	if err != nil {
		t.Fatal(err)
	}
	if b.Date1904() || b.Stale() {
		t.Errorf("a plain workbook: Date1904, Stale = %v, %v; want false, false", b.Date1904(), b.Stale())
	}
}

func TestFormatsAndHidden(t *testing.T) {
	styles := `<?xml version="1.0"?><styleSheet ` + mainNS + `><numFmts count="2">` +
		`<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; học sinh&quot;"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>` +
		`<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="3" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	sheet := `<?xml version="1.0"?><worksheet ` + mainNS + `><cols><col min="2" max="3" width="9" hidden="1"/><col min="4" max="4" width="9"/></cols><sheetData>` +
		`<row r="1"><c r="A1" s="1"><v>1406</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="3"><v>12</v></c><c r="D1" s="4"><v>0.5</v></c></row>` +
		`<row r="2" hidden="1"><c r="A2" s="5"><v>45000</v></c><c r="D2" s="99"><v>1</v></c><c r="E2" t="d" s="2"><v>2024-01-02</v></c></row>` +
		`<row r="3" hidden="0"><c r="A3"><v>2</v></c></row></sheetData></worksheet>`
	b, err := Open(workbook(t, map[string]string{"xl/styles.xml": styles, "xl/worksheets/sheet1.xml": sheet}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = b.Rows(b.Sheets()[0], 100, func(row int, cells []Cell) bool {
		for _, c := range cells {
			got = append(got, fmt.Sprintf("%s[%s hidden=%v date=%v kind=%d]", CellName(c.Col, row), c.Format, c.Hidden, IsDateFormat(c.Format), c.Kind))
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"A1[#,##0 hidden=false date=false kind=0]",
		"B1[dd/mm/yyyy hidden=true date=true kind=0]",
		`C1[#,##0" học sinh" hidden=true date=false kind=0]`,
		"D1[0% hidden=false date=false kind=0]",
		"A2[m/d/yyyy hidden=true date=true kind=0]",
		"D2[General hidden=true date=false kind=0]",
		"E2[dd/mm/yyyy hidden=true date=true kind=4]",
		"A3[General hidden=false date=false kind=0]",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("cells:\n%s\nwant:\n%s", g, w)
	}
}

func TestIsDateFormat(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"General", false}, {"", false}, {"0", false}, {"#,##0", false}, {"0.00%", false}, {"0.00E+00", false},
		{`#,##0" học sinh"`, false}, {`#,##0\ "đ"`, false}, {`[Red]#,##0;[Blue]-#,##0`, false}, {`#,##0 [$₫-42A]`, false},
		{`_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`, false}, {"@", false}, {`0\d`, false}, {`#,##0_m`, false}, {`**0`, false},
		{"dd/mm/yyyy", true}, {"m/d/yyyy", true}, {"d-mmm-yy", true}, {"h:mm AM/PM", true}, {"[h]:mm:ss", true},
		{"mm:ss", true}, {"[$-42A]dd/mm/yyyy", true}, {`[$-409]mmmm d, yyyy;@`, true}, {"yyyy", true}, {"[ss]", true},
		{`"Ngày "dd`, true}, {"A/P", true},
	}
	for _, tt := range tests {
		if got := IsDateFormat(tt.code); got != tt.want {
			t.Errorf("IsDateFormat(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestBuiltinFormats(t *testing.T) {
	for id, want := range map[int]string{0: "General", 3: "#,##0", 9: "0%", 10: "0.00%", 14: "m/d/yyyy", 22: "m/d/yyyy h:mm",
		45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 49: "@", 30: "m/d/yyyy", 100: "General"} {
		if got := builtinFormat(id); got != want {
			t.Errorf("builtinFormat(%d) = %q, want %q", id, got, want)
		}
	}
}

// Defects found by comparing with openpyxl over the test workbooks of other readers; each case is
// a workbook of our own making.
func TestPackageOddities(t *testing.T) {
	t.Run("a part named twice, in the same or another case, is refused", func(t *testing.T) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range []struct{ name, body string }{
			{"_rels/.rels", ""},
			{"xl/workbook.xml", `<workbook ` + mainNS + `><sheets><sheet name="v1" r:id="rId1"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
			{"xl/worksheets/Sheet1.xml", sheetXML(`<row r="1"><c r="A1"><v>2</v></c></row>`)},
			{"xl/worksheets/sheet1.xml", sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`)},
		} {
			w, _ := zw.Create(p.name)
			w.Write([]byte(p.body))
		}
		zw.Close()
		if _, err := Open(buf.Bytes()); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "sheet1.xml") {
			t.Errorf("err = %v, want two parts named sheet1.xml refused", err)
		}
	})
	t.Run("a sheet with no part is not a worksheet", func(t *testing.T) {
		b, err := Open(workbook(t, map[string]string{
			"xl/workbook.xml":          `<workbook ` + mainNS + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="Module" sheetId="2" r:id=""/></sheets></workbook>`,
			"xl/worksheets/sheet1.xml": sheetXML(""),
		}))
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Sheets()) != 1 || b.Sheets()[0].Name != "S" {
			t.Errorf("sheets = %v, want S alone", b.Sheets())
		}
	})
	t.Run("a workbook in another namespace (Excel 2007 beta's) is refused, not read as empty", func(t *testing.T) {
		beta := `xmlns="http://schemas.microsoft.com/office/excel/2006/2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
		_, err := Open(workbook(t, map[string]string{
			"xl/workbook.xml":          `<?xml version="1.0"?><workbook ` + beta + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/worksheets/sheet1.xml": `<worksheet ` + beta + `><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>`,
		}))
		if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "excel/2006/2") {
			t.Errorf("err = %v, want not a workbook, naming the namespace", err)
		}
	})
}
