package check

import (
	"context"
	"fmt"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/internal/parallel"
)

// Executor carries out a plan: it checks each decision's paper and writes
// its record, here (Local) or as batch jobs on a cluster (the Slurm
// executor in internal/slurm).
type Executor interface {
	// Check returns one record per decision, in the plan's order (nil only
	// for a paper whose record could not be reserved), and the errors of
	// the executor itself (a record not written, a job not submitted),
	// each naming its paper.
	Check(ctx context.Context, p Plan, o Options) ([]*results.Record, []error)
}

// Local checks papers on this machine, Jobs at a time (at least one).
type Local struct {
	Jobs int

	// paper checks one paper; Paper outside tests.
	paper func(context.Context, Decision, Options) (*results.Record, error)
}

// Check checks the plan's papers here, each with Paper.
func (l Local) Check(ctx context.Context, p Plan, o Options) ([]*results.Record, []error) {
	paper := l.paper
	if paper == nil {
		paper = Paper
	}
	recs := make([]*results.Record, len(p.Decisions))
	errs := make([]error, len(p.Decisions))
	parallel.Limit(len(p.Decisions), l.Jobs, func(i int) {
		d := p.Decisions[i]
		r, err := paper(ctx, d, o)
		recs[i] = r
		if err != nil {
			errs[i] = fmt.Errorf("%s: %w", d.Spec.ID, err)
		}
	})
	var out []error
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return recs, out
}
