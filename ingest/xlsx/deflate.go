package xlsx

import (
	"compress/flate"
	"encoding/binary"
	"io"
	"math/bits"
	"sync"
)

// A DEFLATE decoder (RFC 1951) from a byte slice into a byte slice. A part is small and whole in
// memory, and its inflated size is known from the zip's directory: decoding straight into the
// part's buffer, with the input read eight bytes at a time, saves compress/flate's window copy
// and its reads of one byte through an interface. It refuses exactly what compress/flate
// refuses, and gives the same bytes (FuzzInflate holds it to that).

// huffman is a decoding table: a primary table indexed by the next primaryBits bits of input,
// whose entries are sym<<8 | length, or, for longer codes, off<<8 | 0x80 | subBits: a link to a
// subtable at off indexed by the next subBits bits. An entry of length 0 is no code.
type huffman struct {
	table       []uint32
	primaryBits uint
	min         int // the bits that must be left before a symbol is read, as compress/flate asks
}

const (
	litPrimary  = 9
	distPrimary = 7
	clenPrimary = 7
)

type inflater struct {
	src   []byte
	pos   int    // next byte of src to load; beyond len(src) when zero bytes were made up at its end
	bits  uint64 // loaded bits, the next one lowest
	nbits uint

	lit, dist, clen huffman
	litBuf          [1 << 11]uint32
	distBuf         [1 << 10]uint32
	clenBuf         [1 << clenPrimary]uint32
	lengths         [286 + 30]uint8
	long            []uint32 // codes longer than the primary table: sym<<16 | reversed code<<4 | length
}

var inflaterPool = sync.Pool{New: func() any { return new(inflater) }}

// refill loads input until at least 56 bits are held. Past the end of src it loads zero bytes,
// which truncated reports once they are consumed.
func (f *inflater) refill() {
	if f.pos+8 <= len(f.src) {
		f.bits |= binary.LittleEndian.Uint64(f.src[f.pos:]) << f.nbits
		n := (63 - f.nbits) >> 3
		f.pos += int(n)
		f.nbits += n * 8
		return
	}
	for f.nbits < 56 {
		if f.pos < len(f.src) {
			f.bits |= uint64(f.src[f.pos]) << f.nbits
		}
		f.pos++
		f.nbits += 8
	}
}

// left is how many bits of src are left to read.
func (f *inflater) left() int { return int(f.nbits) - 8*max(f.pos-len(f.src), 0) }

// truncated reports whether more bits were consumed than src holds.
func (f *inflater) truncated() bool {
	return f.pos > len(f.src) && 8*(f.pos-len(f.src)) > int(f.nbits)
}

func (f *inflater) take(n uint) uint64 {
	if f.nbits < n {
		f.refill()
	}
	v := f.bits & (1<<n - 1)
	f.bits >>= n
	f.nbits -= n
	return v
}

// decode reads one symbol; it is -1 for a sequence of bits that is no code.
func (f *inflater) decode(h *huffman) int {
	if f.nbits < 15 {
		f.refill()
	}
	if f.pos > len(f.src) && f.left() < h.min {
		return -2
	}
	e := h.table[f.bits&(1<<h.primaryBits-1)]
	if e&0x80 != 0 {
		e = h.table[e>>8+uint32(f.bits>>h.primaryBits)&(1<<(e&0x1f)-1)]
	}
	n := uint(e & 0x1f)
	if n == 0 {
		return -1
	}
	f.bits >>= n
	f.nbits -= n
	return int(e >> 8)
}

