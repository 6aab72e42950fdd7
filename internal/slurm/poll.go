package slurm

import (
	"context"
	"sort"
	"time"
)

// watch asks Slurm about jobs at a fixed interval until each has ended:
// the one polling loop of the executor and of repro cancel.
type watch struct {
	cluster Cluster
	every   time.Duration
	// giveUp is how long Slurm may not answer before watching stops with
	// its error; 0 stops at the first error.
	giveUp time.Duration
	// until, when set, is when watching stops with jobs still running.
	until time.Time
	// running, when set, hears of each job still queued or running at
	// each answer; down, of each job still watched while Slurm does not
	// answer.
	running func(i int, in Info)
	down    func(i int, err error)
}

// wait watches the non-nil jobs and calls ended once for each that has
// ended (in zero: Slurm no longer knows it). It returns the indexes of the
// jobs that had not ended when ctx ended or w.until passed, or when Slurm
// did not answer for w.giveUp, with the error Slurm's tools gave.
func (w watch) wait(ctx context.Context, jobs []*Job, ended func(i int, in Info)) ([]int, error) {
	var active []int
	for i, j := range jobs {
		if j != nil {
			active = append(active, i)
		}
	}
	var down time.Time // when Slurm stopped answering
	tick := time.NewTicker(w.every)
	defer tick.Stop()
	for len(active) > 0 {
		ids := make([]string, len(active))
		for k, i := range active {
			ids[k] = jobs[i].ID
		}
		infos, err := w.cluster.Query(ctx, ids)
		switch {
		case err != nil && ctx.Err() == nil:
			if down.IsZero() {
				down = time.Now()
			}
			for _, i := range active {
				if w.down != nil {
					w.down(i, err)
				}
			}
			if time.Since(down) >= w.giveUp {
				return active, err
			}
		case err == nil:
			down = time.Time{}
			var left []int
			for _, i := range active {
				in, known := infos[jobs[i].ID]
				if known && !in.State.Terminal() {
					if w.running != nil {
						w.running(i, in)
					}
					left = append(left, i)
					continue
				}
				ended(i, in)
			}
			active = left
		}
		if len(active) == 0 || (!w.until.IsZero() && time.Now().After(w.until)) {
			break
		}
		select {
		case <-ctx.Done():
			return active, nil
		case <-tick.C:
		}
	}
	sort.Ints(active)
	return active, nil
}
