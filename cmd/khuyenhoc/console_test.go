package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/khuyenhoc/khuyenhoc/cmd/khuyenhoc/help"
)

// The console is switched to UTF-8 only when there is one on another code page, and the old page
// is the one restored.
func TestCodePageChange(t *testing.T) {
	for _, tt := range []struct {
		name        string
		hasConsole  bool
		current     uint32
		wantSet     bool
		wantRestore uint32
	}{
		{"no console (output redirected, or a service)", false, 0, false, 0},
		{"console that failed to say its page", true, 0, false, 0},
		{"console already UTF-8", true, 65001, false, 0},
		{"Vietnamese Windows (1258)", true, 1258, true, 1258},
		{"OEM United States (437)", true, 437, true, 437},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set, restore := codePageChange(tt.hasConsole, tt.current)
			if set != tt.wantSet || restore != tt.wantRestore {
				t.Errorf("codePageChange(%v, %d) = %v, %d; want %v, %d", tt.hasConsole, tt.current, set, restore, tt.wantSet, tt.wantRestore)
			}
		})
	}
}

func TestHowLaunched(t *testing.T) {
	for _, tt := range []struct {
		explorer bool
		args     []string
		want     launch
	}{
		{false, nil, launchCommand},
		{false, []string{"ingest", "bao-cao"}, launchCommand},
		{true, nil, launchHelp},
		{true, []string{`C:\Users\hoi\Desktop\bao-cao`}, launchDrop},
	} {
		if got := howLaunched(tt.explorer, tt.args); got != tt.want {
			t.Errorf("howLaunched(%v, %q) = %v, want %v", tt.explorer, tt.args, got, tt.want)
		}
	}
}

// A double click says, in Vietnamese, how to run the program, then waits for a key before the
// window closes; a folder dropped on the program is ingested, then the window waits.
func TestLaunched(t *testing.T) {
	keys := func(t *testing.T) *os.File {
		t.Helper()
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		w.WriteString("\n")
		w.Close()
		t.Cleanup(func() { r.Close() })
		return r
	}
	var out, errOut bytes.Buffer
	if code := launched(launchHelp, nil, keys(t), &out, &errOut); code != exitOK {
		t.Errorf("double click: exit %d, want 0", code)
	}
	for _, want := range []string{"chạy trong cửa sổ lệnh", "Mở trong Terminal", "khuyenhoc --help", "HUONG-DAN.txt", help.PauseLine} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("double click says %q, without %q", out.String(), want)
		}
	}
	if !strings.HasSuffix(out.String(), help.PauseLine+"\n") {
		t.Errorf("double click output ends %q, want the pause line", out.String()[max(0, out.Len()-80):])
	}
	out.Reset()
	if code := launched(launchDrop, []string{"../../testdata/ha-tinh-cum-nam-2023"}, keys(t), &out, &errOut); code != exitOK {
		t.Errorf("folder dropped: exit %d, want 0 (%s)", code, errOut.String())
	}
	if s := out.String(); !strings.Contains(s, "447-huyen-ky-anh.xlsx") || !strings.HasSuffix(s, help.PauseLine+"\n") {
		t.Errorf("folder dropped: output %q, want the ingest then the pause line", s)
	}
}
