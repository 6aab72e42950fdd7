package cli

import (
	"bytes"
	"fmt"
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
	for _, want := range []string{"\x1b[J", "\x1b[2A", "fetching https://github.com/o/paper", "auditing", "running step 1/1: run", "done: reproduced", "0/1 done, 1 running, ETA unknown"} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal progress lacks %q:\n%q", want, got)
		}
	}
	// What the terminal shows at the end: the finished paper, then the
	// overall count.
	sc := newScreen(24, 100)
	sc.write(got)
	lines := sc.visible()
	if len(lines) != 2 || !regexp.MustCompile(`^paper +done: reproduced \([0-9.]+m?s\)$`).MatchString(lines[0]) || !regexp.MustCompile(`^1/1 done, [0-9.]+m?s$`).MatchString(lines[1]) {
		t.Errorf("the terminal ends with %q; want the paper's final status and 1/1 done", lines)
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

// manyPapersFixture is progressFixture with n papers, all of one
// mirrored repository, checked --audit-only.
func manyPapersFixture(t *testing.T, n int) []string {
	args := progressFixture(t)
	specs := args[2]
	spec, err := os.ReadFile(filepath.Join(specs, "paper.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(specs, "paper.yaml"))
	for i := range n {
		id := fmt.Sprintf("paper%02d", i)
		os.WriteFile(filepath.Join(specs, id+".yaml"), bytes.Replace(spec, []byte("id: paper\n"), []byte("id: "+id+"\n"), 1), 0o644)
	}
	return append(args[:len(args)-1], "--all", "--audit-only", "-j", "4")
}

// On a real 24-row pseudo-terminal, 40 papers (more than the terminal has
// rows) leave one line each in the scrollback: the live region is redrawn
// in place, never taller than the terminal, and the terminal ends with
// every paper's line once and the overall count.
func TestProgressBoundedOnTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	const rows, cols, n = 24, 100, 40
	pty.Setsize(ptmx, &pty.Winsize{Rows: rows, Cols: cols})
	var out bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); io.Copy(&out, ptmx) }()
	code := Main(t.Context(), manyPapersFixture(t, n), io.Discard, tty)
	tty.Close()
	wg.Wait()
	if code != ExitOK {
		t.Fatalf("repro check = %d; want 0\n%s", code, out.String())
	}
	sc := newScreen(rows, cols)
	sc.write(out.String())
	all := append(append([]string{}, sc.history...), sc.visible()...)
	// Every finished paper once, in the history or on the screen; nothing
	// else in the history.
	for i := range n {
		re := regexp.MustCompile(fmt.Sprintf(`^paper%02d +done: available \(`, i))
		count := 0
		for _, l := range all {
			if re.MatchString(l) {
				count++
			}
		}
		if count != 1 {
			t.Errorf("paper%02d's done line is on the terminal %d times; want once", i, count)
		}
	}
	if len(sc.history) > n {
		t.Errorf("scrollback grew by %d lines for %d papers; want at most one line per paper:\n%s", len(sc.history), n, strings.Join(sc.history, "\n"))
	}
	for _, l := range sc.history {
		if !strings.Contains(l, " done: ") {
			t.Errorf("scrollback holds a line of the live region: %q", l)
		}
	}
	if last := all[len(all)-1]; !regexp.MustCompile(`^40/40 done, [0-9.]+m?s$`).MatchString(last) {
		t.Errorf("last line = %q; want the overall count 40/40 done", last)
	}
	if !strings.Contains(out.String(), "/40 done, 4 running, ETA ") {
		t.Errorf("no ETA while papers ran:\n%q", out.String())
	}
}

// The live region never outgrows the terminal: with more papers in
// progress than rows, it shows what fits and "… and k more".
func TestProgressRegionFits(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&env{stderr: &out, stderrTTY: true}, false)
	p.rows, p.width, p.total = 10, 60, 30
	for i := range 30 {
		p.update(fmt.Sprintf("p%02d", i), "auditing")
	}
	p.update("p03", "done: available")
	sc := newScreen(10, 60)
	sc.write(out.String())
	lines := sc.visible()
	if len(sc.history) != 1 || !strings.HasPrefix(sc.history[0], "p03") {
		t.Errorf("history = %q; want only p03's done line", sc.history)
	}
	if len(lines) > 9 {
		t.Errorf("region is %d lines on a 10-row terminal; want at most 9 (one row for the cursor)", len(lines))
	}
	if got := lines[len(lines)-2]; got != "… and 22 more in progress" {
		t.Errorf("second-last line = %q; want … and 22 more in progress", got)
	}
	if got := lines[len(lines)-1]; !regexp.MustCompile(`^1/30 done, 29 running, ETA `).MatchString(got) {
		t.Errorf("last line = %q; want 1/30 done, 29 running, ETA …", got)
	}
}
