package main

import (
	"runtime/debug"
	"testing"
)

// The release build's ldflags win; a go install or go build falls back to the module version and
// the version-control stamps Go records.
func TestMakeBuildInfo(t *testing.T) {
	vcs := &debug.BuildInfo{
		Main: debug.Module{Version: "v0.0.0-20261205234458-1e71820abcde+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "1e71820abcdef0123456789abcdef0123456789a"},
			{Key: "vcs.time", Value: "2026-12-05T23:44:58Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	for _, tt := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  buildInfo
		short                 string
	}{
		{name: "release", version: "1.2.0", commit: "0123456789abcdef", date: "2026-12-05T23:44:58Z", bi: vcs,
			want:  buildInfo{Version: "1.2.0", Commit: "0123456789abcdef", Date: "2026-12-05T23:44:58Z", Modified: true},
			short: "1.2.0 (0123456789ab+)"},
		{name: "go install @v1.2.0", bi: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}},
			want: buildInfo{Version: "1.2.0"}, short: "1.2.0"},
		{name: "go build in a clone", bi: vcs,
			want:  buildInfo{Version: "0.0.0-20261205234458-1e71820abcde+dirty", Commit: "1e71820abcdef0123456789abcdef0123456789a", Date: "2026-12-05T23:44:58Z", Modified: true},
			short: "0.0.0-20261205234458-1e71820abcde+dirty (1e71820abcde+)"},
		{name: "test binary", bi: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: buildInfo{Version: "dev"}, short: "dev"},
		{name: "no build info", want: buildInfo{Version: "dev"}, short: "dev"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := makeBuildInfo(tt.version, tt.commit, tt.date, tt.bi)
			if got != tt.want {
				t.Errorf("makeBuildInfo = %+v, want %+v", got, tt.want)
			}
			if s := got.short(); s != tt.short {
				t.Errorf("short = %q, want %q", s, tt.short)
			}
		})
	}
}
