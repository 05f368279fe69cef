package ingest

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// outcome is what became of a figure's cell.
type outcome int

const (
	blank   outcome = iota // not reported
	counted                // a value
	refused                // a problem says why
)

// resolve turns the figure cells found into the return's values. A hidden cell never wins over a
// visible one; two visible rows of one code with different values are refused, naming both. It
// gives how many figures were filled in (counted or refused).
func (rd *reader) resolve() int {
	// The entries of one figure next to each other, figures in the order they were first found;
	// most figures have one entry, so this is a stable sort of an almost sorted list.
	first := make([]int32, len(rd.cat.Raw))
	for i := range first {
		first[i] = -1
	}
	for i, e := range rd.entries {
		if first[e.fig.index] < 0 {
			first[e.fig.index] = int32(i)
		}
	}
	sort.SliceStable(rd.entries, func(i, j int) bool {
		return first[rd.entries[i].fig.index] < first[rd.entries[j].fig.index]
	})
	filled := 0
	var shown, hidden []entry
	type result struct {
		e entry
		n int64
	}
	var values []result
	for start := 0; start < len(rd.entries); {
		fig := rd.entries[start].fig
		end := start + 1
		for end < len(rd.entries) && rd.entries[end].fig == fig {
			end++
		}
		group := rd.entries[start:end]
		start = end
		shown, hidden, values = shown[:0], hidden[:0], values[:0]
		for _, e := range group {
			switch {
			case strings.TrimSpace(e.cell.Value) == "" && !e.cell.Formula:
			case e.cell.Hidden:
				hidden = append(hidden, e)
			default:
				shown = append(shown, e)
			}
		}
		if len(shown)+len(hidden) > 0 {
			filled++
		}
		if len(shown) == 0 {
			for _, e := range hidden {
				rd.add(Error, CodeHidden, e.sheet, e.cell.Col, e.row, fig.Code,
					msgAboutFigure, fig.Label, msgHiddenCell.With(cellName(e.cell.Col, e.row), lang.Printable(e.cell.Value)))
			}
			continue
		}
		for _, e := range hidden {
			rd.add(Warning, CodeHidden, e.sheet, e.cell.Col, e.row, fig.Code,
				msgAboutFigure, fig.Label, msgHiddenCellShown.With(cellName(e.cell.Col, e.row), shown[0].sheet, cellName(shown[0].cell.Col, shown[0].row)))
		}
		bad := false
		for _, e := range shown {
			switch n, out := rd.evaluate(e); out {
			case counted:
				values = append(values, result{e, n})
			case refused:
				bad = true
			}
		}
		if len(shown) > 1 {
			same := !bad
			var cells []string
			for _, v := range values {
				same = same && v.n == values[0].n
				cells = append(cells, fmt.Sprintf("%s!%s = %s", v.e.sheet, cellName(v.e.cell.Col, v.e.row), lang.Int(lang.Vi, v.n)))
			}
			last := shown[len(shown)-1]
			var where []string
			for _, e := range shown {
				where = append(where, e.sheet+"!"+cellName(e.cell.Col, e.row))
			}
			if same && len(values) > 0 {
				rd.add(Warning, CodeDuplicateRow, last.sheet, last.cell.Col, last.row, fig.Code,
					msgDuplicateRowSame, fig.Code, len(shown), strings.Join(where, ", "))
			} else {
				if len(cells) == 0 {
					cells = where
				}
				rd.add(Error, CodeDuplicateRow, last.sheet, last.cell.Col, last.row, fig.Code,
					msgDuplicateRowDiffer, fig.Code, len(shown), strings.Join(cells, "; "))
				continue
			}
		}
		if bad || len(values) == 0 {
			continue
		}
		v := values[0]
		rd.r.values[fig.index] = Value{N: v.n, OK: true, Sheet: v.e.sheetIdx, Col: int16(v.e.cell.Col), Row: int32(v.e.row)}
	}
	return filled
}

