package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/output"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Exit statuses, the same for every command.
const (
	exitOK      = 0
	exitData    = 1 // a return rejected, or error-level findings
	exitUsage   = 2 // bad flag, unreadable targets or roster, nothing to evaluate, output not writable
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

// usage is a usage error said in the user's language.
func (g *globals) usage(m lang.Msg, a ...any) error {
	return usageErr(m.Errorf(a...))
}
func dataErr(err error) error       { return &exitError{code: exitData, err: err} }
func targetsMissed(err error) error { return &exitError{code: exitTargets, err: err} }

// globals are the flags every command shares, the streams it writes to, and the outputs in
// flight (removed if a signal stops the run).
type globals struct {
	lang   lang.Lang
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader

	mu      sync.Mutex
	outputs []*output.Set
}

// say is the message in the user's language.
func (g *globals) say(m lang.Msg, a ...any) string { return m.In(g.lang, a...) }

// newOutputs starts the outputs of a run, kept away from every input.
func (g *globals) newOutputs(inputs ...string) *output.Set {
	s := output.New(inputs...)
	g.mu.Lock()
	g.outputs = append(g.outputs, s)
	g.mu.Unlock()
	return s
}

// commit writes the outputs; their errors are environment errors in the user's language.
func (g *globals) commit(ctx context.Context, s *output.Set) error {
	if err := s.Commit(ctx); err != nil {
		return usageErr(err)
	}
	return nil
}

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newRootCmd(g *globals) *cobra.Command {
	var langFlag string
	build := currentBuild()
	root := &cobra.Command{
		Use:           "khuyenhoc",
		Version:       build.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			l, err := lang.Parse(langFlag)
			if err != nil {
				return g.usage(help.BadLang, langFlag)
			}
			g.lang = l
			return nil
		},
	}
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.SetIn(g.stdin)
	// The commands' descriptions, use lines and flags' descriptions are the help's (help.Short,
	// help.Use, help.Flag): localizeHelp puts them in.
	root.PersistentFlags().StringVar(&langFlag, "lang", "vi", "")
	root.PersistentFlags().BoolP("help", "h", false, "")
	root.Flags().BoolP("version", "v", false, "")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErr(errors.New(help.Error(g.lang, err.Error(), nearestFlag(cmd, err.Error()))))
	})
	root.AddCommand(
		newTemplateCmd(g),
		newIngestCmd(g),
		newCheckCmd(g),
		newReportCmd(g),
		newRosterCmd(g),
		newVersionCmd(g),
	)
	localizeHelp(g.lang, root)
	root.SetVersionTemplate(versionTemplate(build.text(g.lang)))
	return root
}

// localizeHelp puts every command's help, flags and usage in the language, cobra's own commands
// (help, completion) included.
func localizeHelp(l lang.Lang, root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" { // cobra's own says «Unknown help topic» in English and exits 0
			show := c.Run
			c.Run = nil
			c.RunE = func(c *cobra.Command, args []string) error {
				if target, _, err := c.Root().Find(args); target == nil || err != nil {
					return usageErr(help.NoHelpTopic.Errorf(strings.Join(args, " ")))
				}
				show(c, args)
				return nil
			}
		}
	}
	cobra.AddTemplateFunc("flagText", func(s string) string { return help.FlagText(l, s) })
	root.SetUsageTemplate(help.UsageTemplate(l))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := c.Name() // "check"; a shell's completion script is "completion bash"
		switch {
		case c == root:
			name = "khuyenhoc"
		case c.Parent() != root:
			name = c.Parent().Name() + " " + name
		}
		if use := help.Use(l, name); use != "" {
			c.Use = use
		}
		if c.HasAvailableFlags() && c.Runnable() && !c.DisableFlagsInUseLine {
			c.Use += help.FlagsInUse.In(l)
			c.DisableFlagsInUseLine = true
		}
		c.Short = help.Short(l, name)
		c.Long = help.Long(l, name)
		if c.Long == "" && c.Parent() != nil && c.Parent().Name() == "completion" {
			c.Long = help.Long(l, "completion")
		}
		local := func(f *pflag.Flag) {
			if usage := help.Flag(l, c.Name(), f.Name); usage != "" {
				f.Usage = usage
			}
		}
		c.Flags().VisitAll(local)
		c.PersistentFlags().VisitAll(local)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// nearestFlag is the command's flag nearest to the unknown one an error names, or "".
func nearestFlag(cmd *cobra.Command, msg string) string {
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return ""
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if near := lang.Nearest(name, names); near != "" {
		return "--" + near
	}
	return ""
}

// run executes the command line and maps the outcome to the exit status; it is main without
// os.Exit. SIGINT and SIGTERM cancel the work, remove the outputs in flight and exit 130 or 143.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{lang: langFromArgs(args), stdout: stdout, stderr: stderr, stdin: stdin}
	root := newRootCmd(g)
	root.SetArgs(args)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	var err error
	select {
	case err = <-done:
	case sig := <-sigs:
		cancel()
		msg := g.say(help.Stopped)
		g.mu.Lock()
		for _, s := range g.outputs {
			if s.Abort() {
				msg = g.say(help.StoppedAfterWriting)
			}
		}
		g.mu.Unlock()
		fmt.Fprintf(stderr, "khuyenhoc: %s (%v)\n", msg, sig)
		if sig == syscall.SIGTERM {
			return 143
		}
		return 130
	}
	if err == nil {
		return exitOK
	}
	code := exitUsage // cobra's own errors: unknown command, bad arguments
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	msg := err.Error()
	switch {
	case ee == nil:
		msg = help.Error(g.lang, msg, "")
	case ee.err != nil:
		msg = lang.Message(g.lang, ee.err) // the one place where an error is said in the user's language
	}
	if msg != "" {
		fmt.Fprintf(stderr, "khuyenhoc: %s\n", msg)
	}
	if ee == nil {
		fmt.Fprintln(stderr, g.say(help.SeeHelp))
	}
	return code
}

// langFromArgs finds --lang before cobra parses the flags, so that help, usage and even argument
// errors, which cobra reports before any hook runs, are in the language asked for.
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
			return g.usage(help.NeedPaths, cmd.Name())
		}
		return nil
	}
}
