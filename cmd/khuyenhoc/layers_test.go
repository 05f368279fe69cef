package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// layers says, for every package of the module, which of the module's packages it may import
// (its non-test imports). Data flows one way: the words and the reader, the returns, the roll-up,
// the targets, the pipeline, the report's Document, its writers, the command line. A package not
// listed here fails the test: a new package states its place in the layers when it is added.
var layers = map[string][]string{
	// The ground: words and numbers, the .xlsx reader (the standard library only), the workbook
	// writer's set-up, the 2025 map, strict YAML, the external tools of tests.
	"ingest/lang":                nil,
	"ingest/xlsx":                nil,
	"ingest/xlsxwrite":           nil,
	"ingest/preset":              nil,
	"ingest/preset/internal/gen": nil,
	"ingest/testtool":            nil,
	"ingest/strictyaml":          {"ingest/lang"},
	// Returns, then the roll-up of returns, then targets against the roll-up.
	"ingest":            {"ingest/lang", "ingest/xlsx", "ingest/xlsxwrite"},
	"ingest/rollup":     {"ingest", "ingest/lang", "ingest/preset", "ingest/strictyaml"},
	"ingest/ingesttest": {"ingest", "ingest/rollup"},
	"targets":           {"ingest", "ingest/lang", "ingest/rollup", "ingest/strictyaml"},
	// The one pipeline: the only package under ingest/ that may import targets.
	"ingest/pipeline": {"ingest", "ingest/lang", "ingest/rollup", "targets"},
	// What the report says, as a Document.
	"report/notes": {"ingest/lang"},
	"report":       {"ingest", "ingest/lang", "ingest/pipeline", "ingest/rollup", "report/notes", "targets"},
	// Its writers. PDF, Word and HTML lay the Document out and know nothing else (the chart's
	// layout, report/chart, is shared by PDF and Word); the workbook
	// also re-uses the return's layout (ingest, xlsxwrite) for the consolidated return it holds.
	"report/chart": {"ingest/lang", "report"},
	"report/pdf":   {"ingest/lang", "report", "report/chart", "report/internal/textfix"},
	"report/docx":  {"ingest/lang", "report", "report/chart", "report/internal/textfix"},
	// Any text a user typed made drawable, for the PDF and Word writers.
	"report/internal/textfix":    {"ingest/lang", "report"},
	"report/html":                {"ingest/lang", "report"},
	"report/excel":               {"ingest", "ingest/lang", "ingest/rollup", "ingest/xlsxwrite", "report"},
	"report/view":                {"ingest", "ingest/lang", "ingest/pipeline", "ingest/rollup", "report", "targets"},
	"report/internal/reporttest": {"ingest", "ingest/ingesttest", "ingest/lang", "ingest/pipeline", "ingest/testtool", "report", "report/notes"},
	// The command line: its help texts and its safe output writing are its own.
	"cmd/khuyenhoc/help":   {"ingest/lang"},
	"cmd/khuyenhoc/output": {"cmd/khuyenhoc/help", "ingest/lang"},
	"cmd/khuyenhoc":        nil, // the top: it may import everything below, and nothing imports it
}

// documentWriter is all the PDF and Word writers may import of the module: they lay the Document
// out, and know nothing else.
var documentWriter = []string{"ingest/lang", "report", "report/chart", "report/internal/textfix"}

