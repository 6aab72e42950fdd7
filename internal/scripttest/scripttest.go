// Package scripttest holds the custom testscript commands that the CLI's
// end-to-end scripts share (internal/cli and internal/slurm): fixture git
// repositories made with go-git, exit-status assertions, and waits on files
// and processes. It is imported by tests only.
package scripttest

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/rogpeppe/go-internal/testscript"
)

// Commands returns the custom commands, for testscript.Params.Cmds.
func Commands() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"mkrepo":   cmdMkrepo,
		"pin":      cmdPin,
		"bigfile":  cmdBigfile,
		"waitfile": cmdWaitfile,
		"gone":     cmdGone,
		"noproc":   cmdNoproc,
		"exits":    cmdExits,
		"mkfifo":   cmdMkfifo,
		"sleep":    cmdSleep,

		"busyboximage": cmdBusyboximage,

		"hostilerepo": cmdHostilerepo,
		"swapobject":  cmdSwapobject,
		"serve":       cmdServe,
	}
}

// mkrepo SRC DST [-commits N] makes DST a git repository holding the files
// of SRC, committed with go-git at a fixed time (and N-1 more commits that
// touch HISTORY.txt, for history tests).
func cmdMkrepo(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: mkrepo SRC DST [N]")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	n := 1
	if len(args) > 2 {
		n, _ = strconv.Atoi(args[2])
	}
	repo, err := git.PlainInit(dst, false)
	ts.Check(err)
	wt, err := repo.Worktree()
	ts.Check(err)
	ts.Check(filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		os.MkdirAll(filepath.Dir(out), 0o755)
		mode := os.FileMode(0o644)
		if strings.HasSuffix(p, ".sh") {
			mode = 0o755
		}
		if err := os.WriteFile(out, data, mode); err != nil {
			return err
		}
		_, err = wt.Add(filepath.ToSlash(rel))
		return err
	}))
	when := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		if i > 0 {
			ts.Check(os.WriteFile(filepath.Join(dst, "HISTORY.txt"), []byte(fmt.Sprintf("change %d\n", i)), 0o644))
			_, err := wt.Add("HISTORY.txt")
			ts.Check(err)
		}
		sig := &object.Signature{Name: "Fixture", Email: "fixture@example.com", When: when.Add(time.Duration(i) * time.Hour)}
		_, err = wt.Commit(fmt.Sprintf("commit %d", i+1), &git.CommitOptions{Author: sig, Committer: sig})
		ts.Check(err)
	}
}

// exits N CMD ARGS... runs CMD like exec and asserts its exit status is N;
// stdout and stderr are kept for the assertions that follow.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d; want %d", args[1], got, want)
	}
}

// pin SPEC REPO [REV] replaces PINNED in SPEC with REPO's HEAD (or REV~k
// given as a number of commits back).
func cmdPin(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: pin SPEC REPO [BACK]")
	}
	repo, err := git.PlainOpen(ts.MkAbs(args[1]))
	ts.Check(err)
	head, err := repo.Head()
	ts.Check(err)
	c, err := repo.CommitObject(head.Hash())
	ts.Check(err)
	if len(args) > 2 {
		back, _ := strconv.Atoi(args[2])
		for ; back > 0; back-- {
			c, err = c.Parent(0)
			ts.Check(err)
		}
	}
	p := ts.MkAbs(args[0])
	data, err := os.ReadFile(p)
	ts.Check(err)
	ts.Check(os.WriteFile(p, []byte(strings.ReplaceAll(string(data), "PINNED", c.Hash.String())), 0o644))
}

// bigfile PATH SIZE writes SIZE bytes of a valid-looking YAML comment.
func cmdBigfile(ts *testscript.TestScript, neg bool, args []string) {
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	line := "# " + strings.Repeat("x", 77) + "\n"
	var b strings.Builder
	b.WriteString("schema: 1\n")
	for b.Len() < size {
		b.WriteString(line)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// waitfile PATH [SECONDS] waits (60 s by default) for PATH to exist.
func cmdWaitfile(ts *testscript.TestScript, neg bool, args []string) {
	limit := 60 * time.Second
	if len(args) > 1 {
		d, err := time.ParseDuration(args[1] + "s")
		ts.Check(err)
		limit = d
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.Fatalf("%s did not appear within %s", args[0], limit)
}

// gone PIDFILE asserts the process whose pid PIDFILE holds has exited.
func cmdGone(ts *testscript.TestScript, neg bool, args []string) {
	pid, err := strconv.Atoi(strings.TrimSpace(ts.ReadFile(args[0])))
	ts.Check(err)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			if neg {
				ts.Fatalf("process %d is gone", pid)
			}
			return
		}
		// A zombie not yet reaped by its (killed) parent counts as gone.
		if st, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil && strings.Contains(string(st), ") Z ") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !neg {
		ts.Fatalf("process %d is still running", pid)
	}
}

// mkfifo PATH makes a named pipe at PATH, for tests of reads that must not
// block on one.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: mkfifo PATH")
	}
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(mkfifo(p))
}

// sleep DURATION waits, e.g. between two signals so that the process sees
// them as two (a pending signal sent again is delivered once).
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// serve DIR serves the files of DIR over HTTP on 127.0.0.1 until the
// script ends, sets $SERVER to its URL, and appends one line per request
// to $WORK/serve.log: "GET /path range=<Range header> auth=<yes|no>".
func cmdServe(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: serve DIR")
	}
	files := http.FileServer(http.Dir(ts.MkAbs(args[0])))
	logPath := ts.MkAbs("serve.log")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := "no"
		if r.Header.Get("Authorization") != "" {
			auth = "yes"
		}
		if f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintf(f, "%s %s range=%s auth=%s\n", r.Method, r.URL.Path, r.Header.Get("Range"), auth)
			f.Close()
		}
		files.ServeHTTP(w, r)
	}))
	ts.Defer(srv.Close)
	ts.Setenv("SERVER", srv.URL)
}

// noproc TEXT asserts that, within 5 s, no process has TEXT in its
// environment: how a script proves every process of a step is gone when
// the step ran in a pid namespace (its own pids mean nothing outside).
func cmdNoproc(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: noproc TEXT")
	}
	find := func() []string {
		var pids []string
		ents, _ := os.ReadDir("/proc")
		for _, e := range ents {
			if _, err := strconv.Atoi(e.Name()); err != nil || e.Name() == strconv.Itoa(os.Getpid()) {
				continue
			}
			if b, err := os.ReadFile("/proc/" + e.Name() + "/environ"); err == nil && strings.Contains(string(b), args[0]) {
				pids = append(pids, e.Name())
			}
		}
		return pids
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		pids := find()
		if neg {
			if len(pids) == 0 {
				ts.Fatalf("no process has %q in its environment", args[0])
			}
			return
		}
		if len(pids) == 0 {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("processes %s with %q in their environment are still running", strings.Join(pids, ", "), args[0])
		}
		time.Sleep(50 * time.Millisecond)
	}
}
