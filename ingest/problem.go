package ingest

import (
	"fmt"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Severity says whether a problem stops a figure from being trusted (Error) or only asks for a look.
type Severity int

// The severities of problems.
const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Label is the severity's name in the language.
func (s Severity) Label(l lang.Lang) string {
	if s == Error {
		return l.Text("lỗi", "error")
	}
	return l.Text("cảnh báo", "warning")
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Problem codes. They are stable: scripts and the JSON schema rely on them.
const (
	CodeUnreadable       = "unreadable"        // the file cannot be opened
	CodeEmptyFile        = "empty_file"        // zero bytes
	CodeNotWorkbook      = "not_workbook"      // not a zip: a text or other file named .xlsx
	CodeLegacyXLS        = "legacy_xls"        // Excel 97-2003 .xls
	CodeEncrypted        = "encrypted"         // password-protected workbook
	CodeCorrupt          = "corrupt"           // broken or truncated zip
	CodeTooLarge         = "too_large"         // zip bomb, huge sheet, too many parts
	CodeNotReturn        = "not_return"        // a workbook, but not a return
	CodeTemplateVersion  = "template_version"  // made from another version of the template
	CodeMissingSheet     = "missing_sheet"     // an expected sheet is absent
	CodeRenamedSheet     = "renamed_sheet"     // figures found on a sheet of another name
	CodeMissingUnit      = "missing_unit"      // no unit code
	CodeBadDate          = "bad_date"          // a report date that cannot be read
	CodeMissingPeriod    = "missing_period"    // no period, or one that cannot be read
	CodeUnknownLevel     = "unknown_level"     // level not in the catalogue
	CodeUnknownUnit      = "unknown_unit"      // unit code not in the roster
	CodeDuplicate        = "duplicate"         // two returns for one unit and period
	CodeNoValue          = "no_value"          // a formula saved without its result
	CodeNotNumber        = "not_number"        // text where a number is expected
	CodeAmbiguous        = "ambiguous"         // a number that could be read two ways
	CodeQualifier        = "qualifier"         // "hơn 900 triệu": not exact
	CodePercent          = "percent"           // a percentage where a count or amount is expected
	CodeMoney            = "money"             // an amount of money (đồng) where a count is expected
	CodeNegative         = "negative"          // below zero
	CodeFraction         = "fraction"          // a fraction in a count
	CodeExceeds          = "exceeds"           // a <= b broken (recognised > registered, …)
	CodeManyMembers      = "hoi_vien_cao"      // members above 60% of the population
	CodeBigChange        = "big_change"        // changed by more than half versus the previous period
	CodePartsExceed      = "parts_exceed"      // sub-units add up to more than the unit states
	CodeOutsideScope     = "outside_scope"     // a return read but not part of the scope rolled up
	CodeUnmappedPrevious = "unmapped_previous" // last period's return of a unit no unit of the roster took over
	CodeCoverage         = "coverage"          // a consolidated return's coverage sheet that cannot be read

	// What a person sees decides: a cell whose stored value is not the number shown is refused.
	CodeBoolean        = "boolean"          // TRUE/FALSE in a figure cell
	CodeDate           = "date"             // a date (or a number with a date format) in a figure cell
	CodeStaleFormula   = "stale_formula"    // a formula whose stored result the workbook says is stale
	CodeNumberFormat   = "number_format"    // a number format that scales, rounds or names a unit
	CodeUnitLabel      = "unit_label"       // a unit label (Đơn vị tính) changed: honoured or refused
	CodeInvisible      = "invisible_char"   // a character no one can see in a number or a code
	CodeHidden         = "hidden"           // a hidden sheet, row or column holds a figure
	CodeDuplicateRow   = "duplicate_row"    // one code on two rows of a return
	CodeDuplicateSheet = "duplicate_sheet"  // two visible copies of a sheet («Số liệu (2)»)
	CodeValueColumn    = "value_column"     // no, or several, recognised value column headers
	CodeNoFigures      = "no_figures"       // a figure sheet from which no figure can be read
	CodeUnknownCode    = "unknown_code"     // a code in column A close to a catalogue code
	CodeMissingRows    = "missing_rows"     // catalogue figures whose rows are not in the return
	CodeEmptyReturn    = "empty_return"     // a return with no figure at all (a blank template)
	CodeNumericCode    = "numeric_code"     // a unit code stored as a number (02125 became 2125)
	CodeSuperseded     = "superseded"       // a unit's earlier return, replaced by a later one
	CodeOtherPeriod    = "other_period"     // a return of another period than the folder's
	CodeODS            = "ods"              // an OpenDocument spreadsheet
	CodeTargetNoReturn = "target_no_return" // targets for a unit that sent no return (without a roster)
)

// Problem is something wrong in a user's input, with where it is and how to fix it.
type Problem struct {
	File     string   `json:"file"`
	Sheet    string   `json:"sheet,omitempty"`
	Cell     string   `json:"cell,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Figure   string   `json:"figure,omitempty"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	vi, en   string
}

// Message says what is wrong and how to fix it, in the language.
func (p Problem) Message(l lang.Lang) string { return l.Text(p.vi, p.en) }

// Where is "file, sheet!cell" for the problem, as much as is known.
func (p Problem) Where() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(": " + p.Sheet)
		if p.Cell != "" {
			b.WriteString("!" + p.Cell)
		}
	}
	return b.String()
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Where(), p.Severity, p.en)
}

// problem builds a Problem with its two messages.
func problem(sev Severity, code, vi, en string) Problem {
	return Problem{Severity: sev, Code: code, vi: vi, en: en}
}

// NewProblem builds a problem found outside this package (targets, roster).
func NewProblem(sev Severity, code, file, vi, en string) Problem {
	p := problem(sev, code, vi, en)
	p.File = file
	return p
}
