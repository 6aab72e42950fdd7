//go:build linux

package sandbox

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// sweepStep kills, until none is left, every process of the step whose
// shell was pid: those in its process group, those whose environment
// carries REPRO_STEP_ID=id, and their descendants. Orphans re-parented to
// repro (a child subreaper) are reaped.
func sweepStep(id string, pid int) {
	marker := []byte("REPRO_STEP_ID=" + id + "\x00")
	self := os.Getpid()
	for round := 0; round < 100; round++ {
		procs := listProcs()
		hit := map[int]bool{}
		for _, p := range procs {
			if p.pid == pid || p.pgrp == pid || hasMarker(p.pid, marker) {
				hit[p.pid] = true
			}
		}
		// Descendants of hit processes, to a fixed point.
		for grew := true; grew; {
			grew = false
			for _, p := range procs {
				if !hit[p.pid] && hit[p.ppid] {
					hit[p.pid], grew = true, true
				}
			}
		}
		delete(hit, self)
		if len(hit) == 0 {
			return
		}
		for p := range hit {
			syscall.Kill(p, syscall.SIGKILL)
		}
		for _, p := range procs {
			if hit[p.pid] && p.ppid == self {
				var ws syscall.WaitStatus
				syscall.Wait4(p.pid, &ws, 0, nil)
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type proc struct{ pid, ppid, pgrp int }

func listProcs() []proc {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []proc
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...; comm may hold spaces and ')'.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 3 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		pgrp, _ := strconv.Atoi(f[2])
		out = append(out, proc{pid: pid, ppid: ppid, pgrp: pgrp})
	}
	return out
}

func hasMarker(pid int, marker []byte) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	if err != nil {
		return false
	}
	return bytes.HasPrefix(b, marker) || bytes.Contains(b, append([]byte{0}, marker...))
}
