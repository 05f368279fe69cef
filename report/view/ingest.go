package view

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/report"
)

func scopeName(res *pipeline.Result) string {
	if res.Tree == nil || res.Tree.Scope.Unit.Code == "" {
		return ""
	}
	u := res.Tree.Scope.Unit
	if u.Name != "" {
		return u.Name + " (" + u.Code + ")"
	}
	return u.Code
}

// IngestText writes what ingest found for people: one line per file, every problem, who has not
// reported (with a roster), the totals.
func IngestText(w io.Writer, l lang.Lang, v *pipeline.Result) error {
	b := v.Batch
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%d)\n", l.Text("TỆP ĐÃ NHẬN", "FILES RECEIVED"), len(b.Files))
	fmt.Fprintln(tw, l.Text("Trạng thái\tĐơn vị\tKỳ\tVấn đề\tTệp", "Status\tUnit\tPeriod\tProblems\tFile"))
	for _, f := range b.Files {
		unit, period := "-", "-"
		if f.Return != nil {
			unit = f.Return.Unit.Code
			if f.Return.Unit.Name != "" {
				unit += " " + f.Return.Unit.Name
			}
			period = f.Return.Period.String()
		}
		if f.Status == ingest.StatusSkipped {
			unit = "(" + l.Text(f.Reason, f.ReasonEn) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", f.Status.Label(l), unit, period, f.Problems, f.Path)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(v.Problems) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", l.Text("VẤN ĐỀ", "PROBLEMS"), len(v.Problems))
		for _, p := range v.Problems {
			unit := ""
			if p.Unit != "" {
				unit = " [" + l.Text("đơn vị ", "unit ") + p.Unit + "]"
			}
			fmt.Fprintf(w, "%s%s: %s: %s\n", p.Where(), unit, p.Severity.Label(l), p.Message(l))
		}
	}
	if v.Roster != nil && v.Tree != nil {
		if err := completenessText(w, l, v.Tree.Completeness()); err != nil {
			return err
		}
	}
	scope := scopeName(v)
	if scope != "" {
		scope = ", " + scope
	}
	fmt.Fprintf(w, "\n%s\n", l.Text(
		fmt.Sprintf("TỔNG HỢP (%d báo cáo, %s%s)", v.Totals().Units, report.PeriodLabel(l, b.Period()), scope),
		fmt.Sprintf("TOTALS (%d returns, %s%s)", v.Totals().Units, report.PeriodLabel(l, b.Period()), scope)))
	if v.Totals().Units == 0 {
		_, err := fmt.Fprintln(w, l.Text("Không có báo cáo hợp lệ nào để tổng hợp.", "No valid return to add up."))
		return err
	}
	var prev *rollup.Totals
	if v.Previous != nil {
		prev = v.Previous.Scope.Totals
	}
	return totalsText(w, l, v.Totals(), prev)
}

// completenessText lists who was expected, who reported, who is missing and who is late.
func completenessText(w io.Writer, l lang.Lang, c rollup.Completeness) error {
	fmt.Fprintf(w, "\n%s\n", l.Text(
		fmt.Sprintf("TÌNH HÌNH NỘP BÁO CÁO: %d/%d đơn vị đã nộp, %d chưa nộp, %d nộp muộn", len(c.Received), len(c.Expected), len(c.Missing), len(c.Late)),
		fmt.Sprintf("SUBMISSIONS: %d/%d units reported, %d missing, %d late", len(c.Received), len(c.Expected), len(c.Missing), len(c.Late))))
	for _, u := range c.Missing {
		fmt.Fprintf(w, "  %s: %s %s\n", l.Text("chưa nộp", "missing"), u.Code, u.Name)
	}
	for _, u := range c.Late {
		fmt.Fprintf(w, "  %s: %s %s\n", l.Text("nộp muộn", "late"), u.Code, u.Name)
	}
	return nil
}