// build makes the table of a canonical Huffman code from its code lengths. Like compress/flate,
// it refuses a code that is over-subscribed or incomplete, except a single code of one bit; a
// code with no lengths at all is an empty table (using it is an error).
func (f *inflater) build(h *huffman, buf []uint32, lengths []uint8, primary uint) bool {
	var count [16]int
	maxLen := 0
	for _, l := range lengths {
		count[l]++
		if int(l) > maxLen {
			maxLen = int(l)
		}
	}
	count[0] = 0
	h.primaryBits = primary
	h.min = 0
	for l := 1; l <= maxLen; l++ {
		if count[l] > 0 {
			h.min = l
			break
		}
	}
	size := 1 << primary
	h.table = buf[:size]
	clear(h.table)
	if maxLen == 0 {
		return true
	}
	var next [16]int
	code := 0
	for l := 1; l <= maxLen; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	kraft := 0
	for l := 1; l <= maxLen; l++ {
		kraft += count[l] << (maxLen - l)
	}
	if kraft != 1<<maxLen && !(kraft == 1 && maxLen == 1) {
		return false
	}
	var sub [1 << litPrimary]uint8
	f.long = f.long[:0]
	for sym, l := range lengths {
		if l == 0 {
			continue
		}
		c := next[l]
		next[l]++
		r := int(bits.Reverse16(uint16(c)) >> (16 - l))
		if uint(l) <= primary {
			e := uint32(sym)<<8 | uint32(l)
			for i := r; i < size; i += 1 << l {
				h.table[i] = e
			}
			continue
		}
		p := r & (size - 1)
		sub[p] = max(sub[p], l-uint8(primary))
		f.long = append(f.long, uint32(sym)<<20|uint32(r)<<4|uint32(l))
	}
	if len(f.long) == 0 {
		return true
	}
	off := size
	for p := range size {
		if sub[p] == 0 {
			continue
		}
		h.table[p] = uint32(off)<<8 | 0x80 | uint32(sub[p])
		off += 1 << sub[p]
	}
	if off > len(buf) {
		return false // cannot happen for a complete code of at most 15 bits
	}
	h.table = buf[:off]
	clear(h.table[size:])
	for _, c := range f.long {
		sym, r, l := c>>20, int(c>>4&0xffff), uint(c&0xf)
		link := h.table[r&(size-1)]
		base, sb := int(link>>8), uint(link&0x1f)
		e := sym<<8 | uint32(l)
		for i := r >> primary; i < 1<<sb; i += 1 << (l - primary) {
			h.table[base+i] = e
		}
	}
	return true
}

