package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/ingest/xlsx"
)

// Status is what became of one input file.
type Status string

// The statuses of input files.
const (
	StatusOK       Status = "ok"       // read, no problems
	StatusWarnings Status = "warnings" // read, only warnings
	StatusErrors   Status = "errors"   // read, some figures rejected
	StatusRejected Status = "rejected" // not usable as a return
	StatusSkipped  Status = "skipped"  // not a return at all (lock file, other file type, other period)
)

// Label is the status in the language.
func (s Status) Label(l lang.Lang) string {
	switch s {
	case StatusOK:
		return wordStatusOK.In(l)
	case StatusWarnings:
		return wordStatusWarnings.In(l)
	case StatusErrors:
		return wordStatusErrors.In(l)
	case StatusRejected:
		return wordStatusRejected.In(l)
	}
	return wordStatusSkipped.In(l)
}

// File is one input file and what became of it.
type File struct {
	Path     string
	Status   Status
	Return   *Return // nil unless the file was read as a return
	Problems int     // how many problems name this file
	Period   Period  // the return's period, also when it was skipped for being of another
	Reason   string  // why a file was skipped (Vietnamese)
	ReasonEn string
}

// skip says why the file was skipped: m with args (see messages.go).
func (f *File) skip(m lang.Msg, args ...any) {
	f.Reason, f.ReasonEn = m.In(lang.Vi, args...), m.In(lang.En, args...)
}

// Batch is everything read from a set of paths: every file accounted for, the accepted returns
// (each unit and period once) and every problem found.
type Batch struct {
	Catalogue *Catalogue
	Files     []File
	Returns   []*Return
	Problems  []Problem
}

// LoadOptions tune Load.
type LoadOptions struct {
	Period   Period              // when set, returns of other periods are skipped
	Units    []string            // the roster's unit codes, when there is one: a code stored as a number matches its zero-padded form
	Workers  int                 // parallel readers; 0 means one per CPU
	Progress func(done, all int) // called after each file, from one goroutine at a time
}

// ErrNoInput is returned when the paths hold no file that could be a return.
var ErrNoInput = errors.New("no returns found")

