package xlsx

import (
	"bytes"
	"testing"
)

// nextAttrIndex is nextAttr as it was written with bytes.IndexByte: the byte-by-byte one must
// split every input the same way.
func nextAttrIndex(a []byte) (name, value, rest []byte, ok bool) {
	a = trimSpaceLeft(a)
	eq := bytes.IndexByte(a, '=')
	if eq < 0 {
		return nil, nil, nil, false
	}
	name = a[:eq]
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	a = trimSpaceLeft(a[eq+1:])
	if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
		return nil, nil, nil, false
	}
	q := a[0]
	end := bytes.IndexByte(a[1:], q)
	if end < 0 {
		return nil, nil, nil, false
	}
	return name, a[1 : 1+end], a[end+2:], true
}

var attrSeeds = []string{
	``, ` `, `r="C4" s="7" t="inlineStr"`, ` r = 'A1'  s="2"`, `r=C4`, `r="C4`, `="x"`, `a=`, `a= `,
	"\tx:y=\"v\"\n", `a="'" b='"'`, `=`, `""`, `a "b"="c"`, ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`,
}

func TestNextAttrAsIndexByte(t *testing.T) {
	for _, in := range attrSeeds {
		checkNextAttr(t, []byte(in))
	}
}

func FuzzNextAttr(f *testing.F) {
	for _, in := range attrSeeds {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkNextAttr(t, in) })
}

func checkNextAttr(t *testing.T, in []byte) {
	t.Helper()
	for a := in; ; {
		n1, v1, r1, ok1 := nextAttr(a)
		n2, v2, r2, ok2 := nextAttrIndex(a)
		if ok1 != ok2 || !bytes.Equal(n1, n2) || !bytes.Equal(v1, v2) || !bytes.Equal(r1, r2) {
			t.Fatalf("nextAttr(%q) = %q %q %q %v, want %q %q %q %v", a, n1, v1, r1, ok1, n2, v2, r2, ok2)
		}
		if !ok1 || len(r1) == 0 {
			return
		}
		a = r1
	}
}

func BenchmarkNextAttr(b *testing.B) {
	attrs := []byte(`r="C4" s="7" t="inlineStr"`)
	for _, f := range []struct {
		name string
		fn   func([]byte) ([]byte, []byte, []byte, bool)
	}{{"bytewise", nextAttr}, {"indexbyte", nextAttrIndex}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for a := attrs; len(a) > 0; {
					_, _, rest, ok := f.fn(a)
					if !ok {
						break
					}
					a = rest
				}
			}
		})
	}
}
