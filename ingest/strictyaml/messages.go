package strictyaml

import "github.com/khuyenhoc/khuyenhoc/ingest/lang"

// The mistakes a YAML file can hold, said in both languages.
var (
	msgTooLarge = lang.Msg{
		Vi: "tệp lớn hơn %d MB, quá lớn cho một danh sách đơn vị hay một tệp chỉ tiêu (danh sách cả nước đến từng chi hội, 200.000 đơn vị, chỉ chừng 25 MB); hãy kiểm tra xem có đúng tệp không",
		En: "the file is larger than %d MB, too large for a roster or a targets file (a roster of the whole country down to every branch, 200,000 units, is about 25 MB); check that it is the right file"}
	msgEmpty        = lang.Msg{Vi: "tệp rỗng", En: "the file is empty"}
	msgTwoDocuments = lang.Msg{
		Vi: "tệp chỉ được có một tài liệu YAML; hãy bỏ dòng «---» và phần sau nó hoặc gộp vào phần trên",
		En: "the file must hold one YAML document; remove the «---» line and what follows, or merge it into the first"}
	// msgSyntaxKnown takes the Vietnamese of a known syntax error (yamlSyntax) and the library's
	// English words.
	msgSyntaxKnown = lang.Msg{Vi: "không đọc được YAML: %[1]s", En: "invalid YAML: %[2]s"}
	msgSyntax      = lang.Msg{Vi: "không đọc được YAML: sai cú pháp (%s)", En: "invalid YAML: %s"}
	msgKeyTwice    = lang.Msg{Vi: "khoá %s viết hai lần (lần đầu ở dòng %d); hãy giữ một", En: "key %s is written twice (first on line %d); keep one"}
	// msgAsIs is what a value's own reader said.
	msgAsIs           = lang.Msg{Vi: "%s", En: "%s"}
	msgUnknownKeyNear = lang.Msg{Vi: "khoá %s không có — có phải %s?", En: "unknown key %s — did you mean %s?"}
	msgUnknownKey     = lang.Msg{Vi: "khoá %s không có; ở đây chỉ có %s", En: "unknown key %s; here the keys are %s"}
	// msgWrongKind takes the kind of node wanted and what was found.
	msgWrongKind = lang.Msg{Vi: "ở đây cần %s, không phải %s", En: "%s is wanted here, not %s"}

	// The kinds of node (kindName).
	wordMapping = lang.Msg{Vi: "một bảng khoá: giá trị", En: "a mapping of keys to values"}
	wordList    = lang.Msg{Vi: "một danh sách", En: "a list"}
	wordValue   = lang.Msg{Vi: "một giá trị", En: "a single value"}
)

// yamlSyntax says the YAML library's usual syntax errors in Vietnamese, with what to do.
var yamlSyntax = []struct{ en, vi string }{
	{"found character that cannot start any token", "có ký tự không được đứng ở đây (thường là dấu tab: hãy thụt lề bằng dấu cách)"},
	{"found a tab character", "thụt lề bằng dấu tab; hãy dùng dấu cách"},
	{"mapping values are not allowed in this context", "dấu «:» không đúng chỗ; giá trị có dấu «:» phải đặt trong ngoặc kép"},
	{"did not find expected key", "thụt lề không thẳng hàng hoặc thiếu khoá"},
	{"could not find expected ':'", "thiếu dấu «:» sau khoá"},
	{"did not find expected ',' or ']'", "thiếu dấu «,» hoặc «]»"},
	{"did not find expected ',' or '}'", "thiếu dấu «,» hoặc «}»"},
	{"did not find expected node content", "thiếu giá trị, hoặc ngoặc mở mà chưa đóng"},
	{"did not find expected '-' indicator", "thụt lề của danh sách («-») không thẳng hàng"},
	{"found unexpected end of stream", "tệp hết giữa chừng: thiếu ngoặc hoặc dấu nháy đóng"},
	{"found unknown escape character", "trong dấu nháy kép có «\\» không hợp lệ; hãy dùng dấu nháy đơn"},
	{"invalid leading UTF-8 octet", "tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8"},
	{"invalid trailing UTF-8 octet", "tệp không phải văn bản UTF-8; hãy lưu lại với mã UTF-8"},
	{"control characters are not allowed", "tệp có ký tự điều khiển (không in được)"},
	{"found undefined tag handle", "có thẻ «!» không hợp lệ"},
	{"unknown anchor", "tham chiếu «*» đến một neo không có"},
	{"found duplicate anchor", "neo «&» được đặt hai lần"},
}
