package report

import (
	"fmt"
	"sort"

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

// Summary counts papers by status and claims by verdict.
type Summary struct {
	Papers   int            `json:"papers"`
	Claims   int            `json:"claims"`
	Statuses map[string]int `json:"statuses"`
	Verdicts map[string]int `json:"verdicts"`
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
	Record     string        `json:"record,omitempty"` // results/<paper>/<id>.json
	Started    string        `json:"started,omitempty"`
	Seconds    float64       `json:"seconds"`
	// Changed is set by --since (MarkChanged): the paper's status before,
	// when it differs, or "new" when the paper had no record then.
	Changed string `json:"changed_from,omitempty"`
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
	r := &Report{Schema: SchemaVersion, Summary: Summary{Statuses: map[string]int{}, Verdicts: map[string]int{}}}
	for _, rec := range recs {
		p := paper(rec)
		r.Papers = append(r.Papers, p)
		r.Summary.Statuses[p.Status]++
		for _, c := range p.Claims {
			r.Summary.Verdicts[string(c.Verdict)]++
			r.Summary.Claims++
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
	}
	if rec.ID != "" {
		p.Record = rec.Paper + "/" + rec.ID + ".json"
	}
	if !rec.Started.IsZero() {
		p.Started = rec.Started.UTC().Format("2006-01-02T15:04:05Z")
	}
	if rr := rec.Repository; rr != nil {
		p.Repository = &Repository{URL: rr.URL, Commit: rr.Commit, Pinned: rr.Pinned, Subdir: rr.Subdir, Source: rr.Source, Dirty: rr.Dirty}
	}
	for _, c := range rec.Claims {
		pc := Claim{Claim: c}
		if rec.Audit != nil {
			pc.InReadme = rec.Audit.ClaimsInReadme[c.ID]
		}
		p.Claims = append(p.Claims, pc)
	}
	for _, s := range rec.Steps {
		p.Steps = append(p.Steps, Step{Name: s.Name, Command: s.Command, ExitCode: s.ExitCode, Seconds: s.Seconds, TimedOut: s.TimedOut, Stdout: s.Stdout, Stderr: s.Stderr, Tail: s.Tail})
	}
	return p
}

// Measured formats a claim's measured side: the value with its unit, or
// "-" when nothing was measured.
func (c Claim) MeasuredText() string {
	if c.Measured == nil {
		return "-"
	}
	s := claim.WithUnit(*c.Measured, c.Unit)
	if c.BaselineMeasured != nil {
		s += " vs " + claim.WithUnit(*c.BaselineMeasured, c.Unit)
	}
	return s
}

// DeltaText formats measured minus claimed with a sign, or "".
func (c Claim) DeltaText() string {
	if c.Delta == nil {
		return ""
	}
	s := claim.WithUnit(*c.Delta, c.Unit)
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

// Verified counts the paper's verified claims.
func (p Paper) Verified() int {
	n := 0
	for _, c := range p.Claims {
		if c.Verdict == claim.Verified {
			n++
		}
	}
	return n
}

// StatusText is the status, followed by what it was when --since found it
// changed: "refuted (was reproduced)".
func (p Paper) StatusText() string { return p.Status + was(p.Changed) }

// VerdictText is the verdict, followed by what it was when --since found it
// changed.
func (c Claim) VerdictText() string { return string(c.Verdict) + was(c.Changed) }
