package check

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
)

// The local executor never checks more than Jobs papers at once, gives
// each paper its own decision, and returns the records in the plan's
// order whatever order the papers finish in.
func TestLocalJobs(t *testing.T) {
	for _, jobs := range []int{1, 3} {
		var plan Plan
		for i := 0; i < 12; i++ {
			plan.Decisions = append(plan.Decisions, Decision{Spec: &spec.Spec{ID: fmt.Sprintf("p%02d", i)}, Action: ActionRun})
		}
		var mu sync.Mutex
		running, most := 0, 0
		l := Local{Jobs: jobs, paper: func(ctx context.Context, d Decision, o Options) (*results.Record, error) {
			mu.Lock()
			running++
			most = max(most, running)
			mu.Unlock()
			// Later papers finish first, so that order is not luck.
			var n int
			fmt.Sscanf(d.Spec.ID, "p%d", &n)
			time.Sleep(time.Duration(12-n) * 2 * time.Millisecond)
			mu.Lock()
			running--
			mu.Unlock()
			if d.Spec.ID == "p07" {
				return &results.Record{Paper: d.Spec.ID}, errors.New("disk full")
			}
			return &results.Record{Paper: d.Spec.ID}, nil
		}}
		recs, errs := l.Check(context.Background(), plan, Options{})
		if most > jobs {
			t.Errorf("Local{Jobs: %d}: %d papers checked at once; want at most %d", jobs, most, jobs)
		}
		if jobs > 1 && most < 2 {
			t.Errorf("Local{Jobs: %d}: papers were checked one at a time", jobs)
		}
		for i, r := range recs {
			if want := plan.Decisions[i].Spec.ID; r == nil || r.Paper != want {
				t.Errorf("Local{Jobs: %d}: record %d is %+v; want paper %s", jobs, i, r, want)
			}
		}
		if len(errs) != 1 || errs[0].Error() != "p07: disk full" {
			t.Errorf("Local{Jobs: %d}: errors %v; want [p07: disk full]", jobs, errs)
		}
	}
}
