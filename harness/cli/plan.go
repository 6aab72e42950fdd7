package cli

import (
	"fmt"
	"strings"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/run"
	"github.com/repro-harness/repro/harness/spec"
)

// plan prints what check would do with each paper, without fetching.
func plan(e *env, specs []*spec.Spec, h host.Host, auditOnly, invalid bool) int {
	gpus := "no GPU"
	if len(h.GPUs) > 0 {
		gpus = fmt.Sprintf("%d GPU(s)", len(h.GPUs))
	}
	fmt.Fprintf(e.stdout, "this machine: %s/%s, %d CPUs, %.1f GB memory, %s\n", h.OS, h.Arch, h.CPUs, float64(h.MemoryBytes)/(1<<30), gpus)
	var runs, skips, audits, nocode int
	for _, s := range specs {
		var what string
		switch {
		case s.Repository == nil:
			what = "no code: " + s.NoCode
			nocode++
		case s.Reproduce == nil || auditOnly:
			what = "fetch and audit (no steps to run)"
			if auditOnly && s.Reproduce != nil {
				what = "fetch and audit (--audit-only)"
			}
			audits++
		default:
			if why := run.Unmet(s.Reproduce.Requires, h, e.getenv); len(why) > 0 {
				what = "skip: " + strings.Join(why, "; ")
				skips++
			} else {
				names := make([]string, len(s.Reproduce.Steps))
				for i, st := range s.Reproduce.Steps {
					names[i] = st.Name
				}
				what = fmt.Sprintf("run %d %s (%s)", len(names), plural(len(names), "step"), strings.Join(names, ", "))
				runs++
			}
		}
		fmt.Fprintf(e.stdout, "%-40s %s\n", s.ID, what)
	}
	fmt.Fprintf(e.stdout, "%d would run, %d would be skipped, %d audit only, %d without code\n", runs, skips, audits, nocode)
	if invalid {
		return ExitUsage
	}
	return ExitOK
}
