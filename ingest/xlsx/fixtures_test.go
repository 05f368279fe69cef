package xlsx

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateFixtures = flag.Bool("update", false, "rewrite the workbooks in testdata from the fixtures table")

// fixtures are small workbooks of our own making, one for each way a file was misread (found by
// the issue, the fuzzer or the comparison with openpyxl over other readers' test workbooks). They
// are kept in testdata as files, so that any other reader can be tried on them; -update writes
// them again from this table.
var fixtures = []struct {
	name    string
	data    func(testing.TB) []byte
	want    string // the sheets, then the cells of the first, as dump gives them
	wantErr string // or the error
}{
	{"cr-crlf", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x`+"\r"+`y</t></is></c></row>`, `<si><t>a`+"\r\n"+`b</t></si>`),
		"S: A1=a\nb B1=x\ny", ""},
	{"iso-date-cell", sheetAndStrings(`<row r="1"><c r="A1" t="d"><v>2024-06-30</v></c></row>`, ""), "S: A1=2024-06-30:d", ""},
	{"empty-shared-string", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>`, `<si/><si><t>hoi_vien</t></si>`), "S: A1=hoi_vien", ""},
	{"shared-string-cell-without-value", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v/></c></row><row r="2"><c r="A2"><v>26</v></c></row>`, `<si><t>x</t></si>`), "S: A2=26", ""},
	{"escapes", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, `<si><t>a_x000D__x000A_b _x005F_x0041_</t></si>`), "S: A1=a\r\nb _x0041_", ""},
	{"inline-string-with-v", sheetAndStrings(`<row r="1"><c r="A1" t="inlineStr"><v>12</v><is><t>hoi_vien</t></is></c></row>`, ""), "S: A1=hoi_vien", ""},
	{"foreign-v", sheetAndStrings(`<row r="1"><c r="A1"><v>45</v><x:v xmlns:x="urn:example:other">9</x:v></c></row>`, ""), "S: A1=45", ""},
	{"gt-in-attribute", sheetAndStrings(`<row note="a>b" r="3"><c z="1>0" r="C3"><v>5</v></c></row>`, ""), "S: C3=5", ""},
	{"cell-outside-row", sheetAndStrings(`<c r="A1"><v>7</v></c><row r="2"><c r="A2"><v>8</v></c></row>`, ""), "S: A2=8", ""},
	{"comment-flood", sheetAndStrings(strings.Repeat("<!---->", 1<<20)+`<row r="1"><c r="A1"><v>1</v></c></row>`, ""), "S: A1=1", ""},
	{"utf16", func(t testing.TB) []byte {
		return workbook(t, map[string]string{
			"xl/worksheets/sheet1.xml": utf16LE(strings.Replace(sheetXML(`<row r="1"><c r="A1"><v>26</v></c></row>`), "UTF-8", "UTF-16", 1)),
		})
	}, "S: A1=26", ""},
	{"date1904", func(t testing.TB) []byte {
		return workbook(t, map[string]string{
			"xl/workbook.xml":          `<workbook ` + mainNS + `><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>45000</v></c></row>`),
		})
	}, "S: A1=45000 (1904)", ""},
	{"text-longer-than-excel-allows", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>`, `<si><t>`+strings.Repeat("x", 40000)+`</t></si>`),
		"", "longer than the 32767 characters"},
	{"sheet-without-part", func(t testing.TB) []byte {
		return workbook(t, map[string]string{
			"xl/workbook.xml":          `<workbook ` + mainNS + `><sheets><sheet name="Module" sheetId="2" r:id=""/><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`),
		})
	}, "S: A1=1", ""},
	{"two-parts-of-one-name", func(t testing.TB) []byte {
		data := workbook(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`)})
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			zw.Copy(f)
		}
		w, _ := zw.Create("xl/worksheets/Sheet1.xml")
		w.Write([]byte(sheetXML(`<row r="1"><c r="A1"><v>2</v></c></row>`)))
		zw.Close()
		return buf.Bytes()
	}, "", "two parts are named"},
	{"dtd", func(t testing.TB) []byte {
		return workbook(t, map[string]string{
			"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY n "45">]><worksheet ` + mainNS +
				`><sheetData><row r="1"><c r="A1"><v>&n;</v></c></row></sheetData></worksheet>`,
		})
	}, "", "document type declaration"},
	{"relationships-with-bad-checksum", func(t testing.TB) []byte {
		data := workbook(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`)})
		zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			if f.Name != "xl/_rels/workbook.xml.rels" {
				zw.Copy(f)
				continue
			}
			raw, _ := f.OpenRaw()
			fh := f.FileHeader
			fh.CRC32++
			w, _ := zw.CreateRaw(&fh)
			io.Copy(w, raw)
		}
		zw.Close()
		return buf.Bytes()
	}, "", "checksum"},
	{"surrogate-pair-escape", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>_xD801__xDC05_ _xD801_x</t></is></c></row>`, `<si><t>a_xD801__xDC05_b</t></si>`),
		"S: A1=a\U00010405b B1=\U00010405 \uFFFDx", ""},
	{"libreoffice-inline-formula", sheetAndStrings(`<row r="1"><c r="A1" t="inlineStr"><f>B1</f><v>hoi_vien</v></c><c r="B1" t="inlineStr"><is><t>hoi_vien</t></is></c></row>`, ""),
		"S: A1=hoi_vien B1=hoi_vien", ""},
	{"cell-beyond-xfd", sheetAndStrings(`<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>`, ""), "", "outside the sheet"},
	{"row-beyond-last", sheetAndStrings(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>`, ""), "", "outside the sheet"},
	{"row-zero", sheetAndStrings(`<row r="0"><c r="A0"><v>1</v></c></row>`, ""), "", "outside the sheet"},
	{"row-of-twenty-digits", sheetAndStrings(`<row r="12345678901234567890"><c r="A12345678901234567890"><v>1</v></c></row>`, ""), "", "outside the sheet"},
	{"shared-strings-dtd", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>10</v></c></row>`, `<si><t>a</t></si>`+"\n"+`<!DOCTYPE sst [<!ENTITY x "y">]>`), "", "part xl/sharedStrings.xml: xml: a document type declaration"},
	{"shared-strings-nested-deep", sheetAndStrings(`<row r="1"><c r="A1" t="s"><v>10</v></c></row>`, `<si><t>a</t></si>`+strings.Repeat("<x>", 300)), "", "part xl/sharedStrings.xml: xml: elements nested too deep"},
	{"other-namespace", func(t testing.TB) []byte {
		beta := `xmlns="http://schemas.microsoft.com/office/excel/2006/2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
		return workbook(t, map[string]string{
			"xl/workbook.xml":          `<workbook ` + beta + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/worksheets/sheet1.xml": `<worksheet ` + beta + `><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>`,
		})
	}, "", "not SpreadsheetML"},
}

func sheetAndStrings(rows, shared string) func(testing.TB) []byte {
	return func(t testing.TB) []byte {
		parts := map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows)}
		if shared != "" {
			parts["xl/sharedStrings.xml"] = sstXML(shared)
		}
		return workbook(t, parts)
	}
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			path := filepath.Join("testdata", fx.name+".xlsx")
			if *updateFixtures {
				if err := os.WriteFile(path, fx.data(t), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			got, err := dump(t, data)
			if b, _ := Open(data); err == nil && b != nil {
				var names []string
				for _, s := range b.Sheets() {
					names = append(names, s.Name)
				}
				got = strings.Join(names, ",") + ": " + got
				if b.Date1904() {
					got += " (1904)"
				}
			}
			switch {
			case fx.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), fx.wantErr) {
					t.Errorf("err = %v, want one saying %q", err, fx.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			case got != fx.want:
				t.Errorf("cells = %q, want %q", got, fx.want)
			}
		})
	}
}
