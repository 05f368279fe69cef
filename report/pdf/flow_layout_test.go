package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
)

// The writer lays out whatever Document it is given, every kind of block, long tables over
// several pages with their header repeated, and says nothing of its own.
func TestWriteLaysOutAnyDocument(t *testing.T) {
	long := &report.Table{Columns: []report.Column{{Header: "Đơn vị", Width: 100, Align: report.Left}, {Header: "Hội viên", Width: 67, Align: report.Right}}}
	for i := range 80 {
		long.Rows = append(long.Rows, report.Row{Cells: []string{"Xã số " + lang.Int(lang.Vi, int64(i+1)), lang.Int(lang.Vi, int64(1000*(i+1)))}})
	}
	long.Rows = append(long.Rows, report.Row{Cells: []string{"Tổng cộng", "3.240.000"}, Style: report.Total})
	doc := &report.Document{
		Lang: lang.Vi, Title: "Thử", PageLabel: "Trang",
		Header: report.Header{Parent: "Hội Khuyến học huyện Mẫu", Org: "Hội Khuyến học xã Thử", Number: "Số: 1/BC-KH", Country: "CỘNG HÒA", Motto: "Độc lập", PlaceDate: "Hà Nội, ngày 01 tháng 02 năm 2025",
			Kind: "BÁO CÁO", Title: []string{"Một dòng tiêu đề"}},
		Blocks: []report.Block{
			&report.Heading{Level: 1, Number: "I", Text: "MỤC MỘT"},
			&report.Paragraph{Runs: []report.Run{{Text: "Tổng số hội viên là "}, {Text: "1.234", Figure: "x"}, {Text: "."}}},
			&report.Heading{Level: 2, Text: "Phần nhỏ"},
			&report.Paragraph{Runs: []report.Run{{Text: "Năm nay có "}, {Text: "nhiều khó khăn", Bold: true}, {Text: " và "}, {Text: "thuận lợi", Italic: true}, {Text: "."}}},
			&report.List{Items: [][]report.Run{{{Text: "Kết nạp hội viên mới;"}}, {{Text: "Tăng "}, {Text: "quỹ", Bold: true}, {Text: "."}}}},
			long,
			&report.Paragraph{Style: report.Note, Runs: []report.Run{{Text: "(*) Ghi chú."}}},
			&report.Chart{Title: "Biểu đồ thử", Legend: "Chú giải.", Met: "đạt", Missed: "chưa đạt", Target: "mục tiêu", Continued: "(tiếp theo)", Bars: []report.Bar{{Label: "Tỷ lệ", Actual: 0.5, Target: 0.6, Value: "50,00%"}}},
			&report.Signature{Recipients: "Nơi nhận:", To: []string{"- Lưu."}, Signer: []string{"CHỦ TỊCH"}, Name: "Nguyễn Văn A"},
			&report.PageBreak{},
			&report.Heading{Text: "PHỤ LỤC"},
			&report.Paragraph{Style: report.Caption, Runs: []report.Run{{Text: "Dòng chú thích"}}},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"HUYỆN MẪU", "HỘI KHUYẾN HỌC XÃ THỬ", "Phần nhỏ", "Năm nay có nhiều khó khăn và thuận lợi.",
		"- Kết nạp hội viên mới;", "- Tăng quỹ.", "Nguyễn Văn A", "Số: 1/BC-KH", "Hà Nội, ngày 01 tháng 02 năm 2025", "I. MỤC MỘT",
		"Tổng số hội viên là 1.234.", "Xã số 80 80.000", "Tổng cộng 3.240.000", "(*) Ghi chú.",
		"Biểu đồ thử", "50,00%", "Chú giải.", "Nơi nhận:", "CHỦ TỊCH", "PHỤ LỤC", "Dòng chú thích",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
	if n := strings.Count(text, "Đơn vị"); n < 2 {
		t.Errorf("the long table's header is written %d times, want it again on each page", n)
	}
	ps := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	if len(ps) < 3 {
		t.Fatalf("%d pages, want at least three", len(ps))
	}
	for i, p := range ps[1:] {
		if first := strings.Fields(p)[0]; first != strconv.Itoa(i+2) {
			t.Errorf("page %d starts with %q, want its number", i+2, first)
		}
	}
}
