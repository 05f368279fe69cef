package report

import (
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Every phrase of the terminal is in both languages, with the same placeholders in each.
func TestTerminalWordsComplete(t *testing.T) {
	placeholders := regexp.MustCompile(`\{[a-z_]+\}`)
	v := reflect.ValueOf(*Terminal())
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		var ps []Phrase
		switch f := v.Field(i).Interface().(type) {
		case Phrase:
			ps = []Phrase{f}
		case []Phrase:
			ps = f
			if len(ps) == 0 {
				t.Errorf("terminal.%s: no columns", name)
			}
		default:
			t.Fatalf("terminal.%s is a %T", name, f)
		}
		for _, p := range ps {
			if p.Vi == "" || p.En == "" {
				t.Errorf("terminal.%s: %q / %q: a language is missing", name, p.Vi, p.En)
			}
			vi, en := placeholders.FindAllString(p.Vi, -1), placeholders.FindAllString(p.En, -1)
			slices.Sort(vi)
			slices.Sort(en)
			if !slices.Equal(vi, en) {
				t.Errorf("terminal.%s: placeholders %v in Vietnamese, %v in English", name, vi, en)
			}
		}
	}
}

func TestPhraseIn(t *testing.T) {
	p := Phrase{Vi: "Đạt {met}/{of} chỉ tiêu{x}", En: "{met} of {of} targets met"}
	tests := []struct {
		l    lang.Lang
		vars []any
		want string
	}{
		{lang.Vi, []any{"met", 2, "of", 3}, "Đạt 2/3 chỉ tiêu{x}"},
		{lang.En, []any{"of", 3, "met", 2}, "2 of 3 targets met"},
		{lang.En, []any{"met", "{of}", "of", 3}, "{of} of 3 targets met"}, // a value is not read again
		{lang.Vi, nil, "Đạt {met}/{of} chỉ tiêu{x}"},
	}
	for _, tt := range tests {
		if got := p.In(tt.l, tt.vars...); got != tt.want {
			t.Errorf("In(%s, %v) = %q, want %q", tt.l, tt.vars, got, tt.want)
		}
	}
}