// Load reads every return under paths (folders recursively, files as given) in parallel.
// The error is for the environment only (a path that does not exist); problems in files are in
// the batch.
func Load(ctx context.Context, cat *Catalogue, paths []string, opts LoadOptions) (*Batch, error) {
	files, unreadable, err := discover(paths)
	if err != nil {
		return nil, err
	}
	b := &Batch{Catalogue: cat, Files: files}
	var todo []int
	for i := range files {
		if files[i].Status == "" {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 && len(unreadable) == 0 {
		return b, fmt.Errorf("%w in %s", ErrNoInput, strings.Join(paths, ", "))
	}
	problems := make([][]Problem, len(files))
	for i, p := range unreadable {
		problems[i] = []Problem{p}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	mem := newMemBudget(memoryBudget)
	// Each reader takes the next file itself, and this goroutine reads too: no hand-over through
	// a channel, no goroutine woken and put to sleep for each file.
	var next atomic.Int64
	var mu sync.Mutex
	done := 0
	work := func() {
		for {
			k := int(next.Add(1) - 1)
			if k >= len(todo) || ctx.Err() != nil {
				return
			}
			i := todo[k]
			r, ps := readSafely(files[i].Path, cat, mem)
			files[i].Return, problems[i] = r, ps
			if opts.Progress != nil {
				mu.Lock()
				done++
				opts.Progress(done, len(todo))
				mu.Unlock()
			}
		}
	}
	var wg sync.WaitGroup
	for range min(workers, len(todo)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	numeric := &numericCodes{units: opts.Units}
	for i := range files {
		f := &files[i]
		if f.Status != "" {
			continue
		}
		if f.Return == nil {
			f.Status = StatusRejected
			continue
		}
		if p, ok := resolveCodes(f.Return, numeric.candidates(f.Return)); !ok {
			problems[i] = append(problems[i], p)
			f.Status = StatusRejected
		} else if p.Code != "" {
			problems[i] = append(problems[i], p)
		}
	}
	period := opts.Period
	if period.IsZero() {
		period = majorityPeriod(files)
	}
	for i := range files {
		f := &files[i]
		if f.Status != "" || period.IsZero() || f.Return.Period == period {
			continue
		}
		r := f.Return
		if !opts.Period.IsZero() {
			f.Status, f.Return, f.Period = StatusSkipped, nil, r.Period
			f.skip(reasonOtherPeriod, r.Period, opts.Period)
			problems[i] = nil
			continue
		}
		p := problem(Error, CodeOtherPeriod, msgOtherPeriod, r.Period, period)
		p.File, p.Unit, p.Sheet = f.Path, r.Unit.Code, SheetInfo
		problems[i] = append(problems[i], p)
		f.Status = StatusRejected
	}
	decideDuplicates(files, problems)
	for i := range files {
		f := &files[i]
		ps := problems[i]
		switch f.Status {
		case "":
			f.Status, f.Period = StatusOK, f.Return.Period
			b.Returns = append(b.Returns, f.Return)
			for _, p := range ps {
				if p.Severity == Error {
					f.Status = StatusErrors
					break
				}
				f.Status = StatusWarnings
			}
		case StatusRejected:
			f.Return = nil
		}
		f.Problems = len(ps)
		b.Problems = append(b.Problems, ps...)
	}
	return b, nil
}

// numericCodes are the roster's codes of digits only, by their value without leading zeros,
// indexed on first use: a code stored as a number is matched with a roster of 200,000 units by
// a look-up, not a scan of the roster.
type numericCodes struct {
	units []string // the roster's codes; nil without a roster
	index map[string][]string
}

// candidates are the roster's codes that resolveCodes may match with r's numeric codes (all the
// roster's codes when r has none): the same matches as from the whole roster.
func (n *numericCodes) candidates(r *Return) []string {
	if n.units == nil || !r.numericUnit && !r.numericParent {
		return n.units
	}
	if n.index == nil {
		n.index = map[string][]string{}
		for _, u := range n.units {
			if strings.Trim(u, "0123456789") == "" {
				k := strings.TrimLeft(u, "0")
				n.index[k] = append(n.index[k], u)
			}
		}
	}
	out := []string{} // not nil: there is a roster
	code, parent := strings.TrimLeft(r.Unit.Code, "0"), strings.TrimLeft(r.Unit.Parent, "0")
	if r.numericUnit {
		out = append(out, n.index[code]...)
	}
	if r.numericParent && (!r.numericUnit || parent != code) {
		out = append(out, n.index[parent]...)
	}
	return out
}

// resolveCodes matches a unit or parent code that was stored as a number (2125, Excel having
// dropped the zero of 02125) with the roster's zero-padded code, with a warning. Without a roster
// such a return cannot be attributed and is rejected (ok false).
func resolveCodes(r *Return, units []string) (Problem, bool) {
	var warned []lang.Msg
	for _, c := range []struct {
		code    *string
		numeric bool
		word    lang.Msg
	}{{&r.Unit.Code, r.numericUnit, wordUnitCode}, {&r.Unit.Parent, r.numericParent, wordParentCode}} {
		if !c.numeric {
			continue
		}
		if units == nil {
			p := problem(Error, CodeNumericCode, msgNumericCode, c.word, *c.code)
			p.File, p.Unit, p.Sheet = r.File, r.Unit.Code, SheetInfo
			return p, false
		}
		var match []string
		for _, u := range units {
			if strings.TrimLeft(u, "0") == strings.TrimLeft(*c.code, "0") && strings.Trim(u, "0123456789") == "" {
				match = append(match, u)
			}
		}
		if len(match) == 1 && match[0] != *c.code {
			warned = append(warned, msgNumericCodeTaken.With(c.word, *c.code, match[0]))
			*c.code = match[0]
		}
	}
	if len(warned) == 0 {
		return Problem{}, true
	}
	p := problem(Warning, CodeNumericCode, msgNumericCodeMatched, lang.Join(warned, "; "))
	p.File, p.Unit, p.Sheet = r.File, r.Unit.Code, SheetInfo
	return p, true
}

// majorityPeriod is the period of more than half of the returns read, or none.
func majorityPeriod(files []File) Period {
	count := map[Period]int{}
	n := 0
	for _, f := range files {
		if f.Status == "" && f.Return != nil {
			count[f.Return.Period]++
			n++
		}
	}
	for p, c := range count {
		if 2*c > n {
			return p
		}
	}
	return Period{}
}

// decideDuplicates keeps one return per unit and period. Of two or more, the one with the
// latest report date counts; when the dates do not decide (the same date, or none — offices often
// send a corrected return without changing it), the one the workbook says was saved last
// (docProps/core.xml) counts. The others are superseded (a warning naming the file that counts
// and why). When neither decides, none counts (an error on each). The messages grow with the
// number of files: the unit's files are listed once, on its first file.
func decideDuplicates(files []File, problems [][]Problem) {
	groups := map[string][]int{}
	var keys []string
	for i := range files {
		f := &files[i]
		if f.Status != "" {
			continue
		}
		key := NormalizeCode(f.Return.Unit.Code) + "|" + f.Return.Period.String()
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], i)
	}
	for _, key := range keys {
		if idx := groups[key]; len(idx) > 1 {
			decideGroup(files, problems, idx)
		}
	}
}

// decideGroup decides between the returns idx of one unit and period.
func decideGroup(files []File, problems [][]Problem, idx []int) {
	// By report date: the latest, when all are dated and one is later than the others.
	latest, dated := latestBy(idx, func(i int) (time.Time, bool) { return parseReportDate(files[i].Return.ReportDate) })
	if latest < 0 {
		// By the time each workbook was saved, among those of the latest date (all, when some
		// are undated).
		cands := idx
		if dated {
			var last time.Time
			for _, i := range idx {
				if d, _ := parseReportDate(files[i].Return.ReportDate); d.After(last) {
					last = d
				}
			}
			cands = nil
			for _, i := range idx {
				if d, _ := parseReportDate(files[i].Return.ReportDate); d.Equal(last) {
					cands = append(cands, i)
				}
			}
		}
		latest, _ = latestBy(cands, func(i int) (time.Time, bool) { return savedAt(files[i].Path) })
	}
	r0 := files[idx[0]].Return
	if latest < 0 {
		var paths []string
		for _, i := range idx[:min(len(idx), maxListed)] {
			paths = append(paths, files[i].Path)
		}
		var list any = strings.Join(paths, ", ")
		if n := len(idx) - len(paths); n > 0 {
			list = msgMoreFiles.With(list, n)
		}
		for k, i := range idx {
			f := &files[i]
			var p Problem
			if k == 0 {
				p = problem(Error, CodeDuplicate, msgDuplicateFirst, r0.Unit.Code, len(idx), r0.Period, list)
			} else {
				p = problem(Error, CodeDuplicate, msgDuplicateOther, len(idx), r0.Period, r0.Unit.Code, files[idx[0]].Path)
			}
			p.File, p.Unit = f.Path, f.Return.Unit.Code
			problems[i] = append(problems[i], p)
			f.Status = StatusRejected
		}
		return
	}
	lf := &files[latest]
	for _, i := range idx {
		if i == latest {
			continue
		}
		f := &files[i]
		r := f.Return
		var p Problem
		mine, ok1 := parseReportDate(r.ReportDate)
		theirs, ok2 := parseReportDate(lf.Return.ReportDate)
		if ok1 && ok2 && mine.Before(theirs) {
			p = problem(Warning, CodeSuperseded, msgSupersededByDate, r.Unit.Code, r.Period, lf.Return.ReportDate, lf.Path, r.ReportDate)
			f.skip(reasonSupersededDate, lf.Return.ReportDate, lf.Path)
		} else {
			mine, _ := savedAt(f.Path)
			theirs, _ := savedAt(lf.Path)
			date := wordDatesUndecided
			if ok1 && ok2 {
				date = wordSameDate.With(r.ReportDate)
			}
			const at = "02/01/2006 15:04:05"
			p = problem(Warning, CodeSuperseded, msgSupersededBySave, r.Unit.Code, r.Period, lf.Path, date, lf.Path, theirs.UTC().Format(at), mine.UTC().Format(at))
			f.skip(reasonSupersededSaved, lf.Path)
		}
		p.File, p.Unit = f.Path, r.Unit.Code
		problems[i] = append(problems[i], p)
		f.Status, f.Return = StatusSkipped, nil
	}
}

// maxListed is how many files a message lists before it says how many more there are.
const maxListed = 10

// latestBy is the one of idx with the latest time, or -1 when some have none (all is false)
// or two share the latest.
func latestBy(idx []int, at func(int) (time.Time, bool)) (latest int, all bool) {
	latest, unique := -1, false
	var when time.Time
	for _, i := range idx {
		t, ok := at(i)
		if !ok {
			return -1, false
		}
		switch {
		case latest < 0 || t.After(when):
			latest, when, unique = i, t, true
		case t.Equal(when):
			unique = false
		}
	}
	if !unique {
		return -1, true
	}
	return latest, true
}

// readReturn reads one file; tests replace it.
var readReturn = readFile

// readSafely reads one file; a panic while reading it is that file's problem, not the run's.
func readSafely(path string, cat *Catalogue, mem *memBudget) (r *Return, ps []Problem) {
	defer func() {
		if v := recover(); v != nil {
			p := problem(Error, CodeUnreadable, msgPanic, v)
			p.File = path
			r, ps = nil, []Problem{p}
		}
	}()
	return readReturn(path, cat, mem)
}

// memoryBudget is what the files being read may hold at once, whatever the number of workers:
// enough for the largest file that is read at all (maxFileSize on disk, xlsx.MaxInflated inflated,
// twice for what is made of it).
const memoryBudget = maxFileSize + 2*xlsx.MaxInflated

// memBudget sets memory aside for the files being read: a reader waits until its share is free.
// A reader holds nothing while it waits, so readers never wait for each other in a cycle.
type memBudget struct {
	mu   sync.Mutex
	cond sync.Cond
	free int64
	size int64
}

func newMemBudget(size int64) *memBudget {
	m := &memBudget{free: size, size: size}
	m.cond.L = &m.mu
	return m
}

// acquire waits until n bytes (at most the whole budget) are free and takes them; it returns
// what it took. A nil budget takes nothing.
func (m *memBudget) acquire(n int64) int64 {
	if m == nil {
		return 0
	}
	n = min(n, m.size)
	m.mu.Lock()
	for m.free < n {
		m.cond.Wait()
	}
	m.free -= n
	m.mu.Unlock()
	return n
}

func (m *memBudget) release(n int64) {
	if m == nil || n == 0 {
		return
	}
	m.mu.Lock()
	m.free += n
	m.mu.Unlock()
	m.cond.Broadcast()
}

// discover lists the input files, sorted, and marks those that are not returns as skipped. A
// folder or file that cannot be listed or looked at (no permission, a path too long for the
// system) is rejected with its problem, by the index of its entry: the others are read. The error
// is for a path given that does not exist.
func discover(paths []string) ([]File, map[int]Problem, error) {
	var files []File
	unreadable := map[int]Problem{}
	seen := map[string]bool{}
	bad := func(path string, err error, folder bool) {
		if seen[filepath.Clean(path)] {
			return
		}
		seen[filepath.Clean(path)] = true
		what := wordCannotReadFile
		if folder {
			what = wordCannotReadFolder
		}
		reason := func(l lang.Lang) string { return pathReason(err, l) }
		p := problem(Error, CodeUnreadable, msgUnlistable, what, reason)
		p.File = path
		unreadable[len(files)] = p
		files = append(files, File{Path: path, Status: StatusRejected})
	}
	add := func(path string, explicit bool, mode fs.FileMode) {
		clean := filepath.Clean(path)
		if seen[clean] {
			return
		}
		seen[clean] = true
		f := File{Path: path}
		base := filepath.Base(path)
		ext := strings.ToLower(filepath.Ext(path))
		switch {
		case strings.HasPrefix(base, "~$"):
			f.Status = StatusSkipped
			f.skip(reasonLockFile)
		case !explicit && ext != ".xlsx" && ext != ".xlsm" && ext != ".xls" && ext != ".ods":
			f.Status = StatusSkipped
			f.skip(reasonNotExcel)
		case mode&fs.ModeSymlink != 0:
			// A link is followed to what it names, and only a regular file is read.
			if st, err := os.Stat(path); err == nil {
				mode = st.Mode()
			} else {
				mode = 0 // a broken link: reading it says why
			}
			if mode.IsDir() {
				f.Status = StatusSkipped
				f.skip(reasonFolderLink)
				break
			}
			fallthrough
		case !mode.IsRegular():
			if mode&(fs.ModeNamedPipe|fs.ModeDevice|fs.ModeCharDevice|fs.ModeSocket|fs.ModeIrregular) != 0 {
				f.Status = StatusSkipped
				f.skip(msgNotRegular)
			}
		}
		files = append(files, f)
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("input %s: %w", p, err)
		}
		if err != nil {
			bad(p, err, false)
			continue
		}
		if !st.IsDir() {
			add(p, true, st.Mode())
			continue
		}
		var entries []dirEntry
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// A folder that cannot be listed, or an entry that cannot be looked at.
				folder := d == nil || d.IsDir()
				entries = append(entries, dirEntry{path: path, err: err, folder: folder})
				if folder && d != nil {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasPrefix(d.Name(), ".") {
				entries = append(entries, dirEntry{path: path, mode: d.Type()})
			}
			return nil
		})
		sort.Slice(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
		for _, f := range entries {
			if f.err != nil {
				bad(f.path, f.err, f.folder)
			} else {
				add(f.path, false, f.mode)
			}
		}
	}
	return files, unreadable, nil
}

// pathReason is why a path cannot be read, in the language.
func pathReason(err error, l lang.Lang) string {
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return wordPathTooLong.In(l)
	}
	return osReason(err, l)
}

type dirEntry struct {
	path   string
	mode   fs.FileMode
	err    error // the entry could not be read
	folder bool  // it is a folder
}

// Rejected counts the files that were rejected or had error-level problems.
func (b *Batch) Rejected() int {
	n := 0
	for _, f := range b.Files {
		if f.Status == StatusRejected || f.Status == StatusErrors {
			n++
		}
	}
	return n
}

// Read counts the files that were read as returns or rejected (every file but the skipped).
func (b *Batch) Read() int {
	n := 0
	for _, f := range b.Files {
		if f.Status != StatusSkipped {
			n++
		}
	}
	return n
}

// Has reports whether a return of unit code was accepted.
func (b *Batch) Has(code string) bool {
	return slices.ContainsFunc(b.Returns, func(r *Return) bool { return r.Unit.Code == code })
}

// Periods lists the distinct periods of the returns, in order.
func (b *Batch) Periods() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range b.Returns {
		if p := r.Period.String(); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// Period is the period of the returns, when they share one.
func (b *Batch) Period() Period {
	var p Period
	for _, r := range b.Returns {
		if p.IsZero() {
			p = r.Period
		} else if p != r.Period {
			return Period{}
		}
	}
	return p
}
