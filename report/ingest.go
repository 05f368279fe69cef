package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// IngestText writes what ingest found for people: one line per file, every problem, the totals.
func IngestText(w io.Writer, l ingest.Lang, b *ingest.Batch, t *ingest.Totals) error {
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
	if len(b.Problems) > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", l.Text("VẤN ĐỀ", "PROBLEMS"), len(b.Problems))
		for _, p := range b.Problems {
			unit := ""
			if p.Unit != "" {
				unit = " [" + l.Text("đơn vị ", "unit ") + p.Unit + "]"
			}
			fmt.Fprintf(w, "%s%s: %s: %s\n", p.Where(), unit, p.Severity.Label(l), p.Message(l))
		}
	}
	fmt.Fprintf(w, "\n%s\n", l.Text(
		fmt.Sprintf("TỔNG HỢP (%d báo cáo, %s)", t.Units, periodLabel(l, b.Period())),
		fmt.Sprintf("TOTALS (%d returns, %s)", t.Units, periodLabel(l, b.Period()))))
	return TotalsText(w, l, t)
}

func periodLabel(l ingest.Lang, p ingest.Period) string {
	if p.IsZero() {
		return l.Text("nhiều kỳ", "several periods")
	}
	return p.Label(l)
}

// TotalsText writes every figure with its value and how many units reported it.
func TotalsText(w io.Writer, l ingest.Lang, t *ingest.Totals) error {
	type line struct{ code, label, value, unit, reported string }
	lines := []line{{"", "", "", "", ""}}
	width := len([]rune(l.Text("Giá trị", "Value")))
	for _, f := range t.Catalogue().All() {
		v, ok := t.Get(f)
		val := NotAvailable(l)
		if ok {
			val = Value(l, f, v)
		}
		width = max(width, len([]rune(val)))
		lines = append(lines, line{f.Code, f.Label(l), val, f.Unit(l), fmt.Sprintf("%d/%d", t.Reported(f), t.Units)})
	}
	lines[0] = line{l.Text("Mã", "Code"), l.Text("Chỉ tiêu", "Figure"), l.Text("Giá trị", "Value"), l.Text("Đơn vị tính", "Unit"), l.Text("Báo cáo", "Reported")}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, ln := range lines {
		pad := strings.Repeat(" ", width-len([]rune(ln.value)))
		fmt.Fprintf(tw, "%s\t%s\t%s%s\t%s\t%s\n", ln.code, ln.label, pad, ln.value, ln.unit, ln.reported)
	}
	return tw.Flush()
}

// IngestJSON is the schema of `khuyenhoc ingest --format json` (see README, "JSON output").
type IngestJSON struct {
	Schema   string                `json:"schema"`
	Period   string                `json:"period,omitempty"`
	Returns  []FileJSON            `json:"returns"`
	Problems []ProblemJSON         `json:"problems"`
	Totals   map[string]FigureJSON `json:"totals"`
}

// FileJSON is one input file.
type FileJSON struct {
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

// ProblemJSON is one problem, with its message in the chosen language.
type ProblemJSON struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Figure   string `json:"figure,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// FigureJSON is one figure's total: Value is null when not available.
type FigureJSON struct {
	Value    *float64 `json:"value"`
	Reported int      `json:"reported"`
	Units    int      `json:"units"`
}

// IngestJSONWrite writes the JSON document of ingest.
func IngestJSONWrite(w io.Writer, l ingest.Lang, b *ingest.Batch, t *ingest.Totals) error {
	doc := IngestJSON{Schema: "khuyenhoc.ingest/v1", Period: b.Period().String(), Returns: []FileJSON{}, Problems: Problems(l, b.Problems)}
	for _, f := range b.Files {
		fj := FileJSON{File: f.Path, Status: string(f.Status), Problems: f.Problems, Reason: l.Text(f.Reason, f.ReasonEn)}
		if r := f.Return; r != nil {
			fj.Unit, fj.Name, fj.Level, fj.Parent, fj.Period = r.Unit.Code, r.Unit.Name, r.Unit.Level, r.Unit.Parent, r.Period.String()
		}
		doc.Returns = append(doc.Returns, fj)
	}
	doc.Totals = TotalsJSON(t)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// Problems converts problems for JSON.
func Problems(l ingest.Lang, ps []ingest.Problem) []ProblemJSON {
	out := []ProblemJSON{}
	for _, p := range ps {
		out = append(out, ProblemJSON{File: p.File, Sheet: p.Sheet, Cell: p.Cell, Unit: p.Unit, Figure: p.Figure,
			Severity: p.Severity.String(), Code: p.Code, Message: p.Message(l)})
	}
	return out
}

// TotalsJSON is every figure's total keyed by code.
func TotalsJSON(t *ingest.Totals) map[string]FigureJSON {
	out := map[string]FigureJSON{}
	for _, f := range t.Catalogue().All() {
		fj := FigureJSON{Reported: t.Reported(f), Units: t.Units}
		if v, ok := t.Get(f); ok {
			if f.Derived() {
				v = math.Round(v*1e6) / 1e6
			}
			fj.Value = &v
		}
		out[f.Code] = fj
	}
	return out
}
