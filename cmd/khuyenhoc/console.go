package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
)

// utf8CodePage is the Windows code page of UTF-8.
const utf8CodePage = 65001

// codePageChange decides what to do with the Windows console's output code page, whose current
// page is current (0 when there is no console): with a console on another page, set UTF-8 so
// that Vietnamese reads right also where the bytes are passed on (a pipe to more, a batch file),
// and restore the old page on exit.
func codePageChange(hasConsole bool, current uint32) (set bool, restore uint32) {
	if !hasConsole || current == 0 || current == utf8CodePage {
		return false, 0
	}
	return true, current
}

// launch is how the program was started.
type launch int

const (
	launchCommand launch = iota // from a terminal: run the command line
	launchHelp                  // double-clicked in Explorer: say how to run it, wait for a key
	launchDrop                  // folders or files dropped on it in Explorer: ingest them, wait for a key
)

// howLaunched decides from whether Windows Explorer started the program and with which arguments:
// Explorer passes the paths of what is dropped on the program's icon.
func howLaunched(fromExplorer bool, args []string) launch {
	switch {
	case !fromExplorer:
		return launchCommand
	case len(args) == 0:
		return launchHelp
	}
	return launchDrop
}

// launched runs the program the way it was started: a double click shows how to run it and waits
// for a key; folders dropped on it are ingested, and the window waits for a key before closing.
func launched(how launch, args []string, stdin *os.File, stdout, stderr io.Writer) int {
	switch how {
	case launchHelp:
		fmt.Fprint(stdout, help.DoubleClick)
		pause(stdin, stdout)
		return exitOK
	case launchDrop:
		code := run(append([]string{"ingest"}, args...), stdin, stdout, stderr)
		pause(stdin, stdout)
		return code
	}
	return run(args, stdin, stdout, stderr)
}

// pause says help.PauseLine and waits for a key (a line, when in is not a terminal).
func pause(in *os.File, out io.Writer) {
	fmt.Fprintf(out, "\n%s\n", help.PauseLine)
	if old, err := term.MakeRaw(int(in.Fd())); err == nil {
		defer term.Restore(int(in.Fd()), old)
		var b [1]byte
		in.Read(b[:])
		return
	}
	bufio.NewReader(in).ReadString('\n')
}
