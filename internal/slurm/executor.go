package slurm

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/parallel"
)

// Executor is the check.Executor that runs papers' steps as Slurm batch
// jobs, one per paper. Its plan must be made with
// check.Options.StepsElsewhere: each job's node checks the requirements
// and picks the runtime (check.Decide in Work). The check.Options it is
// given configure fetching, checking out and auditing on the submitting
// side, and the local checks of papers without steps to run; their Store
// and WorkDir must be folders the compute nodes see at the same paths.
type Executor struct {
	Config  Config
	Cluster Cluster
	// Repro is the binary the jobs run (`repro worker TASK`).
	Repro string
	// JobsDir holds each job's task file and script; shared as well.
	JobsDir string
	// Parallel is how many papers are fetched and prepared at once.
	Parallel int
	// GiveUp is how long Slurm may stay unreachable before the client stops
	// waiting (the jobs stay stored for a rerun); 0 means 10 minutes.
	GiveUp time.Duration
	// Runtime is the runtime the jobs' workers are asked for (--runtime
	// or REPRO_RUNTIME here); "" lets each node detect its own.
	Runtime string
}

// NewExecutor returns the executor for this submit host: Slurm's
// command-line tools, and the binary the jobs run (cfg.Repro, else this
// one). Jobs keep their task files under cacheDir/slurm.
func NewExecutor(cfg Config, cacheDir, runtime string, parallel int) (*Executor, error) {
	if _, err := exec.LookPath("sbatch"); err != nil {
		return nil, errors.New("executor slurm: sbatch is not on PATH: run on a Slurm submit host, or use --executor local")
	}
	bin := cfg.Repro
	if bin == "" {
		var err error
		if bin, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("executor slurm: find the repro binary for the jobs: %w (set slurm.repro)", err)
		}
	}
	return &Executor{Config: cfg, Cluster: &Commands{}, Repro: bin, JobsDir: filepath.Join(cacheDir, "slurm"), Parallel: parallel, Runtime: runtime}, nil
}

// ErrDetached marks papers whose jobs were left running because the
// client stopped waiting; a rerun re-attaches to them.
var ErrDetached = errors.New("slurm job left running")

// Check checks the plan's papers with Slurm: each paper to run becomes a
// batch job, the others are checked here. It returns one record per
// decision (nil only for a paper whose record could not be reserved) and
// the errors of the executor itself (sbatch refused a job, Slurm stopped
// answering, a record could not be written), each naming its paper.
func (e *Executor) Check(ctx context.Context, plan check.Plan, o check.Options) ([]*results.Record, []error) {
	specs := plan.Specs()
	if o.Cache != nil {
		// Trees go under the cache's work folder even with --keep: the
		// compute nodes must see them.
		o.WorkDir = filepath.Join(o.Cache.Dir, "work")
	}
	x, err := newExecutor(*e, o)
	if err != nil {
		return make([]*results.Record, len(specs)), []error{err}
	}
	recs := make([]*results.Record, len(specs))
	jobs := make([]*Job, len(specs))
	var errs []error
	var mu sync.Mutex
	fail := func(s *spec.Spec, err error) {
		mu.Lock()
		errs = append(errs, fmt.Errorf("%s: %w", s.ID, err))
		mu.Unlock()
	}
	parallel.Limit(len(specs), e.Parallel, func(i int) {
		r, j, err := x.start(ctx, plan.Decisions[i])
		recs[i], jobs[i] = r, j
		if err != nil {
			fail(specs[i], err)
		}
	})
	x.wait(ctx, specs, jobs, recs, fail)
	return recs, errs
}

// executor is an Executor at work on one check.
type executor struct {
	Executor
	opts check.Options
	poll time.Duration
}

func newExecutor(e Executor, o check.Options) (*executor, error) {
	poll, err := e.Config.PollEvery()
	if err != nil {
		return nil, err
	}
	if _, err := Args(spec.Requires{}, e.Config, Submission{}); err != nil {
		return nil, err
	}
	if e.GiveUp <= 0 {
		e.GiveUp = 10 * time.Minute
	}
	// Jobs run elsewhere: every path they are given must be absolute.
	for _, p := range []*string{&o.Store.Dir, &o.WorkDir, &e.JobsDir} {
		a, err := filepath.Abs(*p)
		if err != nil {
			return nil, err
		}
		*p = a
	}
	return &executor{Executor: e, opts: o, poll: poll}, nil
}

func (x *executor) progress(paper, format string, args ...any) {
	if x.opts.Progress != nil {
		x.opts.Progress(paper, fmt.Sprintf(format, args...))
	}
}

func (x *executor) store() results.Store { return x.opts.Store }

