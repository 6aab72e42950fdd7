package run

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/repro-harness/repro/internal/sandbox"
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
	// Dir is the checkout the step runs in, writable.
	Dir string
	// Env holds the step's whole declared environment as KEY=VALUE; the
	// runtime adds PATH (on the host), HOME, TMPDIR and LANG, and nothing
	// of repro's own environment.
	Env     []string
	Timeout time.Duration
	// LogDir receives <name>.stdout.log and <name>.stderr.log.
	LogDir string
	LogCap int64
	// Network lets the step reach the network.
	Network bool
	// Mounts are host paths the step sees (artifacts read-only, the
	// checkout and output folder writable).
	Mounts []Mount

	// Runtime runs the step; nil runs it bare (sandbox.Bare), still with
	// its processes contained and its environment cleared.
	Runtime sandbox.Runtime
	// Image is the image a container runtime runs.
	Image string
	// Limits are the step's memory, CPU, pids and GPU limits.
	Limits sandbox.Limits
	// Home and Tmp are the private HOME and temporary folder, shared by
	// the steps of one paper; when empty Exec makes fresh ones and
	// removes them afterwards.
	Home, Tmp string
	// RunID labels the step's container; ID names it (made up when
	// empty).
	RunID, ID string
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
	// OutOfMemory and PidsLimit say the runtime saw the step exceed its
	// memory limit or refused it a process at its pids limit.
	OutOfMemory bool
	PidsLimit   bool
	Err         error
	Stdout      string // log file paths
	Stderr      string
	Truncated   bool
	// Output is the captured stdout (up to the cap), for measurements.
	Output []byte
	Tail   string
}

// OK reports whether the step succeeded.
func (r *Result) OK() bool {
	return r.Err == nil && r.ExitCode == 0 && !r.TimedOut && !r.Interrupted && !r.OutOfMemory && !r.PidsLimit
}

// grace is how long a stopped step has between SIGTERM and SIGKILL.
const grace = 3 * time.Second

// drainWait bounds how long the logs are read after the step ended: a
// process that escaped every containment must not hold repro.
const drainWait = 2 * time.Second

// Exec runs s with sh -c through its runtime. When s.Timeout passes or
// ctx is cancelled, everything the step runs gets SIGTERM, then SIGKILL
// after a grace period; when the step ends, the runtime kills and removes
// whatever it left, so no process outlives the step.
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
	defer outLog.Close()
	errLog, err := newCappedFile(res.Stderr, s.LogCap, false)
	if err != nil {
		res.Err = err
		return res
	}
	defer errLog.Close()
	rt := s.Runtime
	if rt == nil {
		rt = sandbox.Bare{}
	}
	job := &sandbox.Job{
		ID: s.ID, RunID: s.RunID, Command: s.Command, Dir: s.Dir, Home: s.Home, Tmp: s.Tmp,
		Env: s.Env, Network: s.Network, Limits: s.Limits, Image: s.Image,
	}
	if job.ID == "" {
		job.ID = NewID("repro-step")
	}
	for _, m := range s.Mounts {
		job.Mounts = append(job.Mounts, sandbox.Mount(m))
	}
	for _, d := range []*string{&job.Home, &job.Tmp} {
		if *d == "" {
			if *d, err = os.MkdirTemp("", "repro-private-"); err != nil {
				res.Err = fmt.Errorf("make a private folder for step %s: %w", s.Name, err)
				return res
			}
			defer os.RemoveAll(*d)
		}
	}
	// Sandboxes bind folders by absolute path.
	for _, p := range []*string{&job.Dir, &job.Home, &job.Tmp} {
		if a, err := filepath.Abs(*p); err == nil {
			*p = a
		}
	}
	for i := range job.Mounts {
		if a, err := filepath.Abs(job.Mounts[i].Source); err == nil {
			job.Mounts[i].Source = a
		}
	}
	cmd, err := rt.Command(job)
	if err != nil {
		res.Err = fmt.Errorf("start step %s: %w", s.Name, err)
		return res
	}
	// Pipes of our own rather than exec's: Wait then returns when the
	// step's first process ends, not when the last holder of its output
	// does.
	outR, outW, err := os.Pipe()
	if err != nil {
		res.Err = err
		return res
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		outR.Close()
		outW.Close()
		res.Err = err
		return res
	}
	cmd.Stdout, cmd.Stderr, cmd.Stdin = outW, errW, nil

	start := time.Now()
	err = cmd.Start()
	outW.Close()
	errW.Close()
	if err == nil {
		if err = rt.Started(job, cmd); err != nil {
			// The step ran nothing: its gate was never opened.
			rt.Signal(job, cmd, syscall.SIGKILL)
			cmd.Wait()
		}
	}
	if err != nil {
		rt.Finish(job, cmd)
		outR.Close()
		errR.Close()
		res.Err = fmt.Errorf("start step %s: %w", s.Name, err)
		return res
	}
	copied := make(chan struct{}, 2)
	go func() { io.Copy(outLog, outR); copied <- struct{}{} }()
	go func() { io.Copy(errLog, errR); copied <- struct{}{} }()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(s.Timeout)
	defer timer.Stop()
	var waitErr error
	select {
	case waitErr = <-done:
	case <-timer.C:
		res.TimedOut = true
		waitErr = stop(rt, job, cmd, done)
	case <-ctx.Done():
		res.Interrupted = true
		waitErr = stop(rt, job, cmd, done)
	}
	ended := rt.Finish(job, cmd)
	res.OutOfMemory, res.PidsLimit = ended.OutOfMemory, ended.PidsLimit
	res.Duration = time.Since(start)
	drain := time.NewTimer(drainWait)
	for n := 0; n < 2; {
		select {
		case <-copied:
			n++
		case <-drain.C:
			// Something still holds the output: stop reading it.
			outR.Close()
			errR.Close()
		}
	}
	drain.Stop()
	outR.Close()
	errR.Close()
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

// stop asks the step to end, then kills it after the grace period.
func stop(rt sandbox.Runtime, j *sandbox.Job, cmd *exec.Cmd, done chan error) error {
	rt.Signal(j, cmd, syscall.SIGTERM)
	select {
	case err := <-done:
		return err
	case <-time.After(grace):
		rt.Signal(j, cmd, syscall.SIGKILL)
		return <-done
	}
}

// NewID returns prefix-<16 random hex digits>, a name for a step's
// container or a run.
func NewID(prefix string) string {
	var b [8]byte
	rand.Read(b[:])
	return prefix + "-" + hex.EncodeToString(b[:])
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
