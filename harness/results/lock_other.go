//go:build !unix

package results

import (
	"errors"
	"os"
	"runtime"
)

// lockFile fails: without flock two processes could write one paper's
// records at once, so writing records is unsupported here.
func lockFile(f *os.File) error {
	return errors.New("record locks (flock) are unsupported on " + runtime.GOOS)
}

func unlockFile(f *os.File) {}

// tryLockFile fails: without flock no run can be told to be gone.
func tryLockFile(f *os.File) bool { return false }
