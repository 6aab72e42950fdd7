package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
)

// planRenderers print a check's plan (--dry-run) in each format; the
// invalid specs are those that could not be planned.
var planRenderers = map[string]func(io.Writer, check.Plan, spec.Problems) error{
	"text":     renderPlan,
	"json":     renderPlanJSON,
	"markdown": renderPlanMarkdown,
}

// renderPlan prints a check's plan (--dry-run): the machine, one line per
// paper saying what would be done with it, and the counts. Invalid specs
// are on stderr already.
func renderPlan(w io.Writer, p check.Plan, _ spec.Problems) error {
	fmt.Fprintf(w, "this machine: %s\n", machineLine(p.Host))
	for _, d := range p.Decisions {
		fmt.Fprintf(w, "%-40s %s\n", d.Spec.ID, report.Printable(planLine(d)))
	}
	_, err := fmt.Fprintln(w, totalsLine(p))
	return err
}

// renderPlanMarkdown prints the plan as the text does, its papers in a
// table.
func renderPlanMarkdown(w io.Writer, p check.Plan, _ spec.Problems) error {
	var b strings.Builder
	fmt.Fprintf(&b, "This machine: %s\n\n| Paper | Action | Plan |\n|---|---|---|\n", report.MarkdownCell(machineLine(p.Host)))
	for _, d := range p.Decisions {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", report.MarkdownCell(d.Spec.ID), d.Action, report.MarkdownCell(planLine(d)))
	}
	fmt.Fprintf(&b, "\n%s\n", totalsLine(p))
	_, err := io.WriteString(w, b.String())
	return err
}

func machineLine(h host.Host) string {
	gpus := "no GPU"
	if len(h.GPUs) > 0 {
		gpus = fmt.Sprintf("%d GPU(s)", len(h.GPUs))
	}
	return fmt.Sprintf("%s/%s, %d CPUs, %.1f GB memory, %s", h.OS, h.Arch, h.CPUs, float64(h.MemoryBytes)/(1<<30), gpus)
}

func totalsLine(p check.Plan) string {
	n := p.Counts()
	return fmt.Sprintf("%d would run, %d would be skipped, %d audit only, %d without code",
		n[check.ActionRun], n[check.ActionSkip], n[check.ActionAudit], n[check.ActionNoCode])
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

// planDoc is the JSON form of a plan (docs/json.md), versioned like the
// report: within a schema fields are only added.
type planDoc struct {
	Schema  int           `json:"schema"`
	Machine planMachine   `json:"machine"`
	Papers  []planPaper   `json:"papers"`
	Invalid []planInvalid `json:"invalid"`
	Totals  planTotals    `json:"totals"`
}

type planMachine struct {
	OS          string     `json:"os"`
	Arch        string     `json:"arch"`
	CPUs        int        `json:"cpus"`
	MemoryBytes int64      `json:"memory_bytes"`
	GPUs        []host.GPU `json:"gpus"`
}

// planPaper is one decision. The lists are always present ([] when
// empty) so that scripts need not tell null from empty.
type planPaper struct {
	ID     string `json:"id"`
	Action string `json:"action"`
	// NoCode is the spec's reason for having no code (action no-code).
	NoCode string `json:"no_code,omitempty"`
	// StepsNotRun is what the record's steps_not_run will say.
	StepsNotRun string   `json:"steps_not_run,omitempty"`
	Reasons     []string `json:"reasons"`
	Steps       []string `json:"steps"`
	Network     []string `json:"network"`
	// Runtime names what would contain the steps of a paper that runs
	// on this machine ("none": bare); Elsewhere says a Slurm job's node
	// picks it instead.
	Runtime          string `json:"runtime,omitempty"`
	Image            string `json:"image,omitempty"`
	Build            string `json:"build,omitempty"`
	Elsewhere        bool   `json:"elsewhere,omitempty"`
	ArtefactMeasures int    `json:"artefact_measures"`
	StaticMeasures   int    `json:"static_measures"`
}

// planInvalid is a spec that could not be planned, with every problem
// found in it.
type planInvalid struct {
	ID     string   `json:"id"`
	File   string   `json:"file"`
	Errors []string `json:"errors"`
}

type planTotals struct {
	Run       int `json:"run"`
	Skip      int `json:"skip"`
	AuditOnly int `json:"audit_only"`
	NoCode    int `json:"no_code"`
	Invalid   int `json:"invalid"`
}

// renderPlanJSON prints the plan as one JSON document; the invalid specs
// are in it too (and on stderr).
func renderPlanJSON(w io.Writer, p check.Plan, bad spec.Problems) error {
	h := p.Host
	doc := planDoc{
		Schema:  report.SchemaVersion,
		Machine: planMachine{OS: h.OS, Arch: h.Arch, CPUs: h.CPUs, MemoryBytes: h.MemoryBytes, GPUs: h.GPUs},
		Papers:  make([]planPaper, len(p.Decisions)),
		Invalid: []planInvalid{},
	}
	if doc.Machine.GPUs == nil {
		doc.Machine.GPUs = []host.GPU{}
	}
	for i, d := range p.Decisions {
		pp := planPaper{
			ID: d.Spec.ID, Action: string(d.Action), StepsNotRun: d.NotRun,
			Reasons: orEmpty(d.Reasons), Steps: orEmpty(d.Steps), Network: orEmpty(d.Network),
			Image: d.Image, Build: d.Build, Elsewhere: d.Elsewhere,
			ArtefactMeasures: d.Artefact, StaticMeasures: d.Static,
		}
		if d.Action == check.ActionNoCode {
			pp.NoCode = d.Spec.NoCode
		}
		if d.Runtime != nil {
			pp.Runtime = d.Runtime.Name()
		}
		doc.Papers[i] = pp
	}
	for _, pr := range bad {
		if n := len(doc.Invalid); n > 0 && doc.Invalid[n-1].File == pr.File {
			doc.Invalid[n-1].Errors = append(doc.Invalid[n-1].Errors, pr.Error())
			continue
		}
		doc.Invalid = append(doc.Invalid, planInvalid{ID: spec.Stem(pr.File), File: pr.File, Errors: []string{pr.Error()}})
	}
	n := p.Counts()
	doc.Totals = planTotals{Run: n[check.ActionRun], Skip: n[check.ActionSkip], AuditOnly: n[check.ActionAudit], NoCode: n[check.ActionNoCode], Invalid: len(doc.Invalid)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
