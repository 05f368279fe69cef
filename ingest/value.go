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
					fmt.Sprintf("%s: ô %s nằm ở dòng hoặc cột bị ẩn nên người xem không thấy giá trị «%s»; số này không được tính, hãy bỏ ẩn, kiểm tra rồi gửi lại", fig.Vi, cellName(e.cell.Col, e.row), lang.Printable(e.cell.Value)),
					fmt.Sprintf("%s: cell %s is in a hidden row or column, so no one sees its value «%s»; it is not counted, unhide it, check it and send it again", fig.En, cellName(e.cell.Col, e.row), lang.Printable(e.cell.Value)))
			}
			continue
		}
		for _, e := range hidden {
			rd.add(Warning, CodeHidden, e.sheet, e.cell.Col, e.row, fig.Code,
				fmt.Sprintf("%s: ô %s ở dòng hoặc cột bị ẩn không được đọc; giá trị lấy ở ô %s!%s đang hiện", fig.Vi, cellName(e.cell.Col, e.row), shown[0].sheet, cellName(shown[0].cell.Col, shown[0].row)),
				fmt.Sprintf("%s: cell %s in a hidden row or column is not read; the value is that of the visible cell %s!%s", fig.En, cellName(e.cell.Col, e.row), shown[0].sheet, cellName(shown[0].cell.Col, shown[0].row)))
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
					fmt.Sprintf("mã %s có ở %d dòng (%s) với cùng giá trị; hãy xoá dòng thừa", fig.Code, len(shown), strings.Join(where, ", ")),
					fmt.Sprintf("code %s is on %d rows (%s) with the same value; delete the extra rows", fig.Code, len(shown), strings.Join(where, ", ")))
			} else {
				if len(cells) == 0 {
					cells = where
				}
				rd.add(Error, CodeDuplicateRow, last.sheet, last.cell.Col, last.row, fig.Code,
					fmt.Sprintf("mã %s có ở %d dòng với giá trị khác nhau (%s); không biết số nào đúng nên không tính, hãy để lại một dòng", fig.Code, len(shown), strings.Join(cells, "; ")),
					fmt.Sprintf("code %s is on %d rows with different values (%s); which is right cannot be told, so it is not counted; keep one row", fig.Code, len(shown), strings.Join(cells, "; ")))
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

	problem := func(sev Severity, code, vi, en string) {
		rd.add(sev, code, e.sheet, c.Col, e.row, fig.Code, fig.Vi+": "+vi, fig.En+": "+en)
	}
	bad := func(code, vi, en string) (int64, outcome) {
		problem(Error, code, vi, en)
		return 0, refused
	}
	if c.Formula && rd.book.Stale() {
		return bad(CodeStaleFormula,
			"ô có công thức nhưng tệp được lưu bởi một chương trình không tính công thức (tệp ghi «tính lại khi mở»), nên kết quả lưu trong tệp có thể sai; hãy mở tệp bằng Excel (hoặc LibreOffice rồi nhấn Ctrl+Shift+F9 để tính lại), lưu lại rồi gửi lại",
			"the cell has a formula, but the file was saved by a program that does not calculate (it asks to recalculate on open), so the stored result may be wrong; open it in Excel (or in LibreOffice and press Ctrl+Shift+F9 to recalculate), save it and send it again")
	}
	if text == "" {
		switch {
		case c.Formula && c.Kind == xlsx.Text:
			problem(Warning, CodeNoValue,
				"công thức trong ô cho kết quả rỗng (\"\"), nên ô được coi là chưa báo cáo; nếu số liệu bằng 0, hãy nhập 0",
				"the cell's formula gives an empty result (\"\"), so the cell counts as not reported; if the figure is zero, type 0")
		case c.Formula:
			problem(Warning, CodeNoValue,
				"ô có công thức nhưng chưa có kết quả (tệp được lưu bởi chương trình không tính công thức); hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại — ô này được coi là chưa báo cáo",
				"the cell has a formula but no result (the file was saved by a program that does not calculate); open and save it in Excel or LibreOffice and send it again — the cell counts as not reported")
		}
		return 0, blank
	}
	var d decimal
	numeric := false
	scaledBy := "" // the unit word that already scaled the number: in the text or in the format
	switch c.Kind {
	case xlsx.Bool:
		word := map[string]string{"1": "TRUE (ĐÚNG)", "0": "FALSE (SAI)"}[text]
		if word == "" {
			word = text
		}
		return bad(CodeBoolean,
			fmt.Sprintf("ô chứa giá trị logic %s, không phải số; hãy nhập số", word),
			fmt.Sprintf("the cell holds the logical value %s, not a number; type the number", word))
	case xlsx.Date:
		return bad(CodeDate,
			fmt.Sprintf("ô chứa ngày tháng (%s), không phải số; hãy định dạng ô là Số (Number) và nhập số", isoDate(text)),
			fmt.Sprintf("the cell holds a date (%s), not a number; format the cell as Number and type the number", isoDate(text)))
	case xlsx.Error:
		return bad(CodeNotNumber,
			fmt.Sprintf("ô báo lỗi %s thay vì một số; hãy sửa công thức hoặc nhập số", text),
			fmt.Sprintf("the cell shows the error %s instead of a number; correct the formula or type the number", text))
	case xlsx.Number:
		dd, ok := parseDecimal(text)
		if !ok {
			return bad(CodeNotNumber,
				fmt.Sprintf("«%s» không phải là số; hãy nhập một số", lang.Printable(text)),
				fmt.Sprintf("«%s» is not a number; type a number", lang.Printable(text)))
		}
		v := dd.float()
		if xlsx.IsDateFormat(c.Format) {
			shown := serialDate(v, rd.book.Date1904())
			return bad(CodeDate,
				fmt.Sprintf("ô có định dạng ngày tháng nên hiện %s, không phải số %s; hãy định dạng ô là Số (Number) và nhập lại số", shown, showDecimal(lang.Vi, dd)),
				fmt.Sprintf("the cell has a date format and shows %s, not the number %s; format the cell as Number and type the number again", shown, showDecimal(lang.En, dd)))
		}
		nf := rd.numberFormat(c.Format, v)
		switch {
		case nf.hides && !(v == 0 && nf.literal):
			return bad(CodeNumberFormat,
				fmt.Sprintf("định dạng số của ô («%s») không hiện số %s (ô trông trống hoặc chỉ có chữ); hãy định dạng ô là Số (#,##0)", c.Format, showDecimal(lang.Vi, dd)),
				fmt.Sprintf("the cell's number format («%s») does not show the number %s (the cell looks empty, or shows text); format it as Number (#,##0)", c.Format, showDecimal(lang.En, dd)))
		case nf.percent:
			return bad(CodePercent,
				fmt.Sprintf("ô có định dạng phần trăm nên hiện %s%%, nhưng ô này cần %s; hãy định dạng ô là Số và nhập %s", showDecimal(lang.Vi, dd.scale(2)), kindWord(fig, lang.Vi), kindWord(fig, lang.Vi)),
				fmt.Sprintf("the cell has a percentage format and shows %s%%, but it wants %s; format it as Number and type %s", showDecimal(lang.En, dd.scale(2)), kindWord(fig, lang.En), kindWord(fig, lang.En)))
		case nf.scientific:
			return bad(CodeNumberFormat,
				fmt.Sprintf("ô có định dạng khoa học («%s») nên không hiện đủ các chữ số của %s; hãy định dạng ô là Số", c.Format, showDecimal(lang.Vi, dd)),
				fmt.Sprintf("the cell has a scientific format («%s») that does not show every digit of %s; format it as Number", c.Format, showDecimal(lang.En, dd)))
		case nf.divide > 0 && nf.pow != nf.divide:
			return bad(CodeNumberFormat,
				fmt.Sprintf("định dạng số của ô («%s») hiện giá trị chia cho %s, nên người xem thấy %s chứ không phải %s; hãy định dạng ô là Số (#,##0)", c.Format, lang.Int(lang.Vi, int64(math.Pow10(nf.divide))), showDecimal(lang.Vi, dd.scale(-nf.divide)), showDecimal(lang.Vi, dd)),
				fmt.Sprintf("the cell's number format («%s») shows the value divided by %s, so one sees %s and not %s; format the cell as Number (#,##0)", c.Format, lang.Int(lang.En, int64(math.Pow10(nf.divide))), showDecimal(lang.En, dd.scale(-nf.divide)), showDecimal(lang.En, dd)))
		}
		if nf.pow > 0 {
			shown := dd.scale(-nf.divide)
			if shown.fracDigits() > nf.decimals {
				return bad(CodeNumberFormat,
					fmt.Sprintf("định dạng số của ô («%s») làm tròn khi hiện, nên người xem không thấy đúng số %s %s; hãy định dạng ô là Số và nhập số đồng đầy đủ", c.Format, showDecimal(lang.Vi, shown), nf.word),
					fmt.Sprintf("the cell's number format («%s») rounds what it shows, so one does not see the number %s %s; format it as Number and type the whole amount", c.Format, showDecimal(lang.En, shown), nf.word))
			}
			if nf.divide == 0 {
				dd = dd.scale(nf.pow)
			}
			scaledBy = nf.word
			if nf.divide == 0 {
				n := dd.float()
				problem(Warning, CodeNumberFormat,
					fmt.Sprintf("ô hiện «%s %s» (định dạng số «%s»), nên được tính là %s %s; lần sau hãy nhập số đầy đủ", showDecimal(lang.Vi, shown), nf.word, c.Format, lang.Int(lang.Vi, int64(math.Round(n))), fig.Unit(lang.Vi)),
					fmt.Sprintf("the cell shows «%s %s» (number format «%s»), so it counts as %s %s; next time type the whole number", showDecimal(lang.En, shown), nf.word, c.Format, lang.Int(lang.En, int64(math.Round(n))), fig.Unit(lang.En)))
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
			return bad(code, ne.Message(lang.Vi), ne.Message(lang.En))
		}
		if n.Percent {
			return bad(CodePercent,
				fmt.Sprintf("«%s» là tỷ lệ phần trăm, nhưng ô này cần %s; hãy nhập số lượng, tỷ lệ sẽ được tự tính", lang.Printable(text), kindWord(fig, lang.Vi)),
				fmt.Sprintf("«%s» is a percentage, but this cell wants %s; type the count, rates are computed", lang.Printable(text), kindWord(fig, lang.En)))
		}
		if n.money && fig.Kind != Money {
			return bad(CodeMoney,
				fmt.Sprintf("«%s» là số tiền, nhưng ô này cần %s; hãy nhập số lượng", lang.Printable(text), kindWord(fig, lang.Vi)),
				fmt.Sprintf("«%s» is an amount of money, but this cell wants %s; type the count", lang.Printable(text), kindWord(fig, lang.En)))
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
		return bad(CodeNegative,
			fmt.Sprintf("số âm (%s) không hợp lệ; hãy nhập số không âm", shown),
			fmt.Sprintf("a negative number (%s) is not allowed; type a number of zero or more", shown))
	case v > 1e15:
		return bad(CodeNotNumber,
			fmt.Sprintf("số quá lớn (%s); hãy kiểm tra lại", shown),
			fmt.Sprintf("the number is too large (%s); check it", shown))
	case !whole && fig.Kind == Money:
		return bad(CodeFraction,
			fmt.Sprintf("số tiền phải là số đồng nguyên, không phải %s; hãy nhập số nguyên (không có phần lẻ)", shown),
			fmt.Sprintf("an amount must be a whole number of đồng, not %s; type a whole number", shown))
	case !whole:
		return bad(CodeFraction,
			fmt.Sprintf("số đếm phải là số nguyên, không phải %s; hãy nhập số nguyên", shown),
			fmt.Sprintf("a count must be a whole number, not %s; type a whole number", shown))
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
	problem := func(sev Severity, vi, en string) {
		rd.add(sev, CodeUnitLabel, e.sheet, e.cell.Col, e.row, fig.Code, fig.Vi+": "+vi, fig.En+": "+en)
	}
	where := cellName(e.unit.Col, e.row)
	lbl := readLabel(label)
	pow := lbl.pow
	if fig.Kind == Money && !lbl.currency && pow == 0 || strings.Contains(label, "%") {
		problem(Error,
			fmt.Sprintf("đơn vị tính ở ô %s là «%s», không phải %s; hãy ghi lại đơn vị «%s» như mẫu và nhập số theo đơn vị đó", where, lang.Printable(label), fig.Unit(lang.Vi), fig.Unit(lang.Vi)),
			fmt.Sprintf("the unit in cell %s is «%s», not %s; put back the template's unit «%s» and type the number in it", where, lang.Printable(label), fig.Unit(lang.En), fig.Unit(lang.Vi)))
		return 0, refused
	}
	if pow == 0 {
		return 0, counted
	}
	if scaledBy != "" {
		problem(Error,
			fmt.Sprintf("ô ghi «%s» mà đơn vị tính ở ô %s lại là «%s»: không rõ số này là bao nhiêu; hãy ghi đơn vị «%s» và nhập số đầy đủ", lang.Printable(strings.TrimSpace(e.cell.Value)), where, lang.Printable(label), fig.Unit(lang.Vi)),
			fmt.Sprintf("the cell says «%s» and the unit in cell %s is «%s»: what the number is cannot be told; put back the unit «%s» and type the whole number", lang.Printable(strings.TrimSpace(e.cell.Value)), where, lang.Printable(label), fig.Unit(lang.Vi)))
		return 0, refused
	}
	before := *d
	*d = d.scale(pow)
	n := int64(math.Round(d.float()))
	problem(Warning,
		fmt.Sprintf("đơn vị tính ở ô %s là «%s» nên %s được tính là %s %s; lần sau hãy giữ đơn vị như mẫu", where, lang.Printable(label), showDecimal(lang.Vi, before), lang.Int(lang.Vi, n), fig.Unit(lang.Vi)),
		fmt.Sprintf("the unit in cell %s is «%s», so %s counts as %s %s; keep the template's unit next time", where, lang.Printable(label), showDecimal(lang.En, before), lang.Int(lang.En, n), fig.Unit(lang.En)))

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

func kindWord(f *Figure, l lang.Lang) string {
	if f.Kind == Money {
		return l.Text("số tiền (đồng)", "an amount in đồng")
	}
	return l.Text("số lượng", "a count")
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
