//go:build !unix

package run

import (
	"errors"
	"os/exec"
	"runtime"
)

// ownGroup refuses to start a step: without process groups a timeout could
// not kill the step's descendants, and steps are untrusted code.
func ownGroup(cmd *exec.Cmd) error {
	return errors.New("running steps is unsupported on " + runtime.GOOS + " (no process groups to contain them)")
}

func termAll(cmd *exec.Cmd) {}

func killAll(cmd *exec.Cmd) {}
