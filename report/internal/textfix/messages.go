package textfix

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The messages of a repair: where the text stands, what was replaced in it.
var (
	msgRepair    = lang.Msg{Vi: "%s «%s»: %s", En: "%s «%s»: %s"} // where, the text, what was replaced
	msgInvalid   = lang.Msg{Vi: "có byte không phải UTF-8, được thay bằng %s trong tệp %s", En: "has bytes that are not UTF-8, replaced with %s in the %s file"}
	msgNotInFont = lang.Msg{Vi: "ký tự %s không có trong phông chữ của tệp %s, được thay bằng %s", En: "%s not in the %s file's font, replaced with %s"}
	msgInSection = lang.Msg{Vi: "%s trong mục «%s»", En: "%s in «%s»"}
	msgText      = lang.Msg{Vi: "văn bản (%s)", En: "text (%s)"} // a text no place below names, by its path
)

// place names a text of the Document by its path, in words a user finds it by; a text of the body
// is also named by its section.
type place struct {
	name      lang.Msg
	inSection bool
}

var places = map[string]place{
	"Title":                       {lang.Msg{Vi: "tiêu đề của tệp", En: "the file's title"}, false},
	"Author":                      {lang.Msg{Vi: "tác giả của tệp (--org)", En: "the file's author (--org)"}, false},
	"Header.Parent":               {lang.Msg{Vi: "cơ quan cấp trên (--org-parent)", En: "the body above (--org-parent)"}, false},
	"Header.Org":                  {lang.Msg{Vi: "tên hội (--org)", En: "the association (--org)"}, false},
	"Header.Number":               {lang.Msg{Vi: "số văn bản (--number)", En: "the document number (--number)"}, false},
	"Header.PlaceDate":            {lang.Msg{Vi: "địa danh và ngày (--place)", En: "the place and date (--place)"}, false},
	"Header.Title":                {lang.Msg{Vi: "tiêu đề (--title)", En: "the title (--title)"}, false},
	"Blocks.Signature.To":         {lang.Msg{Vi: "nơi nhận (--recipients)", En: "the recipients (--recipients)"}, false},
	"Blocks.Signature.Signer":     {lang.Msg{Vi: "chức danh người ký (--signer-title)", En: "the signer's title (--signer-title)"}, false},
	"Blocks.Signature.Name":       {lang.Msg{Vi: "người ký (--signer)", En: "the signer (--signer)"}, false},
	"Blocks.Heading.Text":         {msgHeading, false},
	"Blocks.Heading.Number":       {msgHeading, false},
	"Blocks.Paragraph.Runs.Text":  {lang.Msg{Vi: "đoạn văn", En: "the paragraph"}, true},
	"Blocks.List.Items.Text":      {lang.Msg{Vi: "danh sách", En: "the list"}, true},
	"Blocks.Table.Columns.Header": {lang.Msg{Vi: "tiêu đề cột của bảng", En: "a table's column header"}, true},
	"Blocks.Table.Rows.Cells":     {lang.Msg{Vi: "bảng", En: "a table"}, true},
	"Blocks.Chart.Title":          {msgChart, true},
	"Blocks.Chart.Bars.Label":     {msgChart, true},
	"Blocks.Chart.Legend":         {msgChart, true},
}

var (
	msgHeading = lang.Msg{Vi: "đề mục", En: "the heading"}
	msgChart   = lang.Msg{Vi: "biểu đồ", En: "the chart"}
)
