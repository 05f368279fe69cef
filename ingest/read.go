package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// Limits that keep a hostile or broken file from taking the machine: a return is a few kilobytes.
const (
	maxFileSize   = 64 << 20 // bytes on disk
	maxSheetRows  = 20000
	maxSheetsRead = 32
)

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// EncryptedPackage in UTF-16LE: the stream an encrypted OOXML file keeps inside its CFB container.
	encryptedMarker = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// ReadFile reads one return. It returns nil and the problems when the file cannot be used as a
// return at all; otherwise the return and the problems found in it (errors leave the figure unset).
func ReadFile(path string, cat *Catalogue) (*Return, []Problem) { return readFile(path, cat, nil) }

// readFile reads one return, setting aside in mem (when not nil) the memory it may take.
func readFile(path string, cat *Catalogue, mem *memBudget) (*Return, []Problem) {
	fail := func(code string, m lang.Msg, args ...any) (*Return, []Problem) {
		p := problem(Error, code, m, args...)
		p.File = path
		return nil, []Problem{p}
	}
	// Non-blocking, so that a FIFO put in place of the file does not wait for a writer.
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fail(CodeUnreadable, msgCannotOpen, why(err))
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fail(CodeUnreadable, msgCannotRead, why(err))
	}
	if !st.Mode().IsRegular() {
		return fail(CodeUnreadable, msgNotRegular)
	}
	size := st.Size()
	if size > maxFileSize {
		return fail(CodeTooLarge, msgFileTooLarge, size>>20)
	}
	// What the parts may inflate to is set aside with the file: small for a small file; a file
	// that needs more is read again with the whole allowance.
	limit := min(xlsx.MaxInflated, max(4<<20, 32*size))
	need := mem.acquire(size + 2*limit)
	defer func() { mem.release(need) }()
	// One read of the size fstat gives; the limit reader bounds a file that grows meanwhile. The
	// buffer is reused: nothing read from a file keeps a reference to its bytes.
	buf := fileBuffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= 1<<20 {
			fileBuffers.Put(buf)
		}
	}()
	if int64(cap(*buf)) < size+1 {
		*buf = make([]byte, 0, size+1)
	}
	data := (*buf)[:0]
	lr := io.LimitReader(fh, maxFileSize+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		*buf = data
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(CodeUnreadable, msgCannotRead, why(err))
		}
	}
	if len(data) > maxFileSize {
		return fail(CodeTooLarge, msgFileOverLimit, maxFileSize>>20)
	}
	r, ps, again := read(path, data, cat, limit)
	if again {
		mem.release(need)
		need = mem.acquire(int64(len(data)) + 2*xlsx.MaxInflated)
		r, ps, _ = read(path, data, cat, xlsx.MaxInflated)
	}
	return r, ps
}

var fileBuffers = sync.Pool{New: func() any { return new([]byte) }}

// entryBuffers keep the figure cells of a workbook being read, for the next one.
var entryBuffers = sync.Pool{New: func() any { return new([]entry) }}

// why is why the system refused a file, in the message's language.
func why(err error) func(lang.Lang) string {
	return func(l lang.Lang) string { return osReason(err, l) }
}

func osReason(err error, l lang.Lang) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return wordNotExist.In(l)
	case errors.Is(err, os.ErrPermission):
		return wordNoPermission.In(l)
	case lockedByOther(err):
		return wordLocked.In(l)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a return from the bytes of a workbook; name is the file it came from.
func Read(name string, data []byte, cat *Catalogue) (*Return, []Problem) {
	r, ps, _ := read(name, data, cat, xlsx.MaxInflated)
	return r, ps
}

