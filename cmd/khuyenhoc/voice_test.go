package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishWord finds words of English in a message. Messages quote what the user typed, paths and
// codes in «…» or after a flag; those are removed before looking.
var englishWord = regexp.MustCompile(`(?i)\b(the|is|are|not|no such|cannot|can't|want|wants|invalid|unknown|error|errors|file|files|directory|folder|permission|denied|missing|must|found|expected|flag|flags|command|argument|arguments|usage|topic|open|read|write|written|returns?|period|targets?|roster|unit|line|did you mean|shares|predecessor|over|add up|need|needs|give|use)\b`)

// TestVietnameseErrors runs every error path of every command that a test can reach in Vietnamese
// (the default language) and fails on a message with English in it: one voice, with the file and
// the line where there is one.
func TestVietnameseErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sample := filepath.Join("..", "..", "testdata", "ha-tinh-cum-nam-2023")
	badYAML := write("bad.yaml", "don_vi: [\n")
	shares := write("shares.yaml", `don_vi:
  - {ma: "08", ten: "Tuyên Quang", tien_than: [{ma: "02", ty_le: 70%}]}
  - {ma: "10", ten: "Lào Cai", tien_than: [{ma: "02", ty_le: 70%}]}
`)
	typo := write("typo.yaml", "nam: 2023\nchi_tieu:\n  gia_dinh.tyle: 70%\n")
	notesBad := write("notes.md", "## Tổ chức\nCó {{hoi_vien_x}} hội viên.\n")
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"ingest"},
		{"ingest", filepath.Join(dir, "no-such-folder")},
		{"ingest", sample, "--format", "xml"},
		{"ingest", sample, "--roster", filepath.Join(dir, "no-such.yaml")},
		{"ingest", sample, "--roster", badYAML},
		{"ingest", sample, "--roster", shares},
		{"ingest", sample, "--roster", dir},
		{"ingest", sample, "--period", "2031"},
		{"ingest", sample, "--period", "năm ngoái"},
		{"ingest", sample, "--scope", "999"},
		{"ingest", sample, "-o", filepath.Join(dir, "no-such-folder", "x.xlsx")},
		{"ingest", sample, "-o", filepath.Join(sample, "x.xlsx")},
		{"ingest", sample, "-o", filepath.Join(out, "x.pdf")},
		{"ingest", sample, "-o", out},
		{"ingest", sample, "--unit", "a/b c", "-o", filepath.Join(out, "x.xlsx")},
		{"ingest", sample, "--date", "20/12/2024", "-o", filepath.Join(out, "x.xlsx")},
		{"check", sample},
		{"check", sample, "--targets", filepath.Join(dir, "no-such.yaml")},
		{"check", sample, "--targets", typo},
		{"check", sample, "--targets", badYAML},
		{"check", sample, "--targets", write("t.yaml", "nam: 2023\nchi_tieu: {hoi_vien.ty_le: 37%}\n"), "--format", "csv"},
		{"report", sample, "--pdf", filepath.Join(out, "r.txt")},
		{"report", sample, "--notes", filepath.Join(dir, "no-such.md"), "--pdf", filepath.Join(out, "r.pdf")},
		{"report", sample, "--notes", notesBad, "--pdf", filepath.Join(out, "r.pdf")},
		{"report", sample, "--pdf", filepath.Join(out, "r.pdf"), "--docx", filepath.Join(out, "r.pdf")},
		{"report", sample, "--date", "2024-13-45", "--pdf", filepath.Join(out, "r.pdf")},
		{"template", "--period", "20245", "-o", filepath.Join(out, "m.xlsx")},
		{"template", "--unit", "../x", "-o", filepath.Join(out, "m.xlsx")},
		{"template", "--roster", filepath.Join(dir, "no-such.yaml"), "-o", out},
		{"roster", "--preset", "nope"},
		{"roster", "--preset", "xa-2025", "--tinh", "99"},
		{"roster", "--preset", "xa-2025"},
		{"roster", "--preset", "tinh-2025", "-o", filepath.Join(out, "r.txt")},
		{"ingestt"},
		{"ingest", sample, "--nope"},
		{"ingest", sample, "--strict=maybe"},
		{"check", sample, "--targets"},
		{"help", "nope"},
		{"--lang", "fr", "ingest", sample},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			msg := stderr.String()
			if code == 0 || msg == "" {
				t.Fatalf("exit %d, stderr %q: want an error", code, msg)
			}
			shown := msg
			for _, a := range args {
				if len(a) > 2 {
					shown = strings.ReplaceAll(shown, a, "")
				}
			}
			shown = strings.ReplaceAll(shown, dir, "")
			shown = regexp.MustCompile(`\S*/\S*`).ReplaceAllString(shown, "")
			shown = regexp.MustCompile(`«[^»]*»|"[^"]*"|--[a-z-]+|\S+\.(yaml|xlsx|pdf|docx|md|txt)\b|\b[a-z]+(_[a-z]+)+(\.[a-z_]+)?\b`).ReplaceAllString(shown, "")
			if w := englishWord.FindString(shown); w != "" {
				t.Errorf("English %q in the Vietnamese message:\n%s", w, msg)
			}
		})
	}
}
