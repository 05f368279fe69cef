//go:build windows

package main

import (
	"github.com/inconshreveable/mousetrap"
	"golang.org/x/sys/windows"
)

// startedByExplorer reports whether Windows Explorer started the program (a double click, or
// files dropped on its icon) rather than a terminal.
func startedByExplorer() bool { return mousetrap.StartedByExplorer() }

// setupConsole sets the console's output code page to UTF-8 when there is a console on another
// page, and returns what restores it.
func setupConsole() (restore func()) {
	cp, err := windows.GetConsoleOutputCP()
	set, old := codePageChange(err == nil, cp)
	if !set || windows.SetConsoleOutputCP(utf8CodePage) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleOutputCP(old) }
}