// read is Read with a bound on what the workbook's parts may inflate to; again reports that the
// bound was reached below xlsx.MaxInflated, so that the file may be read again with more.
func read(name string, data []byte, cat *Catalogue, limit int64) (_ *Return, _ []Problem, again bool) {
	fail := func(code string, m lang.Msg, args ...any) (*Return, []Problem, bool) {
		p := problem(Error, code, m, args...)
		p.File = name
		return nil, []Problem{p}, false
	}
	switch {
	case len(data) == 0:
		return fail(CodeEmptyFile, msgEmptyFile)
	case bytes.HasPrefix(data, cfbMagic):
		if bytes.Contains(data[:min(len(data), 1<<20)], encryptedMarker) {
			return fail(CodeEncrypted, msgEncrypted)
		}
		return fail(CodeLegacyXLS, msgLegacyXLS)
	case !bytes.HasPrefix(data, zipMagic):
		if strings.EqualFold(filepath.Ext(name), ".xls") {
			return fail(CodeLegacyXLS, msgBadXLS)
		}
		return fail(CodeNotWorkbook, msgNotWorkbook)
	}
	if isODS(data) || strings.EqualFold(filepath.Ext(name), ".ods") {
		return fail(CodeODS, msgODS)
	}
	book, err := xlsx.OpenLimit(data, limit)
	if err != nil {
		var large *xlsx.TooLargeError
		switch {
		case errors.As(err, &large) && large.Entries == 0 && large.Limit < xlsx.MaxInflated:
			return nil, nil, true
		case errors.Is(err, xlsx.ErrCorrupt):
			return fail(CodeCorrupt, msgCorrupt)
		case errors.As(err, &large) && large.Entries > 0:
			return fail(CodeTooLarge, msgTooManyParts, large.Entries)
		case errors.As(err, &large):
			return fail(CodeTooLarge, msgInflatesTooMuch, large.Inflated>>20)
		case errors.Is(err, xlsx.ErrNotWorkbook):
			return fail(CodeNotWorkbook, msgZipNotWorkbook)
		}
		return fail(CodeCorrupt, msgCorruptWhy, err.Error())
	}
	entries := entryBuffers.Get().(*[]entry)
	defer func() {
		clear(*entries) // no strings of this workbook kept alive
		entryBuffers.Put(entries)
	}()
	rd := &reader{name: name, cat: cat, book: book, r: NewReturn(cat, Unit{}, Period{}), seen: make([]bool, len(cat.Raw)), entries: (*entries)[:0]}
	rd.r.File = name
	rd.r.Version = 0
	r, ps := rd.read()
	if cap(rd.entries) <= 4096 {
		*entries = rd.entries[:cap(rd.entries)]
	}
	return r, ps, rd.again
}

// isODS reports whether a zip archive is an OpenDocument file: its first entry is the
// uncompressed «mimetype».
func isODS(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument"))
}

type reader struct {
	name     string
	cat      *Catalogue
	book     *xlsx.Book
	r        *Return
	problems []Problem
	info     map[string]rawCell
	entries  []entry         // the figure cells found, in the order of the sheets and rows
	seen     []bool          // raw figures (by index) whose row was found, blank or not
	roles    map[string]bool // the template's sheets that were found
	rejected bool            // a sheet or a part cannot be trusted: the whole return is rejected
	again    bool            // the parts inflated past the bound asked for: read again with more
}

// rawCell is a cell of the unit's information.
type rawCell struct {
	cell  xlsx.Cell
	sheet string
	row   int
}

// entry is a figure's value cell: where a code in column A meets the value column.
type entry struct {
	fig      *Figure
	sheet    string
	sheetIdx int8
	row      int
	cell     xlsx.Cell // Col is set even when the cell is empty
	unit     xlsx.Cell // the unit label of the row (Đơn vị tính), if the sheet has one
}

// normKnown is normName of a name met in every workbook (the template's sheets, the levels'
// names), remembered; at most 256 names are.
func normKnown(s string) string {
	knownNames.RLock()
	n, ok := knownNames.m[s]
	knownNames.RUnlock()
	if !ok {
		n = normName(s)
		knownNames.Lock()
		if len(knownNames.m) < 256 {
			knownNames.m[s] = n
		}
		knownNames.Unlock()
	}
	return n
}

var knownNames = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// normName is a name or code as compared: NFC, trimmed, in lower case.
func normName(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(norm.NFC.String(s))
		}
	}
	return strings.ToLower(s) // ASCII is in NFC; ToLower makes no copy of a lower-case name
}

// add records a problem that says m with args (see messages.go).
func (rd *reader) add(sev Severity, code, sheet string, col, row int, figure string, m lang.Msg, args ...any) {
	p := problem(sev, code, m, args...)
	p.File, p.Sheet, p.Figure = rd.name, sheet, figure
	if row > 0 {
		p.Cell = cellName(col, row)
	}
	rd.problems = append(rd.problems, p)
}

// refuse records a problem that makes the whole return untrustworthy.
func (rd *reader) refuse(code, sheet string, col, row int, m lang.Msg, args ...any) {
	rd.add(Error, code, sheet, col, row, "", m, args...)
	rd.rejected = true
}

func (rd *reader) rejectAll() (*Return, []Problem) {
	code := NormalizeCode(rd.info[keyUnit].cell.Value)
	if rd.r.Unit.Code != "" {
		code = rd.r.Unit.Code
	}
	for i := range rd.problems {
		rd.problems[i].Unit = code
	}
	return nil, rd.problems
}

