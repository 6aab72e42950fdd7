//go:build unix

package scripttest

import "syscall"

// alive reports whether a process with pid exists (signal 0 probes it).
func alive(pid int) bool { return syscall.Kill(pid, 0) == nil }

func mkfifo(p string) error { return syscall.Mkfifo(p, 0o644) }
