package docx

import (
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report"
	"github.com/khuyenhoc/khuyenhoc/report/internal/textfix"
)

// xmlText is what a Word file can hold: the characters of XML 1.0. Word draws any of them with
// a fallback font when the document's font lacks it, so nothing else is replaced.
var xmlText = textfix.Writer{Name: "Word", Draw: xmlChar, Mark: "\uFFFD"}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// Prepare returns the document with bytes that are not UTF-8 and characters XML cannot hold
// replaced by U+FFFD, and says where each text so repaired stands. WriteReport prepares the
// document itself; Prepare lets the caller say what was repaired.
func Prepare(doc *report.Document) (*report.Document, []*lang.Error) {
	out, repairs := textfix.Document(doc, xmlText)
	msgs := make([]*lang.Error, len(repairs))
	for i, r := range repairs {
		msgs[i] = r.Message(xmlText)
	}
	return out, msgs
}
