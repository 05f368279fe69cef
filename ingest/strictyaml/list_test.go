package strictyaml

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// A long list is parsed a piece at a time, each item on its line in the whole document, and the
// rest of the document is there with nothing under the key.
func TestParseList(t *testing.T) {
	var b strings.Builder
	b.WriteString("# roster\nhan_nop: 2024-06-30\ndon_vi:\n")
	n := 2*pieceItems + 7
	for i := range n {
		fmt.Fprintf(&b, "  - {ma: \"%d\"}\n", i)
	}
	b.WriteString("cum: []\n")
	var (
		mu    sync.Mutex
		lines = map[string]int{}
		seen  = map[int]bool{}
	)
	count := 0
	top, ok := ParseList([]byte(b.String()), List{Key: "don_vi", Start: func(n int) { count = n }, Each: func(first int, items []*yaml.Node) error {
		mu.Lock()
		defer mu.Unlock()
		seen[first] = true
		for _, it := range items {
			lines[it.Content[1].Value] = it.Line
		}
		return nil
	}})
	if !ok {
		t.Fatal("not parsed by pieces")
	}
	if count != n || len(seen) != 3 || !seen[0] || !seen[pieceItems] || !seen[2*pieceItems] {
		t.Errorf("%d items in pieces from %v, want %d in 3", count, seen, n)
	}
	for i := range n {
		if got := lines[fmt.Sprint(i)]; got != 4+i {
			t.Fatalf("item %d on line %d, want %d", i, got, 4+i)
		}
	}
	if len(top.Content) != 6 || top.Content[3].Tag != "!!null" || top.Content[4].Line != 4+n {
		t.Errorf("the rest of the document is not as written: %d nodes", len(top.Content))
	}

	// What it does not cut, it leaves to Parse.
	for _, doc := range []string{
		"don_vi: [{ma: a}]\n",
		"don_vi:\n  - {ma: a}\n---\ndon_vi: []\n",
		"don_vi:\n\t- {ma: a}\n",
		"don_vi:\n  - {ma: a}\ndon_vi:\n  - {ma: b}\n",
		"don_vi:\nhan_nop: 1\n",
		"han_nop: 1\n",
	} {
		if _, ok := ParseList([]byte(doc), List{Key: "don_vi", Each: func(int, []*yaml.Node) error { return nil }}); ok {
			t.Errorf("cut %q", doc)
		}
	}
}
