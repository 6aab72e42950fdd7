package run

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"*.py", "a.py", true},
		{"*.py", "src/a.py", false},
		{"**/*.py", "a.py", true},
		{"**/*.py", "src/x/a.py", true},
		{"src/**", "src/x/a.py", true},
		{"src/**", "lib/a.py", false},
		{"src/**/models/*.py", "src/models/a.py", true},
		{"src/**/models/*.py", "src/a/b/models/a.py", true},
		{"src/**/models/*.py", "src/a/b/models/x/a.py", false},
		{"src/[ab].py", "src/b.py", true},
		{"**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/z", strings.Repeat("a/", 60) + "y", false},
	}
	for _, tt := range tests {
		if got := MatchGlob(strings.Split(tt.pattern, "/"), strings.Split(tt.name, "/")); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v; want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestCountIgnoresLinksAndGit(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.py"), []byte("register('secret')\n"), 0o644)
	os.MkdirAll(filepath.Join(root, ".git"), 0o755)
	os.WriteFile(filepath.Join(root, ".git", "x.py"), []byte("register('git')\n"), 0o644)
	os.WriteFile(filepath.Join(root, "a.py"), []byte("register('a')\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(root, "link.py")); err != nil {
		t.Skip(err)
	}
	os.Symlink(outside, filepath.Join(root, "dir"))
	n, err := Count(root, spec.Count{Files: "**/*.py", Regexp: `register\('(\w+)'\)`})
	if err != nil || n != 1 {
		t.Errorf("Count(a file, a link out, a link to a folder, .git) = %d, %v; want 1 (links and .git are not read)", n, err)
	}
}

func TestMarkdownTable(t *testing.T) {
	doc := "Intro | not a table\n\n" +
		"```\n| Method | PSNR |\n|---|---|\n| Ours | 99 |\n```\n\n" +
		"| Method | PSNR (dB) | Note |\n" +
		"| :--- | ---: | --- |\n" +
		"| a \\| b | 1,234.5 | x |\n" +
		"| `Ours` | 31.2 ± 0.1 | best |\n" +
		"| Short |\n" +
		"\n| Method | PSNR |\n|---|---|\n| Ours | 40 |\n"
	tests := []struct {
		row, col string
		want     float64
		line     int
		err      string
	}{
		{"Ours", "PSNR (dB)", 31.2, 12, ""},
		{"a | b", "PSNR (dB)", 1234.5, 11, ""},
		{"Ours", "PSNR", 40, 17, ""}, // the fenced table is not read
		{"Ours", "Note", 0, 12, `holds no number`},
		{"Short", "Note", 0, 13, `row "Short" has no cell in column "Note"`},
		{"Nobody", "PSNR", 0, 0, `none of its 2 tables has both a row "Nobody"`},
	}
	for _, tt := range tests {
		v, line, err := fromMarkdownTable([]byte(doc), tt.row, tt.col)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("fromMarkdownTable(%q, %q) = %v, %v; want error containing %q", tt.row, tt.col, v, err, tt.err)
			}
			continue
		}
		if err != nil || v != tt.want || line != tt.line {
			t.Errorf("fromMarkdownTable(%q, %q) = %v, line %d, %v; want %v, line %d", tt.row, tt.col, v, line, err, tt.want, tt.line)
		}
	}
	if _, _, err := fromMarkdownTable([]byte("no tables here\n"), "a", "b"); err == nil || !strings.Contains(err.Error(), "no Markdown table") {
		t.Errorf("fromMarkdownTable(no table) = %v; want no Markdown table", err)
	}
}

func TestNotebookFormats(t *testing.T) {
	tests := []struct {
		doc, err string
	}{
		{`[1, 2]`, "not a notebook"},
		{`{"nbformat": 3, "worksheets": []}`, "notebook format 3: only nbformat 4 is read"},
		{`{"nbformat": 4, "cells": [{"outputs": [{"output_type": "error", "traceback": ["x=1"]}]}]}`, `no cell output matches`},
		{`{"nbformat": 4, "cells": [{"outputs": [{"output_type": "display_data", "data": {"text/plain": ["x=", "3"]}}]}]}`, ""},
	}
	for _, tt := range tests {
		v, _, err := fromNotebook([]byte(tt.doc), nil, `x=([0-9]+)`)
		if tt.err == "" {
			if err != nil || v != 3 {
				t.Errorf("fromNotebook(%s) = %v, %v; want 3", tt.doc, v, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("fromNotebook(%s) = %v; want error containing %q", tt.doc, err, tt.err)
		}
	}
}

// FuzzMarkdownTable: a README from a hostile repository never panics the
// table reader, and a cell it reads is on a line of the document.
func FuzzMarkdownTable(f *testing.F) {
	f.Add("| a | b |\n|---|---|\n| x | 1 |\n", "x", "b")
	f.Add("| a \\| b |\n|:-:|\n| \\| | 2 |\n```\n| a |\n", "|", "a | b")
	f.Add("|\n|-|\n|", "", "")
	f.Fuzz(func(t *testing.T, doc, row, col string) {
		v, line, err := fromMarkdownTable([]byte(doc), row, col)
		if err == nil {
			if n := strings.Count(strings.ReplaceAll(doc, "\r\n", "\n"), "\n") + 1; line < 1 || line > n {
				t.Errorf("fromMarkdownTable = %v at line %d of a %d-line document", v, line, n)
			}
		}
	})
}

// FuzzNotebook: a hostile notebook never panics the output reader, and a
// value it reads comes from a cell that exists.
func FuzzNotebook(f *testing.F) {
	f.Add(`{"nbformat": 4, "cells": [{"outputs": [{"output_type": "stream", "text": ["v=1\n"]}]}]}`, 0, true)
	f.Add(`{"nbformat": 4, "cells": [{"outputs": [{"output_type": "execute_result", "data": {"text/plain": 7}}]}]}`, 0, false)
	f.Add(`{"nbformat": 4, "cells": null}`, -1, true)
	f.Fuzz(func(t *testing.T, doc string, cell int, useCell bool) {
		var c *int
		if useCell {
			c = &cell
		}
		for _, expr := range []string{"", `v=([0-9.]+)`} {
			if expr == "" && c == nil {
				continue
			}
			_, got, err := fromNotebook([]byte(doc), c, expr)
			if err == nil && c != nil && got != *c {
				t.Errorf("fromNotebook(cell %d) read cell %d", *c, got)
			}
		}
	})
}
