package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"testing"
)

// A flood of comments, processing instructions or declarations is skipped in a loop: with a small
// stack, a scanner that recursed once per comment would die.
func TestScannerFloodOfComments(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	for _, junk := range []string{"<!---->", "<?p?>", "<!x>"} {
		flood := strings.Repeat(junk, 1<<20/len(junk)*2)
		data := workbook(t, map[string]string{
			"xl/worksheets/sheet1.xml": sheetXML(flood + `<row r="1"><c r="A1"><v>1</v></c></row>` + flood),
		})
		got, err := dump(t, data)
		if err != nil || got != "A1=1" {
			t.Errorf("%s flood: cells %q, err %v; want A1=1", junk, got, err)
		}
	}
}

// Elements nested without end are refused, not followed down.
func TestScannerDepth(t *testing.T) {
	data := workbook(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(strings.Repeat("<a>", 100000)),
	})
	if _, err := dump(t, data); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("err = %v, want nesting refused", err)
	}
}

// manyEntries is a zip of n empty parts beside a workbook.
func manyEntries(t testing.TB, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range n {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: "x/" + CellName(i+1, 1), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return buf.Bytes()
}

// The number of parts is read from the end record, so a flood of parts is refused before the
// directory is built.
func TestEntryCountFromEndRecord(t *testing.T) {
	data := manyEntries(t, 50000)
	var err error
	allocs := testing.AllocsPerRun(1, func() { _, err = Open(data) })
	var large *TooLargeError
	if !errors.As(err, &large) || large.Entries != 50000 {
		t.Fatalf("err = %v, want too many parts (50000)", err)
	}
	if allocs > 50 {
		t.Errorf("refusing 50,000 parts took %.0f allocations; the directory was built", allocs)
	}
	// A Zip64 end record is read too.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "a", Method: zip.Store})
	w.Write([]byte("x"))
	zw.Close()
	if n, err := countEntries(buf.Bytes()); n != 1 || err != nil {
		t.Errorf("countEntries = %d, %v; want 1", n, err)
	}
	if _, err := countEntries([]byte("PK\x03\x04 not a zip")); err == nil {
		t.Error("countEntries of a file with no end record: no error")
	}
}

// lying rewrites a workbook so that every part's header claims 10 bytes.
func lying(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		raw, _ := f.OpenRaw()
		var body bytes.Buffer
		body.ReadFrom(raw)
		fh := f.FileHeader
		fh.UncompressedSize64 = 10
		w, err := zw.CreateRaw(&fh)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

// The inflated data of all parts is bounded by what the caller asks.
func TestOpenLimit(t *testing.T) {
	rows := strings.Repeat(`<row><c><v>1</v></c></row>`, 10000)
	data := workbook(t, map[string]string{"xl/worksheets/sheet1.xml": sheetXML(rows)})
	all := func(int, []Cell) bool { return true }
	b, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Rows(b.Sheets()[0], 1<<20, all); err != nil {
		t.Fatal(err)
	}
	var large *TooLargeError
	if _, err = OpenLimit(data, 100<<10); !errors.As(err, &large) || large.Limit != 100<<10 {
		t.Errorf("honest headers: err = %v, want too large with limit 100 KB", err)
	}
	// Headers that claim less than the parts hold are refused as corrupt as soon as a part
	// inflates past its claim.
	if _, err = OpenLimit(lying(t, data), 100<<10); !errors.Is(err, zip.ErrFormat) {
		t.Errorf("lying headers: err = %v, want %v", err, zip.ErrFormat)
	}
}

// FuzzSheetXML mutates the XML inside a valid workbook: the input is split at NUL bytes into the
// sheet, the shared strings, the styles and the workbook part. Opening and reading every sheet
// must end without a panic, and give no more cells than the input has bytes.
func FuzzSheetXML(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 8 {
		o := randRawOptions(rng)
		data := writeRaw(f, genBook(rng), o)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		parts := map[string][]byte{}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			parts[zf.Name] = b.Bytes()
		}
		f.Add(bytes.Join([][]byte{parts[fmt.Sprintf("xl/worksheets/s%d.xml", i%3+1)], parts["xl/sharedStrings.xml"], parts["xl/styles.xml"], parts["xl/workbook.xml"]}, []byte{0}))
	}
	f.Add([]byte(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><v>1</v><is><t>x</t></is></c></row>`) + "\x00" + sstXML(`<si/><si><t>a_x000D_b</t></si>`)))
	f.Add([]byte(sheetXML(`<row r="1" hidden="1"><c r="A1" s="1"><v>45000</v></c></row>`) + "\x00\x00" + `<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		pieces := bytes.SplitN(in, []byte{0}, 4)
		parts := map[string]string{"xl/worksheets/sheet1.xml": string(pieces[0])}
		names := []string{"", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"}
		for i := 1; i < len(pieces); i++ {
			if len(pieces[i]) > 0 {
				parts[names[i]] = string(pieces[i])
			}
		}
		b, err := Open(workbook(t, parts))
		if err != nil {
			return
		}
		cells := 0
		for _, s := range b.Sheets() {
			b.Rows(s, 1000, func(row int, cs []Cell) bool {
				cells += len(cs)
				for _, c := range cs {
					if c.Col < 1 || row < 1 || c.Col > MaxCol || row > MaxRow {
						t.Fatalf("cell at column %d, row %d", c.Col, row)
					}
				}
				return true
			})
		}
		if cells > len(in) {
			t.Fatalf("%d cells from %d bytes", cells, len(in))
		}
		_ = b.Date1904()
		_ = IsDateFormat(string(in))
	})
}

// A text longer than Excel allows, shared by many cells, would make every reader of the cells
// copy it again and again: the cell is refused with its name.
func TestTextLongerThanExcelAllows(t *testing.T) {
	long := strings.Repeat("ộ", 32768)
	_, err := dump(t, workbook(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>1</v></c></row>`),
		"xl/sharedStrings.xml":     sstXML(`<si><t>` + strings.Repeat("ộ", 32767) + `</t></si><si><t>` + long + `</t></si>`),
	}))
	if err == nil || !strings.Contains(err.Error(), "B2") || !strings.Contains(err.Error(), "32767") {
		t.Errorf("err = %v, want B2 refused", err)
	}
	_, err = dump(t, workbook(t, map[string]string{
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="3"><c r="C3" t="inlineStr"><is><t>` + long + `</t></is></c></row>`),
	}))
	if err == nil || !strings.Contains(err.Error(), "C3") {
		t.Errorf("inline: err = %v, want C3 refused", err)
	}
}
