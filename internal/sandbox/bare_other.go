//go:build !linux

package sandbox

import (
	"fmt"
	"runtime"
	"syscall"
)

func bareSandbox() string { return "none: unsupported on " + runtime.GOOS }

// bareAttr refuses: without pid namespaces the descendants of a step
// could outlive it, and steps are untrusted code.
func bareAttr() (*syscall.SysProcAttr, error) {
	return nil, fmt.Errorf("running steps bare is unsupported on %s (no pid namespace to contain them): use podman or docker", runtime.GOOS)
}

func bareSweep(id string, pid int) {}

func groupAttr() *syscall.SysProcAttr { return nil }

func signalGroup(pid int, sig syscall.Signal) {}

// alivePid says yes: an owner that cannot be checked keeps its containers.
func alivePid(pid int) bool { return true }
