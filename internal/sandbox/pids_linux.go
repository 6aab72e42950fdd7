//go:build linux

package sandbox

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// A host step (bare or bwrap) is held to its pids limit by a cgroup of
// its own where this process may make one: /sys/fs/cgroup/pids/repro/
// (cgroup v1) or /sys/fs/cgroup/repro/ (v2, with the pids controller
// enabled below the root), one folder per step named
// <job id>.<repro's pid>. Elsewhere (not root, no delegated cgroup) the
// step's first process gets RLIMIT_NPROC.
//
// Either way the step's first process must be limited before it runs
// anything: a child forked before it joins the cgroup would stay outside
// it. So the step starts as a gate, `sh -c 'read <&3 && exec "$@"'`,
// which waits on a pipe; Started moves it into the cgroup (or sets its
// rlimit) and only then lets it exec the sandbox or the step's shell.
// Everything it starts inherits the cgroup or the rlimit. If limiting
// fails the pipe is closed unread and the gate exits 125 without running
// the step.

type pidsKind int

const (
	pidsOff pidsKind = iota
	pidsCgroupV1
	pidsCgroupV2
	pidsRlimitNproc
)

var (
	pidsOnce   sync.Once
	pidsMode   pidsKind
	pidsParent string // the repro cgroup folder, under cgroup modes

	// cgroupRoot is where the cgroup file systems are mounted; tests
	// leave it.
	cgroupRoot = "/sys/fs/cgroup"
)

// hostPids finds, once, how this process can limit a host step's
// processes, and removes the cgroups of repro processes that no longer
// run (a repro killed with SIGKILL cannot remove its own).
func hostPids() pidsKind {
	pidsOnce.Do(func() {
		switch {
		case setupCgroup(pidsCgroupV1):
			pidsMode = pidsCgroupV1
		case setupCgroup(pidsCgroupV2):
			pidsMode = pidsCgroupV2
		case os.Getuid() != 0:
			// The kernel does not apply RLIMIT_NPROC to root.
			pidsMode = pidsRlimitNproc
		default:
			pidsMode = pidsOff
		}
		if pidsMode == pidsCgroupV1 || pidsMode == pidsCgroupV2 {
			RemoveStaleCgroups()
		}
	})
	return pidsMode
}

func hostPidsEnforcement() string {
	switch hostPids() {
	case pidsCgroupV1, pidsCgroupV2:
		return PidsCgroup
	case pidsRlimitNproc:
		return PidsRlimit
	}
	return PidsNone
}

