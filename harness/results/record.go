package results

import (
	"time"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/host"
)

// SchemaVersion is the version of the record and JSON report format.
const SchemaVersion = 1

// Status is a paper's rung on the ladder of the design brief.
type Status string

// The paper statuses, lowest rung first. Invalid and Interrupted are not
// rungs: a spec that does not decode, and a run stopped by a signal.
const (
	Invalid     Status = "invalid"
	NoCode      Status = "no-code"
	Unreachable Status = "unreachable"
	Skipped     Status = "skipped"
	Interrupted Status = "interrupted"
	Failed      Status = "failed"
	Available   Status = "available"
	// NotChecked: the repository could not be read here for a reason that
	// says nothing about the paper (no local mirror of it on this machine).
	NotChecked Status = "not-checked"
	// Consistent and Inconsistent: the steps did not run, and the claims
	// were judged from artefact or static evidence only (what the authors
	// published, or the repository's content): some agree and none
	// contradict, or some contradict. Neither is a reproduction.
	Consistent   Status = "consistent"
	Inconsistent Status = "inconsistent"
	Functional   Status = "functional"
	Refuted      Status = "refuted"
	Partial      Status = "partial"
	Reproduced   Status = "reproduced"
)

// The reasons of Record.StepsNotRun that are not unmet requirements.
const (
	NotRunAuditOnly = "--audit-only"
	NotRunNoSteps   = "the plan has no steps"
)

// Rank orders statuses from worst to best, for regressions and sorting.
func (s Status) Rank() int {
	for i, x := range []Status{Invalid, Unreachable, Interrupted, Failed, Refuted, Inconsistent, NoCode, NotChecked, Skipped, Available, Consistent, Functional, Partial, Reproduced} {
		if x == s {
			return i
		}
	}
	return -1
}

// Record is the evidence of one check of one paper.
type Record struct {
	Schema   int    `json:"schema"`
	Paper    string `json:"paper"`
	Title    string `json:"title"`
	Status   Status `json:"status"`
	Reason   string `json:"reason,omitempty"`
	Harness  string `json:"harness"`
	SpecPath string `json:"spec_path"`
	SpecHash string `json:"spec_hash"`

	Repository *Repository   `json:"repository,omitempty"`
	NoCode     string        `json:"no_code,omitempty"`
	Checkout   *Checkout     `json:"checkout,omitempty"`
	Audit      *audit.Report `json:"audit,omitempty"`
	Claims     []Claim       `json:"claims"`
	Steps      []Step        `json:"steps,omitempty"`
	// PlannedSteps is how many steps the spec's plan has; a record with
	// planned steps and no Steps did not run the plan.
	PlannedSteps int `json:"planned_steps,omitempty"`
	// StepsNotRun says why the planned steps did not run: the unmet
	// requirements, NotRunAuditOnly or NotRunNoSteps.
	StepsNotRun string `json:"steps_not_run,omitempty"`
	// Environment is where the steps ran (runtime, image, sandbox, limits).
	Environment *Environment `json:"environment,omitempty"`
	// Artifacts are the data sets and weights the steps were given.
	Artifacts []Artifact `json:"artifacts,omitempty"`

	Host     host.Host `json:"host"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Seconds  float64   `json:"seconds"`

	// ID is the record's file stem (its UTC start time); set when read.
	ID string `json:"-"`
}

// Repository is what was fetched and checked out.
type Repository struct {
	URL string `json:"url"`
	// Commit is the commit actually checked out.
	Commit string `json:"commit"`
	// Pinned is the spec's commit ("" when the spec pins none).
	Pinned      string  `json:"pinned,omitempty"`
	Subdir      string  `json:"subdir,omitempty"`
	Source      string  `json:"source"` // "remote", "mirror" or "local"
	Location    string  `json:"location,omitempty"`
	Transferred bool    `json:"transferred"`
	FetchSecond float64 `json:"fetch_seconds"`
	Dirty       bool    `json:"dirty,omitempty"` // --repo-dir with uncommitted changes
	// Note says how the repository was read when it was not the usual way
	// (e.g. an incomplete mirror read in place).
	Note string `json:"note,omitempty"`
}

// Checkout summarises the materialised tree.
type Checkout struct {
	Files      int      `json:"files"`
	Bytes      int64    `json:"bytes"`
	Missing    []string `json:"missing,omitempty"`
	Submodules []string `json:"submodules,omitempty"`
	Skipped    []string `json:"skipped,omitempty"`
	// Reused says no tree was checked out: this summary and the audit were
	// taken from an earlier check of the same commit, subdir and claims
	// under the same audit rules (an audit-only check with nothing else to
	// read from the tree).
	Reused bool `json:"reused,omitempty"`
}

// Claim is one claim's claimed and measured side and its verdict.
type Claim struct {
	ID        string   `json:"id"`
	Metric    string   `json:"metric"`
	Quote     string   `json:"quote,omitempty"`
	Context   string   `json:"context,omitempty"`
	Claimed   string   `json:"claimed"` // human form: "up to 2187x"
	Bound     string   `json:"bound"`
	Value     *float64 `json:"value,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	Unit      string   `json:"unit"`
	Better    string   `json:"better,omitempty"`
	Baseline  string   `json:"baseline,omitempty"`
	Tolerance string   `json:"tolerance,omitempty"`
	Measured  *float64 `json:"measured"`
	// BaselineMeasured is the measured baseline of a beats claim.
	BaselineMeasured *float64      `json:"baseline_measured,omitempty"`
	Delta            *float64      `json:"delta,omitempty"`
	Verdict          claim.Verdict `json:"verdict"`
	Reason           string        `json:"reason,omitempty"`
	// Evidence is how Measured was obtained: rerun, artefact or static.
	Evidence string `json:"evidence,omitempty"`
	// Source is where the value was read, as PATH:LINE of the tree (or
	// the step's name) when known.
	Source string `json:"source,omitempty"`
	// Values are every measured value of a repeated run; Measured is
	// their aggregate and SD their sample standard deviation.
	Values    []float64 `json:"values,omitempty"`
	Aggregate string    `json:"aggregate,omitempty"`
	SD        *float64  `json:"sd,omitempty"`
}

