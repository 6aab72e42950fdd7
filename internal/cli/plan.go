package cli

import (
	"fmt"
	"strings"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/artifact"
	"github.com/repro-harness/repro/internal/run"
)

// plan prints what check would do with each paper, without fetching.
func plan(e *env, specs []*spec.Spec, h host.Host, auditOnly, invalid bool, arts *artifact.Cache) int {
	gpus := "no GPU"
	if len(h.GPUs) > 0 {
		gpus = fmt.Sprintf("%d GPU(s)", len(h.GPUs))
	}
	fmt.Fprintf(e.stdout, "this machine: %s/%s, %d CPUs, %.1f GB memory, %s\n", h.OS, h.Arch, h.CPUs, float64(h.MemoryBytes)/(1<<30), gpus)
	var runs, skips, audits, nocode int
	for _, s := range specs {
		var what string
		tree := treeMeasures(s)
		switch {
		case s.Repository == nil:
			what = "no code: " + s.NoCode
			nocode++
		case s.Reproduce == nil || auditOnly || len(s.Reproduce.Steps) == 0:
			what = "fetch and audit (no steps to run)"
			if auditOnly && s.Reproduce != nil && len(s.Reproduce.Steps) > 0 {
				what = "fetch and audit (--audit-only)"
			}
			what += tree
			audits++
		default:
			why := run.Unmet(s.Reproduce.Requires, h, e.getenv)
			if arts != nil && arts.Offline {
				why = append(why, missingOffline(s, arts)...)
			}
			if len(why) > 0 {
				what = "skip: " + strings.Join(why, "; ") + tree
				skips++
			} else {
				names := make([]string, len(s.Reproduce.Steps))
				for i, st := range s.Reproduce.Steps {
					names[i] = st.Name
				}
				what = fmt.Sprintf("run %d %s (%s)", len(names), plural(len(names), "step"), strings.Join(names, ", ")) + tree
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

// treeMeasures says how many artefact and static measures a plan takes
// from the checked-out tree whatever happens to its steps: "" or
// "; read 2 artefact and 1 static measures from the tree".
func treeMeasures(s *spec.Spec) string {
	if s.Reproduce == nil {
		return ""
	}
	n := map[string]int{}
	total := 0
	for _, m := range s.Reproduce.Measure {
		if !m.IsRerun() {
			n[m.Kind()]++
			total++
		}
	}
	if total == 0 {
		return ""
	}
	var parts []string
	for _, k := range []string{spec.Artefact, spec.Static} {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], k))
		}
	}
	return fmt.Sprintf("; read %s %s from the tree", strings.Join(parts, " and "), plural(total, "measure"))
}

// missingOffline names the artifacts an offline check would lack.
func missingOffline(s *spec.Spec, arts *artifact.Cache) []string {
	var why []string
	for _, a := range s.Reproduce.Artifacts {
		w := artifact.Want{Name: a.Name, URL: a.URL, SHA256: a.SHA256, Size: a.Size, Unpack: a.Unpack}
		if !arts.Has(w) {
			why = append(why, (&artifact.NotCachedError{Name: a.Name}).Error())
		}
	}
	return why
}
