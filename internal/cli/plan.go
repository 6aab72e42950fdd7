package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/internal/check"
)

// renderPlan prints a check's plan (--dry-run): the machine, one line per
// paper saying what would be done with it, and the counts.
func renderPlan(w io.Writer, p check.Plan) error {
	h := p.Host
	gpus := "no GPU"
	if len(h.GPUs) > 0 {
		gpus = fmt.Sprintf("%d GPU(s)", len(h.GPUs))
	}
	fmt.Fprintf(w, "this machine: %s/%s, %d CPUs, %.1f GB memory, %s\n", h.OS, h.Arch, h.CPUs, float64(h.MemoryBytes)/(1<<30), gpus)
	for _, d := range p.Decisions {
		fmt.Fprintf(w, "%-40s %s\n", d.Spec.ID, report.Printable(planLine(d)))
	}
	n := p.Counts()
	_, err := fmt.Fprintf(w, "%d would run, %d would be skipped, %d audit only, %d without code\n",
		n[check.ActionRun], n[check.ActionSkip], n[check.ActionAudit], n[check.ActionNoCode])
	return err
}

// planLine says what a check would do with one paper.
func planLine(d check.Decision) string {
	switch d.Action {
	case check.ActionNoCode:
		return "no code: " + d.Spec.NoCode
	case check.ActionAudit:
		if d.NotRun == results.NotRunAuditOnly {
			return "fetch and audit (--audit-only)" + treeMeasures(d)
		}
		return "fetch and audit (no steps to run)" + treeMeasures(d)
	case check.ActionSkip:
		return "skip: " + d.NotRun + treeMeasures(d)
	}
	line := fmt.Sprintf("run %d %s (%s) %s", len(d.Steps), plural(len(d.Steps), "step"), strings.Join(d.Steps, ", "), where(d))
	if len(d.Network) > 0 {
		line += "; network for " + strings.Join(d.Network, ", ")
	}
	return line + treeMeasures(d)
}

// where names what would contain a paper's steps.
func where(d check.Decision) string {
	switch {
	case d.Elsewhere:
		return "in a slurm job (its node checks the requirements and picks the runtime)"
	case d.Runtime == nil:
		return "in no runtime"
	case d.Runtime.Name() == "none":
		return "bare (--runtime none)"
	case d.Image != "":
		return fmt.Sprintf("in %s, image %s", d.Runtime.Name(), d.Image)
	case d.Build != "":
		return fmt.Sprintf("in %s, image built from %s", d.Runtime.Name(), d.Build)
	}
	return "in " + d.Runtime.Name()
}

// treeMeasures says how many artefact and static measures a plan takes
// from the checked-out tree whatever happens to its steps: "" or
// "; read 2 artefact and 1 static measures from the tree".
func treeMeasures(d check.Decision) string {
	var parts []string
	if d.Artefact > 0 {
		parts = append(parts, fmt.Sprintf("%d artefact", d.Artefact))
	}
	if d.Static > 0 {
		parts = append(parts, fmt.Sprintf("%d static", d.Static))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("; read %s %s from the tree", strings.Join(parts, " and "), plural(d.Artefact+d.Static, "measure"))
}
