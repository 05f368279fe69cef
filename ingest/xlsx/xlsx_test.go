package xlsx

import (
	"bytes"
	"testing"
)

func TestScannerEntitiesAndPrefixes(t *testing.T) {
	shared, err := parseShared([]byte(`<?xml version="1.0"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Hội &amp; viên</x:t></x:si>` +
		`<si><r><rPr/><t xml:space="preserve">Gia </t></r><r><t>đình</t></r><rPh><t>ignored</t></rPh></si><si><t/></si>` +
		`<si><t>&#7897;&#x1ED9;&bogus;</t></si></x:sst>`))
	want := []string{"Hội & viên", "Gia đình", "", "ộộ&bogus;"}
	if err != nil {
		t.Fatal(err)
	}
	if len(shared) != len(want) {
		t.Fatalf("shared = %q, want %q", shared, want)
	}
	for i := range want {
		if shared[i] != want[i] {
			t.Errorf("shared[%d] = %q, want %q", i, shared[i], want[i])
		}
	}
}

func TestRowsCellKinds(t *testing.T) {
	sheet := `<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>hoi_vien</t></is></c><c r="D2"><v>1.406</v></c></row>` +
		`<row><c t="str"><f>A1</f><v>1.406</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>` +
		`<x:row r="9"><x:c r="C9"><x:v>7</x:v></x:c><c r="D9"><f>SUM(A1:A2)</f></c></x:row>` +
		`</sheetData></worksheet>`
	b, err := Open(workbook(t, map[string]string{"xl/worksheets/sheet1.xml": sheet}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = b.Rows(b.Sheets()[0], 100, func(row int, cells []Cell) bool {
		for _, c := range cells {
			f := ""
			if c.Formula {
				f = "f"
			}
			got = append(got, CellName(c.Col, row)+"="+c.Value+":"+string("ntbe"[c.Kind])+f)
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "A2=hoi_vien:t D2=1.406:n A3=1.406:tf B3=1:b C3=#DIV/0!:e C9=7:n D9=:nf"
	if g := join(got); g != want {
		t.Errorf("cells = %s\nwant    %s", g, want)
	}
}

func join(ss []string) string {
	var b bytes.Buffer
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

// FuzzScanner feeds arbitrary bytes to the XML scanner and the shared-strings parser: they must
// end, never panic, and never read past the input.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`<sst><si><t>a&amp;b</t></si></sst>`,
		`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`,
		`<![CDATA[x]]><!-- c --><?pi?><a b='c' d="e"/>`,
		`<a b="unterminated`, `&#99999999;`, `<`, `</>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc := scanner{data: data}
		n := 0
		for sc.next() {
			n++
			_ = sc.attr("r")
			_ = sc.text()
			if n > len(data)+1 {
				t.Fatal("scanner does not advance")
			}
		}
		parseShared(data)
	})
}
