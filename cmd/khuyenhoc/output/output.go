package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Kind is the format of an output: its extensions (the first is the usual one) and its name in
// both languages.
type Kind struct {
	Exts []string // with the dot, lower case
	Name lang.Msg
}

// The formats the commands write.
var (
	Excel = Kind{Exts: []string{".xlsx"}, Name: help.KindExcel}
	PDF   = Kind{Exts: []string{".pdf"}, Name: help.KindPDF}
	Word  = Kind{Exts: []string{".docx"}, Name: help.KindWord}
	YAML  = Kind{Exts: []string{".yaml", ".yml"}, Name: help.KindYAML}
	HTML  = Kind{Exts: []string{".html", ".htm"}, Name: help.KindHTML}
)

// File is one output: where it goes and, once the data is ready, how to write it.
type File struct {
	Flag  string // the flag that named it (-o, --pdf), for messages
	Path  string // as the user wrote it
	Write func(w io.Writer) error

	abs   string      // resolved: symlinks in its folder followed
	tmp   string      // the temporary file while writing
	perm  fs.FileMode // the permissions of the file it replaces; 0 for a new file
	old   string      // the old file kept aside while the outputs are renamed into place
	moved bool        // old was renamed away (not linked): the output's name is free until renamed
}

// Set is the outputs of one run, and the inputs they must not touch.
type Set struct {
	mu       sync.Mutex
	inputs   []input
	files    []*File
	byPath   map[string]*File // by resolved path
	existing []existing       // the outputs that exist already, to find two names of one file
	mkdir    []string         // folders to create before writing, removed again if nothing is written
	made     []string         // folders created
	aborted  bool
	done     bool // every output renamed into place

	inputFiles []fileAt // the files inside the input folders, once an output exists (see inputFile)
	walked     bool
}

type existing struct {
	file *File
	info fs.FileInfo
}

type input struct {
	path string // as given
	abs  string // resolved
	info fs.FileInfo
}

// New starts a set of outputs that must keep away from the inputs (files or folders); inputs that
// do not exist are ignored here (reading them fails on its own).
func New(inputs ...string) *Set {
	s := &Set{}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			continue
		}
		abs, err := resolve(in)
		if err != nil {
			continue
		}
		s.inputs = append(s.inputs, input{path: in, abs: abs, info: info})
	}
	return s
}

// resolve makes path absolute with every symlink followed (a path that does not exist yet has its
// folder resolved and its name kept), in lower case where file names ignore case (Windows, macOS):
// a key to compare paths with, never a name to write to.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	r, err := filepath.EvalSymlinks(abs)
	if err != nil {
		dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
		if err != nil {
			return "", err
		}
		r = filepath.Join(dir, filepath.Base(abs))
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		r = strings.ToLower(r)
	}
	return r, nil
}

// Add checks an output before anything is written: its extension is the format's, it is not a
// folder, its folder exists (or is a folder this set creates), it is not an input nor inside an
// input folder, and no other output of the set is the same file.
func (s *Set) Add(flag, path string, k Kind) (*File, error) {
	if !slices.Contains(k.Exts, strings.ToLower(filepath.Ext(path))) {
		return nil, help.WrongExtension.Errorf(flag, path, k.Name, k.Exts[0])
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, help.OutputIsFolder.Errorf(flag, path)
	}
	abs, err := s.resolveOut(flag, path)
	if err != nil {
		return nil, err
	}
	f := &File{Flag: flag, Path: path, abs: abs}
	if err := s.refuseInput(f); err != nil {
		return nil, err
	}
	if info, err := os.Stat(path); err == nil {
		if info.Mode().IsRegular() && info.Mode().Perm()&0o200 == 0 {
			return nil, help.ReadOnly.Errorf(flag, path)
		}
		if in := s.inputFile(info); in != "" {
			return nil, help.LinkedToInput.Errorf(flag, path, in)
		}
		f.perm = info.Mode().Perm()
	}
	o, same := s.byPath[abs]
	if info, err := os.Stat(path); err == nil && !same {
		for _, e := range s.existing {
			if os.SameFile(e.info, info) {
				o, same = e.file, true
			}
		}
		s.existing = append(s.existing, existing{f, info})
	}
	if same {
		return nil, help.SameOutput.Errorf(o.Flag, flag, path)
	}
	if s.byPath == nil {
		s.byPath = map[string]*File{}
	}
	s.byPath[abs] = f
	s.files = append(s.files, f)
	return f, nil
}

// resolveOut resolves an output path whose folder must exist, or be one this set creates.
func (s *Set) resolveOut(flag, path string) (string, error) {
	dir := filepath.Dir(path)
	for _, d := range s.mkdir {
		if filepath.Clean(dir) == filepath.Clean(d) {
			pd, err := resolve(d)
			if err != nil {
				return "", err
			}
			return filepath.Join(pd, filepath.Base(path)), nil
		}
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return "", help.NoFolder.Errorf(flag, path, dir)
	}
	abs, err := resolve(path)
	if err != nil {
		return "", help.OutputError.Errorf(flag, path, err)
	}
	return abs, nil
}

