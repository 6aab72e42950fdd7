package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultLogCap is the most output kept of one stream of one step; the
// rest is counted and dropped so a step that prints forever cannot fill
// the disk.
const DefaultLogCap = 4 << 20

// DefaultTimeout applies to a step that declares none.
const DefaultTimeout = 30 * time.Minute

// tailSize is how much of a failed step's output the table shows.
const tailSize = 1200

// keepTail is how much of the end of a step's stdout is kept beyond the
// cap, so a metric printed after a flood of output can still be measured.
const keepTail = 64 << 10

// Step is one command to run.
type Step struct {
	Name    string
	Command string
	Dir     string
	Env     []string // KEY=VALUE, added to the inherited environment
	Timeout time.Duration
	// LogDir receives <name>.stdout.log and <name>.stderr.log.
	LogDir string
	LogCap int64
	// Network lets the step reach the network.
	Network bool
	// Mounts are host paths the step sees (artifacts read-only, the
	// checkout and output folder writable).
	Mounts []Mount
}

// Mount makes a host path visible to a step at Target (the same path
// when Target is empty).
type Mount struct {
	Source   string
	Target   string
	ReadOnly bool
}

// Result is how a step ended.
type Result struct {
	ExitCode    int
	Duration    time.Duration
	TimedOut    bool
	Interrupted bool
	Err         error
	Stdout      string // log file paths
	Stderr      string
	Truncated   bool
	// Output is the captured stdout (up to the cap), for measurements.
	Output []byte
	Tail   string
}

// OK reports whether the step succeeded.
func (r *Result) OK() bool { return r.Err == nil && r.ExitCode == 0 && !r.TimedOut && !r.Interrupted }

// Exec runs s with sh -c in its own process group. When s.Timeout passes or
// ctx is cancelled, the whole group gets SIGTERM, then SIGKILL after a grace
// period, so no child outlives the step.
func Exec(ctx context.Context, s Step) *Result {
	if s.LogCap <= 0 {
		s.LogCap = DefaultLogCap
	}
	if s.Timeout <= 0 {
		s.Timeout = DefaultTimeout
	}
	res := &Result{
		Stdout: filepath.Join(s.LogDir, s.Name+".stdout.log"),
		Stderr: filepath.Join(s.LogDir, s.Name+".stderr.log"),
	}
	outLog, err := newCappedFile(res.Stdout, s.LogCap, true)
	if err != nil {
		res.Err = err
		return res
	}
	errLog, err := newCappedFile(res.Stderr, s.LogCap, false)
	if err != nil {
		outLog.Close()
		res.Err = err
		return res
	}
	cmd := exec.Command("/bin/sh", "-c", s.Command)
	cmd.Dir = s.Dir
	cmd.Env = append(os.Environ(), s.Env...)
	cmd.Stdout, cmd.Stderr = outLog, errLog
	cmd.Stdin = nil
	if err := ownGroup(cmd); err != nil {
		res.Err = fmt.Errorf("start step %s: %w", s.Name, err)
		outLog.Close()
		errLog.Close()
		return res
	}

	start := time.Now()
	if err := cmd.Start(); err != nil {
		res.Err = fmt.Errorf("start step %s: %w", s.Name, err)
		outLog.Close()
		errLog.Close()
		return res
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(s.Timeout)
	defer timer.Stop()
	var waitErr error
	select {
	case waitErr = <-done:
	case <-timer.C:
		res.TimedOut = true
		waitErr = killGroup(cmd, done)
	case <-ctx.Done():
		res.Interrupted = true
		waitErr = killGroup(cmd, done)
	}
	// The shell may have exited while a background child still holds the
	// group: kill what is left so nothing outlives the step.
	killAll(cmd)
	res.Duration = time.Since(start)
	outLog.Close()
	errLog.Close()
	res.Truncated = outLog.dropped > 0 || errLog.dropped > 0
	res.Output = outLog.kept.Bytes()
	if outLog.dropped > 0 {
		res.Output = append(append(res.Output, '\n'), outLog.last.Bytes()...)
	}
	res.ExitCode = cmd.ProcessState.ExitCode()
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		res.Err = waitErr
	}
	if !res.OK() {
		res.Tail = tail(lastN(outLog.last.Bytes(), tailSize), lastN(errLog.last.Bytes(), tailSize))
	}
	return res
}

func killGroup(cmd *exec.Cmd, done chan error) error {
	termAll(cmd)
	select {
	case err := <-done:
		return err
	case <-time.After(3 * time.Second):
		killAll(cmd)
		return <-done
	}
}

func tail(out, errOut []byte) string {
	b := append(append([]byte{}, out...), errOut...)
	if len(b) > tailSize {
		b = b[len(b)-tailSize:]
	}
	return strings.TrimSpace(strings.ToValidUTF8(string(b), "?"))
}

// cappedFile writes at most cap bytes to a file, counts the rest, and
// keeps the last few kilobytes for the failure tail.
type cappedFile struct {
	f       *os.File
	cap     int64
	written int64
	dropped int64
	keep    bool
	kept    bytes.Buffer // the logged stdout, for measurements
	last    ring
}

func newCappedFile(path string, cap int64, keep bool) (*cappedFile, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &cappedFile{f: f, cap: cap, keep: keep, last: ring{size: keepTail}}, nil
}

func (c *cappedFile) Write(p []byte) (int, error) {
	c.last.Write(p)
	room := c.cap - c.written
	w := p
	if int64(len(w)) > room {
		w = w[:max(room, 0)]
	}
	if len(w) > 0 {
		if _, err := c.f.Write(w); err != nil {
			// A full disk must not kill the step: drop the output, keep going.
			c.dropped += int64(len(w))
		} else {
			c.written += int64(len(w))
			if c.keep {
				c.kept.Write(w)
			}
		}
	}
	c.dropped += int64(len(p) - len(w))
	return len(p), nil
}

func (c *cappedFile) Close() error {
	if c.dropped > 0 {
		fmt.Fprintf(c.f, "\n[repro: log capped at %d bytes; %d more bytes dropped]\n", c.cap, c.dropped)
	}
	return c.f.Close()
}

func lastN(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// ring keeps the last size bytes written to it.
type ring struct {
	size int
	buf  []byte
}

func (r *ring) Write(p []byte) {
	r.buf = append(r.buf, p...)
	if len(r.buf) > 2*r.size {
		r.buf = append(r.buf[:0], r.buf[len(r.buf)-r.size:]...)
	}
}

func (r *ring) Bytes() []byte {
	if len(r.buf) > r.size {
		return r.buf[len(r.buf)-r.size:]
	}
	return r.buf
}

// EnvList turns a map into sorted KEY=VALUE pairs.
func EnvList(maps ...map[string]string) []string {
	m := map[string]string{}
	for _, mm := range maps {
		for k, v := range mm {
			m[k] = v
		}
	}
	var env []string
	for k, v := range m {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}

var _ io.Writer = (*cappedFile)(nil)
