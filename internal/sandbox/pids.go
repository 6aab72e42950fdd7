package sandbox

// How a step's pids limit is enforced, as the record says it.
const (
	// PidsCgroup: the step runs in a cgroup of its own (the pids
	// controller, v1 or v2) whose pids.max is the limit; a fork refused
	// at the limit is seen and fails the step.
	PidsCgroup = "cgroup"
	// PidsRlimit: no cgroup could be made (not root, no delegation), so
	// the step's first process has RLIMIT_NPROC set to the processes its
	// user already ran plus the limit. The kernel refuses forks beyond
	// it; a refusal is not seen by repro (the step sees fork fail).
	PidsRlimit = "rlimit"
	// PidsRuntime: the container runtime enforces it (--pids-limit).
	PidsRuntime = "runtime"
	// PidsNone: nothing enforces a pids limit.
	PidsNone = "none"
)

// PidsLimit says how rt holds steps to a limit of limit processes on
// this machine (zero meaning DefaultPids): the limit in force, or 0 when
// none is, and one of PidsCgroup, PidsRlimit, PidsRuntime, PidsNone.
func PidsLimit(rt Runtime, limit int) (int, string) {
	if limit <= 0 {
		limit = DefaultPids
	}
	switch rt.(type) {
	case Bare, *Bare, *Bwrap:
		how := hostPidsEnforcement()
		if how == PidsNone {
			return 0, how
		}
		return limit, how
	}
	return limit, PidsRuntime
}

// safeName keeps of id the characters any folder name (a cgroup, a
// temporary folder) may safely hold.
func safeName(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}
