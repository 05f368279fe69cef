package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/report/view"
)

// The release build sets these (.ci/dist):
//
//	-ldflags "-X main.version=1.2.0 -X main.commit=<full hash> -X main.date=2026-12-05T23:45:00Z"
//
// A `go install` or `go build` leaves them empty and the build's own record fills them in.
var (
	version string
	commit  string
	date    string
)

// buildInfo is what this binary says of itself: the version, the commit and its date, whether the
// tree had changes not committed, and the Go toolchain and platform it was built for.
type buildInfo struct {
	Version  string
	Commit   string
	Date     string
	Modified bool
	Go       string
	Platform string
}

// currentBuild is this binary's build.
func currentBuild() buildInfo {
	bi, _ := debug.ReadBuildInfo()
	b := makeBuildInfo(version, commit, date, bi)
	b.Go, b.Platform = runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH
	return b
}

// makeBuildInfo takes what the release build's ldflags set, and for what they leave empty the
// module version and the version-control stamps Go records (go install …@v1.2.0, or go build in a
// clone). The version is written without its leading "v", as the release archives name it.
func makeBuildInfo(version, commit, date string, bi *debug.BuildInfo) buildInfo {
	b := buildInfo{Version: version, Commit: commit, Date: date}
	if bi != nil {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	b.Version = strings.TrimPrefix(b.Version, "v")
	return b
}

// short is the version with the commit's first 12 digits: "1.2.0 (1e71820abcde)".
func (b buildInfo) short() string {
	if b.Commit == "" {
		return b.Version
	}
	c := b.Commit[:min(12, len(b.Commit))]
	if b.Modified {
		c += "+"
	}
	return b.Version + " (" + c + ")"
}

// tool is the build as the JSON outputs name it.
func (b buildInfo) tool() view.Tool {
	return view.Tool{Name: "khuyenhoc", Version: b.Version, Commit: b.Commit}
}

// text is what --version and the version command print.
func (b buildInfo) text(l lang.Lang) string {
	unknown := help.Unknown.In(l)
	c, d := b.Commit, b.Date
	if c == "" {
		c = unknown
	} else if b.Modified {
		c += help.NotCommitted.In(l)
	}
	if d == "" {
		d = unknown
	}
	var s strings.Builder
	fmt.Fprintf(&s, "%s\n", help.VersionLine.In(l, b.Version))
	fmt.Fprintf(&s, "  commit: %s\n", c)
	fmt.Fprintf(&s, "  %s   %s\n", help.VersionDate.In(l), d)
	fmt.Fprintf(&s, "  go:     %s %s\n", b.Go, b.Platform)
	return s.String()
}

// versionTemplate is cobra's --version template that prints text as it is.
func versionTemplate(text string) string {
	return `{{"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(text) + `"}}`
}

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:  "version",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(g.stdout, currentBuild().text(g.lang))
			return err
		},
	}
}
