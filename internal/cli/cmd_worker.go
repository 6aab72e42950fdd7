package cli

import (
	"context"
	"fmt"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/sandbox"
	"github.com/repro-harness/repro/internal/slurm"
)

func init() {
	register(command{name: "worker", args: "TASK", summary: "run one prepared paper's steps inside a batch job (internal)", run: runWorker, hidden: true})
}

// runWorker is the body of a Slurm job: it runs the steps of the paper
// that `repro check --executor slurm` prepared, measures the claims and
// writes the record. It exits 0 once the record is written, whatever the
// verdicts, so that the job's state says whether the worker itself worked.
func runWorker(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "worker", "TASK", "Run the steps of one prepared paper and write its record: the command a Slurm job\nsubmitted by repro check --executor slurm runs. TASK is the job's task.json.")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 1 {
		errorf(e, "worker: name one task file")
		return ExitUsage
	}
	t, err := slurm.ReadTask(fs.Arg(0))
	if err != nil {
		errorf(e, "worker: %v", err)
		return ExitInfra
	}
	// The node contains the steps as a local check would, in the runtime
	// the submitting side asked for (--runtime, REPRO_RUNTIME), else in
	// the one the job's environment names or the node has.
	rt := t.Runtime
	if rt == "" {
		rt = e.getenv("REPRO_RUNTIME")
	}
	runtimes, err := sandbox.Choose(rt, nil, nil)
	if err != nil {
		errorf(e, "worker: %v", err)
		return ExitUsage
	}
	// Progress goes, line by line, to the job's output file.
	prog := newProgress(&env{stderr: e.stderr, getenv: e.getenv}, false)
	r, err := slurm.Work(ctx, t, check.Options{Host: host.Detect(ctx), Getenv: e.getenv, Version: Version, Progress: prog.update, Runtimes: runtimes})
	if err != nil {
		errorf(e, "worker: %v", err)
		return ExitInfra
	}
	fmt.Fprintf(e.stdout, "%s: %s", r.Paper, r.Status)
	if r.Reason != "" {
		fmt.Fprintf(e.stdout, ": %s", r.Reason)
	}
	fmt.Fprintln(e.stdout)
	if ctx.Err() != nil {
		return ExitInterrupted
	}
	return ExitOK
}
