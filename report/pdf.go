package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/pipeline"
	"github.com/khuyenhoc/khuyenhoc/ingest/rollup"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

const (
	fontFamily = "LiberationSerif"
	lineH      = 6.2 // mm per line of body text
	bodySize   = 13
)

// WritePDF writes the A4 report in the layout of a Vietnamese administrative report: association
// and number top left, national motto top right, place and date, title, sections written as
// sentences from the figures, tables, a chart of achievement against targets, the ranking, who has
// not reported, page numbers, and an appendix table per unit. Fonts are embedded.
func WritePDF(w io.Writer, res *pipeline.Result, opts Options) error {
	d := &data{res, opts}
	p := &pdfReport{d: d, pdf: fpdf.New("P", "mm", "A4", "")}
	pdf := p.pdf
	pdf.AddUTF8FontFromBytes(fontFamily, "", liberationserifregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", liberationserifbold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", liberationserifitalic.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "BI", liberationserifbolditalic.TTF)
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if !d.Date.IsZero() {
		stamp = d.Date
	}
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(d.title(), true)
	pdf.SetAuthor(p.org(), true)
	pdf.SetCreator("khuyenhoc", true)
	pdf.SetMargins(25, 18, 18)
	pdf.SetAutoPageBreak(true, 18)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-13)
		pdf.SetFont(fontFamily, "I", 10)
		pdf.CellFormat(0, 6, fmt.Sprintf("%s %d/{nb}", d.text("Trang", "Page"), pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p.heading()
	p.organisation()
	p.funds()
	p.models()
	p.targets()
	p.ranking()
	p.submissions()
	p.signature()
	p.appendix()
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

type pdfReport struct {
	d       *data
	pdf     *fpdf.Fpdf
	section int
}

func (p *pdfReport) org() string {
	if p.d.Org != "" {
		return p.d.Org
	}
	return p.d.scopeName()
}

func (p *pdfReport) font(style string, size float64) { p.pdf.SetFont(fontFamily, style, size) }

func (p *pdfReport) heading() {
	d, pdf := p.d, p.pdf
	left, _, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	colL, colR := width*0.45, width*0.55
	top := pdf.GetY()
	p.font("B", 11)
	pdf.SetXY(left, top)
	pdf.MultiCell(colL, 5.5, strings.ToUpper(p.org()), "", "C", false)
	yL := pdf.GetY()
	pdf.Line(left+colL*0.3, yL+0.8, left+colL*0.7, yL+0.8)
	p.font("", 12)
	number := d.Number
	if number == "" {
		number = "      /BC-KH"
	}
	pdf.SetXY(left, yL+2)
	pdf.CellFormat(colL, 6, d.text("Số: ", "No.: ")+number, "", 2, "C", false, 0, "")
	yL = pdf.GetY()

	pdf.SetXY(left+colL, top)
	if d.Lang == lang.En {
		p.font("B", 11)
		pdf.CellFormat(colR, 5.5, "SOCIALIST REPUBLIC OF VIETNAM", "", 2, "C", false, 0, "")
		p.font("B", 12)
		pdf.SetX(left + colL)
		pdf.CellFormat(colR, 6, "Independence - Freedom - Happiness", "", 2, "C", false, 0, "")
	} else {
		p.font("B", 12)
		pdf.CellFormat(colR, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", 2, "C", false, 0, "")
		p.font("B", 13)
		pdf.SetX(left + colL)
		pdf.CellFormat(colR, 6, "Độc lập - Tự do - Hạnh phúc", "", 2, "C", false, 0, "")
	}
	yR := pdf.GetY()
	mid := left + colL + colR/2
	pdf.Line(mid-27, yR+0.5, mid+27, yR+0.5)
	pdf.SetXY(left+colL, yR+3)
	p.font("I", 12)
	pdf.CellFormat(colR, 6, p.placeDate(), "", 2, "C", false, 0, "")
	pdf.SetY(math.Max(yL, pdf.GetY()) + 8)

	p.font("B", 14)
	pdf.CellFormat(0, 7, d.text("BÁO CÁO", "REPORT"), "", 1, "C", false, 0, "")
	p.font("B", 13)
	pdf.MultiCell(0, 6.5, d.text("Tổng hợp kết quả công tác khuyến học, khuyến tài, xây dựng xã hội học tập",
		"Results of promoting learning and talent and building a learning society"), "", "C", false)
	pdf.MultiCell(0, 6.5, upperFirst(periodLabel(d.Lang, d.period())), "", "C", false)
	scope := d.scopeName()
	if d.Title != "" {
		scope = d.Title
	}
	pdf.MultiCell(0, 6.5, scope, "", "C", false)
	y := pdf.GetY() + 1
	pdf.Line(pageW/2-20, y, pageW/2+20, y)
	pdf.Ln(6)
}

func (p *pdfReport) placeDate() string {
	d := p.d
	if d.Date.IsZero() {
		if d.Lang == lang.En {
			return strings.TrimSpace(d.Place + ", date ...")
		}
		return strings.TrimPrefix(d.Place+", ngày ... tháng ... năm ...", ", ")
	}
	place := ""
	if d.Place != "" {
		place = d.Place + ", "
	}
	if d.Lang == lang.En {
		return place + d.Date.Format("2 January 2006")
	}
	month := fmt.Sprint(int(d.Date.Month()))
	if d.Date.Month() < 3 {
		month = fmt.Sprintf("%02d", int(d.Date.Month()))
	}
	return fmt.Sprintf("%sngày %02d tháng %s năm %d", place, d.Date.Day(), month, d.Date.Year())
}

var roman = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

func (p *pdfReport) heading2(vi, en string) {
	p.pdf.Ln(2)
	p.font("B", bodySize)
	p.pdf.MultiCell(0, lineH+0.6, roman[p.section]+". "+p.d.text(vi, en), "", "L", false)
	p.section++
	p.pdf.Ln(1)
}

func (p *pdfReport) para(text string) {
	if text == "" {
		return
	}
	p.font("", bodySize)
	p.pdf.SetX(p.leftMargin())
	p.pdf.MultiCell(0, lineH, text, "", "J", false)
	p.pdf.Ln(1)
}

func (p *pdfReport) leftMargin() float64 {
	l, _, _, _ := p.pdf.GetMargins()
	return l
}

// get is the scope's (or a node's) value of a figure.
func (p *pdfReport) get(n *rollup.Node, code string) (float64, bool) {
	if n == nil {
		return 0, false
	}
	return n.Totals.Lookup(code)
}

func (p *pdfReport) num(code string, v float64) string {
	return p.d.figure(code).Format(p.d.Lang, v)
}

// change is ", so với năm 2023 tăng 77.086 hội viên" (empty without a previous value).
func (p *pdfReport) change(code, unit string, money bool) string {
	d := p.d
	cur, ok1 := p.get(d.scope(), code)
	prev, ok2 := p.get(d.prevNode(d.scope().Unit.Code), code)
	if !ok1 || !ok2 || d.Previous == nil {
		return ""
	}
	pp := d.text("kỳ trước", "the previous period")
	if !d.Previous.Period.IsZero() {
		pp = d.Previous.Period.Label(d.Lang)
	}
	diff := cur - prev
	if diff == 0 {
		return d.text(", không đổi so với "+pp, ", unchanged since "+pp)
	}
	word := d.text("tăng", "up")
	if diff < 0 {
		word = d.text("giảm", "down")
	}
	amount := lang.Int(d.Lang, int64(math.Abs(diff)))
	if money {
		amount = lang.Money(d.Lang, math.Abs(diff))
	} else if unit != "" {
		amount += " " + unit
	}
	return d.text(fmt.Sprintf(", so với %s %s %s", pp, word, amount), fmt.Sprintf(", %s %s on %s", word, amount, pp))
}

func (p *pdfReport) organisation() {
	d := p.d
	s := d.scope()
	p.heading2("TỔ CHỨC HỘI VÀ HỘI VIÊN", "ORGANISATION AND MEMBERS")
	var parts []string
	for _, x := range []struct{ code, vi, en string }{
		{"hoi_co_so", "Hội Khuyến học cơ sở", "grassroots associations"},
		{"chi_hoi", "chi hội khuyến học", "branches"},
		{"ban_khuyen_hoc", "ban khuyến học", "boards"},
	} {
		if v, ok := p.get(s, x.code); ok {
			parts = append(parts, d.text(x.vi+": "+p.num(x.code, v), p.num(x.code, v)+" "+x.en))
		}
	}
	if len(parts) > 0 {
		text := d.text("Tổng số "+strings.Join(parts, "; ")+p.change("chi_hoi", "chi hội", false)+".",
			"There are "+strings.Join(parts, ", ")+p.change("chi_hoi", "branches", false)+".")
		if d.Lang == lang.Vi {
			text = strings.Replace(text, "Tổng số Hội Khuyến học cơ sở:", "Tổng số Hội Khuyến học cơ sở hiện có:", 1)
		}
		p.para(text)
	}
	for _, g := range d.Catalogue.Coverage {
		tot, ok1 := p.get(s, g.Code+".tong")
		has, ok2 := p.get(s, g.Code+".co_hoi")
		if ok1 && ok2 && tot > 0 {
			p.para(d.text(fmt.Sprintf("%s/%s %s có tổ chức hội (%s).", lang.Int(d.Lang, int64(has)), lang.Int(d.Lang, int64(tot)), lower(g.Vi), lang.Percent(d.Lang, has/tot)),
				fmt.Sprintf("%s of %s %s have an association (%s).", lang.Int(d.Lang, int64(has)), lang.Int(d.Lang, int64(tot)), lower(g.En), lang.Percent(d.Lang, has/tot))))
		}
	}
	if m, ok := p.get(s, "hoi_vien"); ok {
		text := d.text(fmt.Sprintf("Tổng số hội viên hiện có là %s hội viên%s", p.num("hoi_vien", m), p.change("hoi_vien", "hội viên", false)),
			fmt.Sprintf("There are %s members%s", p.num("hoi_vien", m), p.change("hoi_vien", "members", false)))
		if r, ok := p.get(s, "hoi_vien.ty_le"); ok {
			text += d.text("; tỉ lệ hội viên/dân số đạt "+lang.Percent(d.Lang, r), "; they are "+lang.Percent(d.Lang, r)+" of the population")
		}
		p.para(text + ".")
	}
	if n, ok := p.get(s, "hoi_vien_moi"); ok {
		p.para(d.text("Trong kỳ kết nạp "+p.num("hoi_vien_moi", n)+" hội viên mới.", p.num("hoi_vien_moi", n)+" new members joined this period."))
	}
	if rate, ok := p.get(s, "hoi_vien.ty_le"); ok {
		var high []string
		for _, r := range d.ranked(d.figure("hoi_vien.ty_le")) {
			if r.value > rate && len(high) < 5 {
				high = append(high, fmt.Sprintf("%s (%s)", DisplayUnit(r.node.Unit), lang.Percent(d.Lang, r.value)))
			}
		}
		if len(high) > 0 {
			p.para(d.text("Những đơn vị có tỉ lệ hội viên cao: ", "Units with the most members per population: ") + strings.Join(high, ", ") + ".")
		}
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func lower(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

func (p *pdfReport) funds() {
	d := p.d
	s := d.scope()
	var lines []string
	if v, ok := p.get(s, "quy.so_du"); ok {
		text := d.text("Tổng quỹ khuyến học đạt "+lang.Money(d.Lang, v)+p.change("quy.so_du", "", true),
			"The fund stands at "+lang.Money(d.Lang, v)+p.change("quy.so_du", "", true))
		if pp, ok := p.get(s, "quy.binh_quan"); ok {
			text += d.text(", bình quân đạt "+lang.Int(d.Lang, int64(math.Round(pp)))+" đồng/người dân", ", "+lang.Int(d.Lang, int64(math.Round(pp)))+" đồng per person")
		}
		lines = append(lines, text+".")
	}
	if v, ok := p.get(s, "quy.van_dong"); ok {
		lines = append(lines, d.text("Trong kỳ đã vận động được "+lang.Money(d.Lang, v)+".", "This period "+lang.Money(d.Lang, v)+" was raised."))
	}
	var grants []string
	for _, x := range []struct{ code, vi, en string }{
		{"hoc_bong", "suất học bổng", "scholarships"},
		{"khen_thuong", "suất khen thưởng", "awards"},
		{"ho_tro", "suất hỗ trợ khác (quà, xe đạp, trợ cấp khó khăn)", "other grants (gifts, bicycles, hardship)"},
	} {
		n, ok := p.get(s, x.code+".suat")
		if !ok {
			continue
		}
		g := lang.Int(d.Lang, int64(n)) + " " + d.text(x.vi, x.en)
		if m, ok := p.get(s, x.code+".tien"); ok {
			g += d.text(" trị giá ", " worth ") + lang.Money(d.Lang, m)
		}
		grants = append(grants, g)
	}
	if len(grants) > 0 {
		lines = append(lines, d.text("Đã trao ", "Awarded ")+strings.Join(grants, "; ")+".")
	}
	if v, ok := p.get(s, "tthtcd"); ok {
		lines = append(lines, d.text("Toàn địa bàn có "+p.num("tthtcd", v)+" trung tâm học tập cộng đồng.", "There are "+p.num("tthtcd", v)+" community learning centres."))
	}
	if v, ok := p.get(s, "chuong_trinh_phoi_hop"); ok {
		var by []string
		for _, r := range d.ranked(d.figure("chuong_trinh_phoi_hop")) {
			by = append(by, fmt.Sprintf("%s (%s)", DisplayUnit(r.node.Unit), lang.Int(d.Lang, int64(r.value))))
		}
		text := d.text("Các đơn vị đã ký kết "+p.num("chuong_trinh_phoi_hop", v)+" chương trình phối hợp với các sở, ngành, tổ chức",
			p.num("chuong_trinh_phoi_hop", v)+" cooperation agreements were signed")
		if len(by) > 1 && len(by) <= 15 {
			text += ": " + strings.Join(by, ", ")
		}
		lines = append(lines, text+".")
	}
	if len(lines) == 0 {
		return
	}
	p.heading2("QUỸ KHUYẾN HỌC, HỌC BỔNG VÀ HỖ TRỢ", "FUNDS, SCHOLARSHIPS AND SUPPORT")
	for _, l := range lines {
		p.para(l)
	}
}

func (p *pdfReport) models() {
	d := p.d
	s := d.scope()
	var rows [][]string
	var lines []string
	for _, g := range d.Catalogue.Models {
		tong, okT := p.get(s, g.Code+".tong")
		dk, okD := p.get(s, g.Code+".dang_ky")
		cn, okC := p.get(s, g.Code+".cong_nhan")
		if !okT && !okD && !okC {
			continue
		}
		name := d.Lang.Text(g.Vi, g.En)
		row := []string{name, "", "", "", ""}
		if okT {
			row[1] = lang.Int(d.Lang, int64(tong))
		}
		if okD {
			row[2] = lang.Int(d.Lang, int64(dk))
		}
		if okC {
			row[3] = lang.Int(d.Lang, int64(cn))
		}
		var text string
		switch {
		case okC && okT && tong > 0:
			row[4] = lang.Percent(d.Lang, cn/tong)
			text = d.text(fmt.Sprintf("%s: %s/%s được công nhận, đạt %s", name, lang.Int(d.Lang, int64(cn)), lang.Int(d.Lang, int64(tong)), lang.Percent(d.Lang, cn/tong)),
				fmt.Sprintf("%s: %s of %s recognised, %s", name, lang.Int(d.Lang, int64(cn)), lang.Int(d.Lang, int64(tong)), lang.Percent(d.Lang, cn/tong)))
		case okC && okD && dk > 0:
			row[4] = lang.Percent(d.Lang, cn/dk) + "*"
			text = d.text(fmt.Sprintf("%s: %s được công nhận, đạt %s số đăng ký", name, lang.Int(d.Lang, int64(cn)), lang.Percent(d.Lang, cn/dk)),
				fmt.Sprintf("%s: %s recognised, %s of those registered", name, lang.Int(d.Lang, int64(cn)), lang.Percent(d.Lang, cn/dk)))
		case okC:
			text = d.text(fmt.Sprintf("%s: %s được công nhận", name, lang.Int(d.Lang, int64(cn))), fmt.Sprintf("%s: %s recognised", name, lang.Int(d.Lang, int64(cn))))
		default:
			continue
		}
		if okD && okT && okC && tong > 0 {
			text += d.text(fmt.Sprintf("; số đăng ký %s (%s)", lang.Int(d.Lang, int64(dk)), lang.Percent(d.Lang, dk/tong)), fmt.Sprintf("; %s registered (%s)", lang.Int(d.Lang, int64(dk)), lang.Percent(d.Lang, dk/tong)))
		}
		lines = append(lines, text+".")
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return
	}
	p.heading2("XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP", "LEARNING MODELS")
	for _, l := range lines {
		p.para(l)
	}
	p.pdf.Ln(2)
	p.table([]string{d.text("Mô hình", "Model"), d.text("Tổng số", "Total"), d.text("Đăng ký", "Registered"), d.text("Công nhận", "Recognised"), d.text("Tỉ lệ", "Rate")},
		[]float64{67, 24, 24, 24, 28}, "LRRRR", rows, nil)
	for _, row := range rows {
		if strings.HasSuffix(row[4], "*") {
			p.font("I", 10)
			p.pdf.MultiCell(0, 5, d.text("(*) Tỉ lệ được công nhận trên số đăng ký, vì tổng số không được báo cáo.",
				"(*) Recognised of those registered, since the total was not reported."), "", "L", false)
			break
		}
	}
}

func (p *pdfReport) targets() {
	d := p.d
	if d.Targets == nil {
		return
	}
	var scoped []targets.Result
	for _, r := range d.Results {
		if r.Scope {
			scoped = append(scoped, r)
		}
	}
	p.heading2("KẾT QUẢ THỰC HIỆN CHỈ TIÊU", "RESULTS AGAINST TARGETS")
	missed := targets.Missed(scoped)
	var names []string
	for _, r := range scoped {
		if !r.Met {
			names = append(names, lower(r.Target.Figure.Label(d.Lang)))
		}
	}
	text := d.text(fmt.Sprintf("So với chỉ tiêu %s, %s đạt %d/%d chỉ tiêu", d.Targets.Period.Label(d.Lang), d.scopeName(), len(scoped)-missed, len(scoped)),
		fmt.Sprintf("Against the targets for %s, %s met %d of %d", d.Targets.Period.Label(d.Lang), d.scopeName(), len(scoped)-missed, len(scoped)))
	if len(names) > 0 {
		text += d.text("; chưa đạt: ", "; missed: ") + strings.Join(names, ", ")
	}
	p.para(text + ".")
	p.pdf.Ln(2)
	var rows [][]string
	var styles []string
	for _, r := range scoped {
		actual := lang.NotAvailable(d.Lang)
		if r.Available {
			actual = r.Target.Figure.Format(d.Lang, r.Actual)
		}
		rows = append(rows, []string{r.Target.Figure.Label(d.Lang), actual, targetText(d.Lang, r.Target), verdictText(d.Lang, r)})
		if r.Met {
			styles = append(styles, "met")
		} else {
			styles = append(styles, "missed")
		}
	}
	p.table([]string{d.text("Chỉ tiêu", "Figure"), d.text("Thực hiện", "Actual"), d.text("Mục tiêu", "Target"), d.text("Kết quả", "Result")},
		[]float64{83, 28, 28, 28}, "LRRC", rows, styles)
	p.chart(scoped)
}

// chart draws horizontal bars: each rate with a target, its actual value, and the target as a line.
func (p *pdfReport) chart(results []targets.Result) {
	d, pdf := p.d, p.pdf
	type bar struct {
		label          string
		actual, target float64
		met            bool
	}
	var bars []bar
	for _, r := range results {
		if r.Available && r.Target.Figure.Kind == ingest.Percent {
			bars = append(bars, bar{r.Target.Figure.Label(d.Lang), r.Actual, r.Target.Value, r.Met})
		}
	}
	f := d.chartFigure()
	for _, n := range d.scope().Children {
		v, ok := n.Totals.Get(f)
		if !ok {
			continue
		}
		tr, ok := d.target(n.Unit.Code, false, f.Code)
		if ok {
			bars = append(bars, bar{DisplayUnit(n.Unit) + ": " + lower(f.Label(d.Lang)), v, tr.Target.Value, tr.Met})
		}
	}
	if len(bars) == 0 {
		return
	}
	const labelW, barW, rowH = 72.0, 80.0, 6.5
	need := 14 + rowH*float64(len(bars))
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+need > pageH-20 {
		pdf.AddPage()
	}
	pdf.Ln(4)
	p.font("B", 11)
	pdf.CellFormat(0, 6, d.text("Biểu đồ: tỉ lệ thực hiện so với mục tiêu", "Chart: rates achieved against targets"), "", 1, "C", false, 0, "")
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, math.Max(b.actual, b.target))
	}
	scale := barW / math.Max(maxV*1.05, 0.01)
	x0 := p.leftMargin() + labelW
	y := pdf.GetY() + 2
	y0 := y
	p.font("", 9)
	for _, b := range bars {
		pdf.SetXY(p.leftMargin(), y)
		pdf.CellFormat(labelW-2, rowH-1, truncate(pdf, b.label, labelW-3), "", 0, "R", false, 0, "")
		if b.met {
			pdf.SetFillColor(47, 85, 151)
		} else {
			pdf.SetFillColor(192, 80, 77)
		}
		pdf.Rect(x0, y+0.8, b.actual*scale, rowH-2.6, "F")
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetLineWidth(0.6)
		pdf.Line(x0+b.target*scale, y, x0+b.target*scale, y+rowH-1)
		pdf.SetLineWidth(0.2)
		pdf.SetXY(x0+math.Max(b.actual, b.target)*scale+1.5, y)
		pdf.CellFormat(30, rowH-1, lang.Percent(d.Lang, b.actual), "", 0, "L", false, 0, "")
		y += rowH
	}
	pdf.Line(x0, y0, x0, y)
	pdf.SetXY(p.leftMargin(), y+1)
	p.font("I", 9)
	pdf.MultiCell(0, 4.5, d.text("Cột xanh: đạt; cột đỏ: chưa đạt; vạch đen: mục tiêu.", "Blue bar: met; red bar: missed; black mark: target."), "", "C", false)
	pdf.SetFillColor(255, 255, 255)
}

func truncate(pdf *fpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (p *pdfReport) ranking() {
	d := p.d
	if len(d.scope().Children) < 2 {
		return
	}
	fs := d.reported(d.rankingFigures())
	if len(fs) == 0 {
		return
	}
	p.heading2("XẾP HẠNG THI ĐUA", "RANKING")
	first := d.ranked(fs[0])
	var top []string
	for i, r := range first {
		if i == 10 {
			top = append(top, d.text(fmt.Sprintf("… (đủ %d đơn vị trong bảng dưới đây)", len(first)), fmt.Sprintf("… (all %d units in the table below)", len(first))))
			break
		}
		top = append(top, fmt.Sprintf("%d. %s (%s)", i+1, DisplayUnit(r.node.Unit), lang.Percent(d.Lang, r.value)))
	}
	p.para(d.text("Xếp theo "+lower(fs[0].Label(d.Lang))+": ", "By "+lower(fs[0].Label(d.Lang))+": ") + strings.Join(top, "; ") + ".")
	p.pdf.Ln(2)
	cols := fs
	if len(cols) > 4 {
		cols = cols[:4]
	}
	headers := []string{d.text("Hạng", "Rank"), d.text("Đơn vị", "Unit")}
	widths := []float64{14, 45}
	align := "CL"
	for _, f := range cols {
		headers = append(headers, shortLabel(d, f))
		widths = append(widths, 108/float64(len(cols)))
		align += "R"
	}
	var rows [][]string
	for i, r := range first {
		row := []string{fmt.Sprint(i + 1), DisplayUnit(r.node.Unit)}
		for _, f := range cols {
			if v, ok := r.node.Totals.Get(f); ok {
				row = append(row, lang.Percent(d.Lang, v))
			} else {
				row = append(row, "—")
			}
		}
		rows = append(rows, row)
	}
	p.table(headers, widths, align, rows, nil)
}

// shortLabel is a column header short enough for a table: "Tỉ lệ HV/DS", "GĐHT".
func shortLabel(d *data, f *ingest.Figure) string {
	if f.Code == "hoi_vien.ty_le" {
		return d.text("Hội viên/dân số", "Members/pop.")
	}
	if f.Model != "" {
		for _, g := range d.Catalogue.Models {
			if g.Code == f.Model {
				name := d.Lang.Text(g.Vi, g.En)
				if i := strings.Index(name, " ("); i > 0 {
					name = name[:i]
				}
				return name
			}
		}
	}
	return f.Label(d.Lang)
}

func (p *pdfReport) submissions() {
	d := p.d
	p.heading2("TÌNH HÌNH NỘP BÁO CÁO", "SUBMISSIONS")
	c := d.Tree.Completeness()
	if d.Roster != nil {
		text := d.text(fmt.Sprintf("Đã nhận %d/%d báo cáo", len(c.Received), len(c.Expected)), fmt.Sprintf("%d of %d returns received", len(c.Received), len(c.Expected)))
		if names := MissingNames(d.Tree, c); len(names) > 0 {
			text += d.text("; chưa nộp: ", "; missing: ") + NameList(d.Lang, names)
		}
		if names := LateNames(d.Tree, c); len(names) > 0 {
			text += d.text("; nộp muộn: ", "; late: ") + NameList(d.Lang, names)
		}
		p.para(text + ".")
	} else {
		p.para(d.text(fmt.Sprintf("Đã tổng hợp %d báo cáo.", d.scope().Totals.Units), fmt.Sprintf("%d returns consolidated.", d.scope().Totals.Units)))
	}
	errs, warns := 0, 0
	for _, pr := range d.Problems {
		if pr.Severity == ingest.Error {
			errs++
		} else {
			warns++
		}
	}
	rejected := 0
	for _, f := range d.Batch.Files {
		if f.Status == ingest.StatusRejected {
			rejected++
		}
	}
	if errs+warns == 0 {
		p.para(d.text("Không phát hiện sai sót nào trong số liệu.", "No problems were found in the figures."))
		return
	}
	p.para(d.text(fmt.Sprintf("Phát hiện %d lỗi và %d cảnh báo trong số liệu (%d tệp bị từ chối); chi tiết từng tệp, trang, ô ở trang «Vấn đề» của báo cáo Excel.", errs, warns, rejected),
		fmt.Sprintf("%d errors and %d warnings were found (%d files rejected); each file, sheet and cell is listed on the «Problems» sheet of the Excel report.", errs, warns, rejected)))
}

func (p *pdfReport) signature() {
	d, pdf := p.d, p.pdf
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+40 > pageH-20 {
		pdf.AddPage()
	}
	pdf.Ln(6)
	y := pdf.GetY()
	left := p.leftMargin()
	p.font("BI", 11)
	pdf.SetXY(left, y)
	pdf.CellFormat(70, 5, d.text("Nơi nhận:", "To:"), "", 2, "L", false, 0, "")
	p.font("", 10)
	for _, l := range []string{d.text("- Hội Khuyến học cấp trên;", "- The association above;"), d.text("- Các đơn vị thành viên;", "- Member units;"), d.text("- Lưu VP.", "- Office file.")} {
		pdf.SetX(left)
		pdf.CellFormat(70, 4.8, l, "", 2, "L", false, 0, "")
	}
	pdf.SetXY(left+85, y)
	p.font("B", 12)
	pdf.CellFormat(82, 6, d.text("TM. BAN CHẤP HÀNH", "FOR THE EXECUTIVE BOARD"), "", 2, "C", false, 0, "")
	pdf.SetX(left + 85)
	pdf.CellFormat(82, 6, d.text("CHỦ TỊCH", "CHAIR"), "", 2, "C", false, 0, "")
	pdf.SetY(math.Max(pdf.GetY()+22, y+30))
}

func (p *pdfReport) appendix() {
	d := p.d
	children := d.scope().Children
	if len(children) == 0 {
		return
	}
	p.pdf.AddPage()
	p.font("B", bodySize)
	p.pdf.MultiCell(0, 7, d.text("PHỤ LỤC: SỐ LIỆU THEO ĐƠN VỊ", "APPENDIX: FIGURES BY UNIT"), "", "C", false)
	p.font("I", 11)
	p.pdf.MultiCell(0, 6, periodLabel(d.Lang, d.period())+" — "+d.scopeName(), "", "C", false)
	p.pdf.Ln(3)
	cols := []string{"hoi_vien", "hoi_vien.ty_le", "quy.so_du", "gia_dinh.ty_le", "dong_ho.ty_le", "cong_dong.ty_le", "don_vi.ty_le"}
	var shown []*ingest.Figure
	for _, c := range cols {
		if f := d.figure(c); f != nil {
			if _, ok := d.scope().Totals.Get(f); ok {
				shown = append(shown, f)
			}
		}
	}
	headers := []string{d.text("Đơn vị", "Unit")}
	widths := []float64{38}
	align := "L"
	for _, f := range shown {
		h := shortLabel(d, f)
		switch f.Code {
		case "hoi_vien":
			h = d.text("Hội viên", "Members")
		case "quy.so_du":
			h = d.text("Quỹ (triệu đồng)", "Fund (million đồng)")
		}
		headers = append(headers, h)
		widths = append(widths, 129/float64(max(len(shown), 1)))
		align += "R"
	}
	cell := func(n *rollup.Node, f *ingest.Figure) string {
		v, ok := n.Totals.Get(f)
		switch {
		case !ok:
			return "—"
		case f.Code == "quy.so_du":
			return lang.Decimal(d.Lang, v/1e6, 1)
		}
		return f.Format(d.Lang, v)
	}
	var rows [][]string
	for _, n := range children {
		row := []string{DisplayUnit(n.Unit)}
		for _, f := range shown {
			row = append(row, cell(n, f))
		}
		rows = append(rows, row)
	}
	total := []string{d.text("Tổng cộng", "Total")}
	for _, f := range shown {
		total = append(total, cell(d.scope(), f))
	}
	rows = append(rows, total)
	styles := make([]string, len(rows))
	styles[len(rows)-1] = "total"
	p.table(headers, widths, align, rows, styles)
}

// table draws a bordered table that repeats its header on a new page.
func (p *pdfReport) table(headers []string, widths []float64, align string, rows [][]string, styles []string) {
	pdf := p.pdf
	_, pageH := pdf.GetPageSize()
	left := p.leftMargin()
	size := 10.5
	if len(headers) > 5 {
		size = 9.5
	}
	header := func() {
		p.font("B", size)
		pdf.SetFillColor(217, 225, 242)
		lines := 1
		for i, h := range headers {
			lines = max(lines, len(pdf.SplitText(h, widths[i]-2)))
		}
		h := 5.0 * float64(lines)
		x, y := left, pdf.GetY()
		for i, t := range headers {
			pdf.Rect(x, y, widths[i], h+1.5, "FD")
			pdf.SetXY(x+1, y+0.75+(h-5*float64(len(pdf.SplitText(t, widths[i]-2))))/2)
			pdf.MultiCell(widths[i]-2, 5, t, "", "C", false)
			x += widths[i]
		}
		pdf.SetXY(left, y+h+1.5)
	}
	if pdf.GetY()+25 > pageH-20 { // keep the header with its first rows
		pdf.AddPage()
	}
	header()
	const lh = 5.2 // mm per line inside a cell
	for r, row := range rows {
		style := ""
		if styles != nil && r < len(styles) {
			style = styles[r]
		}
		font := ""
		if style == "total" {
			font = "B"
		}
		p.font(font, size)
		lines := 1
		for i, c := range row {
			lines = max(lines, len(pdf.SplitText(c, widths[i]-2)))
		}
		h := lh*float64(lines) + 1.4
		if pdf.GetY()+h > pageH-20 {
			pdf.AddPage()
			header()
			p.font(font, size)
		}
		x, y := left, pdf.GetY()
		for i, c := range row {
			if style == "total" {
				pdf.SetFillColor(242, 242, 242)
				pdf.Rect(x, y, widths[i], h, "FD")
			} else {
				pdf.Rect(x, y, widths[i], h, "D")
			}
			if i == len(row)-1 && style == "met" {
				pdf.SetTextColor(30, 123, 52)
			} else if i == len(row)-1 && style == "missed" {
				pdf.SetTextColor(192, 0, 0)
			}
			pdf.SetXY(x+1, y+0.7)
			pdf.MultiCell(widths[i]-2, lh, c, "", string(align[i]), false)
			pdf.SetTextColor(0, 0, 0)
			x += widths[i]
		}
		pdf.SetXY(left, y+h)
	}
	pdf.SetFillColor(255, 255, 255)
	pdf.Ln(2)
}
