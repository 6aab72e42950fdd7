package slurm

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/sandbox"
)

// fakeCluster stands in for Slurm in the executor's tests (the real one is
// in cluster_test.go): a job ends at its first query, in the state its
// paper's entry in end says, running the worker in-process first when
// that state is COMPLETED.
type fakeCluster struct {
	t   *testing.T
	end map[string]State // paper -> end state
	// submitted is called after each submission (to kill the client).
	submitted func()
	// runtime is the runtime each task must carry.
	runtime string

	mu    sync.Mutex
	jobs  map[string]string // id -> paper
	args  map[string][]string
	tasks map[string]string // id -> task file
}

func (f *fakeCluster) Submit(ctx context.Context, args []string) (string, error) {
	// The script's last word is the quoted task file.
	script, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return "", err
	}
	words := strings.Fields(string(script))
	task := strings.Trim(words[len(words)-1], "'")
	t, err := ReadTask(task)
	if err != nil {
		return "", err
	}
	if t.Runtime != f.runtime {
		f.t.Errorf("task of %s asks for runtime %q; want %q, the submitting side's", t.Paper, t.Runtime, f.runtime)
	}
	f.mu.Lock()
	id := strconv.Itoa(len(f.jobs) + 1)
	f.jobs[id], f.args[id], f.tasks[id] = t.Paper, args, task
	f.mu.Unlock()
	if f.submitted != nil {
		f.submitted()
	}
	return id, nil
}

func (f *fakeCluster) Query(ctx context.Context, ids []string) (map[string]Info, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := map[string]Info{}
	for _, id := range ids {
		st := f.end[f.jobs[id]]
		if st == Completed {
			t, err := ReadTask(f.tasks[id])
			if err != nil {
				f.t.Fatal(err)
			}
			// The fake node runs steps bare, as the task asks (repro
			// worker chooses with it): these tests are about job states
			// and outcomes; containment has its own tests in
			// internal/sandbox and internal/run.
			bare, err := sandbox.Choose(t.Runtime, nil, nil)
			if err != nil {
				f.t.Fatal(err)
			}
			if _, err := Work(context.Background(), t, check.Options{Host: host.Host{OS: "node", CPUs: 4}, Version: "test", Runtimes: bare}); err != nil {
				f.t.Fatal(err)
			}
		}
		m[id] = Info{State: st}
	}
	return m, nil
}

func (f *fakeCluster) Lookup(ctx context.Context, name string) (string, error) { return "", nil }
func (f *fakeCluster) Cancel(ctx context.Context, ids []string) error          { return nil }

const fakeSpec = `schema: 1
id: ID
title: T
repository: {url: https://github.com/o/r}
claims:
  - {id: a, quote: "2x", metric: speedup, value: 2, unit: x, bound: exact}
reproduce:
  requires: {time: 1m, memory: 1GB}
  steps:
    - {name: run, run: "echo speedup=2"}
  measure:
    - {claim: a, stdout: 'speedup=([0-9.]+)'}
`

// fixture is an executor with its fake cluster and the options of a
// check on the submitting side.
type fixture struct {
	x     *Executor
	check check.Options
	f     *fakeCluster
}

// run checks specs as repro check --executor slurm does: a plan that
// leaves the requirements and the runtime to the nodes, then the executor.
func (fx fixture) run(ctx context.Context, specs []*spec.Spec) ([]*results.Record, []error) {
	return fx.x.Check(ctx, check.NewPlan(ctx, specs, fx.check), fx.check)
}

// leaveRunning checks specs with a client that is stopped as soon as a
// job is submitted, the jobs left running.
func (fx fixture) leaveRunning(specs []*spec.Spec) []*results.Record {
	for _, s := range specs {
		fx.f.end[s.ID] = Running
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fx.f.submitted = cancel
	recs, _ := fx.run(ctx, specs)
	fx.f.submitted = nil
	return recs
}

func setup(t *testing.T, papers ...string) ([]*spec.Spec, fixture) {
	dir := t.TempDir()
	var specs []*spec.Spec
	for _, p := range papers {
		path := filepath.Join(dir, "specs", p+".yaml")
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte(strings.Replace(fakeSpec, "ID", p, 1)), 0o644)
		s, err := spec.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		specs = append(specs, s)
	}
	repo := filepath.Join(dir, "repo")
	os.MkdirAll(repo, 0o755)
	f := &fakeCluster{t: t, end: map[string]State{}, jobs: map[string]string{}, args: map[string][]string{}, tasks: map[string]string{}, runtime: "none"}
	fx := fixture{
		check: check.Options{Store: results.Store{Dir: filepath.Join(dir, "results")}, WorkDir: filepath.Join(dir, "work"),
			RepoDir: repo, Host: host.Host{OS: "client"}, Version: "test", StepsElsewhere: true},
		x: &Executor{Config: Config{Poll: "1ms", Partition: "p1"}, Cluster: f, Repro: "/bin/repro", JobsDir: filepath.Join(dir, "jobs"), Parallel: 2, Runtime: "none"},
		f: f,
	}
	return specs, fx
}