// Folder plans a folder that the outputs go into: created when the outputs are written (its parent
// must exist), never an input nor inside one.
func (s *Set) Folder(flag, dir string) error {
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			return help.FolderIsFile.Errorf(flag, dir)
		}
	} else if info, err := os.Stat(filepath.Dir(filepath.Clean(dir))); err != nil || !info.IsDir() {
		return help.NoFolder.Errorf(flag, dir, filepath.Dir(filepath.Clean(dir)))
	} else {
		s.mkdir = append(s.mkdir, dir)
	}
	abs, err := resolve(dir)
	if err != nil {
		return help.OutputError.Errorf(flag, dir, err)
	}
	return s.refuseInput(&File{Flag: flag, Path: dir, abs: abs})
}

// refuseInput fails when f is an input (the same path or the same file), or inside a folder given
// as input (it would be read back as a return next time).
func (s *Set) refuseInput(f *File) error {
	for _, in := range s.inputs {
		if in.abs == f.abs || sameFile(in.path, f.Path) {
			return help.IsInput.Errorf(f.Flag, f.Path, in.path)
		}
		if !in.info.IsDir() {
			continue
		}
		if rel, err := filepath.Rel(in.abs, f.abs); err == nil && filepath.IsLocal(rel) {
			return help.InInputFolder.Errorf(f.Flag, f.Path, in.path)
		}
	}
	return nil
}

// inputFile is the path of the file inside an input folder that is the file info describes (the
// same file through a symlink or a hard link), or "". The folders are walked once, when an output
// first exists already: every file in them may be read as a return.
func (s *Set) inputFile(info fs.FileInfo) string {
	if !s.walked {
		s.walked = true
		for _, in := range s.inputs {
			if !in.info.IsDir() {
				continue
			}
			filepath.WalkDir(in.path, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil // an unreadable folder: reading the returns says so
				}
				if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
					s.inputFiles = append(s.inputFiles, fileAt{fi, path})
				}
				return nil
			})
		}
	}
	for _, fi := range s.inputFiles {
		if os.SameFile(fi.info, info) {
			return fi.path
		}
	}
	return ""
}

// fileAt is a file's info with the path it was found at.
type fileAt struct {
	info fs.FileInfo
	path string
}

func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// rename and link are os.Rename and os.Link; tests replace them to make one fail.
var (
	rename = os.Rename
	link   = os.Link
)

// Commit writes every output to a temporary file beside it and syncs it, then renames them all into
// place. Nothing is renamed unless all were written. An output that replaces a file keeps the old
// file aside until every output is in place: if a rename fails, every output already renamed gets
// its old content back (a new one is removed), and the error says so. The error names the output
// as the user wrote it, never a temporary file. Temporary files that a killed run left in the
// outputs' folders more than a day ago are removed first.
func (s *Set) Commit(ctx context.Context) (err error) {
	defer s.cleanup(&err)
	if err := s.makeFolders(); err != nil {
		return err
	}
	s.removeStale()
	if err := s.writeTemps(ctx); err != nil {
		if s.isAborted() {
			return context.Canceled
		}
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.aborted || ctx.Err() != nil {
		return context.Canceled
	}
	for i, f := range s.files {
		if err := f.place(); err != nil {
			return s.undo(s.files[:i], writeError(f.Path, err))
		}
	}
	for _, f := range s.files {
		if f.old != "" {
			os.Remove(f.old)
			f.old = ""
		}
	}
	s.done = true
	return nil
}

// place renames the output's temporary file into place, keeping the file it replaces aside: as a
// second name of it when the file system allows (the output's name is never empty), else moved.
func (f *File) place() error {
	if _, err := os.Lstat(f.Path); err == nil {
		old, err := tempName(f.Path, "old")
		if err != nil {
			return err
		}
		if link(f.Path, old) != nil {
			if err := rename(f.Path, old); err != nil {
				return err
			}
			f.moved = true
		}
		f.old = old
	}
	if err := rename(f.tmp, f.Path); err != nil {
		if f.moved && rename(f.old, f.Path) == nil || !f.moved && f.old != "" && os.Remove(f.old) == nil {
			f.old = ""
		}
		return err
	}
	f.tmp = ""
	return nil
}

// undo puts back the old files of the outputs already placed and removes the new ones; err is
// the failure, to which it adds what became of them.
func (s *Set) undo(placed []*File, err *lang.Error) error {
	var back, lost []*File
	for i := len(placed) - 1; i >= 0; i-- {
		f := placed[i]
		switch {
		case f.old == "":
			if os.Remove(f.Path) != nil {
				lost = append(lost, f)
			} else {
				back = append(back, f)
			}
		case rename(f.old, f.Path) == nil:
			f.old = ""
			back = append(back, f)
		default:
			lost = append(lost, f)
		}
	}
	vi, en := err.Vi, err.En
	add := func(m lang.Msg, a ...any) {
		vi += m.In(lang.Vi, a...)
		en += m.In(lang.En, a...)
	}
	if len(back) > 0 {
		var names []string
		for _, f := range back {
			names = append(names, f.Path)
		}
		add(help.PutBack, strings.Join(names, ", "))
	}
	for _, f := range lost {
		if f.old != "" {
			add(help.OldAside, f.Path, f.old)
			f.old = "" // kept for the user
		} else {
			add(help.NotRemoved, f.Path)
		}
	}
	return &lang.Error{Vi: vi, En: en}
}

// tempMark is in the name of every temporary file the tool makes: ".bao-cao.pdf.khuyenhoc-1a2b3c4d.tmp".
const tempMark = ".khuyenhoc-"

// staleAge is how old a temporary file must be for a later run to remove it: a run that was
// killed left it, as no run takes a day.
const staleAge = 24 * time.Hour

// isTemp reports whether name is one of the tool's temporary files.
func isTemp(name string) bool {
	i := strings.LastIndex(name, tempMark)
	if !strings.HasPrefix(name, ".") || i < 0 || !strings.HasSuffix(name, ".tmp") {
		return false
	}
	id := strings.TrimPrefix(name[i+len(tempMark):len(name)-len(".tmp")], "old-")
	return len(id) == 8 && strings.Trim(id, "0123456789abcdef") == ""
}

// tempName is a free name for a temporary file beside path; kind is "" or "old".
func tempName(path, kind string) (string, error) {
	if kind != "" {
		kind += "-"
	}
	for range 100 {
		name := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s%s%s%08x.tmp", filepath.Base(path), tempMark, kind, rand.Uint32()))
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free temporary name beside %s", path)
}

// createTemp creates a temporary file beside path. A new file has the permissions the umask
// leaves; a file that replaces another gets the old one's.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	for {
		name, err := tempName(path, "")
		if err != nil {
			return nil, err
		}
		fh, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil && perm != 0 {
			if err = fh.Chmod(perm); err != nil {
				fh.Close()
				os.Remove(name)
			}
		}
		return fh, err
	}
}

