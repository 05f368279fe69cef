package report

import (
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsxwrite"
)

// WriteExcel writes the consolidated report workbook: summary, units, learning models, targets,
// ranking, chart, submissions, problems, and the consolidated return itself (so that ingest reads
// the report as the scope's return). Big sheets are streamed.
func WriteExcel(w io.Writer, res *pipeline.Result, opts Options) error {
	d := &data{res, opts}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxReport{d: d, f: f}
	xlsxwrite.StableZip(f)
	fixImageContentTypes(f)
	if err := x.styles(); err != nil {
		return fmt.Errorf("styles: %w", err)
	}
	steps := []struct {
		name string
		fn   func(string) error
	}{
		{d.text("Tổng hợp", "Summary"), x.summary},
		{d.text("Đơn vị", "Units"), x.units},
		{d.text("Tất cả đơn vị", "All units"), x.allUnits},
		{d.text("Mô hình theo đơn vị", "Models by unit"), x.models},
		{d.text("Chỉ tiêu theo đơn vị", "Targets by unit"), x.targets},
		{d.text("Xếp hạng", "Ranking"), x.ranking},
		{d.text("Biểu đồ", "Chart"), x.chart},
		{d.text("Tình hình nộp", "Submissions"), x.submissions},
		{d.text("Vấn đề", "Problems"), x.problems},
	}
	for i, s := range steps {
		if s.name == d.text("Tất cả đơn vị", "All units") && !d.deep() {
			continue
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		if err := s.fn(s.name); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	r := d.Tree.Consolidated(d.scope().Unit)
	if err := ingest.AddReturnSheets(f, d.Catalogue, r); err != nil {
		return fmt.Errorf("consolidated return: %w", err)
	}
	f.SetActiveSheet(0)
	created := "2024-01-01T00:00:00Z"
	if !d.Date.IsZero() {
		created = d.Date.Format("2006-01-02") + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "khuyenhoc", Title: d.title(), Created: created, Modified: created}); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// fixImageContentTypes lists the image content types in a fixed order before a chart is added:
// excelize adds the ones missing from a map, in random order, which would make two runs of the same
// report differ.
func fixImageContentTypes(f *excelize.File) {
	ct := f.ContentTypes
	if ct == nil || len(ct.Defaults) == 0 {
		return
	}
	for _, ext := range []string{"bmp", "emf", "emz", "gif", "ico", "jpeg", "png", "svg", "tiff", "wmf", "wmz"} {
		prefix := "image/"
		switch ext {
		case "ico", "emf", "wmf", "emz", "wmz":
			prefix = "image/x-"
		}
		entry := ct.Defaults[0]
		entry.Extension, entry.ContentType = ext, prefix+ext
		ct.Defaults = append(ct.Defaults, entry)
	}
}

type xlsxReport struct {
	d      *data
	f      *excelize.File
	counts map[string]rollup.Count // completeness of each unit between the scope and the lowest level
	s      struct{ title, bold, header, text, integer, pct, totalText, totalInt, totalPct, met, missed int }
}

func (x *xlsxReport) styles() error {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold, Color: color}
	}
	intFmt, pctFmt := "#,##0", "0.00%"
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	specs := []struct {
		dst *int
		st  excelize.Style
	}{
		{&x.s.title, excelize.Style{Font: font(true, 14, "")}},
		{&x.s.bold, excelize.Style{Font: font(true, 11, "")}},
		{&x.s.header, excelize.Style{Font: font(true, 11, ""), Fill: fill("D9E1F2"), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&x.s.text, excelize.Style{Font: font(false, 11, ""), Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&x.s.integer, excelize.Style{Font: font(false, 11, ""), Border: border, CustomNumFmt: &intFmt}},
		{&x.s.pct, excelize.Style{Font: font(false, 11, ""), Border: border, CustomNumFmt: &pctFmt}},
		{&x.s.totalText, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2")}},
		{&x.s.totalInt, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2"), CustomNumFmt: &intFmt}},
		{&x.s.totalPct, excelize.Style{Font: font(true, 11, ""), Border: border, Fill: fill("F2F2F2"), CustomNumFmt: &pctFmt}},
		{&x.s.met, excelize.Style{Font: font(true, 11, "1E7B34"), Border: border}},
		{&x.s.missed, excelize.Style{Font: font(true, 11, "C00000"), Border: border}},
	}
	for _, sp := range specs {
		id, err := x.f.NewStyle(&sp.st)
		if err != nil {
			return err
		}
		*sp.dst = id
	}
	return nil
}

// sheet streams rows into one sheet.
type sheet struct {
	sw  *excelize.StreamWriter
	row int
	err error
}

// stream starts a streamed sheet of rows rows and len(widths) columns. The used range is set first:
// readers such as openpyxl's read-only mode read no further than it.
func (x *xlsxReport) stream(name string, rows int, widths ...float64) (*sheet, error) {
	last, _ := excelize.CoordinatesToCellName(max(len(widths), 1), max(rows, 1))
	if err := x.f.SetSheetDimension(name, "A1:"+last); err != nil {
		return nil, err
	}
	if err := xlsxwrite.FitPage(x.f, name, true); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	return &sheet{sw: sw}, nil
}

func (s *sheet) add(cells ...any) {
	s.row++
	if s.err != nil {
		return
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	s.err = s.sw.SetRow(cell, cells)
}

func (s *sheet) freeze(rows, cols int) {
	if s.err != nil || rows+cols == 0 {
		return
	}
	tl, _ := excelize.CoordinatesToCellName(cols+1, rows+1)
	s.err = s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: tl, ActivePane: "bottomRight"})
}

func (s *sheet) flush() error {
	if s.err != nil {
		return s.err
	}
	return s.sw.Flush()
}

func (x *xlsxReport) c(v any, style int) excelize.Cell {
	return excelize.Cell{Value: v, StyleID: style}
}

// value is a figure's cell: a number with the figure's format, or "not available" as text.
func (x *xlsxReport) value(f *ingest.Figure, t *rollup.Totals, total bool) excelize.Cell {
	if t == nil {
		return x.c(nil, x.s.text)
	}
	v, ok := t.Get(f)
	if !ok {
		return x.c(lang.NotAvailable(x.d.Lang), x.s.text)
	}
	return x.number(f, v, total)
}

func (x *xlsxReport) number(f *ingest.Figure, v float64, total bool) excelize.Cell {
	switch {
	case f.Kind == ingest.Percent && total:
		return x.c(round2(v), x.s.totalPct)
	case f.Kind == ingest.Percent:
		return x.c(round2(v), x.s.pct)
	case total:
		return x.c(int64(math.Round(v)), x.s.totalInt)
	}
	return x.c(int64(math.Round(v)), x.s.integer)
}

func (x *xlsxReport) summary(name string) error {
	d := x.d
	s, err := x.stream(name, 7+len(d.Catalogue.All()), 26, 58, 14, 18, 18, 16, 14, 12, 12, 12, 16)
	if err != nil {
		return err
	}
	s.freeze(7, 2)
	c := d.Tree.Completeness()
	s.add(x.c(d.title(), x.s.title))
	s.add(x.c(d.text("Phạm vi", "Scope"), x.s.bold), x.c(d.scopeName(), 0))
	s.add(x.c(d.text("Kỳ báo cáo", "Period"), x.s.bold), x.c(periodLabel(d.Lang, d.period()), 0))
	received := fmt.Sprintf("%d", d.scope().Totals.Units)
	if d.Roster != nil || len(c.Missing) > 0 {
		received, _ = CompletenessLines(d.Lang, d.Tree)
	}
	s.add(x.c(d.text("Báo cáo đã nhận", "Returns received"), x.s.bold), x.c(received, 0))
	if d.Targets != nil {
		s.add(x.c(d.text("Chỉ tiêu", "Targets"), x.s.bold), x.c(d.Targets.Period.Label(d.Lang), 0))
	} else {
		s.add()
	}
	s.add()
	s.add(x.c(d.text("Mã", "Code"), x.s.header), x.c(d.text("Chỉ tiêu", "Figure"), x.s.header), x.c(d.text("Đơn vị tính", "Unit"), x.s.header),
		x.c(d.text("Kỳ này", "This period"), x.s.header), x.c(d.text("Kỳ trước", "Previous"), x.s.header), x.c(d.text("Thay đổi", "Change"), x.s.header),
		x.c(d.text("Mục tiêu", "Target"), x.s.header), x.c(d.text("Kết quả", "Result"), x.s.header),
		x.c(d.text("Đơn vị có số liệu", "Units reporting"), x.s.header), x.c(d.text("Đơn vị dự kiến", "Units expected"), x.s.header),
		x.c(d.text("Thay đổi tính trên", "Change over"), x.s.header))
	t, prev := d.scope().Totals, d.prevTotals()
	changes := rollup.Changes(d.Catalogue, d.Tree, d.Previous)
	for _, f := range d.Catalogue.All() {
		change, over := x.c(nil, x.s.text), x.c(nil, x.s.text)
		if c := changes[f.Code]; prev != nil && c.OK {
			change = x.number(f, c.Diff(), false)
			over = x.c(CoverageText(d.Lang, c.Units, c.Of)+" "+d.text("đơn vị", "units"), x.s.text)
		}
		tgt, verdict := x.c(nil, x.s.text), x.c(nil, x.s.text)
		if r, ok := d.target("", true, f.Code); ok {
			tgt = x.number(f, r.Target.Value, false)
			style := x.s.missed
			if r.Met {
				style = x.s.met
			}
			verdict = x.c(verdictText(d.Lang, r), style)
		}
		s.add(x.c(f.Code, x.s.text), x.c(f.Label(d.Lang), x.s.text), x.c(f.Unit(d.Lang), x.s.text), x.value(f, t, false), x.value(f, prev, false),
			change, tgt, verdict, x.c(t.Reported(f), x.s.integer), x.c(t.Expected, x.s.integer), over)
	}
	return s.flush()
}

func levelLabel(d *data, code string) string {
	if l, ok := d.Catalogue.Level(code); ok {
		return d.Lang.Text(l.Vi, l.En)
	}
	return code
}

// status is a unit's submission status, with how many of the units under it are covered when
// that is not all of them ("tổng hợp từ cấp dưới (2/3 xã)").
func (x *xlsxReport) status(n *rollup.Node) string {
	s := statusText(x.d.Lang, n)
	if x.counts == nil {
		x.counts = map[string]rollup.Count{}
		for _, c := range x.d.Tree.Completeness().Counts {
			x.counts[c.Unit.Code] = c
		}
	}
	if c, ok := x.counts[n.Unit.Code]; ok && c.Covered < c.Expected {
		s += " (" + CoverageText(x.d.Lang, c.Covered, c.Expected) + " " + LevelWord(x.d.Lang, c.Level) + ")"
	}
	return s
}

func statusText(l lang.Lang, n *rollup.Node) string {
	switch {
	case n.Late:
		return l.Text("nộp muộn", "late")
	case n.Received():
		return l.Text("đã nộp", "received")
	case n.HasData():
		return l.Text("tổng hợp từ cấp dưới", "from sub-units")
	}
	return l.Text("chưa nộp", "missing")
}

func (x *xlsxReport) units(name string) error {
	return x.unitTable(name, x.d.scope().Children, true)
}

// allUnits lists every unit of the tree, depth first, when the scope has more than one level below it.
func (x *xlsxReport) allUnits(name string) error {
	var nodes []*rollup.Node
	var walk func(n *rollup.Node)
	walk = func(n *rollup.Node) {
		for _, c := range n.Children {
			nodes = append(nodes, c)
			walk(c)
		}
	}
	walk(x.d.scope())
	return x.unitTable(name, nodes, false)
}

func (d *data) deep() bool {
	for _, c := range d.scope().Children {
		if len(c.Children) > 0 {
			return true
		}
	}
	return false
}

// unitTable writes one row per unit with every reported figure, and the scope's total.
func (x *xlsxReport) unitTable(name string, nodes []*rollup.Node, total bool) error {
	d := x.d
	fs := d.reported(d.Catalogue.All())
	widths := []float64{12, 40, 16, 12, 16}
	for range fs {
		widths = append(widths, 16)
	}
	s, err := x.stream(name, 3+len(nodes), widths...)
	if err != nil {
		return err
	}
	s.freeze(2, 2)
	h := func(v string) excelize.Cell { return x.c(v, x.s.header) }
	codes := []any{h(d.text("Mã", "Code")), h(d.text("Đơn vị", "Unit")), h(d.text("Cấp", "Level")), h(d.text("Cấp trên", "Parent")), h(d.text("Trạng thái", "Status"))}
	labels := []any{h(""), h(""), h(""), h(""), h("")}
	for _, f := range fs {
		codes = append(codes, h(f.Code))
		labels = append(labels, h(f.Label(d.Lang)+" ("+f.Unit(d.Lang)+")"))
	}
	s.add(codes...)
	s.add(labels...)
	row := func(n *rollup.Node, isTotal bool) []any {
		ts := x.s.text
		status := x.status(n)
		label := n.Unit.Name
		if isTotal {
			ts, status, label = x.s.totalText, "", d.text("Tổng cộng", "Total")
		}
		out := []any{x.c(n.Unit.Code, ts), x.c(label, ts), x.c(levelLabel(d, n.Unit.Level), ts), x.c(n.Unit.Parent, ts), x.c(status, ts)}
		for _, f := range fs {
			out = append(out, x.value(f, n.Totals, isTotal))
		}
		return out
	}
	for _, n := range nodes {
		s.add(row(n, false)...)
	}
	if total {
		s.add(row(d.scope(), true)...)
	}
	return s.flush()
}

func (x *xlsxReport) models(name string) error {
	d := x.d
	widths := []float64{12, 36}
	for range d.Catalogue.Models {
		widths = append(widths, 13, 13, 13, 11)
	}
	s, err := x.stream(name, 3+len(d.scope().Children), widths...)
	if err != nil {
		return err
	}
	s.freeze(2, 2)
	top := []any{x.c(d.text("Mã", "Code"), x.s.header), x.c(d.text("Đơn vị", "Unit"), x.s.header)}
	sub := []any{x.c(nil, x.s.header), x.c(nil, x.s.header)}
	for i, g := range d.Catalogue.Models {
		top = append(top, x.c(d.Lang.Text(g.Vi, g.En), x.s.header), x.c(nil, x.s.header), x.c(nil, x.s.header), x.c(nil, x.s.header))
		sub = append(sub, x.c(d.text("Tổng số", "Total"), x.s.header), x.c(d.text("Đăng ký", "Registered"), x.s.header),
			x.c(d.text("Công nhận", "Recognised"), x.s.header), x.c(d.text("Tỉ lệ", "Rate"), x.s.header))
		from, _ := excelize.CoordinatesToCellName(3+4*i, 1)
		to, _ := excelize.CoordinatesToCellName(6+4*i, 1)
		if err := s.sw.MergeCell(from, to); err != nil {
			return err
		}
	}
	s.add(top...)
	s.add(sub...)
	row := func(n *rollup.Node, label string, total bool) []any {
		st := x.s.text
		if total {
			st = x.s.totalText
		}
		out := []any{x.c(n.Unit.Code, st), x.c(label, st)}
		for _, g := range d.Catalogue.Models {
			for _, p := range g.Parts {
				out = append(out, x.value(p, n.Totals, total))
			}
			out = append(out, x.value(d.figure(g.Code+".ty_le"), n.Totals, total))
		}
		return out
	}
	for _, n := range d.scope().Children {
		s.add(row(n, n.Unit.Name, false)...)
	}
	s.add(row(d.scope(), d.text("Tổng cộng", "Total"), true)...)
	return s.flush()
}

func (x *xlsxReport) targets(name string) error {
	d := x.d
	s, err := x.stream(name, 2+len(d.Results), 12, 36, 22, 50, 14, 14, 16, 14)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	s.add(x.c(d.text("Mã", "Code"), x.s.header), x.c(d.text("Đơn vị", "Unit"), x.s.header), x.c(d.text("Mã chỉ tiêu", "Figure code"), x.s.header),
		x.c(d.text("Chỉ tiêu", "Figure"), x.s.header), x.c(d.text("Thực hiện", "Actual"), x.s.header), x.c(d.text("Mục tiêu", "Target"), x.s.header),
		x.c(d.text("Chênh lệch", "Gap"), x.s.header), x.c(d.text("Kết quả", "Result"), x.s.header))
	if d.Targets == nil {
		s.add(x.c(d.text("Không có tệp chỉ tiêu (--targets).", "No targets file (--targets)."), 0))
	}
	for _, r := range d.Results {
		f := r.Target.Figure
		actual, gap := x.c(lang.NotAvailable(d.Lang), x.s.text), x.c(nil, x.s.text)
		if r.Available {
			actual, gap = x.number(f, r.Actual, false), x.number(f, r.Gap, false)
		}
		style := x.s.missed
		if r.Met {
			style = x.s.met
		}
		name := r.Unit.Name
		if name == "" {
			name = d.scopeName()
		}
		s.add(x.c(r.Unit.Code, x.s.text), x.c(name, x.s.text), x.c(f.Code, x.s.text), x.c(f.Label(d.Lang), x.s.text),
			actual, x.number(f, r.Target.Value, false), gap, x.c(verdictText(d.Lang, r), style))
	}
	return s.flush()
}

func (x *xlsxReport) ranking(name string) error {
	d := x.d
	fs := d.reported(d.rankingFigures())
	widths := []float64{12, 36}
	for range fs {
		widths = append(widths, 16, 8)
	}
	s, err := x.stream(name, 1+len(d.scope().Children), widths...)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	head := []any{x.c(d.text("Mã", "Code"), x.s.header), x.c(d.text("Đơn vị", "Unit"), x.s.header)}
	for _, f := range fs {
		head = append(head, x.c(f.Label(d.Lang), x.s.header), x.c(d.text("Hạng", "Rank"), x.s.header))
	}
	s.add(head...)
	if len(fs) == 0 {
		return s.flush()
	}
	ranks := make([]map[string]int, len(fs))
	for i, f := range fs {
		ranks[i] = map[string]int{}
		for pos, r := range d.ranked(f) {
			ranks[i][r.node.Unit.Code] = pos + 1
		}
	}
	order := d.ranked(fs[0])
	seen := map[string]bool{}
	var nodes []*rollup.Node
	for _, r := range order {
		nodes = append(nodes, r.node)
		seen[r.node.Unit.Code] = true
	}
	for _, n := range d.scope().Children {
		if !seen[n.Unit.Code] {
			nodes = append(nodes, n)
		}
	}
	for _, n := range nodes {
		row := []any{x.c(n.Unit.Code, x.s.text), x.c(n.Unit.Name, x.s.text)}
		for i, f := range fs {
			rank := x.c(nil, x.s.text)
			if p, ok := ranks[i][n.Unit.Code]; ok {
				rank = x.c(p, x.s.integer)
			}
			row = append(row, x.value(f, n.Totals, false), rank)
		}
		s.add(row...)
	}
	return s.flush()
}

// chartFigure is the rate the chart shows: the first rate with a target, else members per population.
func (d *data) chartFigure() *ingest.Figure {
	for _, r := range d.Results {
		if r.Target.Figure.Code == "hoi_vien.ty_le" {
			return r.Target.Figure
		}
	}
	for _, r := range d.Results {
		if r.Target.Figure.Kind == ingest.Percent {
			return r.Target.Figure
		}
	}
	return d.figure("hoi_vien.ty_le")
}

func (x *xlsxReport) chart(name string) error {
	d := x.d
	f := d.chartFigure()
	if err := x.f.SetColWidth(name, "A", "A", 30); err != nil {
		return err
	}
	if err := x.f.SetColWidth(name, "B", "C", 14); err != nil {
		return err
	}
	set := func(cell string, v any, style int) error {
		if err := x.f.SetCellValue(name, cell, v); err != nil {
			return err
		}
		return x.f.SetCellStyle(name, cell, cell, style)
	}
	if err := set("A1", d.text("Đơn vị", "Unit"), x.s.header); err != nil {
		return err
	}
	if err := set("B1", f.Label(d.Lang), x.s.header); err != nil {
		return err
	}
	if err := set("C1", d.text("Mục tiêu", "Target"), x.s.header); err != nil {
		return err
	}
	row := 1
	for _, n := range d.scope().Children {
		v, ok := n.Totals.Get(f)
		if !ok {
			continue
		}
		row++
		if err := set(fmt.Sprintf("A%d", row), d.Tree.Name(n.Unit), x.s.text); err != nil {
			return err
		}
		if err := set(fmt.Sprintf("B%d", row), round2(v), x.s.pct); err != nil {
			return err
		}
		tr, ok := d.target(n.Unit.Code, false, f.Code)
		if !ok {
			tr, ok = d.target("", true, f.Code)
		}
		if ok {
			if err := set(fmt.Sprintf("C%d", row), tr.Target.Value, x.s.pct); err != nil {
				return err
			}
		}
	}
	if row == 1 {
		return set("A2", d.text("Không có số liệu để vẽ biểu đồ.", "No figures to chart."), 0)
	}
	if err := x.f.SetSheetDimension(name, fmt.Sprintf("A1:C%d", row)); err != nil {
		return err
	}
	if err := xlsxwrite.FitPage(x.f, name, true); err != nil {
		return err
	}
	series := []excelize.ChartSeries{{
		Name: fmt.Sprintf("'%s'!$B$1", name), Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", name, row), Values: fmt.Sprintf("'%s'!$B$2:$B$%d", name, row),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}},
	}}
	if len(d.Results) > 0 {
		series = append(series, excelize.ChartSeries{
			Name: fmt.Sprintf("'%s'!$C$1", name), Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", name, row), Values: fmt.Sprintf("'%s'!$C$2:$C$%d", name, row),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C55A11"}},
		})
	}
	return x.f.AddChart(name, "E2", &excelize.Chart{
		Type:   excelize.Bar,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: f.Label(d.Lang) + d.text(" theo đơn vị", " by unit")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{
			Width: 720, Height: uint(max(320, 28*row)),
		},
		YAxis: excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
	})
}

// DisplayUnit is the unit's short name (the place), or its code.
func DisplayUnit(u ingest.Unit) string { return rollup.DisplayName(u) }

func (x *xlsxReport) submissions(name string) error {
	d := x.d
	c := d.Tree.Completeness()
	blanks := d.Tree.Blanks()
	s, err := x.stream(name, 2+len(d.scope().Children)+len(d.Batch.Files)+len(c.Counts)+len(c.Missing)+len(blanks), 12, 40, 22, 60, 16, 10)
	if err != nil {
		return err
	}
	s.freeze(1, 2)
	s.add(x.c(d.text("Mã", "Code"), x.s.header), x.c(d.text("Đơn vị", "Unit"), x.s.header), x.c(d.text("Trạng thái", "Status"), x.s.header),
		x.c(d.text("Tệp", "File"), x.s.header), x.c(d.text("Ngày báo cáo", "Report date"), x.s.header), x.c(d.text("Vấn đề", "Problems"), x.s.header))
	problems := map[string]int{}
	for _, f := range d.Batch.Files {
		problems[f.Path] = f.Problems
	}
	for _, n := range d.scope().Children {
		file, date, count := "", "", x.c(nil, x.s.text)
		if n.Return != nil {
			file, date, count = n.Return.File, n.Return.ReportDate, x.c(problems[n.Return.File], x.s.integer)
		}
		s.add(x.c(n.Unit.Code, x.s.text), x.c(n.Unit.Name, x.s.text), x.c(x.status(n), x.s.text), x.c(file, x.s.text), x.c(date, x.s.text), count)
	}
	if len(c.Counts)+len(c.Missing) > 0 {
		s.add()
	}
	for _, n := range c.Counts {
		s.add(x.c(n.Unit.Code, x.s.text), x.c(d.Tree.FullName(n.Unit), x.s.text),
			x.c(CoverageText(d.Lang, n.Covered, n.Expected)+" "+LevelWord(d.Lang, n.Level), x.s.text))
	}
	for _, m := range c.Missing {
		s.add(x.c(m.Unit.Code, x.s.text), x.c(WithParent(d.Tree, m.Unit, m.Parent), x.s.text), x.c(d.text("chưa nộp", "missing"), x.s.text))
	}
	// Figures that some units left blank (or had refused): the figure, and who.
	for _, b := range blanks {
		var names []string
		for _, u := range b.Units {
			names = append(names, d.Tree.FullName(u.Unit))
		}
		s.add(x.c(b.Figure.Code, x.s.text), x.c(b.Figure.Label(d.Lang), x.s.text), x.c(d.text("để trống hoặc bị từ chối", "blank or refused"), x.s.text),
			x.c(NameList(d.Lang, names), x.s.text))
	}
	for _, f := range d.Batch.Files {
		if f.Status == ingest.StatusRejected || f.Status == ingest.StatusSkipped {
			s.add(x.c("", x.s.text), x.c("", x.s.text), x.c(f.Status.Label(d.Lang), x.s.text), x.c(f.Path, x.s.text), x.c("", x.s.text), x.c(f.Problems, x.s.integer))
		}
	}
	return s.flush()
}

func (x *xlsxReport) problems(name string) error {
	d := x.d
	s, err := x.stream(name, 2+len(d.Problems), 44, 18, 8, 10, 10, 16, 100)
	if err != nil {
		return err
	}
	s.freeze(1, 0)
	s.add(x.c(d.text("Tệp", "File"), x.s.header), x.c(d.text("Trang", "Sheet"), x.s.header), x.c(d.text("Ô", "Cell"), x.s.header),
		x.c(d.text("Đơn vị", "Unit"), x.s.header), x.c(d.text("Mức", "Severity"), x.s.header), x.c(d.text("Mã lỗi", "Code"), x.s.header), x.c(d.text("Nội dung", "Message"), x.s.header))
	if len(d.Problems) == 0 {
		s.add(x.c(d.text("Không có vấn đề nào.", "No problems found."), 0))
	}
	for _, p := range d.Problems {
		s.add(x.c(p.File, x.s.text), x.c(p.Sheet, x.s.text), x.c(p.Cell, x.s.text), x.c(p.Unit, x.s.text),
			x.c(p.Severity.Label(d.Lang), x.s.text), x.c(p.Code, x.s.text), x.c(p.Message(d.Lang), x.s.text))
	}
	return s.flush()
}

// title is the report's title: "Báo cáo tổng hợp … 6 tháng đầu năm 2024 — Cụm thi đua số 6".
func (d *data) title() string {
	scope := d.scopeName()
	if d.Title != "" {
		scope = d.Title
	}
	return d.text("Báo cáo tổng hợp kết quả công tác khuyến học, khuyến tài, xây dựng xã hội học tập ",
		"Consolidated report on promoting learning and building a learning society, ") + periodLabel(d.Lang, d.period()) + " — " + scope
}
