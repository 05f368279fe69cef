package rollup

import (
	"strings"

	"github.com/khuyenhoc/khuyenhoc/ingest"
)

// namer tells apart units that share a place name (huyện Kỳ Anh and thị xã Kỳ Anh).
type namer struct {
	place, full map[string]map[string]bool // name → codes
}

func newNamer(ru *Tree) *namer {
	nm := &namer{place: map[string]map[string]bool{}, full: map[string]map[string]bool{}}
	add := func(u ingest.Unit) {
		if u.Name == "" {
			return
		}
		for m, key := range map[*map[string]map[string]bool]string{&nm.place: sortName(u), &nm.full: fullName(u)} {
			if (*m)[key] == nil {
				(*m)[key] = map[string]bool{}
			}
			(*m)[key][u.Code] = true
		}
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
	walk(ru.Scope)
	return nm
}

// fullName is the unit's name without the association's prefix: "huyện Kỳ Anh", "tỉnh Hà Giang".
func fullName(u ingest.Unit) string {
	name := u.Name
	for _, prefix := range []string{"Hội Khuyến học ", "Hội khuyến học ", "Hội khuyến học", "HỘI KHUYẾN HỌC "} {
		name = strings.TrimPrefix(name, prefix)
	}
	return strings.TrimSpace(name)
}

// Name is how lists, rankings and charts name a unit: its place ("Kỳ Anh"); with the level word of
// its name when another unit of the roll-up has the same place name ("thị xã Kỳ Anh"); with its
// code too when that is still not enough.
func (ru *Tree) Name(u ingest.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	nm := ru.namer()
	if len(nm.place[sortName(u)]) <= 1 {
		return sortName(u)
	}
	return ru.FullName(u)
}

// FullName is the unit's name with its level word ("xã Kỳ Phú"), and its code when another unit
// of the roll-up has the same name.
func (ru *Tree) FullName(u ingest.Unit) string {
	if u.Name == "" {
		return u.Code
	}
	if len(ru.namer().full[fullName(u)]) > 1 {
		return fullName(u) + " (" + u.Code + ")"
	}
	return fullName(u)
}

func (ru *Tree) namer() *namer {
	if ru.names == nil {
		ru.names = newNamer(ru)
	}
	return ru.names
}

// Less orders two names in Vietnamese alphabetical order, numbers in numeric order.
func Less(a, b string) bool { return vietnamese.CompareString(a, b) < 0 }