// removeStale removes the temporary files older than a day in the outputs' folders.
func (s *Set) removeStale() {
	seen := map[string]bool{}
	for _, f := range s.files {
		dir := filepath.Dir(f.Path)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !isTemp(e.Name()) {
				continue
			}
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// writeTemps writes and syncs the temporary files in parallel; the first failure stops the rest.
func (s *Set) writeTemps(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan *File)
	var wg sync.WaitGroup
	// More writers than CPUs: most of a small file's time is the wait for its sync.
	for range min(4*runtime.GOMAXPROCS(0)+4, len(s.files)) {
		wg.Go(func() {
			for f := range next {
				if err := s.writeTemp(f); err != nil {
					cancel(err)
				}
			}
		})
	}
feed:
	for _, f := range s.files {
		select {
		case next <- f:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

func (s *Set) makeFolders() error {
	for _, d := range s.mkdir {
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return writeError(d, err)
		} else if err == nil {
			s.made = append(s.made, d)
		}
	}
	return nil
}

func (s *Set) writeTemp(f *File) error {
	if f.Write == nil {
		return fmt.Errorf("output %s has nothing to write", f.Path)
	}
	s.mu.Lock()
	if s.aborted {
		s.mu.Unlock()
		return context.Canceled
	}
	tmp, err := createTemp(f.Path, f.perm)
	if err != nil {
		s.mu.Unlock()
		return writeError(f.Path, err)
	}
	f.tmp = tmp.Name()
	s.mu.Unlock()
	if err := f.Write(tmp); err != nil {
		tmp.Close()
		return writeError(f.Path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return writeError(f.Path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(f.Path, err)
	}
	return nil
}

func (s *Set) isAborted() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.aborted
}

// cleanup removes the temporary files and, when nothing was written, the folders this set made.
func (s *Set) cleanup(err *error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.files {
		if f.tmp != "" {
			os.Remove(f.tmp)
			f.tmp = ""
		}
	}
	if *err != nil {
		for i := len(s.made) - 1; i >= 0; i-- {
			os.Remove(s.made[i]) // only when empty
		}
	}
}

// Abort stops the set from writing (on a signal): the temporary files are removed and nothing is
// renamed into place any more. It reports whether the outputs had all been written already. It
// is safe to call from another goroutine.
func (s *Set) Abort() (written bool) {
	s.mu.Lock()
	s.aborted = true
	written = s.done
	s.mu.Unlock()
	var err error = context.Canceled
	s.cleanup(&err)
	return written
}

// Paths are the outputs as the user wrote them, in the order they were added.
func (s *Set) Paths() []string {
	out := make([]string, len(s.files))
	for i, f := range s.files {
		out[i] = f.Path
	}
	return out
}

// writeError says that path could not be written, with the reason in the user's language and no
// temporary file name in it.
func writeError(path string, err error) *lang.Error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &pe):
		err = pe.Err
	}
	var errno syscall.Errno
	locked := runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 32 || errno == 33) // sharing or lock violation
	switch {
	case locked || errors.Is(err, fs.ErrPermission):
		return help.WriteLocked.Errorf(path)
	case errors.Is(err, fs.ErrNotExist):
		return help.WriteFolderGone.Errorf(path)
	}
	return help.CannotWrite.Errorf(path, err)
}