// evaluate reads a figure's cell as the number a person sees in it, or refuses it with a problem
// that says what is wrong: a boolean, a date, a percentage, a fraction, a stale formula result, a
// number format or a unit label that changes what the number means.
func (rd *reader) evaluate(e entry) (int64, outcome) {
	fig, c := e.fig, e.cell
	text := strings.TrimSpace(c.Value)

	problem := func(sev Severity, code string, m lang.Msg, args ...any) {
		rd.add(sev, code, e.sheet, c.Col, e.row, fig.Code, msgAboutFigure, fig.Label, m.With(args...))
	}
	bad := func(code string, m lang.Msg, args ...any) (int64, outcome) {
		problem(Error, code, m, args...)
		return 0, refused
	}
	if c.Formula && rd.book.Stale() {
		return bad(CodeStaleFormula, msgStaleFormula)
	}
	if text == "" {
		switch {
		case c.Formula && c.Kind == xlsx.Text:
			problem(Warning, CodeNoValue, msgEmptyFormula)
		case c.Formula:
			problem(Warning, CodeNoValue, msgNoResult)
		}
		return 0, blank
	}
	var d decimal
	numeric := false
	scaledBy := "" // the unit word that already scaled the number: in the text or in the format
	switch c.Kind {
	case xlsx.Bool:
		word := map[string]string{"1": wordTrue, "0": wordFalse}[text]
		if word == "" {
			word = text
		}
		return bad(CodeBoolean, msgBoolean, word)
	case xlsx.Date:
		return bad(CodeDate, msgDate, isoDate(text))
	case xlsx.Error:
		return bad(CodeNotNumber, msgCellError, text)
	case xlsx.Number:
		dd, ok := parseDecimal(text)
		if !ok {
			return bad(CodeNotNumber, msgNumberUnreadable, lang.Printable(text))
		}
		v := dd.float()
		if xlsx.IsDateFormat(c.Format) {
			shown := serialDate(v, rd.book.Date1904())
			return bad(CodeDate, msgDateFormat, shown, dd.in)
		}
		nf := rd.numberFormat(c.Format, v)
		switch {
		case nf.hides && !(v == 0 && nf.literal):
			return bad(CodeNumberFormat, msgFormatHides, c.Format, dd.in)
		case nf.percent:
			return bad(CodePercent, msgPercentFormat, dd.scale(2).in, kindWord(fig))
		case nf.scientific:
			return bad(CodeNumberFormat, msgFormatScientific, c.Format, dd.in)
		case nf.divide > 0 && nf.pow != nf.divide:
			return bad(CodeNumberFormat, msgFormatDivides, c.Format, lang.Number(int64(math.Pow10(nf.divide))), dd.scale(-nf.divide).in, dd.in)
		}
		if nf.pow > 0 {
			shown := dd.scale(-nf.divide)
			if shown.fracDigits() > nf.decimals {
				return bad(CodeNumberFormat, msgFormatRounds, c.Format, shown.in, nf.word)
			}
			if nf.divide == 0 {
				dd = dd.scale(nf.pow)
			}
			scaledBy = nf.word
			if nf.divide == 0 {
				n := dd.float()
				problem(Warning, CodeNumberFormat, msgFormatScales, shown.in, nf.word, c.Format, lang.Number(int64(math.Round(n))), fig.Unit)
			}
		}
		d, numeric = dd, true
	default:
		n, err := ParseNumber(text)
		if err != nil {
			var ne *NumberError
			errors.As(err, &ne)
			code := map[string]string{ReasonAmbiguous: CodeAmbiguous, ReasonQualifier: CodeQualifier, ReasonSpacing: CodeAmbiguous, ReasonInvisible: CodeInvisible}[ne.Reason]
			if code == "" {
				code = CodeNotNumber
			}
			return bad(code, ne.msg(), lang.Printable(ne.Text))
		}
		if n.Percent {
			return bad(CodePercent, msgPercentTyped, lang.Printable(text), kindWord(fig))
		}
		if n.money && fig.Kind != Money {
			return bad(CodeMoney, msgMoney, lang.Printable(text), kindWord(fig))
		}
		d, scaledBy = n.dec, n.word
	}
	if n, out := rd.unitLabel(e, &d, scaledBy); out != counted {
		return n, out
	}
	v := d.float()
	whole := d.whole()
	if numeric && !whole {
		// Excel's floating noise (2345.0000000000005) is the whole number a person sees.
		if r := math.Round(v); math.Abs(v-r) <= 1e-9*math.Max(1, math.Abs(v)) {
			v, whole = r, true
		}
	}
	if !(d.neg && d.digits != "") && v <= 1e15 && whole {
		return int64(math.Round(v)), counted
	}
	shown := lang.Printable(text)
	if numeric {
		shown = showDecimal(lang.Vi, d)
	}
	switch {
	case d.neg && d.digits != "":
		return bad(CodeNegative, msgNegative, shown)
	case v > 1e15:
		return bad(CodeNotNumber, msgTooLargeNumber, shown)
	case !whole && fig.Kind == Money:
		return bad(CodeFraction, msgFractionMoney, shown)
	case !whole:
		return bad(CodeFraction, msgFractionCount, shown)
	}
	return int64(math.Round(v)), counted
}

