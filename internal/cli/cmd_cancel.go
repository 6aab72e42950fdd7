package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/slurm"
)

func init() {
	register(command{name: "cancel", args: "[flags] [PAPER…]", summary: "cancel the Slurm jobs of repro check --executor slurm", run: runCancel})
}

func runCancel(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "cancel", "[flags] [PAPER…]", "Cancel (scancel) the outstanding Slurm jobs that repro check --executor slurm\nsubmitted: every one, or those of the named papers. Each cancelled paper is\nrecorded as failed (slurm job N CANCELLED) once its job has ended.")
	ws.flags(fs, e, false)
	wait := fs.Duration("wait", 30*time.Second, "how long to wait for the jobs to end before recording them")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	for _, p := range fs.Args() {
		if !spec.ValidID(p) {
			errorf(e, "cancel: %q is not a paper id (ids are lower-case letters, digits and dashes)", p)
			return ExitUsage
		}
	}
	cs, err := slurm.Cancel(ctx, ws.results, fs.Args(), nil, *wait)
	if len(cs) == 0 && err == nil {
		fmt.Fprintln(e.stdout, "no outstanding slurm jobs")
		return ExitOK
	}
	for _, c := range cs {
		fmt.Fprintf(e.stdout, "%s: cancelled slurm job %s\n", c.Job.Paper, c.Job.ID)
	}
	code := ExitOK
	for _, c := range cs {
		switch {
		case c.Err != nil:
			errorf(e, "cancel: %s: %v", c.Job.Paper, c.Err)
			code = ExitInfra
		case c.Record != nil:
			fmt.Fprintf(e.stdout, "%s: %s: %s\n", c.Job.Paper, c.Record.Status, c.Record.Reason)
		case err == nil:
			fmt.Fprintf(e.stdout, "%s: slurm job %s has not ended yet; the next repro check --executor slurm records it\n", c.Job.Paper, c.Job.ID)
		}
	}
	if err != nil {
		errorf(e, "cancel: %v", err)
		return ExitInfra
	}
	return code
}