// start re-attaches to paper's stored job, or prepares the paper and
// submits its job, or checks it here when its steps are not to run. It
// returns either a record or a job.
func (x *executor) start(ctx context.Context, d check.Decision) (*results.Record, *Job, error) {
	s := d.Spec
	j, err := x.attach(ctx, s)
	if err != nil || j != nil {
		return nil, j, err
	}
	p, err := check.Prepare(ctx, d, x.opts)
	if err != nil {
		return nil, nil, err
	}
	// Data sets and weights are fetched here, where the network is;
	// compute nodes read them from the shared cache.
	check.FetchArtifacts(ctx, s, p, x.opts)
	if !p.Pending || ctx.Err() != nil {
		p.Close(x.opts)
		r, err := check.Finish(ctx, s, p, x.opts)
		return r, nil, err
	}
	j, err = x.submit(ctx, s, p)
	if err != nil {
		p.Close(x.opts)
		results.Unreserve(p.LogDir) // the reserved id goes unused; no record is written
		r := p.Record
		r.Status, r.Reason = results.Failed, "not submitted: "+err.Error()
		return r, nil, err
	}
	return nil, j, nil
}

// attach returns paper's stored job, after finding the id of one whose
// submission was cut short; nil when there is none to wait for.
func (x *executor) attach(ctx context.Context, s *spec.Spec) (*Job, error) {
	j, err := ReadJob(x.store().Dir, s.ID)
	if err != nil || j == nil {
		return nil, err
	}
	if j.ID == "" {
		id, err := x.Cluster.Lookup(ctx, j.Name)
		if err != nil {
			return nil, fmt.Errorf("look up slurm job %s: %w", j.Name, err)
		}
		if id == "" {
			// sbatch never took it: forget it and submit afresh.
			x.discard(j)
			os.Remove(filepath.Join(x.store().Dir, j.Paper, j.Record))
			return nil, nil
		}
		j.ID = id
		if err := WriteJob(x.store().Dir, j); err != nil {
			return nil, err
		}
	}
	note := ""
	if j.SpecHash != s.Hash {
		note = " (submitted with an earlier version of the spec)"
	}
	x.progress(s.ID, "re-attached to slurm job %s%s", j.ID, note)
	return j, nil
}

