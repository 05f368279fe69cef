package testtool

import (
	"fmt"
	"strings"
	"testing"
)

type recorder struct{ skipped, failed string }

func (r *recorder) Helper() {}

func (r *recorder) Skip(args ...any)  { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Fatal(args ...any) { r.failed = fmt.Sprint(args...) }

func TestNeedFailsWhenRequired(t *testing.T) {
	if testing.Short() {
		t.Skip("go test -short looks up no tool")
	}
	t.Setenv(RequireToolsEnv, "")
	r := &recorder{}
	Need(r, "khuyenhoc-no-such-tool", "none")
	if r.skipped == "" || r.failed != "" {
		t.Fatalf("without %s: skipped %q, failed %q; want a skip", RequireToolsEnv, r.skipped, r.failed)
	}
	t.Setenv(RequireToolsEnv, "1")
	r = &recorder{}
	Need(r, "khuyenhoc-no-such-tool", "none")
	if !strings.Contains(r.failed, "khuyenhoc-no-such-tool (Debian package none) is not installed") || r.skipped != "" {
		t.Fatalf("with %s: skipped %q, failed %q; want a failure", RequireToolsEnv, r.skipped, r.failed)
	}
	r = &recorder{}
	NeedPython(r, "khuyenhoc_no_such_module", "none")
	if r.failed == "" {
		t.Fatalf("NeedPython did not fail for a missing module")
	}
}

// The quick loop (go test -short) runs no external program, even where one is required: the
// test is skipped, and says why.
func TestShortLooksUpNoTool(t *testing.T) {
	_, err := Look("sh", "dash")
	if got := Short(err); got != testing.Short() {
		t.Fatalf("Look(sh) under -short=%v: %v", testing.Short(), err)
	}
	if !testing.Short() {
		return
	}
	t.Setenv(RequireToolsEnv, "1")
	r := &recorder{}
	Need(r, "sh", "dash")
	if r.skipped == "" || r.failed != "" {
		t.Fatalf("under -short with %s: skipped %q, failed %q; want a skip", RequireToolsEnv, r.skipped, r.failed)
	}
}