// totalsText writes every figure with its value, how many units reported it, and, when prev is
// given, the previous value and the change.
func totalsText(w io.Writer, l lang.Lang, t, prev *rollup.Totals) error {
	header := []string{l.Text("Mã", "Code"), l.Text("Chỉ tiêu", "Figure"), l.Text("Giá trị", "Value"), l.Text("Đơn vị tính", "Unit"), l.Text("Báo cáo", "Reported")}
	if prev != nil {
		header = append(header, l.Text("Kỳ trước", "Previous"), l.Text("Thay đổi", "Change"))
	}
	rows := [][]string{header}
	for _, f := range t.Catalogue().All() {
		row := []string{f.Code, f.Label(l), valueText(l, f, t), f.Unit(l), fmt.Sprintf("%d/%d", t.Reported(f), t.Units)}
		if prev != nil {
			p := valueText(l, f, prev)
			if _, ok := prev.Get(f); ok && prev.Estimated {
				p += l.Text(" (ước tính)", " (estimate)")
			}
			row = append(row, p, changeText(l, f, t, prev))
		}
		rows = append(rows, row)
	}
	right := map[int]bool{2: true, 5: true, 6: true}
	widths := make([]int, len(header))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if right[i] {
				b.WriteString(pad + c)
			} else if i < len(row)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

func valueText(l lang.Lang, f *ingest.Figure, t *rollup.Totals) string {
	if v, ok := t.Get(f); ok {
		return f.Format(l, v)
	}
	return lang.NotAvailable(l)
}

// changeText is "+77.086" for counts and amounts, "+1,25 điểm %" for rates.
func changeText(l lang.Lang, f *ingest.Figure, t, prev *rollup.Totals) string {
	v, ok1 := t.Get(f)
	p, ok2 := prev.Get(f)
	if !ok1 || !ok2 {
		return ""
	}
	d := v - p
	sign := "+"
	if d < 0 {
		sign = "-"
	}
	if f.Kind == ingest.Percent {
		return sign + lang.Decimal(l, math.Abs(d)*100, 2) + l.Text(" điểm %", " pts")
	}
	return sign + lang.Int(l, int64(math.Round(math.Abs(d))))
}

// ingestJSON is the schema of `khuyenhoc ingest --format json` (see README, "JSON output").
type ingestJSON struct {
	Schema       string                `json:"schema"`
	Period       string                `json:"period,omitempty"`
	Returns      []fileJSON            `json:"returns"`
	Problems     []problemJSON         `json:"problems"`
	Scope        string                `json:"scope,omitempty"`
	Totals       map[string]figureJSON `json:"totals"`
	Completeness *completenessJSON     `json:"completeness,omitempty"`
}

// fileJSON is one input file.
type fileJSON struct {
	File     string `json:"file"`
	Status   string `json:"status"`
	Unit     string `json:"unit,omitempty"`
	Name     string `json:"name,omitempty"`
	Level    string `json:"level,omitempty"`
	Parent   string `json:"parent,omitempty"`
	Period   string `json:"period,omitempty"`
	Problems int    `json:"problems"`
	Reason   string `json:"reason,omitempty"`
}

// problemJSON is one problem, with its message in the chosen language.
type problemJSON struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Figure   string `json:"figure,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// figureJSON is one figure's total: Value is null when not available. Previous and Change are
// there only with --previous.
type figureJSON struct {
	Value    *float64 `json:"value"`
	Reported int      `json:"reported"`
	Units    int      `json:"units"`
	Previous *float64 `json:"previous,omitempty"`
	Change   *float64 `json:"change,omitempty"`
	// Estimated is set when the previous value is an estimate: last period on this period's map,
	// with shares of split units.
	Estimated bool `json:"estimated,omitempty"`
}

// completenessJSON is who was expected and who reported (with a roster).
type completenessJSON struct {
	Expected []string `json:"expected"`
	Received []string `json:"received"`
	Missing  []string `json:"missing"`
	Late     []string `json:"late"`
}

func codes(us []ingest.Unit) []string {
	out := []string{}
	for _, u := range us {
		out = append(out, u.Code)
	}
	return out
}

// IngestJSONWrite writes the JSON document of ingest.
func IngestJSONWrite(w io.Writer, l lang.Lang, v *pipeline.Result) error {
	b := v.Batch
	doc := ingestJSON{Schema: "khuyenhoc.ingest/v1", Period: b.Period().String(), Returns: []fileJSON{}, Problems: problems(l, v.Problems)}
	for _, f := range b.Files {
		fj := fileJSON{File: f.Path, Status: string(f.Status), Problems: f.Problems, Reason: l.Text(f.Reason, f.ReasonEn)}
		if r := f.Return; r != nil {
			fj.Unit, fj.Name, fj.Level, fj.Parent, fj.Period = r.Unit.Code, r.Unit.Name, r.Unit.Level, r.Unit.Parent, r.Period.String()
		}
		doc.Returns = append(doc.Returns, fj)
	}
	var prev *rollup.Totals
	if v.Previous != nil {
		prev = v.Previous.Scope.Totals
	}
	doc.Totals = totalsJSON(v.Totals(), prev)
	if v.Tree != nil {
		doc.Scope = v.Tree.Scope.Unit.Code
		if v.Roster != nil {
			c := v.Tree.Completeness()
			doc.Completeness = &completenessJSON{Expected: codes(c.Expected), Received: codes(c.Received), Missing: codes(c.Missing), Late: codes(c.Late)}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// problems converts problems for JSON.
func problems(l lang.Lang, ps []ingest.Problem) []problemJSON {
	out := []problemJSON{}
	for _, p := range ps {
		out = append(out, problemJSON{File: p.File, Sheet: p.Sheet, Cell: p.Cell, Unit: p.Unit, Figure: p.Figure,
			Severity: p.Severity.String(), Code: p.Code, Message: p.Message(l)})
	}
	return out
}

// totalsJSON is every figure's total keyed by code (with the previous period's when prev is set).
func totalsJSON(t, prev *rollup.Totals) map[string]figureJSON {
	round := func(f *ingest.Figure, v float64) *float64 {
		if f.Derived() {
			v = math.Round(v*1e6) / 1e6
		}
		return &v
	}
	out := map[string]figureJSON{}
	for _, f := range t.Catalogue().All() {
		fj := figureJSON{Reported: t.Reported(f), Units: t.Units}
		v, ok := t.Get(f)
		if ok {
			fj.Value = round(f, v)
		}
		if prev != nil {
			if p, pok := prev.Get(f); pok {
				fj.Previous, fj.Estimated = round(f, p), prev.Estimated
				if ok {
					fj.Change = round(f, v-p)
				}
			}
		}
		out[f.Code] = fj
	}
	return out
}