// unitLabel honours the row's unit label when it scales the number («triệu đồng», «nghìn
// người»), and refuses a label that cannot be the figure's unit or that scales a number already
// scaled. It reports counted when the value may be used.
func (rd *reader) unitLabel(e entry, d *decimal, scaledBy string) (int64, outcome) {
	label := strings.TrimSpace(e.unit.Value)
	if label == "" {
		return 0, counted
	}
	fig := e.fig
	problem := func(sev Severity, m lang.Msg, args ...any) {
		rd.add(sev, CodeUnitLabel, e.sheet, e.cell.Col, e.row, fig.Code, msgAboutFigure, fig.Label, m.With(args...))
	}
	where := cellName(e.unit.Col, e.row)
	lbl := readLabel(label)
	pow := lbl.pow
	if fig.Kind == Money && !lbl.currency && pow == 0 || strings.Contains(label, "%") {
		problem(Error, msgWrongUnit, where, lang.Printable(label), fig.Unit, fig.Unit(lang.Vi))
		return 0, refused
	}
	if pow == 0 {
		return 0, counted
	}
	if scaledBy != "" {
		problem(Error, msgScaledTwice, lang.Printable(strings.TrimSpace(e.cell.Value)), where, lang.Printable(label), fig.Unit(lang.Vi))
		return 0, refused
	}
	before := *d
	*d = d.scale(pow)
	n := int64(math.Round(d.float()))
	problem(Warning, msgUnitScales, where, lang.Printable(label), before.in, lang.Number(n), fig.Unit)

	return 0, counted
}

// numberFormat is parseNumberFormat, remembered for the formats that show every number alike.
func (rd *reader) numberFormat(code string, v float64) numberFormat {
	if strings.ContainsAny(code, ";[") {
		return parseNumberFormat(code, v)
	}
	numberFormats.RLock()
	nf, ok := numberFormats.m[code]
	numberFormats.RUnlock()
	if ok {
		return nf
	}
	nf = parseNumberFormat(code, v)
	numberFormats.Lock()
	if len(numberFormats.m) < 1024 && len(code) <= 256 {
		numberFormats.m[code] = nf
	}
	numberFormats.Unlock()
	return nf
}

// numberFormats remembers what the number formats met so far show (at most 1,024 of them, of at
// most 256 bytes): a folder of returns repeats the same few.
var numberFormats = struct {
	sync.RWMutex
	m map[string]numberFormat
}{m: map[string]numberFormat{}}

// kindWord is what a figure's cell wants: an amount or a count.
func kindWord(f *Figure) lang.Msg {
	if f.Kind == Money {
		return wordAmount
	}
	return wordCount
}

// serialDate is the date a date serial number shows: dd/mm/yyyy.
func serialDate(v float64, date1904 bool) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if v < 0 || v > 2958466 {
		return fmt.Sprint(v)
	}
	return base.AddDate(0, 0, int(math.Floor(v))).Format("02/01/2006")
}

// isoDate writes an ISO date (a t="d" cell) as dd/mm/yyyy.
func isoDate(s string) string {
	if t, err := time.Parse("2006-01-02", s[:min(len(s), 10)]); err == nil {
		return t.Format("02/01/2006")
	}
	return s
}

// in is the decimal as a message argument, written the language's way.
func (d decimal) in(l lang.Lang) string { return showDecimal(l, d) }

// showDecimal writes an exact decimal the way the language writes numbers: 1.234,5 or 1,234.5.
func showDecimal(l lang.Lang, d decimal) string {
	digits, exp := d.digits, d.exp
	if digits == "" {
		return "0"
	}
	if exp > 0 {
		digits += strings.Repeat("0", exp)
		exp = 0
	}
	whole, frac := digits, ""
	if exp < 0 {
		if len(digits) <= -exp {
			digits = strings.Repeat("0", -exp-len(digits)+1) + digits
		}
		whole, frac = digits[:len(digits)+exp], strings.TrimRight(digits[len(digits)+exp:], "0")
	}
	var b strings.Builder
	if d.neg {
		b.WriteByte('-')
	}
	sep, mark := ".", ","
	if l == lang.En {
		sep, mark = ",", "."
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(mark + frac)
	}
	return b.String()
}

// label is what a unit label says: the power of ten it counts in, and whether it names đồng.
type label struct {
	pow      int
	currency bool
}

// labels remembers what each label said: a folder of returns repeats the same few labels.
var labels sync.Map

func readLabel(text string) label {
	if l, ok := labels.Load(text); ok {
		return l.(label)
	}
	_, pow := unitWord(text)
	l := label{pow: pow, currency: currencyLabel(text)}
	if len(text) <= 40 {
		labels.Store(text, l)
	}
	return l
}
