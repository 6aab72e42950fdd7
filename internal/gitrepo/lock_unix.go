//go:build unix

package gitrepo

import (
	"os"
	"syscall"
)

// errWouldBlock is what tryLock returns while another process holds the lock.
var errWouldBlock = syscall.EWOULDBLOCK

func tryLock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }

func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
