package notes

import (
	"sort"
	"strings"
	"unicode"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"golang.org/x/text/unicode/norm"
)

// Placement says where the sections of the notes go among the report's generated sections.
type Placement struct {
	Before  []Section         // before the first generated section: the context
	Matched map[int][]Section // the office's own words on generated section i (its heading is the generated one's)
	After   map[int][]Section // after generated section i and its own words: what followed them in the notes
	End     []Section         // after the last generated section, before the signature
	Near    []Near            // headings placed by a near match, for a warning
}

// Near is a section placed because its heading is close to a heading the report knows: As is
// that heading, Generated the generated section's index when it is one (-1 otherwise), and
// After whether it went after the results.
type Near struct {
	Section   Section
	As        string
	Generated int
	After     bool
}

// Kind is where a report has a section of the office's own words.
type Kind int

// The kinds of the office's sections, in the order a report has them after its results.
const (
	Unknown    Kind = iota
	Context         // before the results: «Đặc điểm tình hình», «Tình hình chung», «Bối cảnh»
	Assessment      // «Đánh giá chung»: strengths, shortcomings, causes, lessons
	Tasks           // «Phương hướng, nhiệm vụ…»
	Requests        // «Đề xuất, kiến nghị»
)

// known are the headings offices give their own sections, folded (no accents, lower case), with
// the heading as written. A heading that begins with one of them is of its kind.
var known = []struct {
	kind Kind
	key  string
	name string
}{
	{Context, "dac diem tinh hinh", "Đặc điểm tình hình"},
	{Context, "dac diem", "Đặc điểm"},
	{Context, "tinh hinh chung", "Tình hình chung"},
	{Context, "boi canh", "Bối cảnh"},
	{Context, "thuan loi kho khan", "Thuận lợi, khó khăn"},
	{Context, "khai quat tinh hinh", "Khái quát tình hình"},
	{Assessment, "danh gia chung", "Đánh giá chung"},
	{Assessment, "danh gia", "Đánh giá"},
	{Assessment, "nhan xet", "Nhận xét"},
	{Assessment, "uu diem", "Ưu điểm"},
	{Assessment, "ton tai", "Tồn tại"},
	{Assessment, "han che", "Hạn chế"},
	{Assessment, "nguyen nhan", "Nguyên nhân"},
	{Assessment, "bai hoc", "Bài học kinh nghiệm"},
	{Tasks, "phuong huong", "Phương hướng, nhiệm vụ"},
	{Tasks, "nhiem vu", "Nhiệm vụ"},
	{Tasks, "ke hoach", "Kế hoạch"},
	{Tasks, "muc tieu", "Mục tiêu"},
	{Tasks, "giai phap", "Giải pháp"},
	{Requests, "de xuat", "Đề xuất, kiến nghị"},
	{Requests, "kien nghi", "Kiến nghị"},
	{Requests, "de nghi", "Đề nghị"},
}

