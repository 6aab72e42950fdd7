package cli

import (
	"context"
	"fmt"
	"os/exec"
	"time"

	"github.com/repro-harness/repro/harness/results"
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
	jobs, err := slurm.Jobs(ws.results, fs.Args())
	if err != nil {
		errorf(e, "cancel: %v", err)
		return ExitInfra
	}
	if len(jobs) == 0 {
		fmt.Fprintln(e.stdout, "no outstanding slurm jobs")
		return ExitOK
	}
	if _, err := exec.LookPath("scancel"); err != nil {
		errorf(e, "cancel: scancel is not on PATH: run on the Slurm submit host")
		return ExitInfra
	}
	cluster := &slurm.Commands{}
	var ids []string
	for _, j := range jobs {
		if j.ID == "" { // its client was killed while sbatch answered
			if j.ID, err = cluster.Lookup(ctx, j.Name); err != nil {
				errorf(e, "cancel: %s: %v", j.Paper, err)
				return ExitInfra
			}
		}
		if j.ID != "" {
			ids = append(ids, j.ID)
		}
	}
	if err := cluster.Cancel(ctx, ids); err != nil {
		errorf(e, "cancel: %v", err)
		return ExitInfra
	}
	for _, j := range jobs {
		fmt.Fprintf(e.stdout, "%s: cancelled slurm job %s\n", j.Paper, j.ID)
	}
	return collectCancelled(ctx, e, ws.results, jobs, cluster, *wait)
}

// collectCancelled records each cancelled job's paper once Slurm says the
// job has ended (its worker may still write its record until then).
func collectCancelled(ctx context.Context, e *env, dir string, jobs []*slurm.Job, c slurm.Cluster, wait time.Duration) int {
	st := results.Store{Dir: dir}
	deadline := time.Now().Add(wait)
	code := ExitOK
	for len(jobs) > 0 {
		var ids []string
		for _, j := range jobs {
			ids = append(ids, j.ID)
		}
		infos, err := c.Query(ctx, ids)
		if err != nil {
			errorf(e, "cancel: %v", err)
			return ExitInfra
		}
		var left []*slurm.Job
		for _, j := range jobs {
			in, known := infos[j.ID]
			if known && !in.State.Terminal() {
				left = append(left, j)
				continue
			}
			r, err := slurm.Collect(ctx, st, j, in, false, nil)
			if err != nil {
				errorf(e, "cancel: %s: %v", j.Paper, err)
				code = ExitInfra
				continue
			}
			fmt.Fprintf(e.stdout, "%s: %s: %s\n", j.Paper, r.Status, r.Reason)
		}
		jobs = left
		if len(jobs) == 0 || time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Second)
	}
	for _, j := range jobs {
		fmt.Fprintf(e.stdout, "%s: slurm job %s has not ended yet; the next repro check --executor slurm records it\n", j.Paper, j.ID)
	}
	return code
}
