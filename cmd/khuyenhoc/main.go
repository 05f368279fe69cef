// Command khuyenhoc consolidates the returns of Vietnam's Association for Promoting Education
// (Hội Khuyến học): it hands out the return template, ingests and validates returns, rolls them up
// the hierarchy and into emulation clusters, checks them against targets and writes reports.
package main

import (
	"os"

	"github.com/spf13/cobra"
)

func main() {
	// A double click in Explorer is answered by launched, in Vietnamese, waiting for a key;
	// cobra's own answer is in English and closes the window after five seconds.
	cobra.MousetrapHelpText = ""
	restore := setupConsole()
	code := launched(howLaunched(startedByExplorer(), os.Args[1:]), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}
