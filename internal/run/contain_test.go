//go:build linux

package run

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// alive lists the processes whose environment holds marker.
func alive(marker string) []int {
	ents, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		if err == nil && bytes.Contains(b, []byte(marker)) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// A child that calls setsid leaves the step's process group; it must
// still not hold the step open past the shell's exit.
func TestExecSetsidChildDoesNotHoldTheStep(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	res := Exec(context.Background(), Step{Name: "s", Command: "setsid sleep 20 & echo v=3", Dir: dir, LogDir: dir, Timeout: 5 * time.Second})
	if !res.OK() || strings.TrimSpace(string(res.Output)) != "v=3" {
		t.Fatalf("Exec = %+v, output %q; want success printing v=3", res, res.Output)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("Exec took %v: it waited for the setsid child (sleep 20)", d)
	}
}

// A child that forks into a new session (setsid -f) and outlives the
// shell is gone once Exec returns, on a timeout and on a normal exit.
func TestExecKillsEscapedSession(t *testing.T) {
	for _, tc := range []struct {
		name, cmd string
		timeout   time.Duration
	}{
		{"exit", "setsid -f sh -c 'sleep 900'; echo started", time.Minute},
		{"timeout", "setsid -f sh -c 'sleep 900'; sleep 900", time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			marker := "ESCAPE_MARK=" + NewID(tc.name)
			res := Exec(context.Background(), Step{Name: "s", Command: tc.cmd, Dir: dir, LogDir: dir, Timeout: tc.timeout, Env: []string{marker}})
			if tc.name == "timeout" && !res.TimedOut {
				t.Errorf("Exec(%q).TimedOut = false", tc.cmd)
			}
			// The kernel reaps a killed namespace asynchronously: allow it
			// a moment, then insist.
			deadline := time.Now().Add(5 * time.Second)
			for len(alive(marker)) > 0 && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			if p := alive(marker); len(p) > 0 {
				t.Errorf("processes %v of the step outlived it", p)
			}
		})
	}
}

// Cancelling (Ctrl-C) does not wait for an escaped child either.
func TestExecCancelDoesNotWaitForEscapedChild(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	res := Exec(ctx, Step{Name: "s", Command: "setsid sh -c 'trap \"\" TERM; sleep 60' & sleep 60", Dir: dir, LogDir: dir})
	if !res.Interrupted {
		t.Errorf("Exec(cancelled).Interrupted = false")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("Exec took %v after Ctrl-C: it waited for the escaped child", d)
	}
}

// The step sees its declared variables, a private HOME and TMPDIR, LANG
// and PATH, and none of repro's own environment.
func TestExecEnvironmentIsDeclaredOnly(t *testing.T) {
	t.Setenv("FAKE_GITHUB_TOKEN", "ghp_secret")
	t.Setenv("SSH_AUTH_SOCK", "/tmp/agent.sock")
	dir := t.TempDir()
	res := Exec(context.Background(), Step{Name: "s", Command: "env", Dir: dir, LogDir: dir, Env: []string{"DECLARED=yes"}})
	if !res.OK() {
		t.Fatalf("Exec(env) = %+v", res)
	}
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(res.Output)), "\n") {
		k, v, _ := strings.Cut(line, "=")
		env[k] = v
	}
	for _, k := range []string{"FAKE_GITHUB_TOKEN", "SSH_AUTH_SOCK"} {
		if v, ok := env[k]; ok {
			t.Errorf("step sees host variable %s=%s", k, v)
		}
	}
	if env["DECLARED"] != "yes" || env["LANG"] == "" || env["PATH"] == "" {
		t.Errorf("step environment %v; want DECLARED=yes, LANG and PATH", env)
	}
	if h := env["HOME"]; h == "" || h == os.Getenv("HOME") {
		t.Errorf("step HOME = %q; want a private folder, not repro's %q", h, os.Getenv("HOME"))
	}
	allowed := map[string]bool{"DECLARED": true, "LANG": true, "PATH": true, "HOME": true, "TMPDIR": true, "REPRO_STEP_ID": true, "PWD": true, "SHLVL": true, "OLDPWD": true, "_": true}
	for k := range env {
		if !allowed[k] {
			t.Errorf("step sees undeclared variable %s", k)
		}
	}
}
