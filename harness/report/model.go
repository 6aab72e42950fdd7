package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
)

// SchemaVersion versions the JSON report. Fields are only added within a
// version; renaming or removing one bumps it.
const SchemaVersion = 1

// Report is the catalogue (or part of it) as one claimed-versus-verified model.
type Report struct {
	Schema  int     `json:"schema"`
	Summary Summary `json:"summary"`
	Papers  []Paper `json:"papers"`
}

// Summary counts papers by status and claims by verdict, and the measured
// claims by verdict and evidence kind.
type Summary struct {
	Papers   int            `json:"papers"`
	Claims   int            `json:"claims"`
	Statuses map[string]int `json:"statuses"`
	Verdicts map[string]int `json:"verdicts"`
	// Evidence counts claims with a verdict from a measurement by verdict,
	// then by evidence kind: {"verified": {"artefact": 2, "rerun": 1}}.
	Evidence map[string]map[string]int `json:"evidence"`
	// NeverRun counts papers whose plan no record has run; Incomplete
	// counts papers audited on an incomplete tree.
	NeverRun   int `json:"never_run"`
	Incomplete int `json:"incomplete"`
}

// Paper is one paper's latest record, flattened for rendering.
type Paper struct {
	ID         string        `json:"id"`
	Title      string        `json:"title"`
	Status     string        `json:"status"`
	Reason     string        `json:"reason,omitempty"`
	Repository *Repository   `json:"repository"`
	NoCode     string        `json:"no_code,omitempty"`
	Audit      *audit.Report `json:"audit,omitempty"`
	Claims     []Claim       `json:"claims"`
	Steps      []Step        `json:"steps,omitempty"`
	// Environment is where the steps ran; its warning is shown.
	Environment *results.Environment `json:"environment,omitempty"`
	Record      string               `json:"record,omitempty"` // results/<paper>/<id>.json
	// PaperURL is the spec's links.paper (AttachSpecs), when known.
	PaperURL string `json:"paper_url,omitempty"`
	// Hardware sums up the host the record was made on.
	Hardware string  `json:"hardware,omitempty"`
	Started  string  `json:"started,omitempty"`
	Seconds  float64 `json:"seconds"`
	// Changed is set by --since (MarkChanged): the paper's status before,
	// when it differs, or "new" when the paper had no record then.
	Changed string `json:"changed_from,omitempty"`
	// PlannedSteps is the number of steps of the spec's plan; NeverRun says
	// that no record of the paper has run them (a written plan, not a
	// tested one), and StepsNotRun why this record did not.
	PlannedSteps int    `json:"planned_steps,omitempty"`
	NeverRun     bool   `json:"never_run,omitempty"`
	StepsNotRun  string `json:"steps_not_run,omitempty"`
	// Missing lists the files the audited tree lacked (an incomplete
	// mirror): the audit and any artefact read from it saw a partial tree.
	Missing []string `json:"missing_files,omitempty"`
}

// Repository is what was checked.
type Repository struct {
	URL    string `json:"url"`
	Commit string `json:"commit"`
	Pinned string `json:"pinned,omitempty"`
	Subdir string `json:"subdir,omitempty"`
	Source string `json:"source,omitempty"`
	Dirty  bool   `json:"dirty,omitempty"`
}

// Claim is one row of the claimed-versus-verified table: the record's
// claim plus what the report adds to it.
type Claim struct {
	results.Claim
	InReadme string `json:"in_readme,omitempty"`
	// Machine names the CPU and GPUs beside a measured timing claim.
	Machine string `json:"machine,omitempty"`
	// Changed is set by --since (MarkChanged): the verdict before, when it
	// differs, or "new" when the claim had none then.
	Changed string `json:"changed_from,omitempty"`
}

// Step is one step as it ran.
type Step struct {
	Name     string  `json:"name"`
	Command  string  `json:"command"`
	ExitCode int     `json:"exit_code"`
	Seconds  float64 `json:"seconds"`
	TimedOut bool    `json:"timed_out,omitempty"`
	Stdout   string  `json:"stdout,omitempty"`
	Stderr   string  `json:"stderr,omitempty"`
	Tail     string  `json:"tail,omitempty"`
}

