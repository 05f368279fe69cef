package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Slug is a file-name-safe ASCII form of Vietnamese text: "Đắk Lắk" → "dak-lak".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldVietnamese(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// foldVietnamese drops diacritics (and turns đ into d): "Đắk Lắk" → "Dak Lak". For file names and
// for matching what people type without accents.
func foldVietnamese(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.NewReplacer("đ", "d", "Đ", "D").Replace(out)
}
