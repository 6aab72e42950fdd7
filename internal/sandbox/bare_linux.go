//go:build linux

package sandbox

import (
	"os"
	"os/exec"
	"sync"
	"syscall"
)

func bareSandbox() string {
	switch containment() {
	case pidNamespace:
		return "none: processes in a new pid namespace, cleared environment, private HOME; host filesystem and network reachable"
	case userPidNamespace:
		return "none: processes in new user and pid namespaces, cleared environment, private HOME; host filesystem and network reachable"
	}
	return "none: processes swept by process group and REPRO_STEP_ID (no pid namespace allowed here), cleared environment, private HOME; host filesystem and network reachable"
}

func bareAttr() (*syscall.SysProcAttr, error) { return contained(), nil }

// bareSweep kills what a step left when no pid namespace did it.
func bareSweep(id string, pid int) {
	if containment() == sweep {
		sweepStep(id, pid)
	}
}

// groupAttr starts a runtime's process in a group of its own, killed if
// repro dies.
func groupAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func signalGroup(pid int, sig syscall.Signal) { syscall.Kill(-pid, sig) }

func alivePid(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

type containKind int

const (
	pidNamespace containKind = iota
	userPidNamespace
	sweep
)

var (
	probeOnce sync.Once
	kind      containKind
	// forceSweep makes tests use the fallback.
	forceSweep bool
)

// containment finds, once, the strongest containment this process may
// use, by starting /bin/true with each in turn.
func containment() containKind {
	probeOnce.Do(func() {
		kind = sweep
		if forceSweep {
			setSubreaper()
			return
		}
		for _, k := range []containKind{pidNamespace, userPidNamespace} {
			cmd := exec.Command("/bin/true")
			cmd.SysProcAttr = attrFor(k)
			if cmd.Run() == nil {
				kind = k
				return
			}
		}
		setSubreaper()
	})
	return kind
}

func contained() *syscall.SysProcAttr { return attrFor(containment()) }

func attrFor(k containKind) *syscall.SysProcAttr {
	// Pdeathsig: if repro dies (even by SIGKILL) the step's first
	// process is killed, and with it the pid namespace.
	a := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	switch k {
	case pidNamespace:
		a.Cloneflags = syscall.CLONE_NEWPID
	case userPidNamespace:
		a.Cloneflags = syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID
		uid, gid := os.Getuid(), os.Getgid()
		a.UidMappings = []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}}
		a.GidMappings = []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}
		a.GidMappingsEnableSetgroups = false
	}
	return a
}

const prSetChildSubreaper = 36

func setSubreaper() {
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0)
}
