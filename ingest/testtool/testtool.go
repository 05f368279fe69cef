package testtool

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// RequireToolsEnv is the environment variable that turns a missing tool from a skip into a
// failure; CI (.ci/run) sets it, so that a test never passes by not running.
const RequireToolsEnv = "KHUYENHOC_REQUIRE_TOOLS"

// Required reports whether a missing tool is a failure (RequireToolsEnv is set).
func Required() bool { return os.Getenv(RequireToolsEnv) != "" }

// TB is the part of testing.TB that Need uses.
type TB interface {
	Helper()
	Skip(args ...any)
	Fatal(args ...any)
}

// Need returns the path of an external program a test uses (pdftotext, qpdf, soffice). When it
// is missing the test is skipped, or fails when KHUYENHOC_REQUIRE_TOOLS is set; pkg is the Debian
// package that installs it, for the message.
func Need(t TB, tool, pkg string) string {
	t.Helper()
	path, err := Look(tool, pkg)
	if err != nil {
		missing(t, err)
	}
	return path
}

// NeedPython returns the path of a python3 that can import module (openpyxl, xlsxwriter; or
// several at once, "openpyxl, xlsxwriter", from one interpreter), like Need.
func NeedPython(t TB, module, pkg string) string {
	t.Helper()
	path, err := LookPython(module, pkg)
	if err != nil {
		missing(t, err)
	}
	return path
}

// errShort is why a tool is not used in `go test -short`: the quick loop runs no external program.
var errShort = errors.New("go test -short runs no external program")

// Look finds an external program; its error names the Debian package that installs it. Under
// `go test -short` no program is looked up: the quick loop runs none, and Short reports it.
func Look(tool, pkg string) (string, error) {
	if testing.Testing() && testing.Short() {
		return "", fmt.Errorf("%s: %w", tool, errShort)
	}
	path, err := exec.LookPath(tool)
	if err != nil {
		return "", fmt.Errorf("%s (Debian package %s) is not installed", tool, pkg)
	}
	return path, nil
}

// LookPython finds a python3 that can import module; the system's python3, where Debian installs
// its modules, is tried first.
func LookPython(module, pkg string) (string, error) {
	if testing.Testing() && testing.Short() {
		return "", fmt.Errorf("python3 with %s: %w", module, errShort)
	}
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(py); err == nil && exec.Command(path, "-c", "import "+module).Run() == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("python3 with %s (Debian package %s) is not installed", module, pkg)
}

// Short reports whether err says that the tool was not looked up because of `go test -short`:
// such a test is skipped even where a missing tool is a failure.
func Short(err error) bool { return errors.Is(err, errShort) }

func missing(t TB, err error) {
	t.Helper()
	if Short(err) {
		t.Skip(err.Error())
		return
	}
	if Required() {
		t.Fatal(err.Error() + "; " + RequireToolsEnv + " is set, so this is a failure, not a skip")
		return
	}
	t.Skip(err.Error() + ": skipped (set " + RequireToolsEnv + "=1 to make it fail)")
}