// Fold is a heading's key without accents: "Đánh giá chung" and "DANH GIA CHUNG" are both
// "danh gia chung".
func Fold(title string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(Key(title)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// KindOf is the kind of a heading the report knows; near says it was recognised despite a
// letter or two (a typo); name is the heading it was taken for.
func KindOf(title string) (kind Kind, name string, near bool) {
	key := Fold(title)
	for _, k := range known {
		if key == k.key || strings.HasPrefix(key, k.key+" ") {
			return k.kind, k.name, false
		}
	}
	for _, k := range known {
		if len(k.key) >= 7 && prefixDistance(k.key, key) <= 1 {
			return k.kind, k.name, true
		}
	}
	return Unknown, "", false
}

// prefixDistance is the least edit distance between a and a prefix of b that ends at a word's end.
func prefixDistance(a, b string) int {
	best := len(a) + len(b)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	for j := 0; j <= len(b); j++ {
		if j == len(b) || b[j] == ' ' {
			best = min(best, prev[j])
		}
	}
	return best
}

// Place puts the notes among the generated sections, whose titles are given in order.
//
// A ## section (with the ### sections under it) whose heading is a generated section's (accents,
// case and numbering aside) is that section's own words. A heading offices give the context
// («Tình hình chung», «Đặc điểm tình hình», «Bối cảnh») goes before the results; the assessment
// («Đánh giá chung», «Ưu điểm», «Hạn chế»…), the tasks ahead («Phương hướng, nhiệm vụ…») and the
// requests («Đề xuất, kiến nghị») go after them, in that order. A heading a letter or two away
// from one of these is placed as it, and listed in Near. Any other section follows the section
// before it in the notes; one before any of these goes before the results, one after the last
// generated section's words goes after the results.
func Place(n *Notes, generated []string) Placement {
	pl := Placement{Matched: map[int][]Section{}, After: map[int][]Section{}}
	index := map[string]int{}
	for i, g := range generated {
		if _, dup := index[Fold(g)]; !dup {
			index[Fold(g)] = i
		}
	}
	// Groups: a ## section and the ### sections that follow it (the text before any heading is a
	// group of its own).
	var groups [][]Section
	for _, s := range n.Sections {
		if s.Level == 3 && len(groups) > 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
			continue
		}
		groups = append(groups, []Section{s})
	}
	// Where each group goes: a generated section, or a kind.
	const none = -1
	gen := make([]int, len(groups))
	kinds := make([]Kind, len(groups))
	lastMatch := none // the last group that matches a generated section
	for gi, g := range groups {
		gen[gi] = none
		head := g[0]
		switch {
		case head.Level == 0:
			kinds[gi] = Context
			continue
		case head.Level != 2:
			continue
		}
		key := Fold(head.Title)
		if i, ok := index[key]; ok {
			gen[gi], lastMatch = i, gi
			continue
		}
		kind, name, near := KindOf(head.Title)
		if kind != Unknown && !near {
			kinds[gi] = kind
			continue
		}
		if i, ok := nearest(key, generated); ok {
			gen[gi], lastMatch = i, gi
			pl.Near = append(pl.Near, Near{Section: head, As: generated[i], Generated: i})
			continue
		}
		if kind != Unknown {
			kinds[gi] = kind
			pl.Near = append(pl.Near, Near{Section: head, As: name, Generated: none, After: kind != Context})
		}
	}
	type placed struct {
		rank int // 0: what follows the last generated section; then the kinds after the results
		secs []Section
	}
	var end []placed
	lastGen, lastKind := none, Unknown // what the previous placed group was
	for gi, g := range groups {
		switch {
		case gen[gi] != none:
			lastGen, lastKind = gen[gi], Unknown
			pl.Matched[gen[gi]] = append(pl.Matched[gen[gi]], g...)
			continue
		case kinds[gi] == Context:
			lastKind = Context
			pl.Before = append(pl.Before, g...)
			continue
		case kinds[gi] != Unknown:
			lastKind = kinds[gi]
			end = append(end, placed{int(kinds[gi]) - int(Context), g})
			continue
		}
		// An unknown section follows the section before it.
		switch {
		case lastKind == Context || lastKind == Unknown && lastGen == none:
			pl.Before = append(pl.Before, g...)
		case lastKind != Unknown:
			end = append(end, placed{int(lastKind) - int(Context), g})
		case gi > lastMatch:
			end = append(end, placed{0, g})
		default:
			pl.After[lastGen] = append(pl.After[lastGen], g...)
		}
	}
	sort.SliceStable(end, func(i, j int) bool { return end[i].rank < end[j].rank })
	for _, p := range end {
		pl.End = append(pl.End, p.secs...)
	}
	return pl
}

// nearest is the generated section whose title is within a letter or two of key.
func nearest(key string, generated []string) (int, bool) {
	for i, g := range generated {
		if g := Fold(g); len(g) >= 10 && lang.EditDistance(key, g) <= 2 {
			return i, true
		}
	}
	return 0, false
}
