package xlsx

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// builtinFormats are the number formats a workbook may use by id without writing them out
// (ECMA-376 part 1, 18.8.30), as Excel shows them in an English locale.
var builtinFormats = map[int]string{
	0:  "General",
	1:  "0",
	2:  "0.00",
	3:  "#,##0",
	4:  "#,##0.00",
	5:  `"$"#,##0_);\("$"#,##0\)`,
	6:  `"$"#,##0_);[Red]\("$"#,##0\)`,
	7:  `"$"#,##0.00_);\("$"#,##0.00\)`,
	8:  `"$"#,##0.00_);[Red]\("$"#,##0.00\)`,
	9:  "0%",
	10: "0.00%",
	11: "0.00E+00",
	12: "# ?/?",
	13: "# ??/??",
	14: "m/d/yyyy",
	15: "d-mmm-yy",
	16: "d-mmm",
	17: "mmm-yy",
	18: "h:mm AM/PM",
	19: "h:mm:ss AM/PM",
	20: "h:mm",
	21: "h:mm:ss",
	22: "m/d/yyyy h:mm",
	37: "#,##0 ;(#,##0)",
	38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00;(#,##0.00)",
	40: "#,##0.00;[Red](#,##0.00)",
	41: `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`,
	42: `_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)`,
	43: `_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`,
	44: `_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)`,
	45: "mm:ss",
	46: "[h]:mm:ss",
	47: "mmss.0",
	48: "##0.0E+0",
	49: "@",
}

// builtinFormat is the code of a built-in format id. Ids 27-36 and 50-58 are dates whose code
// depends on an East Asian locale; they are given the short date. Other ids are General.
func builtinFormat(id int) string {
	if f, ok := builtinFormats[id]; ok {
		return f
	}
	if id >= 27 && id <= 36 || id >= 50 && id <= 58 {
		return builtinFormats[14]
	}
	return "General"
}

// parseStyles reads the number format of every cell format (cellXfs) of a styles part, and nothing
// else of it.
func parseStyles(data []byte) []string {
	custom := map[int]string{}
	var xfs []int
	inXfs := false
	sc := scanner{data: data}
	// After the root element (for its namespace declarations), go straight to the number formats
	// and then to the cell formats: the fonts, fills and borders between them are not read.
	jump := func(name string) {
		if i := bytes.Index(data[sc.pos:], []byte(name)); i >= 0 {
			if lt := bytes.LastIndexByte(data[sc.pos:sc.pos+i], '<'); lt >= 0 {
				sc.pos += lt
			}
		}
	}
	for sc.next() && sc.tok != tokStart {
	}
	if bytes.Contains(data[sc.pos:], []byte("numFmts")) {
		jump("numFmts")
	} else {
		jump("cellXfs")
	}
scan:
	for sc.next() {
		if !sc.main {
			continue
		}
		switch sc.tok {
		case tokStart:
			switch sc.local {
			case "numFmt":
				if id := sc.intAttr("numFmtId"); id >= 0 {
					custom[id] = sc.attr("formatCode")
				}
			case "cellXfs":
				inXfs = !sc.selfClosing
			case "xf":
				if inXfs {
					xfs = append(xfs, max(sc.intAttr("numFmtId"), 0))
				}
			}
		case tokEnd:
			switch sc.local {
			case "numFmts":
				jump("cellXfs")
			case "cellXfs":
				break scan // nothing after the cell formats is read
			}
		}
	}
	out := make([]string, len(xfs))
	for i, id := range xfs {
		if f, ok := custom[id]; ok {
			out[i] = f
		} else {
			out[i] = builtinFormat(id)
		}
	}
	return out
}

// IsDateFormat reports whether a number format shows a date or a time: after dropping quoted text,
// backslash escapes, [...] sections (colours, conditions, locales), and the padding and fill
// characters that follow _ and *, a date or time token remains (y, m, d, h, s, AM/PM, A/P).
// So `dd/mm/yyyy` and `[h]:mm` are dates, and `#,##0" học sinh"` is not.
func IsDateFormat(code string) bool {
	if code == "" || strings.EqualFold(code, "General") {
		return false
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			if i+1 < len(code) {
				_, n := utf8.DecodeRuneInString(code[i+1:])
				i += n
			}
		case '[':
			if j := strings.IndexByte(code[i+1:], ']'); j >= 0 {
				inner := strings.ToLower(code[i+1 : i+1+j])
				if inner != "" && strings.Trim(inner, "hms") == "" {
					return true // elapsed time: [h], [mm], [ss]
				}
				i += j + 1
			}
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return true
		case 'a', 'A':
			rest := strings.ToUpper(code[i:])
			if strings.HasPrefix(rest, "AM/PM") || strings.HasPrefix(rest, "A/P") {
				return true
			}
		case 'g', 'G':
			if strings.HasPrefix(strings.ToUpper(code[i:]), "GENERAL") {
				i += len("General") - 1
			}
		case 'e', 'E':
			// a number's exponent, E+00
		}
	}
	return false
}