// setupCgroup makes the repro cgroup of layout k and checks that a
// step's cgroup can be made in it with a pids limit.
func setupCgroup(k pidsKind) bool {
	var parent string
	switch k {
	case pidsCgroupV1:
		root := filepath.Join(cgroupRoot, "pids")
		if _, err := os.Stat(filepath.Join(root, "cgroup.procs")); err != nil {
			return false
		}
		parent = filepath.Join(root, "repro")
		if err := os.Mkdir(parent, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return false
		}
	case pidsCgroupV2:
		b, err := os.ReadFile(filepath.Join(cgroupRoot, "cgroup.controllers"))
		if err != nil || !hasWord(string(b), "pids") {
			return false
		}
		// The root cgroup may hold processes and enable controllers for
		// its children; repro's own cgroup elsewhere may not do both.
		if os.WriteFile(filepath.Join(cgroupRoot, "cgroup.subtree_control"), []byte("+pids"), 0) != nil {
			return false
		}
		parent = filepath.Join(cgroupRoot, "repro")
		if err := os.Mkdir(parent, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return false
		}
		if os.WriteFile(filepath.Join(parent, "cgroup.subtree_control"), []byte("+pids"), 0) != nil {
			return false
		}
	default:
		return false
	}
	probe := filepath.Join(parent, "probe."+strconv.Itoa(os.Getpid()))
	if err := os.Mkdir(probe, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return false
	}
	defer os.Remove(probe)
	if os.WriteFile(filepath.Join(probe, "pids.max"), []byte("max"), 0) != nil {
		return false
	}
	pidsParent = parent
	return true
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// RemoveStaleCgroups removes the step cgroups of repro processes that no
// longer run, killing what is left in them. It returns their names.
func RemoveStaleCgroups() []string {
	if pidsParent == "" {
		return nil
	}
	ents, err := os.ReadDir(pidsParent)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		i := strings.LastIndexByte(e.Name(), '.')
		owner, err := strconv.Atoi(e.Name()[i+1:])
		if i < 0 || err != nil || owner == os.Getpid() || alivePid(owner) {
			continue
		}
		if removeCgroup(filepath.Join(pidsParent, e.Name()), time.Second) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// pidsGate holds a host step's first process until it is limited.
type pidsGate struct {
	kind   pidsKind
	limit  int
	cgroup string // the step's cgroup folder under cgroup modes
	r, w   *os.File
	opened bool
}

// gateScript waits for a line on fd 3, closes it, and execs its
// arguments; without the line it exits 125 and runs nothing.
const gateScript = `read -r _ <&3 || exit 125; exec 3<&-; exec "$@"`

// gated returns the command that runs prog with args for j: behind a
// gate that Started opens once the process is limited, or plainly when
// nothing can limit it here.
func gated(j *Job, env []string, prog string, args ...string) (*exec.Cmd, error) {
	kind := hostPids()
	if kind == pidsOff {
		cmd := exec.Command(prog, args...)
		cmd.Env = env
		return cmd, nil
	}
	g := &pidsGate{kind: kind, limit: j.Limits.Pids}
	if g.limit <= 0 {
		g.limit = DefaultPids
	}
	if kind != pidsRlimitNproc {
		g.cgroup = filepath.Join(pidsParent, safeName(j.ID)+"."+strconv.Itoa(os.Getpid()))
		if err := os.Mkdir(g.cgroup, 0o755); err != nil {
			return nil, fmt.Errorf("make the step's pids cgroup: %w", err)
		}
		if err := os.WriteFile(filepath.Join(g.cgroup, "pids.max"), []byte(strconv.Itoa(g.limit)), 0); err != nil {
			os.Remove(g.cgroup)
			return nil, fmt.Errorf("set the step's pids limit: %w", err)
		}
	}
	var err error
	if g.r, g.w, err = os.Pipe(); err != nil {
		if g.cgroup != "" {
			os.Remove(g.cgroup)
		}
		return nil, err
	}
	cmd := exec.Command("/bin/sh", append([]string{"-c", gateScript, "repro-gate", prog}, args...)...)
	cmd.Env = env
	cmd.ExtraFiles = []*os.File{g.r}
	j.gate = g
	return cmd, nil
}

// open limits the started gate process pid and lets it run.
func (g *pidsGate) open(pid int) error {
	g.r.Close()
	var err error
	switch g.kind {
	case pidsCgroupV1, pidsCgroupV2:
		err = os.WriteFile(filepath.Join(g.cgroup, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0)
		if err != nil {
			err = fmt.Errorf("move the step into its pids cgroup: %w", err)
		}
	case pidsRlimitNproc:
		n := uint64(userTasks(os.Getuid()) + g.limit)
		err = unix.Prlimit(pid, unix.RLIMIT_NPROC, &unix.Rlimit{Cur: n, Max: n}, nil)
		if err != nil {
			err = fmt.Errorf("set the step's RLIMIT_NPROC: %w", err)
		}
	}
	if err == nil {
		_, err = g.w.Write([]byte("go\n"))
	}
	g.w.Close()
	g.opened = err == nil
	return err
}

// kill sends SIGKILL to every process in the step's cgroup.
func (g *pidsGate) kill() {
	if g != nil && g.cgroup != "" {
		killCgroup(g.cgroup)
	}
}

// close kills what is left in the step's cgroup and removes it, and says
// whether a fork was refused at the limit.
func (g *pidsGate) close() (hit bool) {
	if g == nil {
		return false
	}
	if !g.opened {
		g.r.Close()
		g.w.Close()
	}
	if g.cgroup == "" {
		return false
	}
	hit = eventCount(filepath.Join(g.cgroup, "pids.events"), "max") > 0
	removeCgroup(g.cgroup, 5*time.Second)
	return hit
}

func killCgroup(dir string) int {
	if os.WriteFile(filepath.Join(dir, "cgroup.kill"), []byte("1"), 0) == nil {
		return 0
	}
	b, _ := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
	n := 0
	for _, f := range strings.Fields(string(b)) {
		if pid, err := strconv.Atoi(f); err == nil && pid > 0 {
			syscall.Kill(pid, syscall.SIGKILL)
			n++
		}
	}
	return n
}

// removeCgroup kills the processes in dir until none is left and removes
// it, trying for up to wait (killed processes leave their cgroup only
// once they have exited).
func removeCgroup(dir string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		killCgroup(dir)
		err := os.Remove(dir)
		if err == nil || errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("remove cgroup %s: %w", dir, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// eventCount reads the counter key of an events file ("max 3").
func eventCount(file, key string) int {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key+" "); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

// userTasks counts the tasks (threads: what RLIMIT_NPROC counts) whose
// real user is uid.
func userTasks(uid int) int {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	want := []byte(strconv.Itoa(uid))
	n := 0
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		mine, threads := false, 1
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			line := sc.Bytes()
			if v, ok := bytes.CutPrefix(line, []byte("Uid:")); ok {
				f := bytes.Fields(v)
				mine = len(f) > 0 && bytes.Equal(f[0], want)
			} else if v, ok := bytes.CutPrefix(line, []byte("Threads:")); ok {
				threads, _ = strconv.Atoi(string(bytes.TrimSpace(v)))
			}
		}
		if mine {
			n += threads
		}
	}
	return n
}
