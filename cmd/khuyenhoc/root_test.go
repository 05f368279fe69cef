package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
)

// Every command, cobra's own included, has its description, and every flag its own, in each
// language from the help's texts: a command or flag added without its words fails here.
func TestEveryCommandAndFlagHasWords(t *testing.T) {
	for _, l := range []lang.Lang{lang.Vi, lang.En} {
		root := newRootCmd(&globals{lang: l, stdout: io.Discard, stderr: io.Discard, stdin: strings.NewReader("")})
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			if c.Short == "" {
				t.Errorf("%s: %s has no description", l, c.CommandPath())
			}
			if !strings.HasPrefix(c.Use, c.Name()) {
				t.Errorf("%s: %s: the use line %q does not begin with the command", l, c.CommandPath(), c.Use)
			}
			check := func(f *pflag.Flag) {
				if f.Usage == "" {
					t.Errorf("%s: %s --%s has no description", l, c.CommandPath(), f.Name)
				}
			}
			c.LocalFlags().VisitAll(check)
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(root)
	}
}
