package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// progressFixture makes a mirrored repository and a spec that fetches,
// audits and runs one step; it returns the check arguments.
func progressFixture(t *testing.T) []string {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join(root, "mirror", "o", "paper")
	repo, err := git.PlainInit(src, false)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "README.md"), []byte("# paper\n"), 0o644)
	wt, _ := repo.Worktree()
	wt.Add("README.md")
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := wt.Commit("c", &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		t.Fatal(err)
	}
	specs := filepath.Join(root, "specs")
	os.Mkdir(specs, 0o755)
	os.WriteFile(filepath.Join(specs, "paper.yaml"), []byte(`schema: 1
id: paper
title: Paper
repository: {url: https://github.com/o/paper}
claims:
  - {id: a, quote: "2x", metric: speedup, value: 2, unit: x, bound: exact}
reproduce:
  steps:
    - {name: run, run: "echo speedup=2"}
  measure:
    - {claim: a, stdout: 'speedup=([0-9.]+)'}
`), 0o644)
	return []string{"check", "--specs", specs, "--results", filepath.Join(root, "results"),
		"--cache", filepath.Join(root, "cache"), "--mirror", "https://github.com/=" + filepath.Join(root, "mirror"), "paper"}
}

var ansi = regexp.MustCompile(`\x1b\[[0-9]*[A-Za-z]`)

// On a terminal the display is redrawn in place (cursor-up and
// erase-line sequences) and ends with the paper's final status.
func TestProgressTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 100})
	var out bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(&out, ptmx) }()

	code := Main(t.Context(), progressFixture(t), io.Discard, tty)
	tty.Close()
	wg.Wait() // the copy ends when the terminal's last user closes it
	if code != ExitOK {
		t.Fatalf("repro check = %d; want 0\n%s", code, out.String())
	}
	got := out.String()
	for _, want := range []string{"\x1b[2K", "\x1b[1A", "fetching https://github.com/o/paper", "auditing", "running step 1/1: run", "done: reproduced"} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal progress lacks %q:\n%q", want, got)
		}
	}
	// The last line drawn is the final status.
	lines := strings.Split(strings.TrimRight(ansi.ReplaceAllString(strings.ReplaceAll(got, "\r", ""), ""), "\n"), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^paper +done: reproduced$`).MatchString(last) {
		t.Errorf("last line of the display = %q; want the paper's final status", last)
	}
}

// Through a pipe (CI logs) each stage is one plain timestamped line.
func TestProgressPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	done := make(chan struct{})
	go func() { io.Copy(&out, r); close(done) }()
	code := Main(t.Context(), progressFixture(t), io.Discard, w)
	w.Close()
	<-done
	if code != ExitOK {
		t.Fatalf("repro check = %d; want 0\n%s", code, out.String())
	}
	got := out.String()
	if strings.Contains(got, "\x1b") {
		t.Errorf("piped progress has escape sequences:\n%q", got)
	}
	want := []string{
		`^[0-9]{2}:[0-9]{2}:[0-9]{2} paper: fetching https://github.com/o/paper$`,
		`^[0-9]{2}:[0-9]{2}:[0-9]{2} paper: checking out [0-9a-f]{12}$`,
		`^[0-9]{2}:[0-9]{2}:[0-9]{2} paper: auditing$`,
		`^[0-9]{2}:[0-9]{2}:[0-9]{2} paper: running step 1/1: run$`,
		`^[0-9]{2}:[0-9]{2}:[0-9]{2} paper: done: reproduced$`,
	}
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("piped progress = %d lines; want %d:\n%s", len(lines), len(want), got)
	}
	for i, re := range want {
		if !regexp.MustCompile(re).MatchString(lines[i]) {
			t.Errorf("line %d = %q; want %s", i+1, lines[i], re)
		}
	}
}

// With --format json, stderr stays empty even on a terminal.
func TestProgressJSON(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var out bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(&out, ptmx) }()
	var stdout bytes.Buffer
	code := Main(t.Context(), append(progressFixture(t), "--format", "json"), &stdout, tty)
	tty.Close()
	wg.Wait()
	if code != ExitOK || out.Len() != 0 {
		t.Errorf("repro check --format json = %d, stderr %q; want 0 and nothing", code, out.String())
	}
	if !strings.Contains(stdout.String(), `"status": "reproduced"`) {
		t.Errorf("stdout lacks the JSON report:\n%s", stdout.String())
	}
}

// The transfer progress of git and go-git ("Receiving objects:  45%
// (9/20)\r") is shown beside the fetching paper on a terminal.
func TestProgressTransfer(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&env{stderr: &out, stderrTTY: true}, false)
	p.update("paper", "fetching https://x/y")
	w := p.transferWriter("https://x/y")
	io.WriteString(w, "Counting objects:  10% (1/10)\rCounting objects: 100% (10/10), done.\nReceiving objects:  45% (9/20)\r")
	p.mu.Lock()
	got := p.transfer["paper"]
	p.mu.Unlock()
	if got != "Receiving objects 45%" {
		t.Errorf("transfer = %q; want %q", got, "Receiving objects 45%")
	}
	p.redraw()
	if !strings.Contains(out.String(), "paper                            fetching https://x/y · Receiving objects 45%") {
		t.Errorf("display lacks the transfer progress:\n%q", out.String())
	}
	p.update("paper", "auditing")
	if p.transfer["paper"] != "" {
		t.Errorf("transfer progress outlived the fetch: %q", p.transfer["paper"])
	}
	if w := newProgress(&env{stderr: &out}, false).transferWriter("u"); w != nil {
		t.Errorf("transferWriter off a terminal = %v; want nil", w)
	}
}
