//go:build !unix

package gitrepo

import (
	"errors"
	"os"
	"runtime"
)

// errWouldBlock is never returned here: without flock the cache cannot be
// shared safely between processes, so locking fails outright.
var errWouldBlock = errors.New("lock held")

func tryLock(f *os.File) error {
	return errors.New("repository cache locks (flock) are unsupported on " + runtime.GOOS)
}

func unlock(f *os.File) {}
