package slurm

import (
	"fmt"
	"strings"

	"github.com/repro-harness/repro/harness/results"
)

// State is a job state as squeue, sacct and scontrol print it.
type State string

// The job states the executor tells apart; others are carried as they are.
const (
	Pending     State = "PENDING"
	Configuring State = "CONFIGURING"
	Running     State = "RUNNING"
	Suspended   State = "SUSPENDED"
	Completing  State = "COMPLETING"
	Requeued    State = "REQUEUED"
	Completed   State = "COMPLETED"
	Failed      State = "FAILED"
	Timeout     State = "TIMEOUT"
	OutOfMemory State = "OUT_OF_MEMORY"
	Cancelled   State = "CANCELLED"
	NodeFail    State = "NODE_FAIL"
	Preempted   State = "PREEMPTED"
	BootFail    State = "BOOT_FAIL"
	Deadline    State = "DEADLINE"
)

// ParseState normalises a state column: sacct writes "CANCELLED by 1000"
// and squeue may append "+" flags; short codes (squeue %t) are expanded.
func ParseState(s string) State {
	s = strings.ToUpper(strings.TrimSpace(s))
	if i := strings.IndexAny(s, " +"); i >= 0 {
		s = s[:i]
	}
	if long, ok := shortStates[s]; ok {
		return long
	}
	return State(s)
}

var shortStates = map[string]State{
	"PD": Pending, "CF": Configuring, "R": Running, "S": Suspended, "CG": Completing,
	"RQ": Requeued, "CD": Completed, "F": Failed, "TO": Timeout, "OOM": OutOfMemory,
	"CA": Cancelled, "NF": NodeFail, "PR": Preempted, "BF": BootFail, "DL": Deadline,
}

// Terminal reports whether a job in state s has ended: its processes are
// gone and its record, if any, is complete.
func (s State) Terminal() bool {
	switch s {
	case Completed, Failed, Timeout, OutOfMemory, Cancelled, NodeFail, Preempted, BootFail, Deadline,
		"REVOKED", "SPECIAL_EXIT":
		return true
	}
	return false
}

// why explains the states that fail a paper, for the record's reason.
var why = map[State]string{
	Failed:      "the worker exited with an error",
	Timeout:     "it ran past its time limit",
	OutOfMemory: "it ran out of memory",
	Cancelled:   "it was cancelled",
	NodeFail:    "its node failed",
	Preempted:   "it was preempted",
	BootFail:    "its node failed to boot",
	Deadline:    "it missed its deadline",
}

// Outcome is what a finished job means for its paper.
type Outcome struct {
	// UseRecord says the worker's record stands as written.
	UseRecord bool
	Status    results.Status
	Reason    string
}

// Decide maps a finished job to its paper's outcome: COMPLETED keeps the
// verdicts of the record the worker wrote; any other end state fails the
// paper with that state as the reason. limit is the job's --time, for the
// reason of a TIMEOUT.
func Decide(job string, info Info, haveRecord bool, limit string) Outcome {
	if info.State == Completed {
		if haveRecord {
			return Outcome{UseRecord: true}
		}
		return Outcome{Status: results.Failed, Reason: fmt.Sprintf("slurm job %s COMPLETED without writing a record", job)}
	}
	if info.State == "" {
		if haveRecord {
			return Outcome{UseRecord: true}
		}
		return Outcome{Status: results.Failed, Reason: fmt.Sprintf("slurm job %s is no longer known to Slurm and wrote no record", job)}
	}
	reason := fmt.Sprintf("slurm job %s %s", job, info.State)
	w := why[info.State]
	switch {
	case info.State == Timeout && limit != "":
		w += " (" + limit + ")"
	case info.State == Failed && info.ExitCode != "" && info.ExitCode != "0:0":
		w += " (exit code " + info.ExitCode + ")"
	}
	if w != "" {
		reason += ": " + w
	}
	return Outcome{Status: results.Failed, Reason: reason}
}
