package strictyaml

import (
	"bytes"
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"
)

// pieceItems is how many items of a long list ParseList parses at a time.
const pieceItems = 2048

// List says how ParseList reads a document whose top-level mapping holds a long block list under
// Key ("key:" on a line of its own, then one "- " item after another): the 200,000 units of a
// roster.
type List struct {
	Key string
	// Start, when not nil, is called first, with the number of items.
	Start func(items int)
	// Fast, when not nil, is given the text of each piece (n items from the first-th, the first
	// on line `line`): when it reads them itself (FlatItems) and returns true, the piece is not
	// parsed and Each is not called for it.
	Fast func(first int, src []byte, line, n int) bool
	// Each is called with the items of each piece (from the first-th), lines as in the whole
	// document.
	Each func(first int, items []*yaml.Node) error
}

// ParseList is Parse for a document holding a long list: it parses the list a piece at a time, on
// every CPU, so that the nodes of only a few pieces are held at once, and gives each piece to
// l.Fast or l.Each; calls for different pieces may run at the same time. The top node it returns
// holds the rest of the document, with nothing under the key.
//
// ok is false when the document is not written so, when a piece does not parse on its own (an
// anchor used in another piece, a syntax error, a key written twice, an item start within a
// quoted value) or when Each returns an error: the caller then reads the document with Parse,
// whose error is the one to show.
func ParseList(data []byte, l List) (top *yaml.Node, ok bool) {
	sk, starts, ok := splitList(data, l.Key)
	if !ok {
		return nil, false
	}
	top, err := Parse(bytes.NewReader(sk.skeleton))
	if err != nil {
		return nil, false
	}
	type piece struct{ from, to, line, first, n int } // byte range, first line, items
	var all []piece
	for i := 0; i < len(starts); i += pieceItems {
		p := piece{from: starts[i].off, line: starts[i].line, to: sk.end, first: i, n: len(starts) - i}
		if j := i + pieceItems; j < len(starts) {
			p.to, p.n = starts[j].off, pieceItems
		}
		all = append(all, p)
	}
	if l.Start != nil {
		l.Start(len(starts))
	}
	var (
		wg     sync.WaitGroup
		next   = make(chan int)
		mu     sync.Mutex
		failed bool
	)
	for range min(runtime.GOMAXPROCS(0), len(all)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := all[i]
				if l.Fast != nil && l.Fast(p.first, data[p.from:p.to], p.line, p.n) {
					continue
				}
				n, err := Parse(bytes.NewReader(data[p.from:p.to]))
				if err == nil && n.Kind == yaml.SequenceNode && len(n.Content) == p.n {
					shiftLines(n, p.line-1)
					err = l.Each(p.first, n.Content)
				}
				if err != nil || n.Kind != yaml.SequenceNode || len(n.Content) != p.n {
					mu.Lock()
					failed = true
					mu.Unlock()
				}
			}
		}()
	}
	for i := range all {
		mu.Lock()
		stop := failed
		mu.Unlock()
		if stop {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if failed {
		return nil, false
	}
	return top, true
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

type listSplit struct {
	skeleton []byte // the document with the list's lines left empty: the same line numbers
	end      int    // where the list ends in the document
}

type itemStart struct{ off, line int }

// splitList finds the block list under key at the top of data and where each of its items
// begins. It gives up (ok false) on anything it does not need to understand to cut the list
// between items: tabs in indentation, directives and document markers, the key written twice,
// anything on the key's line after the colon but a comment.
func splitList(data []byte, key string) (s listSplit, starts []itemStart, ok bool) {
	const (
		before = iota
		head   // after "key:", before the first item
		inList
		after
	)
	state, indent := before, -1
	listFrom := 0
	starts = make([]itemStart, 0, len(data)/64) // a roster's unit takes about 100 bytes
	off, line := 0, 0
	for off < len(data) {
		line++
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(data)
		}
		text := bytes.TrimRight(data[off:end], "\r")
		lineOff := off
		off = next
		if len(text) > 0 && (text[0] == '%' || bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))) {
			return s, nil, false
		}
		sp := 0
		for sp < len(text) && text[sp] == ' ' {
			sp++
		}
		if sp < len(text) && text[sp] == '\t' {
			return s, nil, false
		}
		if k, isKey := bytes.CutPrefix(text, []byte(key+":")); isKey {
			if state != before {
				return s, nil, false // a second key: Parse names it
			}
			if k = bytes.TrimLeft(k, " "); len(k) > 0 && k[0] != '#' {
				return s, nil, false // a value on the key's line
			}
			state = head
			continue
		}
		blank := sp == len(text) || text[sp] == '#'
		switch state {
		case head:
			if blank {
				continue
			}
			if !isItem(text[sp:]) {
				return s, nil, false
			}
			state, indent, listFrom = inList, sp, lineOff
			starts = append(starts, itemStart{lineOff, line})
		case inList:
			switch {
			case blank || sp > indent:
			case sp == indent && isItem(text[sp:]):
				starts = append(starts, itemStart{lineOff, line})
			default:
				state, s.end = after, lineOff
			}
		}
	}
	switch state {
	case inList:
		s.end = len(data)
	case after:
	default:
		return s, nil, false
	}
	s.skeleton = make([]byte, 0, len(data)-(s.end-listFrom)+len(starts))
	s.skeleton = append(s.skeleton, data[:listFrom]...)
	s.skeleton = append(s.skeleton, bytes.Repeat([]byte{'\n'}, bytes.Count(data[listFrom:s.end], []byte{'\n'}))...)
	s.skeleton = append(s.skeleton, data[s.end:]...)
	return s, starts, true
}

// isItem reports whether a line (from its first non-space) begins an item of a block list.
func isItem(text []byte) bool {
	return len(text) > 0 && text[0] == '-' && (len(text) == 1 || text[1] == ' ')
}
