package sandbox

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// Bwrap runs steps on the host inside bubblewrap: the host's root
// read-only, /home, /root and the invoking user's HOME hidden, the
// checkout and a private temp folder writable, a private HOME at
// /home/repro, new pid, ipc and (unless the step declares network) network
// namespaces, no capabilities, and --die-with-parent so nothing outlives
// repro. It is the sandbox for `environment: {host: true}` and for
// machines without a container runtime.
type Bwrap struct {
	Program string
}

// Name implements Runtime.
func (*Bwrap) Name() string { return "bwrap" }

// Sandbox implements Runtime.
func (*Bwrap) Sandbox() string {
	return "bwrap: read-only host root, hidden homes, writable checkout and temp, private HOME, new pid/ipc/net namespaces, no capabilities, cleared environment"
}

// bwrapHome is the step's HOME inside the sandbox.
const bwrapHome = "/home/repro"

// Args returns bwrap's arguments for j.
func (b *Bwrap) Args(j *Job) []string {
	a := []string{
		"--ro-bind", "/", "/",
		"--dev", "/dev",
		"--proc", "/proc",
		"--tmpfs", "/home",
		"--tmpfs", "/root",
		"--unshare-pid", "--unshare-ipc", "--unshare-uts",
		"--die-with-parent",
		"--clearenv",
	}
	if h := os.Getenv("HOME"); h != "" && h != "/" {
		// The invoking user's HOME, wherever it is, is hidden too; the
		// binds below bring back the checkout if it lies inside.
		a = append(a, "--tmpfs", h)
	}
	if !j.Network {
		a = append(a, "--unshare-net")
	}
	if os.Geteuid() == 0 {
		a = append(a, "--cap-drop", "ALL")
	}
	if j.Limits.GPUs > 0 {
		// The devices of every GPU; bwrap's /dev holds only the basics.
		nv, _ := filepath.Glob("/dev/nvidia*")
		for _, d := range nv {
			a = append(a, "--dev-bind", d, d)
		}
		if dri, err := os.Stat("/dev/dri"); err == nil && dri.IsDir() {
			a = append(a, "--dev-bind", "/dev/dri", "/dev/dri")
		}
	}
	a = append(a, "--bind", j.Tmp, "/tmp", "--bind", j.Home, bwrapHome)
	for _, m := range j.Mounts {
		bind := "--bind"
		if m.ReadOnly {
			bind = "--ro-bind"
		}
		a = append(a, bind, m.Source, m.target())
	}
	// The checkout last: it stays writable even inside a read-only mount
	// (a data folder that holds repro's cache).
	a = append(a, "--bind", j.Dir, j.Dir)
	if j.Out != "" {
		a = append(a, "--bind", j.Out, j.Out)
	}
	path := os.Getenv("PATH")
	if path == "" {
		path = DefaultPath
	}
	env := hostEnv(j, path)
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME":
			v = bwrapHome
		case "TMPDIR":
			v = "/tmp"
		}
		a = append(a, "--setenv", k, v)
	}
	a = append(a, "--chdir", j.Dir, "/bin/sh", "-c", j.Command)
	return a
}

// Version implements Runtime.
func (b *Bwrap) Version(ctx context.Context) string {
	return programVersion(ctx, b.Program, "--version")
}

// Command implements Runtime.
func (b *Bwrap) Command(j *Job) (*exec.Cmd, error) {
	// bwrap's own environment is not passed on (--clearenv); keep it
	// small anyway.
	cmd, err := gated(j, []string{"PATH=" + DefaultPath}, b.Program, b.Args(j)...)
	if err != nil {
		return nil, err
	}
	cmd.SysProcAttr = groupAttr()
	return cmd, nil
}

// Started implements Runtime: bwrap, and so everything in its sandbox,
// gets the step's pids limit before it runs.
func (b *Bwrap) Started(j *Job, cmd *exec.Cmd) error { return j.started(cmd.Process.Pid) }

// Signal implements Runtime. bwrap and the step's shell share a process
// group; killing bwrap kills its pid namespace (--die-with-parent).
func (b *Bwrap) Signal(j *Job, cmd *exec.Cmd, sig syscall.Signal) {
	if cmd.Process != nil {
		signalGroup(cmd.Process.Pid, sig)
	}
	if sig == syscall.SIGKILL {
		j.gate.kill()
	}
}

// Finish implements Runtime: with bwrap gone its namespace is gone; the
// step's cgroup, if any, is emptied and removed.
func (b *Bwrap) Finish(j *Job, cmd *exec.Cmd) Ended {
	return Ended{PidsLimit: j.gate.close()}
}