func TestCheckOutcomes(t *testing.T) {
	specs, fx := setup(t, "good", "slow", "oom")
	f := fx.f
	f.end = map[string]State{"good": Completed, "slow": Timeout, "oom": OutOfMemory}
	recs, errs := fx.run(context.Background(), specs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []struct {
		status results.Status
		reason string
	}{
		{results.Reproduced, ""},
		{results.Failed, "slurm job N TIMEOUT: it ran past its time limit (1m)"},
		{results.Failed, "slurm job N OUT_OF_MEMORY: it ran out of memory"},
	}
	for i, r := range recs {
		reason := anyJob(r.Reason)
		if r.Status != want[i].status || reason != want[i].reason {
			t.Errorf("%s: status %s, reason %q; want %s, %q", specs[i].ID, r.Status, reason, want[i].status, want[i].reason)
		}
		stored, err := fx.check.Store.Latest(specs[i].ID)
		if err != nil || stored.Status != r.Status {
			t.Errorf("%s: stored record %v, %v; want status %s", specs[i].ID, stored, err, r.Status)
		}
		if j, _ := ReadJob(fx.check.Store.Dir, specs[i].ID); j != nil {
			t.Errorf("%s: job file left behind: %+v", specs[i].ID, j)
		}
	}
	if h := recs[0].Host.OS; h != "node" {
		t.Errorf("good: record host %q; want the node's", h)
	}
	if env := recs[0].Environment; env == nil || env.Runtime != "none" {
		t.Errorf("good: record environment %+v; want runtime none, as the task asked", env)
	}
	for id, args := range f.args {
		if !contains(args, "--time=1") || !contains(args, "--mem=1024M") || !contains(args, "--partition=p1") {
			t.Errorf("job %s: sbatch %q lacks --time=1, --mem=1024M or --partition=p1", id, args)
		}
	}
	if entries, _ := os.ReadDir(fx.x.JobsDir); len(entries) != 0 {
		t.Errorf("job folders left behind: %v", entries)
	}
}

// A client stopped after submitting leaves the job stored; the next run
// re-attaches to it and submits nothing.
func TestCheckReattach(t *testing.T) {
	specs, fx := setup(t, "p")
	f := fx.f
	recs := fx.leaveRunning(specs)
	if recs[0].Status != results.Interrupted || !strings.Contains(recs[0].Reason, "keeps running: rerun the check to re-attach, or repro cancel p") {
		t.Fatalf("interrupted client: %s %q; want interrupted, keeps running", recs[0].Status, recs[0].Reason)
	}
	j, err := ReadJob(fx.check.Store.Dir, "p")
	if err != nil || j == nil || j.ID != "1" {
		t.Fatalf("stored job = %+v, %v; want job 1", j, err)
	}
	f.submitted = nil
	f.end["p"] = Completed
	recs, errs := fx.run(context.Background(), specs)
	if len(errs) > 0 || recs[0].Status != results.Reproduced {
		t.Fatalf("rerun: %s %q %v; want reproduced", recs[0].Status, recs[0].Reason, errs)
	}
	if len(f.jobs) != 1 {
		t.Errorf("%d jobs submitted; want 1", len(f.jobs))
	}
	if ids, _ := fx.check.Store.History("p"); len(ids) != 1 || ids[0] != j.Record {
		t.Errorf("records %v; want only %s", ids, j.Record)
	}
}

// The submitting side leaves the requirements to the node: a paper
// needing a GPU that neither machine has is submitted (with --gres), and
// the node, deciding with the same code as a local check, skips it.
func TestNodeDecides(t *testing.T) {
	specs, fx := setup(t, "gpu")
	src := strings.Replace(strings.Replace(fakeSpec, "ID", "gpu", 1), "requires: {time: 1m, memory: 1GB}", "requires: {time: 1m, memory: 1GB, gpus: 1}", 1)
	if err := os.WriteFile(specs[0].Path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := spec.Load(specs[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	fx.f.end["gpu"] = Completed
	recs, errs := fx.run(context.Background(), []*spec.Spec{s})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(fx.f.jobs) != 1 || !contains(fx.f.args["1"], "--gres=gpu:1") {
		t.Fatalf("jobs %v, args %q; want one job with --gres=gpu:1", fx.f.jobs, fx.f.args["1"])
	}
	if r := recs[0]; r.Status != results.Skipped || r.Reason != "needs 1 GPU; this machine has none" || r.Host.OS != "node" {
		t.Errorf("gpu: %s %q on %q; want skipped, needs 1 GPU; this machine has none, on the node", r.Status, r.Reason, r.Host.OS)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// anyJob replaces the job id in a reason by N.
func anyJob(s string) string {
	f := strings.Fields(s)
	if len(f) > 2 && f[0] == "slurm" && f[1] == "job" {
		f[2] = "N"
	}
	return strings.Join(f, " ")
}

// repro cancel: a job that has not ended within the wait is left to the
// next check; one that ended is recorded with its end state, once.
func TestCancel(t *testing.T) {
	specs, fx := setup(t, "p")
	f := fx.f
	fx.leaveRunning(specs)
	dir := fx.check.Store.Dir
	cs, err := Cancel(context.Background(), dir, nil, f, 0)
	if err != nil || len(cs) != 1 || cs[0].Job.ID != "1" || cs[0].Record != nil || cs[0].Err != nil {
		t.Fatalf("Cancel of a running job = %+v, %v; want job 1, not ended", cs, err)
	}
	f.end["p"] = Cancelled
	cs, err = Cancel(context.Background(), dir, []string{"p"}, f, time.Minute)
	if err != nil || len(cs) != 1 || cs[0].Record == nil {
		t.Fatalf("Cancel of an ended job = %+v, %v; want its record", cs, err)
	}
	if r := cs[0].Record; r.Status != results.Failed || r.Reason != "slurm job 1 CANCELLED: it was cancelled" {
		t.Errorf("cancelled paper: %s %q; want failed, slurm job 1 CANCELLED: it was cancelled", r.Status, r.Reason)
	}
	if cs, err := Cancel(context.Background(), dir, nil, f, time.Minute); len(cs) != 0 || err != nil {
		t.Errorf("Cancel with nothing outstanding = %+v, %v; want nothing", cs, err)
	}
}
