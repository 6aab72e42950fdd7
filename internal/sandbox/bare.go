package sandbox

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

// Bare runs steps on the host with no filesystem or network isolation:
// what `--runtime none` asks for. It still contains the step's processes
// and environment: the shell starts as the first process of a new pid
// namespace (a user namespace too when repro is not root), so when it
// exits or is killed the kernel kills every process it left, including
// ones that called setsid; and the step sees only its declared
// environment with a private HOME.
//
// Where namespaces are refused (a kernel or policy without unprivileged
// user namespaces) Bare falls back to a sweep: repro becomes a child
// subreaper, so orphaned descendants are re-parented to it instead of
// init, and when the step ends every process in its process group, every
// process whose environment carries the step's REPRO_STEP_ID, and every
// descendant of those is killed. A step that both clears its environment
// and leaves its process group and session escapes the sweep; the record's
// sandbox field says which containment was used.
type Bare struct{}

// Name implements Runtime.
func (Bare) Name() string { return "none" }

// Sandbox implements Runtime.
func (Bare) Sandbox() string { return bareSandbox() }

// Version implements Runtime: the kernel's release.
func (Bare) Version(context.Context) string {
	b, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return "linux " + strings.TrimSpace(string(b))
}

// Command implements Runtime.
func (Bare) Command(j *Job) (*exec.Cmd, error) {
	attr, err := bareAttr()
	if err != nil {
		return nil, err
	}
	path := os.Getenv("PATH")
	if path == "" {
		path = DefaultPath
	}
	cmd, err := gated(j, append(hostEnv(j, path), "REPRO_STEP_ID="+j.ID), "/bin/sh", "-c", j.Command)
	if err != nil {
		return nil, err
	}
	cmd.Dir = j.Dir
	cmd.SysProcAttr = attr
	return cmd, nil
}

// Started implements Runtime: the step's processes get their pids limit
// before the shell runs.
func (Bare) Started(j *Job, cmd *exec.Cmd) error { return j.started(cmd.Process.Pid) }

// Signal implements Runtime.
func (Bare) Signal(j *Job, cmd *exec.Cmd, sig syscall.Signal) {
	if cmd.Process == nil {
		return
	}
	signalGroup(cmd.Process.Pid, sig)
	if sig == syscall.SIGKILL {
		// In a pid namespace the shell is its init: killing it kills the
		// namespace. Without one, sweep what left the group.
		cmd.Process.Kill()
		j.gate.kill()
		bareSweep(j.ID, cmd.Process.Pid)
	}
}

// Finish implements Runtime.
func (Bare) Finish(j *Job, cmd *exec.Cmd) Ended {
	// With a pid namespace the kernel has killed every process of the
	// step by the time its init (the shell) has been waited for.
	if cmd.Process != nil {
		bareSweep(j.ID, cmd.Process.Pid)
	}
	return Ended{PidsLimit: j.gate.close()}
}
