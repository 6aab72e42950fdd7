//go:build !unix

package scripttest

import (
	"errors"
	"os"
	"runtime"
)

// alive reports whether a process with pid exists.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

func mkfifo(p string) error { return errors.New("named pipes are unsupported on " + runtime.GOOS) }