// TestLayers reads the import graph with `go list` and fails on an import against the layers:
// this system's, and Windows' (files such as locked_windows.go import for Windows only).
func TestLayers(t *testing.T) {
	const module = "github.com/khuyenhoc/khuyenhoc/"
	var lines []string
	for _, goos := range []string{"", "windows"} {
		cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../../...")
		if goos != "" {
			cmd.Env = append(os.Environ(), "GOOS="+goos)
		}
		o, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list (GOOS=%s): %v", goos, err)
		}
		lines = append(lines, strings.Split(strings.TrimSpace(string(o)), "\n")...)
	}
	slices.Sort(lines)
	for _, line := range slices.Compact(lines) { // a package's imports once when both systems agree
		fields := strings.Fields(line)
		pkg, ok := strings.CutPrefix(fields[0], module)
		if !ok {
			t.Fatalf("go list: %q is outside the module", fields[0])
		}
		allowed, known := layers[pkg]
		if !known {
			t.Errorf("%s is not in the layers of layers_test.go: say which packages it may import", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			dep, ours := strings.CutPrefix(imp, module)
			switch {
			case !ours && pkg == "ingest/xlsx" && strings.Contains(strings.Split(imp, "/")[0], "."):
				t.Errorf("ingest/xlsx imports %s: the reader uses the standard library only", imp)
			case !ours:
			case strings.HasPrefix(dep, "cmd/") && !strings.HasPrefix(pkg, "cmd/"):
				t.Errorf("%s imports %s: nothing imports the command line", pkg, dep)
			case pkg == "cmd/khuyenhoc":
			// The rules the map above must keep, whatever it says.
			case strings.HasPrefix(pkg, "ingest") && pkg != "ingest/pipeline" && (dep == "targets" || dep == "report" || strings.HasPrefix(dep, "report/")):
				t.Errorf("%s imports %s: nothing under ingest/ but the pipeline imports targets or the report", pkg, dep)
			case (pkg == "report/pdf" || pkg == "report/docx") && !slices.Contains(documentWriter, dep):
				t.Errorf("%s imports %s: the PDF and Word writers import only %v", pkg, dep, documentWriter)
			case !slices.Contains(allowed, dep):
				t.Errorf("%s imports %s, against the layers (it may import %v)", pkg, dep, allowed)
			}
		}
	}
}

// endToEnd are the tests that go through a package above their own to hold the two to each other
// (the 2025 year's figures in the workbook and the ingest view against the report's; the national
// benchmark of reading, which sums what it read): these may import upward, no other may.
var endToEnd = map[string][]string{
	"report": {"report/excel", "report/view"},
	"ingest": {"ingest/rollup"},
}

// testSupport are the packages that make tests' inputs: they import what they make inputs for.
var testSupport = []string{"ingest/ingesttest", "ingest/testtool", "report/internal/reporttest"}

// TestTestLayers holds the tests to the layers too: a test never imports the command line, nothing
// under ingest/ but the pipeline imports targets or the report even to test, and a package's
// tests do not import a package that imports it (directly or not) — but for the test support
// and endToEnd.
func TestTestLayers(t *testing.T) {
	const module = "github.com/khuyenhoc/khuyenhoc/"
	o, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(o)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		for _, imp := range fields[1:] {
			dep, ours := strings.CutPrefix(imp, module)
			switch {
			case !ours || dep == pkg || pkg == "cmd/khuyenhoc":
			case strings.HasPrefix(dep, "cmd/") && !strings.HasPrefix(pkg, "cmd/"):
				t.Errorf("a test of %s imports %s: nothing imports the command line", pkg, dep)
			case strings.HasPrefix(pkg, "ingest") && pkg != "ingest/pipeline" && (dep == "targets" || dep == "report" || strings.HasPrefix(dep, "report/")):
				t.Errorf("a test of %s imports %s: nothing under ingest/ but the pipeline imports targets or the report", pkg, dep)
			case slices.Contains(testSupport, dep):
			case reaches(dep, pkg, map[string]bool{}) && !slices.Contains(endToEnd[pkg], dep):
				t.Errorf("a test of %s imports %s, which imports %s: a test imports what is below its package", pkg, dep, pkg)
			}
		}
	}
}

// reaches reports whether from may import to, directly or through others, by the layers.
func reaches(from, to string, seen map[string]bool) bool {
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, dep := range layers[from] {
		if dep == to || reaches(dep, to, seen) {
			return true
		}
	}
	return false
}
