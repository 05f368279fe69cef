package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit statuses, the same for every command.
const (
	exitOK      = 0
	exitData    = 1 // a return rejected, or error-level findings
	exitUsage   = 2 // bad flag, unreadable targets or roster, no returns found
	exitTargets = 3 // targets missed (check)
)

// exitError carries an exit status up to run; its message (if any) is printed once there.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErr(err error) error { return &exitError{code: exitUsage, err: err} }

// usage is a usage error said in the user's language; both texts take the same arguments.
func (g *globals) usage(vi, en string, a ...any) error {
	return usageErr(fmt.Errorf(g.text(vi, en), a...))
}
func dataErr(err error) error       { return &exitError{code: exitData, err: err} }
func targetsMissed(err error) error { return &exitError{code: exitTargets, err: err} }

// globals are the flags every command shares, and the streams it writes to.
type globals struct {
	lang   lang.Lang
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
}

func (g *globals) text(vi, en string) string { return g.lang.Text(vi, en) }

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

const rootLong = `khuyenhoc tổng hợp báo cáo số liệu của Hội Khuyến học các cấp.
khuyenhoc consolidates the returns of the Association for Promoting Education.

Các lệnh / commands:
  template   viết mẫu báo cáo để cấp dưới điền / write the blank return workbook
  ingest     đọc, kiểm tra và cộng các báo cáo / read, validate and add up returns
  report     viết báo cáo tổng hợp Excel và PDF / write the consolidated Excel and PDF report
  check      so sánh với chỉ tiêu, cho script / compare with targets, for scripts

EXIT STATUS
  0  mọi thứ ổn / all good
  1  có báo cáo bị từ chối hoặc có lỗi số liệu / a return rejected, or data errors
  2  sai cách dùng hoặc môi trường / usage or environment error (bad flag, unreadable
     targets or roster file, no returns found)
  3  chưa đạt chỉ tiêu (check) / targets missed (check)`

func newRootCmd(g *globals) *cobra.Command {
	var langFlag string
	root := &cobra.Command{
		Use:           "khuyenhoc",
		Short:         "Tổng hợp báo cáo số liệu khuyến học / consolidate khuyến học returns",
		Long:          rootLong,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			l, err := lang.Parse(langFlag)
			if err != nil {
				return usageErr(err)
			}
			g.lang = l
			return nil
		},
	}
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.SetIn(g.stdin)
	root.PersistentFlags().StringVar(&langFlag, "lang", "vi", "ngôn ngữ / language: vi or en")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageErr(err) })
	root.AddCommand(
		newTemplateCmd(g),
		newIngestCmd(g),
		newCheckCmd(g),
		newReportCmd(g),
		newRosterCmd(g),
	)
	return root
}

// run executes the command line and maps the outcome to the exit status; it is main without os.Exit.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{lang: langFromArgs(args), stdout: stdout, stderr: stderr, stdin: stdin}
	root := newRootCmd(g)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return exitOK
	}
	code := exitUsage // cobra's own errors: unknown command, bad arguments
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintf(stderr, "khuyenhoc: %s\n", msg)
	}
	if ee == nil {
		fmt.Fprintln(stderr, g.text("Xem hướng dẫn: khuyenhoc --help", "See: khuyenhoc --help"))
	}
	return code
}

// langFromArgs finds --lang before cobra parses the flags, so that even argument errors, which
// cobra reports before any hook runs, are in the language asked for.
func langFromArgs(args []string) lang.Lang {
	for i, a := range args {
		v, ok := strings.CutPrefix(a, "--lang=")
		if a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, err := lang.Parse(v); err == nil {
				return l
			}
		}
	}
	return lang.Vi
}

// needPaths requires at least one folder or file of returns.
func needPaths(g *globals) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageErr(errors.New(g.text(
				"cần ít nhất một thư mục hoặc tệp báo cáo (ví dụ: khuyenhoc "+cmd.Name()+" bao-cao/)",
				"give at least one folder or file of returns (e.g. khuyenhoc "+cmd.Name()+" returns/)")))
		}
		return nil
	}
}

// writeFileAtomic writes an output whole or not at all: a temporary file beside it, then rename.
// It refuses to overwrite one of the inputs.
func writeFileAtomic(g *globals, path string, inputs []string, write func(w io.Writer) error) error {
	if err := refuseInput(g, path, inputs); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return g.usage("không tạo được tệp %s: %v", "cannot create %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// refuseInput fails when path is one of the inputs, or inside a folder given as input with the
// extension of a return (it would be read back next time).
func refuseInput(g *globals, path string, inputs []string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return usageErr(err)
	}
	outInfo, outErr := os.Stat(abs)
	for _, in := range inputs {
		inAbs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if inAbs == abs {
			return g.usage("tệp kết quả %s cũng là tệp đầu vào; hãy chọn tên khác", "output %s is also an input; choose another file name", path)
		}
		if outErr == nil {
			if inInfo, err := os.Stat(inAbs); err == nil && os.SameFile(inInfo, outInfo) {
				return g.usage("tệp kết quả %s cũng là tệp đầu vào; hãy chọn tên khác", "output %s is also an input; choose another file name", path)
			}
		}
		if rel, err := filepath.Rel(inAbs, abs); err == nil && filepath.IsLocal(rel) {
			if info, err := os.Stat(inAbs); err == nil && info.IsDir() {
				return g.usage("tệp kết quả %s nằm trong thư mục đầu vào %s; hãy ghi ra chỗ khác", "output %s is inside the input folder %s; write it elsewhere", path, in)
			}
		}
	}
	return nil
}