// Build makes the report model from records, sorted by paper id.
func Build(recs []*results.Record) *Report {
	r := &Report{Schema: SchemaVersion, Summary: Summary{Statuses: map[string]int{}, Verdicts: map[string]int{}, Evidence: map[string]map[string]int{}}}
	for _, rec := range recs {
		p := paper(rec)
		r.Papers = append(r.Papers, p)
		r.Summary.Statuses[p.Status]++
		for _, c := range p.Claims {
			r.Summary.Verdicts[string(c.Verdict)]++
			r.Summary.Claims++
			if k := c.EvidenceKind(); k != "" {
				v := string(c.Verdict)
				if r.Summary.Evidence[v] == nil {
					r.Summary.Evidence[v] = map[string]int{}
				}
				r.Summary.Evidence[v][k]++
			}
		}
		if p.NeverRun {
			r.Summary.NeverRun++
		}
		if len(p.Missing) > 0 {
			r.Summary.Incomplete++
		}
	}
	sort.Slice(r.Papers, func(i, j int) bool { return r.Papers[i].ID < r.Papers[j].ID })
	r.Summary.Papers = len(r.Papers)
	if r.Papers == nil {
		r.Papers = []Paper{}
	}
	return r
}

func paper(rec *results.Record) Paper {
	p := Paper{
		ID: rec.Paper, Title: rec.Title, Status: string(rec.Status), Reason: rec.Reason,
		NoCode: rec.NoCode, Audit: rec.Audit, Seconds: rec.Seconds, Claims: []Claim{},
		PlannedSteps: rec.PlannedSteps, StepsNotRun: rec.StepsNotRun,
		NeverRun: rec.PlannedSteps > 0 && len(rec.Steps) == 0,
	}
	if rec.Checkout != nil {
		p.Missing = rec.Checkout.Missing
	}
	if rec.ID != "" {
		p.Record = rec.Paper + "/" + rec.ID + ".json"
	}
	p.Hardware = hardware(rec.Host)
	if !rec.Started.IsZero() {
		p.Started = rec.Started.UTC().Format("2006-01-02T15:04:05Z")
	}
	if rr := rec.Repository; rr != nil {
		p.Repository = &Repository{URL: rr.URL, Commit: rr.Commit, Pinned: rr.Pinned, Subdir: rr.Subdir, Source: rr.Source, Dirty: rr.Dirty}
	}
	for _, c := range rec.Claims {
		pc := Claim{Claim: c}
		if c.Measured != nil && claim.Timing(c.Unit) && pc.EvidenceKind() == "rerun" {
			pc.Machine = rec.Host.Machine()
		}
		if rec.Audit != nil {
			pc.InReadme = rec.Audit.ClaimsInReadme[c.ID]
		}
		p.Claims = append(p.Claims, pc)
	}
	for _, s := range rec.Steps {
		p.Steps = append(p.Steps, Step{Name: s.Name, Command: s.Command, ExitCode: s.ExitCode, Seconds: s.Seconds, TimedOut: s.TimedOut, Stdout: s.Stdout, Stderr: s.Stderr, Tail: s.Tail})
	}
	p.Environment = rec.Environment
	return p
}

// AttachSpecs sets each paper's link to the paper from its spec's
// links.paper (links maps paper id to URL); records do not carry it.
func AttachSpecs(r *Report, links map[string]string) {
	for i := range r.Papers {
		if u := links[r.Papers[i].ID]; isWebURL(u) {
			r.Papers[i].PaperURL = u
		}
	}
}

func isWebURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// MeasuredText formats a claim's measured side: the value with its unit
// (for repeated runs the aggregate, its sample standard deviation and the
// number of runs), or "-" when nothing was measured.
func (c Claim) MeasuredText() string {
	if c.Measured == nil {
		return "-"
	}
	s := claim.WithUnit(*c.Measured, c.Unit)
	if len(c.Values) > 1 {
		sd := 0.0
		if c.SD != nil {
			sd = *c.SD
		}
		s += fmt.Sprintf(" ± %s (n=%d, %s)", claim.WithUnit(sd, c.Unit), len(c.Values), c.Aggregate)
	}
	if c.BaselineMeasured != nil {
		s += " vs " + claim.WithUnit(*c.BaselineMeasured, c.Unit)
	}
	if c.Machine != "" {
		s += " on " + c.Machine
	}
	return s
}

// EvidenceKind is how the claim's verdict was reached: rerun, artefact or
// static; "" when nothing was measured. Records from before evidence
// kinds were recorded hold rerun measurements only.
func (c Claim) EvidenceKind() string {
	if c.Evidence != "" {
		return c.Evidence
	}
	if c.Measured != nil || c.Verdict == claim.Verified || c.Verdict == claim.Refuted || c.Verdict == claim.Error {
		return "rerun"
	}
	return ""
}

// EvidenceText is the evidence kind and where the value was read:
// "artefact README.md:12"; "" when nothing was measured.
func (c Claim) EvidenceText() string {
	k := c.EvidenceKind()
	if k == "" || c.Source == "" {
		return k
	}
	return k + " " + c.Source
}

