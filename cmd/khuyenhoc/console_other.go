//go:build !windows

package main

// startedByExplorer is false: only Windows has Explorer's double click.
func startedByExplorer() bool { return false }

// setupConsole has nothing to do: terminals outside Windows take UTF-8.
func setupConsole() (restore func()) { return func() {} }