func (rd *reader) read() (*Return, []Problem) {
	sheets := rd.book.Sheets()
	var names []string
	for _, sh := range sheets {
		names = append(names, sh.Name)
	}
	want := []string{SheetInfo, SheetFigures, SheetModels}
	chosen := map[string]xlsx.Sheet{}
	candidates := map[string]bool{}
	var missing []string
	for _, w := range want {
		sh, found := rd.chooseSheet(w, sheets)
		for _, n := range found {
			candidates[n] = true
		}
		switch {
		case sh != nil:
			chosen[w] = *sh
		case len(found) == 0:
			missing = append(missing, w)
		}
	}
	if rd.rejected {
		return rd.rejectAll()
	}
	rd.info = map[string]rawCell{}
	rd.roles = map[string]bool{}
	for _, w := range want {
		if sh, ok := chosen[w]; ok {
			rd.roles[w] = true
			if !rd.scan(sh, w) {
				return rd.rejectAll()
			}
		}
	}
	renamed := false
	if len(missing) > 0 {
		// A renamed sheet still reads: look for the codes on the visible sheets that are not the
		// expected ones.
		for i, sh := range sheets {
			if i >= maxSheetsRead {
				break
			}
			if sh.Hidden || candidates[sh.Name] || normKnown(sh.Name) == normKnown(SheetGuide) {
				continue
			}
			before := len(rd.entries) + len(rd.info)
			if !rd.scan(sh, "") {
				return rd.rejectAll()
			}
			if len(rd.entries)+len(rd.info) > before {
				renamed = true
				rd.add(Warning, CodeRenamedSheet, sh.Name, 0, 0, "", msgRenamedSheet, sh.Name, quoteList(missing))
			}
		}
	}
	if len(rd.entries) == 0 && len(rd.info) == 0 {
		if len(missing) == len(want) {
			rd.add(Error, CodeNotReturn, "", 0, 0, "", msgNotReturn, quoteList(want))
		} else {
			rd.add(Error, CodeMissingSheet, "", 0, 0, "", msgNoSheetsNoFigures, quoteList(missing), quoteList(names))
		}
		return rd.rejectAll()
	}
	for _, w := range missing {
		if w == SheetInfo && len(rd.info) > 0 || w != SheetInfo && renamed {
			continue
		}
		rd.add(Error, CodeMissingSheet, "", 0, 0, "", msgMissingSheet, w, quoteList(names))
	}
	if !rd.unitInfo() {
		return rd.rejectAll()
	}
	filled := rd.resolve()
	if filled == 0 && (rd.roles[SheetFigures] || rd.roles[SheetModels] || renamed) {
		rd.add(Error, CodeEmptyReturn, "", 0, 0, "", msgEmptyReturn)
		return rd.rejectAll()
	}
	rd.missingRows(renamed)
	rd.checkRules()
	if !rd.readCoverage() {
		return rd.rejectAll()
	}
	for i := range rd.problems {
		rd.problems[i].Unit = rd.r.Unit.Code
	}
	return rd.r, rd.problems
}

// missingRows warns, once, about the catalogue's figures whose rows are not in the return: a
// figure that is not there is not reported, and the office should know it was not read.
func (rd *reader) missingRows(renamed bool) {
	var codes []string
	for _, f := range rd.cat.Raw {
		if rd.seen[f.index] {
			continue
		}
		role := SheetFigures
		if f.Section == "mo_hinh" {
			role = SheetModels
		}
		if !rd.roles[role] && !renamed {
			continue // the whole sheet is missing, which is said already
		}
		codes = append(codes, f.Code)
	}
	if len(codes) == 0 {
		return
	}
	list := strings.Join(codes, ", ")
	if len(codes) > 12 {
		list = strings.Join(codes[:12], ", ") + fmt.Sprintf(" (+%d)", len(codes)-12)
	}
	rd.add(Warning, CodeMissingRows, "", 0, 0, "", msgMissingRows, len(codes), list)
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "«" + n + "»"
	}
	return strings.Join(q, ", ")
}

func (r *Return) sheetIndex(name string) int8 {
	for i, s := range r.sheets {
		if s == name {
			return int8(i)
		}
	}
	r.sheets = append(r.sheets, name)
	return int8(len(r.sheets) - 1)
}

func cellName(col, row int) string { return xlsx.CellName(col, row) }
