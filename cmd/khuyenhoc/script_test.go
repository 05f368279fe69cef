package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/ingesttest"
	"github.com/khuyenhoc/khuyenhoc/ingest/testtool"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"khuyenhoc": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		"xlsxdump":  func() { os.Exit(xlsxDump(os.Args[1:])) },
		"mkreturn":  func() { os.Exit(mkReturn(os.Args[1:])) },
		// status ARGS… runs khuyenhoc and prints its exit status last ("exit 3"), exiting 0, so
		// that scripts can assert the exact status.
		"status": func() {
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			fmt.Printf("exit %d\n", code)
			os.Exit(0)
		},
		// needtool TOOL PACKAGE: what the scripts' [have:TOOL:PACKAGE] condition decides, as a
		// command: exit 0 when the tool is there or may be skipped, 1 when it is required.
		"needtool": func() {
			ok, err := haveTool("have:" + strings.Join(os.Args[1:], ":"))
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println("have:", ok)
			os.Exit(0)
		},
	})
}

func TestScripts(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Condition:           haveTool,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", filepath.Join(root, "testdata"))
			return nil
		},
	})
}

// haveTool is the condition [have:TOOL:PACKAGE]: true when the tool (or python:MODULE) is there;
// when it is missing and KHUYENHOC_REQUIRE_TOOLS is set (CI), an error, so the script fails
// instead of skipping.
func haveTool(cond string) (bool, error) {
	spec, ok := strings.CutPrefix(cond, "have:")
	i := strings.LastIndex(spec, ":")
	if !ok || i < 0 {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	tool, pkg := spec[:i], spec[i+1:]
	var err error
	if mod, py := strings.CutPrefix(tool, "python:"); py {
		_, err = testtool.LookPython(mod, pkg)
	} else {
		_, err = testtool.Look(tool, pkg)
	}
	if err != nil && testtool.Required() && !testtool.Short(err) {
		return false, fmt.Errorf("%w; %s is set, so this is a failure, not a skip", err, testtool.RequireToolsEnv)
	}
	return err == nil, nil
}

// xlsxDump prints every non-empty cell of a workbook as "Sheet!A1 = value": xlsxdump [-sheet NAME] FILE.
func xlsxDump(args []string) int {
	only := ""
	if len(args) == 3 && args[0] == "-sheet" {
		only, args = args[1], args[2:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: xlsxdump [-sheet NAME] FILE")
		return 2
	}
	fh, err := os.Open(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer fh.Close()
	if err := ingesttest.DumpWorkbook(os.Stdout, fh, only); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// mkReturn writes a return for scripts: mkreturn FILE key=value… where keys are unit, name, level,
// parent, period, date (the report date, dd/mm/yyyy), and figure codes. A value that is a whole number is written as a number, anything
// else as text, as a person would type it. Flags before FILE change the workbook to make it bad:
// -rename OLD=NEW renames a sheet, -delete NAME deletes one, -truncate cuts the file in half,
// -password PW encrypts it.
func mkReturn(args []string) int {
	var renames, deletes []string
	truncate, password := false, ""
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-rename":
			renames = append(renames, args[1])
			args = args[2:]
		case "-delete":
			deletes = append(deletes, args[1])
			args = args[2:]
		case "-truncate":
			truncate = true
			args = args[1:]
		case "-password":
			password = args[1]
			args = args[2:]
		default:
			fmt.Fprintln(os.Stderr, "mkreturn: unknown flag", args[0])
			return 2
		}
	}
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, "usage: mkreturn [flags] FILE key=value...")
		return 2
	}
	cat := ingest.DefaultCatalogue()
	opts := ingest.TemplateOptions{}
	values := map[string]string{}
	date := ""
	for _, kv := range args[1:] {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "unit":
			opts.Unit.Code = v
		case "name":
			opts.Unit.Name = v
		case "level":
			opts.Unit.Level = v
		case "parent":
			opts.Unit.Parent = v
		case "date":
			date = v
		case "period":
			p, err := ingest.ParsePeriod(v)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 2
			}
			opts.Period = p
		default:
			values[k] = v
		}
	}
	var buf bytes.Buffer
	if err := ingest.WriteTemplate(&buf, cat, opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	codes := make([]string, 0, len(values))
	for k := range values {
		codes = append(codes, k)
	}
	sort.Strings(codes)
	for _, code := range codes {
		sheet, cell, err := findCell(f, code)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		v := values[code]
		if n, perr := strconv.ParseInt(v, 10, 64); perr == nil {
			err = f.SetCellInt(sheet, cell, n)
		} else {
			err = f.SetCellStr(sheet, cell, v)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	if date != "" {
		if err := f.SetCellStr(ingest.SheetInfo, "C9", date); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	for _, d := range deletes {
		if err := f.DeleteSheet(d); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	for _, r := range renames {
		from, to, _ := strings.Cut(r, "=")
		if err := f.SetSheetName(from, to); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	if password != "" {
		if err := f.SaveAs(args[0], excelize.Options{Password: password}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	out, err := f.WriteToBuffer()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	data := out.Bytes()
	if truncate {
		data = data[:len(data)/2]
	}
	if err := os.WriteFile(args[0], data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// findCell is where a figure's value goes: column D of its row in «Số liệu», or the model's row
// and column in «Mô hình học tập».
func findCell(f *excelize.File, code string) (string, string, error) {
	model, part, isModel := strings.Cut(code, ".")
	cols := map[string]string{"tong": "C", "dang_ky": "D", "cong_nhan": "E"}
	for _, sheet := range []string{ingest.SheetFigures, ingest.SheetModels} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return "", "", err
		}
		for i, row := range rows {
			if len(row) == 0 {
				continue
			}
			if row[0] == code && sheet == ingest.SheetFigures {
				return sheet, fmt.Sprintf("D%d", i+1), nil
			}
			if isModel && row[0] == model && sheet == ingest.SheetModels && cols[part] != "" {
				return sheet, fmt.Sprintf("%s%d", cols[part], i+1), nil
			}
		}
	}
	return "", "", fmt.Errorf("mkreturn: no cell for figure %s", code)
}