var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint32{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	clenOrder   = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// inflateInto decodes the raw DEFLATE stream src into out, at most len(out) bytes. It gives how
// many bytes it wrote and whether the stream would have written more (full). A truncated stream
// is io.ErrUnexpectedEOF; a corrupt one, a flate.CorruptInputError.
func inflateInto(out, src []byte) (n int, full bool, err error) {
	f := inflaterPool.Get().(*inflater)
	defer inflaterPool.Put(f)
	f.src, f.pos, f.bits, f.nbits = src, 0, 0, 0
	defer func() { f.src = nil }()
	w := 0
	corrupt := func() error { return flate.CorruptInputError(min(f.pos, len(src))) }
	for {
		final := f.take(1)
		switch f.take(2) {
		case 0: // stored
			f.take(f.nbits & 7)
			f.pos -= int(f.nbits >> 3)
			f.bits, f.nbits = 0, 0
			if f.pos+4 > len(src) {
				return w, false, io.ErrUnexpectedEOF
			}
			length := int(binary.LittleEndian.Uint16(src[f.pos:]))
			if binary.LittleEndian.Uint16(src[f.pos+2:]) != ^uint16(length) {
				return w, false, corrupt()
			}
			f.pos += 4
			avail := min(length, len(src)-f.pos)
			if w+avail > len(out) {
				// More than out holds: what compress/flate gives a reader that stops there.
				return w + copy(out[w:], src[f.pos:]), true, nil
			}
			if avail < length {
				return w, false, io.ErrUnexpectedEOF
			}
			w += copy(out[w:], src[f.pos:f.pos+length])
			f.pos += length
		case 1: // fixed codes
			var l [288]uint8
			for i := range l {
				switch {
				case i < 144:
					l[i] = 8
				case i < 256:
					l[i] = 9
				case i < 280:
					l[i] = 7
				default:
					l[i] = 8
				}
			}
			f.build(&f.lit, f.litBuf[:], l[:], litPrimary)
			f.buildFixedDist()
			if nw, full, err := f.codes(out, w, true); err != nil || full {
				return nw, full, err
			} else {
				w = nw
			}
		case 2: // dynamic codes
			if err := f.readCodes(); err != nil {
				return w, false, err
			}
			if nw, full, err := f.codes(out, w, false); err != nil || full {
				return nw, full, err
			} else {
				w = nw
			}
		default:
			if f.truncated() {
				return w, false, io.ErrUnexpectedEOF
			}
			return w, false, corrupt()
		}
		if f.truncated() {
			return w, false, io.ErrUnexpectedEOF
		}
		if final == 1 {
			return w, false, nil
		}
	}
}

// buildFixedDist makes the table of the fixed distance codes: every 5-bit code, read reversed;
// the symbols 30 and 31 exist in the code but are refused when decoded.
func (f *inflater) buildFixedDist() {
	f.dist.primaryBits, f.dist.min = 5, 5
	f.dist.table = f.distBuf[:32]
	for c := range 32 {
		r := bits.Reverse8(uint8(c)) >> 3
		f.dist.table[r] = uint32(c)<<8 | 5
	}
}

// readCodes reads the code lengths of a dynamic block and builds its tables.
func (f *inflater) readCodes() error {
	corrupt := func() error {
		if f.truncated() {
			return io.ErrUnexpectedEOF
		}
		return flate.CorruptInputError(min(f.pos, len(f.src)))
	}
	nlit := int(f.take(5)) + 257
	ndist := int(f.take(5)) + 1
	nclen := int(f.take(4)) + 4
	if nlit > 286 || ndist > 30 {
		return corrupt()
	}
	var cl [19]uint8
	for i := range nclen {
		cl[clenOrder[i]] = uint8(f.take(3))
	}
	if !f.build(&f.clen, f.clenBuf[:], cl[:], clenPrimary) {
		return corrupt()
	}
	l := f.lengths[:nlit+ndist]
	for i := 0; i < len(l); {
		if f.truncated() {
			return io.ErrUnexpectedEOF
		}
		x := f.decode(&f.clen)
		var rep int
		var b uint8
		switch {
		case x == -2:
			return io.ErrUnexpectedEOF
		case x < 0:
			return corrupt()
		case x < 16:
			l[i] = uint8(x)
			i++
			continue
		case x == 16:
			if i == 0 {
				return corrupt()
			}
			rep, b = 3+int(f.take(2)), l[i-1]
		case x == 17:
			rep = 3 + int(f.take(3))
		default:
			rep = 11 + int(f.take(7))
		}
		if i+rep > len(l) {
			return corrupt()
		}
		for range rep {
			l[i] = b
			i++
		}
	}
	if f.truncated() {
		return io.ErrUnexpectedEOF
	}
	if !f.build(&f.lit, f.litBuf[:], l[:nlit], litPrimary) || !f.build(&f.dist, f.distBuf[:], l[nlit:], distPrimary) {
		return corrupt()
	}
	f.lit.min = max(f.lit.min, int(l[256]))
	return nil
}

// codes decodes the symbols of a block into out from w, up to its end-of-block code.
func (f *inflater) codes(out []byte, w int, fixed bool) (int, bool, error) {
	src := f.src
	corrupt := func() (int, bool, error) {
		if f.truncated() {
			return w, false, io.ErrUnexpectedEOF
		}
		return w, false, flate.CorruptInputError(min(f.pos, len(src)))
	}
	lit, dist := &f.lit, &f.dist
	lmask := uint64(1)<<lit.primaryBits - 1
	// While at least eight bytes of input and a longest match of room are left, no check of the
	// input's end or of out's size is needed: a symbol with its extra bits and its distance takes
	// at most 48 bits, and a match at most 258 bytes.
	{
		lt, dt := lit.table, dist.table
		lp, dp := lit.primaryBits, dist.primaryBits
		dmask := uint64(1)<<dp - 1
		bits, nbits, pos := f.bits, f.nbits, f.pos
		for w+258 <= len(out) && pos+8 <= len(src) {
			if nbits < 48 {
				bits |= binary.LittleEndian.Uint64(src[pos:]) << nbits
				n := (63 - nbits) >> 3
				pos += int(n)
				nbits += n * 8
			}
			e := lt[bits&lmask]
			if e&0x80 != 0 {
				e = lt[e>>8+uint32(bits>>lp)&(1<<(e&0x1f)-1)]
			}
			n := uint(e & 0x1f)
			if n == 0 {
				break // no code: said below
			}
			bits >>= n
			nbits -= n
			sym := int(e >> 8)
			if sym < 256 {
				out[w] = byte(sym)
				w++
				continue
			}
			if sym == 256 {
				f.bits, f.nbits, f.pos = bits, nbits, pos
				return w, false, nil
			}
			sym -= 257
			if sym >= 29 {
				f.pos = pos
				return w, false, flate.CorruptInputError(pos)
			}
			length := int(lengthBase[sym])
			if x := uint(lengthExtra[sym]); x > 0 {
				length += int(bits & (1<<x - 1))
				bits >>= x
				nbits -= x
			}
			de := dt[bits&dmask]
			if de&0x80 != 0 {
				de = dt[de>>8+uint32(bits>>dp)&(1<<(de&0x1f)-1)]
			}
			dn := uint(de & 0x1f)
			d := int(de >> 8)
			if dn == 0 || d >= 30 {
				f.pos = pos
				return w, false, flate.CorruptInputError(pos)
			}
			bits >>= dn
			nbits -= dn
			distance := int(distBase[d])
			if x := uint(distExtra[d]); x > 0 {
				distance += int(bits & (1<<x - 1))
				bits >>= x
				nbits -= x
			}
			if distance > w {
				f.pos = pos
				return w, false, flate.CorruptInputError(pos)
			}
			if distance >= length {
				copy(out[w:w+length], out[w-distance:])
			} else {
				for i := w; i < w+length; i++ {
					out[i] = out[i-distance]
				}
			}
			w += length
		}
		f.bits, f.nbits, f.pos = bits, nbits, pos
	}
	for {
		if f.nbits < 48 {
			f.refill()
		}
		if f.pos > len(src) && (f.truncated() || f.left() < lit.min) {
			return w, false, io.ErrUnexpectedEOF
		}
		e := lit.table[f.bits&lmask]
		if e&0x80 != 0 {
			e = lit.table[e>>8+uint32(f.bits>>lit.primaryBits)&(1<<(e&0x1f)-1)]
		}
		n := uint(e & 0x1f)
		if n == 0 {
			return corrupt()
		}
		f.bits >>= n
		f.nbits -= n
		sym := int(e >> 8)
		if sym < 256 {
			if w == len(out) {
				if f.truncated() {
					return w, false, io.ErrUnexpectedEOF
				}
				return w, true, nil
			}
			out[w] = byte(sym)
			w++
			continue
		}
		if sym == 256 {
			if f.truncated() {
				return w, false, io.ErrUnexpectedEOF
			}
			return w, false, nil
		}
		sym -= 257
		if sym >= 29 {
			return corrupt()
		}
		length := int(lengthBase[sym])
		if x := uint(lengthExtra[sym]); x > 0 {
			length += int(f.bits & (1<<x - 1))
			f.bits >>= x
			f.nbits -= x
		}
		d := f.decode(dist)
		if d == -2 {
			return w, false, io.ErrUnexpectedEOF
		}
		if d < 0 || d >= 30 {
			return corrupt()
		}
		distance := int(distBase[d])
		if x := uint(distExtra[d]); x > 0 {
			if f.nbits < x {
				f.refill()
			}
			distance += int(f.bits & (1<<x - 1))
			f.bits >>= x
			f.nbits -= x
		}
		if f.truncated() {
			return w, false, io.ErrUnexpectedEOF
		}
		if distance > w {
			return corrupt()
		}
		end := w + length
		full := false
		if end > len(out) {
			end, full = len(out), true
		}
		if distance >= length {
			copy(out[w:end], out[w-distance:])
		} else {
			for i := w; i < end; i++ {
				out[i] = out[i-distance]
			}
		}
		w = end
		if full {
			return w, true, nil
		}
	}
}
