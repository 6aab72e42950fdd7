package check

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/repro-harness/repro/harness/results"
)

// Inflight tracks the records that are reserved but not yet written, so
// that a process told to stop at once (a second Ctrl-C) still leaves, for
// every paper it was checking, a record that says it was interrupted,
// rather than an empty log folder.
// The zero value is not usable; a nil *Inflight tracks nothing.
type Inflight struct {
	mu      sync.Mutex
	papers  map[string]*inflight
	writing sync.WaitGroup
}

type inflight struct {
	store results.Store
	id    string
	// rec is the record as it was reserved: a copy the running check
	// never touches, so writing it races with nothing.
	rec     results.Record
	stage   string
	writing bool
}

// NewInflight returns an empty tracker.
func NewInflight() *Inflight {
	return &Inflight{papers: map[string]*inflight{}}
}

func (f *Inflight) add(store results.Store, id string, r *results.Record) {
	if f == nil {
		return
	}
	c := *r
	c.Claims = append([]results.Claim(nil), r.Claims...)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.papers[r.Paper] = &inflight{store: store, id: id, rec: c, stage: "starting"}
}

func (f *Inflight) setStage(paper, stage string) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.papers[paper]; p != nil {
		p.stage = stage
	}
}

// begin marks paper's record as being written by the orderly path; done
// marks it written.
func (f *Inflight) begin(paper string) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.papers[paper]; p != nil && !p.writing {
		p.writing = true
		f.writing.Add(1)
	}
}

func (f *Inflight) done(paper string) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if p := f.papers[paper]; p != nil {
		if p.writing {
			f.writing.Done()
		}
		delete(f.papers, paper)
	}
}

// Abandon writes an interrupted record, saying why and at which stage,
// for every paper whose record is not yet written, and waits up to grace
// for records already being written. It returns the papers it recorded.
// It is for a process about to exit without waiting for its work.
func (f *Inflight) Abandon(why string, grace time.Duration) []string {
	if f == nil {
		return nil
	}
	f.mu.Lock()
	var todo []*inflight
	for _, p := range f.papers {
		if !p.writing {
			todo = append(todo, p)
		}
	}
	f.mu.Unlock()
	var names []string
	now := time.Now().UTC()
	for _, p := range todo {
		r := p.rec
		r.Status = results.Interrupted
		r.Reason = fmt.Sprintf("interrupted: %s while %s", why, p.stage)
		r.Finished = now
		r.Seconds = round(now.Sub(r.Started).Seconds())
		// No lock: the lock holder may be the very work that is stuck,
		// and the write is atomic (temporary file and rename) anyway.
		if _, err := p.store.Write(context.Background(), &r, p.id); err == nil {
			names = append(names, r.Paper)
		}
	}
	wait := make(chan struct{})
	go func() { f.writing.Wait(); close(wait) }()
	select {
	case <-wait:
	case <-time.After(grace):
	}
	return names
}
