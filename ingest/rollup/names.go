package rollup

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// namer tells apart units that share a place name (huyện Kỳ Anh and thị xã Kỳ Anh).
type namer struct {
	place, full map[string]string // name → the code of the unit that has it, "" when several do
}

func newNamer(tree *Tree) *namer {
	nm := &namer{place: map[string]string{}, full: map[string]string{}}
	note := func(m map[string]string, name, code string) {
		if first, seen := m[name]; seen && first != code {
			m[name] = ""
		} else if !seen {
			m[name] = code
		}
	}
	add := func(u ingest.Unit) {
		if u.Name == "" {
			return
		}
		note(nm.place, sortName(u), u.Code)
		note(nm.full, fullName(u), u.Code)
	}
	var walk func(n *Node)
	walk = func(n *Node) {
		add(n.Unit)
		if n.Return != nil && n.Return.Coverage != nil {
			for _, u := range n.Return.Coverage.Missing {
				add(u)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(tree.Scope)
	return nm
}

// associationPrefixes begin an association's name, before its place: "Hội Khuyến học huyện Kỳ Anh".
var associationPrefixes = []string{"Hội Khuyến học ", "Hội khuyến học ", "Hội khuyến học", "HỘI KHUYẾN HỌC "}

// placeWords begin a place's name, the longer before the shorter they begin ("thị xã" before
// "xã"): the administrative levels before and after July 2025, special zones included.
var placeWords = []string{"tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu"}

// fullName is the unit's name without the association's prefix: "huyện Kỳ Anh", "tỉnh Hà Giang".
func fullName(u ingest.Unit) string {
	name := u.Name
	for _, prefix := range associationPrefixes {
		name = strings.TrimPrefix(name, prefix)
	}
	return strings.TrimSpace(name)
}

// Name is how lists, rankings and charts name a unit: its place ("Kỳ Anh"); with the level word of
// its name when another unit of the roll-up has the same place name ("thị xã Kỳ Anh"); with its
// code too when that is still not enough.
func (tree *Tree) Name(u ingest.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	nm := tree.namer()
	if code, seen := nm.place[sortName(u)]; !seen || code != "" {
		return sortName(u)
	}
	return tree.FullName(u)
}

// FullName is the unit's name with its level word ("xã Kỳ Phú"), and its code when another unit
// of the roll-up has the same name.
func (tree *Tree) FullName(u ingest.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	if code, seen := tree.namer().full[fullName(u)]; seen && code == "" {
		return fullName(u) + " (" + u.Code + ")"
	}
	return fullName(u)
}

func (tree *Tree) namer() *namer {
	tree.once.names.Do(func() {
		if tree.names == nil {
			tree.names = newNamer(tree)
		}
	})
	return tree.names
}

// less orders two names in Vietnamese alphabetical order, numbers in numeric order.
func less(a, b string) bool { return vietnamese.CompareString(a, b) < 0 }
