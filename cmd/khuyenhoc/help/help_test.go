package help

import (
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

func TestError(t *testing.T) {
	tests := []struct {
		msg, near string
		l         lang.Lang
		want      string
	}{
		{"unknown flag: --previus", "--previous", lang.Vi, "không có tùy chọn --previus — có phải --previous?"},
		{"unknown flag: --previus", "--previous", lang.En, "unknown flag --previus — did you mean --previous?"},
		{"unknown shorthand flag: 'x' in -x", "", lang.Vi, "không có tùy chọn -x (trong -x)"},
		{"flag needs an argument: --period", "", lang.Vi, "tùy chọn --period cần một giá trị"},
		{"flag needs an argument: 'o' in -o", "", lang.Vi, "tùy chọn -o cần một giá trị"},
		{`invalid argument "x" for "--per-unit" flag: strconv.ParseBool: parsing "x": invalid syntax`, "", lang.Vi, `giá trị «x» không hợp lệ cho --per-unit: hãy ghi true hoặc false`},
		{`invalid argument "x" for "--per-unit" flag: strconv.ParseBool: parsing "x": invalid syntax`, "", lang.En, `invalid value "x" for --per-unit: want true or false`},
		{`invalid argument "x" for "--n" flag: strconv.ParseInt: parsing "x": invalid syntax`, "", lang.Vi, `giá trị «x» không hợp lệ cho --n: hãy ghi một số nguyên`},
		{"unknown command \"chek\" for \"khuyenhoc\"\n\nDid you mean this?\n\tcheck\n", "", lang.Vi, "lệnh «chek» không có trong «khuyenhoc»\n\nCó phải là:\n\tcheck"},
		{"accepts 0 arg(s), received 1", "", lang.Vi, "lệnh nhận 0 tham số, đã cho 1"},
	}
	for _, tt := range tests {
		if got := Error(tt.l, tt.msg, tt.near); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Error(%s, %q) = %q, want %q", tt.l, tt.msg, got, tt.want)
		}
	}
}

// Every command's help has its exit statuses, in both languages.
func TestLongHasExitStatus(t *testing.T) {
	for _, cmd := range []string{"khuyenhoc", "template", "ingest", "check", "report", "roster"} {
		if vi := Long(lang.Vi, cmd); !strings.Contains(vi, "TRẠNG THÁI THOÁT") || !strings.Contains(vi, "  0  ") {
			t.Errorf("%s: Vietnamese help has no exit statuses:\n%s", cmd, vi)
		}
		if en := Long(lang.En, cmd); !strings.Contains(en, "EXIT STATUS") || !strings.Contains(en, "  0  ") {
			t.Errorf("%s: English help has no exit statuses:\n%s", cmd, en)
		}
	}
	if !strings.Contains(UsageTemplate(lang.Vi), "Cách dùng:") || !strings.Contains(UsageTemplate(lang.Vi), "Tùy chọn:") {
		t.Error("the Vietnamese usage template does not say Cách dùng and Tùy chọn")
	}
}

// The flag list names values by what they are, not by Go types, and stays aligned.
func TestFlagTextNamesValues(t *testing.T) {
	in := "      --date string              ngày báo cáo\n      --previous stringArray   báo cáo kỳ trước\n      --strict                   coi cảnh báo là lỗi\n"
	want := "      --date NGÀY          ngày báo cáo\n      --previous THƯ_MỤC   báo cáo kỳ trước\n      --strict             coi cảnh báo là lỗi\n"
	if got := FlagText(lang.Vi, in); got != want {
		t.Errorf("FlagText(vi) =\n%s\nwant\n%s", got, want)
	}
	if got := FlagText(lang.En, in); got != in {
		t.Errorf("FlagText(en) changed the English list:\n%s", got)
	}
}