func (x *executor) submit(ctx context.Context, s *spec.Spec, p *check.Prepared) (*Job, error) {
	dir := filepath.Join(x.JobsDir, s.ID+"-"+p.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create job folder: %w", err)
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	task := filepath.Join(dir, "task.json")
	t := &Task{Paper: s.ID, SpecPath: s.Path, Spec: string(data), Results: x.store().Dir,
		KeepTree: x.opts.KeepTree, LogCap: x.opts.LogCap, Runtime: x.Runtime, Prepared: p}
	if err := WriteTask(task, t); err != nil {
		return nil, err
	}
	script := filepath.Join(dir, "job.sh")
	if err := os.WriteFile(script, []byte(Script(x.Repro, task, s.ID, p.ID)), 0o755); err != nil {
		return nil, fmt.Errorf("write job script: %w", err)
	}
	req := s.Reproduce.Requires
	args, err := Args(req, x.Config, Submission{
		Name: JobName(s.ID, p.ID), Output: filepath.Join(p.LogDir, "slurm-%j.out"), Dir: p.Tree, Script: script,
	})
	if err != nil {
		return nil, err
	}
	j := &Job{Paper: s.ID, Name: JobName(s.ID, p.ID), Record: p.ID, SpecHash: s.Hash, Task: task, Limit: req.Time, Submitted: time.Now().UTC()}
	// Stored before sbatch runs: a client killed while sbatch answers
	// leaves the job's name, and the rerun finds the job by it.
	if err := WriteJob(x.store().Dir, j); err != nil {
		return nil, err
	}
	x.progress(s.ID, "submitting to slurm")
	// sbatch is not interrupted half-way: that could submit a job whose
	// id nobody hears of.
	id, err := x.Cluster.Submit(context.WithoutCancel(ctx), args)
	if err != nil {
		x.discard(j)
		return nil, err
	}
	j.ID = id
	if err := WriteJob(x.store().Dir, j); err != nil {
		return nil, err
	}
	x.progress(s.ID, "submitted slurm job %s", id)
	return j, nil
}

// discard forgets a job and its task folder.
func (x *executor) discard(j *Job) {
	RemoveJob(x.store().Dir, j.Paper)
	if j.Task != "" {
		os.RemoveAll(filepath.Dir(j.Task))
	}
}

// wait polls Slurm for every submitted job until each has ended and its
// record is final, or ctx ends, or Slurm stays unreachable past GiveUp.
func (x *executor) wait(ctx context.Context, specs []*spec.Spec, jobs []*Job, recs []*results.Record, fail func(*spec.Spec, error)) {
	shown := map[int]string{}
	w := watch{cluster: x.Cluster, every: x.poll, giveUp: x.GiveUp,
		running: func(i int, in Info) {
			if line := describe(jobs[i], in); line != shown[i] {
				shown[i] = line
				x.progress(specs[i].ID, "%s", line)
			}
		},
		down: func(i int, err error) { x.progress(specs[i].ID, "slurm does not answer: %v", err) },
	}
	left, err := w.wait(ctx, jobs, func(i int, in Info) {
		r, err := x.collect(ctx, jobs[i], in)
		recs[i] = r
		if err != nil {
			fail(specs[i], err)
		}
	})
	for _, i := range left {
		if err != nil {
			recs[i] = x.detached(specs[i], jobs[i], fmt.Sprintf("slurm did not answer for %s (%v)", x.GiveUp, err))
			fail(specs[i], fmt.Errorf("%w: %v", ErrDetached, err))
			continue
		}
		recs[i] = x.detached(specs[i], jobs[i], "repro was interrupted")
	}
}

func describe(j *Job, in Info) string {
	s := fmt.Sprintf("slurm job %s %s", j.ID, in.State)
	switch {
	case in.State == Pending && in.Reason != "":
		s += " (" + in.Reason + ")"
	case in.State == Running && in.Node != "":
		s += " on " + in.Node
	}
	return s
}

// detached is the in-memory record of a paper whose job the client
// stopped waiting for; nothing is written, the job writes the record.
func (x *executor) detached(s *spec.Spec, j *Job, why string) *results.Record {
	r := &results.Record{Schema: results.SchemaVersion, Paper: s.ID, Title: s.Title, Claims: []results.Claim{}}
	if t, err := ReadTask(j.Task); err == nil {
		r = t.Prepared.Record
	}
	r.Status = results.Interrupted
	r.Reason = fmt.Sprintf("%s; slurm job %s keeps running: rerun the check to re-attach, or repro cancel %s", why, j.ID, s.ID)
	return r
}

// collect turns a job that ended (in zero: unknown to Slurm) into the
// paper's final record: the worker's record when the job COMPLETED,
// otherwise a failed record giving the job's end state, kept with the
// steps the worker recorded if it got that far. Under the paper's lock,
// once per job: a job already collected (by repro cancel, or another
// client) yields the record as written.
func (x *executor) collect(ctx context.Context, j *Job, in Info) (*results.Record, error) {
	return Collect(ctx, x.store(), j, in, x.opts.KeepTree, x.opts.Progress)
}

// Collect is collect for any caller: the executor, and repro cancel.
func Collect(ctx context.Context, st results.Store, j *Job, in Info, keepTree bool, progress func(paper, stage string)) (*results.Record, error) {
	unlock, err := st.Lock(j.Paper)
	if err != nil {
		return nil, fmt.Errorf("lock results of %s: %w", j.Paper, err)
	}
	defer unlock()
	cur, err := ReadJob(st.Dir, j.Paper)
	if err != nil {
		return nil, err
	}
	have := recordExists(st, j)
	if cur == nil || cur.ID != j.ID {
		if have {
			return st.Read(j.Paper, j.Record)
		}
		return nil, fmt.Errorf("slurm job %s was collected elsewhere, but record %s is missing", j.ID, j.Record)
	}
	var r *results.Record
	if have {
		if r, err = st.Read(j.Paper, j.Record); err != nil {
			return nil, err
		}
	}
	t, terr := ReadTask(j.Task)
	out := Decide(j.ID, in, r != nil, j.Limit)
	if !out.UseRecord {
		if r == nil {
			if terr != nil {
				return nil, fmt.Errorf("record the end of slurm job %s: %w", j.ID, terr)
			}
			r = t.Prepared.Record
		}
		r.Status, r.Reason = out.Status, out.Reason
		if r.Finished.IsZero() || r.Finished.Before(r.Started) {
			r.Finished = time.Now().UTC()
			r.Seconds = float64(r.Finished.Sub(r.Started).Round(time.Millisecond)) / float64(time.Second)
		}
		if _, err := st.Write(context.WithoutCancel(ctx), r, j.Record); err != nil {
			return r, err
		}
	}
	if terr == nil && t.Prepared.Owned && !keepTree && t.Prepared.Tree != "" {
		os.RemoveAll(t.Prepared.Tree)
	}
	if err := RemoveJob(st.Dir, j.Paper); err != nil {
		return r, err
	}
	os.RemoveAll(filepath.Dir(j.Task))
	if progress != nil {
		progress(j.Paper, "done: "+string(r.Status))
	}
	return r, nil
}

func recordExists(st results.Store, j *Job) bool {
	_, err := os.Stat(filepath.Join(st.Dir, j.Paper, j.Record+".json"))
	return err == nil
}
