package slurm

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"time"

	"github.com/repro-harness/repro/harness/results"
)

// Cancellation is what repro cancel did to one paper's job.
type Cancellation struct {
	Job *Job
	// Record is the paper's record once its job has ended and was
	// collected; nil while the job has not ended, or when Err says why it
	// could not be recorded.
	Record *results.Record
	Err    error
}

// Cancel cancels (scancel) the outstanding jobs of papers, of every paper
// when none is named, under the results folder dir, then waits up to wait
// for them to end and records each ended job's paper as Collect does
// (failed: slurm job N CANCELLED). It returns one Cancellation per job,
// by paper; none when there is no outstanding job. Its error is for jobs
// that could not be listed, found or cancelled, or Slurm not answering
// while they ended. c is the cluster; nil means Slurm's tools on PATH.
func Cancel(ctx context.Context, dir string, papers []string, c Cluster, wait time.Duration) ([]Cancellation, error) {
	jobs, err := Jobs(dir, papers)
	if err != nil || len(jobs) == 0 {
		return nil, err
	}
	if c == nil {
		if _, err := exec.LookPath("scancel"); err != nil {
			return nil, errors.New("scancel is not on PATH: run on the Slurm submit host")
		}
		c = &Commands{}
	}
	var ids []string
	for _, j := range jobs {
		if j.ID == "" { // its client was killed while sbatch answered
			if j.ID, err = c.Lookup(ctx, j.Name); err != nil {
				return nil, fmt.Errorf("%s: %w", j.Paper, err)
			}
		}
		if j.ID != "" {
			ids = append(ids, j.ID)
		}
	}
	if err := c.Cancel(ctx, ids); err != nil {
		return nil, err
	}
	out := make([]Cancellation, len(jobs))
	for i, j := range jobs {
		out[i].Job = j
	}
	// Each job is recorded once Slurm says it has ended: its worker may
	// still write its record until then.
	st := results.Store{Dir: dir}
	w := watch{cluster: c, every: time.Second, until: time.Now().Add(wait)}
	_, err = w.wait(ctx, jobs, func(i int, in Info) {
		out[i].Record, out[i].Err = Collect(ctx, st, jobs[i], in, false, nil)
	})
	return out, err
}