// Environment is the software environment the steps ran in.
type Environment struct {
	// Runtime is podman, docker, apptainer, bwrap or none (bare host).
	Runtime        string `json:"runtime"`
	RuntimeVersion string `json:"runtime_version,omitempty"`
	// Sandbox says how the steps were contained, in words.
	Sandbox string `json:"sandbox,omitempty"`
	Image   string `json:"image,omitempty"`
	Digest  string `json:"digest,omitempty"`
	// Build names the build inputs (file, context, their hash) and ImageID
	// the image they produced.
	Build   string `json:"build,omitempty"`
	ImageID string `json:"image_id,omitempty"`
	Memory  string `json:"memory,omitempty"`
	CPUs    int    `json:"cpus,omitempty"`
	// Pids is the most processes a step could run (0: no limit was
	// enforced), and PidsEnforcement what enforced it: cgroup (a cgroup
	// of the step's own; a hit fails the step), rlimit (RLIMIT_NPROC of
	// the step's first process: the processes its user already ran plus
	// Pids; a hit is not detected), runtime (the container runtime's
	// --pids-limit) or none.
	Pids            int    `json:"pids,omitempty"`
	PidsEnforcement string `json:"pids_enforcement,omitempty"`
	// Warning is set when the steps ran without containment.
	Warning string `json:"warning,omitempty"`
}

// Artifact is one data set or weights file as the steps were given it.
type Artifact struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// From is cache, mirror or remote.
	From    string  `json:"from"`
	Seconds float64 `json:"seconds"`
}

// Step is one reproduction step as it ran.
type Step struct {
	Name     string  `json:"name"`
	Command  string  `json:"command"`
	ExitCode int     `json:"exit_code"`
	Seconds  float64 `json:"seconds"`
	TimedOut bool    `json:"timed_out,omitempty"`
	// Interrupted is set when the run was stopped by a signal (Ctrl-C).
	Interrupted bool   `json:"interrupted,omitempty"`
	Error       string `json:"error,omitempty"`
	// Network says the step could reach the network.
	Network bool `json:"network,omitempty"`
	// Run is the 1-based repetition this step belongs to when repeated.
	Run int `json:"run,omitempty"`
	// Stdout and Stderr are log files relative to the results folder.
	Stdout    string `json:"stdout,omitempty"`
	Stderr    string `json:"stderr,omitempty"`
	Truncated bool   `json:"truncated,omitempty"`
	// Tail is the end of the output of a failed step.
	Tail string `json:"tail,omitempty"`
}

// Counts tallies the claims' verdicts.
func (r *Record) Counts() map[claim.Verdict]int {
	m := map[claim.Verdict]int{}
	for _, c := range r.Claims {
		m[c.Verdict]++
	}
	return m
}
