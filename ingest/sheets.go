package ingest

import (
	"regexp"
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// copySuffix is what Excel («Số liệu (2)») and LibreOffice («Số liệu_2») add to a copied sheet.
var copySuffix = regexp.MustCompile(`(\s*\(\d+\)|_\d+)$`)

// chooseSheet finds the sheet of the template named want: the one visible sheet of that name or of
// a copy of it. A hidden sheet never wins over a visible one; two visible candidates, or only a
// hidden one, reject the return. It gives the sheet (nil when there is none to read) and the names
// of all candidates.
func (rd *reader) chooseSheet(want string, sheets []xlsx.Sheet) (*xlsx.Sheet, []string) {
	var visible, hidden []xlsx.Sheet
	var names []string
	w := normKnown(want)
	for _, sh := range sheets {
		n := normKnown(sh.Name)
		if n != w && (!strings.HasPrefix(n, w) || copySuffix.ReplaceAllString(n, "") != w) {
			continue
		}
		names = append(names, sh.Name)
		if sh.Hidden {
			hidden = append(hidden, sh)
		} else {
			visible = append(visible, sh)
		}
	}
	switch {
	case len(visible) > 1:
		var list []string
		for _, sh := range visible {
			list = append(list, sh.Name)
		}
		rd.refuse(CodeDuplicateSheet, visible[1].Name, 0, 0, msgDuplicateSheet, want, quoteList(list))
		return nil, names
	case len(visible) == 1:
		for _, sh := range hidden {
			rd.add(Warning, CodeHidden, sh.Name, 0, 0, "", msgHiddenSheetShown, sh.Name, visible[0].Name)
		}
		return &visible[0], names
	case len(hidden) > 0:
		rd.refuse(CodeHidden, hidden[0].Name, 0, 0, msgHiddenSheet, hidden[0].Name)
		return nil, names
	}
	return nil, nil
}