// DeltaText formats measured minus claimed with a sign, or "". The
// difference of two percentages is in percentage points: "+0.3 pp".
func (c Claim) DeltaText() string {
	if c.Delta == nil {
		return ""
	}
	s := claim.WithUnit(*c.Delta, c.Unit)
	if c.Unit == "%" {
		s = claim.WithUnit(*c.Delta, "") + " pp"
	}
	if *c.Delta > 0 {
		s = "+" + s
	}
	return s
}

// ShortCommit is the first 12 hex digits of the checked-out commit.
func (p Paper) ShortCommit() string {
	if p.Repository == nil || p.Repository.Commit == "" {
		return "-"
	}
	c := p.Repository.Commit
	if len(c) > 12 {
		c = c[:12]
	}
	if p.Repository.Dirty {
		c += "+dirty"
	}
	return c
}

// Score is the checklist score as "3/5", or "-" without an audit.
func (p Paper) Score() string {
	if p.Audit == nil {
		return "-"
	}
	return fmt.Sprintf("%d/5", p.Audit.Score)
}

// License is the audited licence, or "-".
func (p Paper) License() string {
	if p.Audit == nil || p.Audit.License == "" {
		return "-"
	}
	return p.Audit.License
}

// Verified counts the paper's claims verified by rerun evidence: only
// these show the paper's code reproduces its numbers.
func (p Paper) Verified() int {
	n := 0
	for _, c := range p.Claims {
		if c.Verdict == claim.Verified && c.EvidenceKind() == "rerun" {
			n++
		}
	}
	return n
}

// Agreed counts the claims that artefact or static evidence agrees with.
func (p Paper) Agreed() int {
	n := 0
	for _, c := range p.Claims {
		if k := c.EvidenceKind(); c.Verdict == claim.Verified && (k == "artefact" || k == "static") {
			n++
		}
	}
	return n
}

// VerifiedText is "1/3 verified", adding ", 1 agrees with artefacts"
// when artefact or static evidence agrees with some claims.
func (p Paper) VerifiedText() string {
	return countText(p.Verified(), p.Agreed(), len(p.Claims))
}

func countText(verified, agreed, claims int) string {
	s := fmt.Sprintf("%d/%d verified", verified, claims)
	if n := agreed; n > 0 {
		s += fmt.Sprintf(", %d %s with artefacts", n, map[bool]string{true: "agrees", false: "agree"}[n == 1])
	}
	return s
}

// StatusText is the status with what qualifies it: steps skipped or not
// run while claims were judged from the tree, a plan never run, an audit
// on an incomplete tree; then what it was when --since found it changed:
// "consistent, steps skipped, plan never run (was available)".
func (p Paper) StatusText() string {
	return strings.Join(append([]string{p.Status}, p.Qualifiers()...), ", ") + was(p.Changed)
}

// Qualifiers are the short marks a report puts beside the status.
func (p Paper) Qualifiers() []string {
	var q []string
	switch {
	case p.StepsNotRun == "" || p.StepsNotRun == results.NotRunNoSteps:
	case p.Status != string(results.Consistent) && p.Status != string(results.Inconsistent):
		// skipped and available already say the steps did not run
	case p.StepsNotRun == results.NotRunAuditOnly:
		q = append(q, "steps not run (audit only)")
	default:
		q = append(q, "steps skipped")
	}
	if p.NeverRun {
		q = append(q, "plan never run")
	}
	if len(p.Missing) > 0 {
		q = append(q, "incomplete tree")
	}
	return q
}

// MissingText says how incomplete the audited tree was, or "".
func (p Paper) MissingText() string {
	if len(p.Missing) == 0 {
		return ""
	}
	names := p.Missing
	more := ""
	if len(names) > 3 {
		names, more = names[:3], fmt.Sprintf(" and %d more", len(p.Missing)-3)
	}
	return fmt.Sprintf("audited an incomplete tree: %d %s missing from the mirror (%s%s)", len(p.Missing), plural(len(p.Missing), "file"), strings.Join(names, ", "), more)
}

// NeverRunText says that the plan is written but untested, or "".
func (p Paper) NeverRunText() string {
	if !p.NeverRun {
		return ""
	}
	return fmt.Sprintf("plan never run: no record has run its %d %s", p.PlannedSteps, plural(p.PlannedSteps, "step"))
}

// VerdictText is the verdict, followed by what it was when --since found it
// changed.
func (c Claim) VerdictText() string { return string(c.Verdict) + was(c.Changed) }

// ClearRan clears NeverRun of the papers that an older record shows ran
// their steps; ran says whether any record of a paper holds step results.
func ClearRan(r *Report, ran func(paper string) (bool, error)) error {
	for i := range r.Papers {
		p := &r.Papers[i]
		if !p.NeverRun {
			continue
		}
		ok, err := ran(p.ID)
		if err != nil {
			return err
		}
		if ok {
			p.NeverRun = false
			r.Summary.NeverRun--
		}
	}
	return nil
}
