package slurm

import (
	"testing"

	"github.com/repro-harness/repro/harness/results"
)

func TestParseState(t *testing.T) {
	for _, c := range []struct {
		in   string
		want State
	}{
		{"RUNNING", Running},
		{"running", Running},
		{"CANCELLED by 0", Cancelled},
		{"CANCELLED+", Cancelled},
		{" COMPLETED ", Completed},
		{"OUT_OF_MEMORY", OutOfMemory},
		{"PD", Pending},
		{"TO", Timeout},
		{"CG", Completing},
		{"NF", NodeFail},
		{"RESV_DEL_HOLD", "RESV_DEL_HOLD"},
		{"", ""},
	} {
		if got := ParseState(c.in); got != c.want {
			t.Errorf("ParseState(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestTerminal(t *testing.T) {
	for _, c := range []struct {
		s    State
		want bool
	}{
		{Pending, false}, {Configuring, false}, {Running, false}, {Suspended, false},
		{Completing, false}, {Requeued, false}, {"", false},
		{Completed, true}, {Failed, true}, {Timeout, true}, {OutOfMemory, true},
		{Cancelled, true}, {NodeFail, true}, {Preempted, true}, {BootFail, true}, {Deadline, true},
	} {
		if got := c.s.Terminal(); got != c.want {
			t.Errorf("State(%q).Terminal() = %v; want %v", c.s, got, c.want)
		}
	}
}

func TestDecide(t *testing.T) {
	for _, c := range []struct {
		info   Info
		record bool
		limit  string
		want   Outcome
	}{
		{Info{State: Completed}, true, "", Outcome{UseRecord: true}},
		{Info{State: Completed}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 COMPLETED without writing a record"}},
		{Info{}, true, "", Outcome{UseRecord: true}},
		{Info{}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 is no longer known to Slurm and wrote no record"}},
		// Any other end state fails the paper, record or not.
		{Info{State: Failed, ExitCode: "3:0"}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 FAILED: the worker exited with an error (exit code 3:0)"}},
		{Info{State: Failed, ExitCode: "0:0"}, true, "", Outcome{Status: results.Failed, Reason: "slurm job 7 FAILED: the worker exited with an error"}},
		{Info{State: Timeout}, true, "1m", Outcome{Status: results.Failed, Reason: "slurm job 7 TIMEOUT: it ran past its time limit (1m)"}},
		{Info{State: Timeout}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 TIMEOUT: it ran past its time limit"}},
		{Info{State: OutOfMemory}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 OUT_OF_MEMORY: it ran out of memory"}},
		{Info{State: Cancelled}, true, "", Outcome{Status: results.Failed, Reason: "slurm job 7 CANCELLED: it was cancelled"}},
		{Info{State: NodeFail}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 NODE_FAIL: its node failed"}},
		{Info{State: Preempted}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 PREEMPTED: it was preempted"}},
		{Info{State: "SPECIAL_EXIT"}, false, "", Outcome{Status: results.Failed, Reason: "slurm job 7 SPECIAL_EXIT"}},
	} {
		if got := Decide("7", c.info, c.record, c.limit); got != c.want {
			t.Errorf("Decide(7, %+v, %v, %q) = %+v; want %+v", c.info, c.record, c.limit, got, c.want)
		}
	}
}
