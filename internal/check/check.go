package check

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/artifact"
	"github.com/repro-harness/repro/internal/gitrepo"
	"github.com/repro-harness/repro/internal/run"
	"github.com/repro-harness/repro/internal/sandbox"
)

// Options configures a check.
type Options struct {
	Cache *gitrepo.Cache
	Store results.Store
	// WorkDir holds the per-run working trees; they are removed afterwards
	// unless KeepTree is set.
	WorkDir  string
	KeepTree bool
	// RepoDir, when set, is a local working copy checked instead of
	// fetching (an author iterating on their own repository).
	RepoDir   string
	AuditOnly bool
	Host      host.Host
	Getenv    func(string) string
	Version   string
	// Progress, when set, is told each stage a paper enters.
	Progress func(paper, stage string)
	LogCap   int64
	// Inflight, when set, tracks the records not yet written, for a
	// process that must exit before its work ends.
	Inflight *Inflight
	// Artifacts is the cache the spec's data sets and weights are
	// fetched into before the steps run.
	Artifacts *artifact.Cache
	// Runtimes are the runtimes the steps may run in; nil skips every
	// paper with steps.
	Runtimes *sandbox.Choice
	// StepsElsewhere says the steps run on another machine (a Slurm
	// node): a plan made here leaves the requirements and the runtime to
	// that machine, which decides them with its own facts.
	StepsElsewhere bool
}

func (o *Options) progress(paper, format string, args ...any) {
	stage := fmt.Sprintf(format, args...)
	o.Inflight.setStage(paper, stage)
	if o.Progress != nil {
		o.Progress(paper, stage)
	}
}

// Paper carries out the decision for one paper here and writes its
// record. The error is only for failures to write the record itself;
// everything that goes wrong with the paper (unreachable repository,
// failed step) is in the record's status.
func Paper(ctx context.Context, d Decision, o Options) (*results.Record, error) {
	p, err := Prepare(ctx, d, o)
	if err != nil {
		return nil, err
	}
	if p.Pending {
		Run(ctx, d, p, o)
	}
	p.Close(o)
	return Finish(ctx, d.Spec, p, o)
}

// Prepared is a paper whose record is reserved and whose tree is fetched,
// checked out and audited: what is left is to run its steps, here or in a
// batch job on another machine that sees the same folders, and to write
// its record.
// It is plain data, so a batch job can take it over from a file.
type Prepared struct {
	Record *results.Record `json:"record"`
	// ID is the record id reserved in the store, LogDir its log folder.
	ID     string `json:"id"`
	LogDir string `json:"log_dir"`
	// Tree is the checked-out tree; "" when the paper stopped before it.
	Tree string `json:"tree,omitempty"`
	// Owned says Tree is a checkout of ours (not a --repo-dir working
	// copy), removed by Close unless Options.KeepTree.
	Owned bool `json:"owned,omitempty"`
	// Pending says the steps are still to run.
	Pending bool `json:"pending,omitempty"`
	// Artifacts are the spec's artifacts in the cache, once
	// ArtifactsFetched (see FetchArtifacts).
	Artifacts        []Fetched `json:"artifacts,omitempty"`
	ArtifactsFetched bool      `json:"artifacts_fetched,omitempty"`
}

// Prepare reserves the paper's record, then fetches, checks out and audits
// it and reads the tree's measures; a paper whose steps are not to run
// (d.Action is not ActionRun) is then complete but for Finish. Its error
// is only for a record that cannot be reserved.
func Prepare(ctx context.Context, d Decision, o Options) (*Prepared, error) {
	s := d.Spec
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	start := time.Now().UTC()
	r := newRecord(s, o, start)
	// A run killed earlier (kill -9, power cut) left temporary files and
	// an empty log folder: clear them before this run adds its own.
	// Best effort: a folder that cannot be swept still takes a record.
	o.Store.Sweep(s.ID, start)
	id, logDir, err := o.Store.Reserve(s.ID, start)
	if err != nil {
		return nil, err
	}
	o.Inflight.add(o.Store, id, r)
	p := &Prepared{Record: r, ID: id, LogDir: logDir}
	prepare(ctx, d, &o, p)
	return p, nil
}

// Close removes the checked-out tree unless it is to be kept.
func (p *Prepared) Close(o Options) {
	if p.Owned && !o.KeepTree && p.Tree != "" {
		os.RemoveAll(p.Tree)
	}
}

// Run carries out d on a prepared paper whose steps are pending: for
// ActionRun it runs the steps in d.Runtime and measures the claims; any
// other action (a Slurm node that decided the paper cannot run there) is
// recorded as it is. It fills in p.Record.
func Run(ctx context.Context, d Decision, p *Prepared, o Options) {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if !p.Pending {
		return
	}
	p.Pending = false
	s, r := d.Spec, p.Record
	if d.Action != ActionRun {
		settle(d, r)
		return
	}
	if !fetchArtifacts(ctx, s, p, &o) {
		return
	}
	image, ok := environment(ctx, d, &o, r, p.Tree)
	if !ok {
		return
	}
	rt := d.Runtime
	// One private HOME and temp folder for all the steps and repeats of
	// the paper: a setup step installs into HOME what a later step uses.
	if o.WorkDir != "" {
		os.MkdirAll(o.WorkDir, 0o755)
	}
	private, err := os.MkdirTemp(o.WorkDir, s.ID+"-private-")
	if err != nil {
		r.Status, r.Reason = results.Failed, fmt.Sprintf("make the steps' private HOME: %v", err)
		return
	}
	defer os.RemoveAll(private)
	env := stepEnv{rt: rt, image: image, run: p.ID, home: filepath.Join(private, "home"), tmp: filepath.Join(private, "tmp")}
	os.Mkdir(env.home, 0o700)
	os.Mkdir(env.tmp, 0o700)
	repeat := max(s.Reproduce.Repeat, 1)
	values := map[string]*readings{}
	for n := 1; n <= repeat; n++ {
		logDir := p.LogDir
		if repeat > 1 {
			logDir = filepath.Join(p.LogDir, fmt.Sprintf("run-%d", n))
			if err := os.MkdirAll(logDir, 0o755); err != nil {
				r.Status, r.Reason = results.Failed, fmt.Sprintf("run %d: %v", n, err)
				return
			}
		}
		outputs, ok := steps(ctx, s, &o, r, p.Tree, logDir, n, repeat, p.Artifacts, env)
		if !ok {
			return
		}
		measureRun(s, r, p.Tree, outputs, values)
	}
	judgeRepeats(s, r, values)
	r.Status, r.Reason = statusOf(r.Claims, "")
}

// Finish stamps the record's end and writes it under the paper's lock.
func Finish(ctx context.Context, s *spec.Spec, p *Prepared, o Options) (*results.Record, error) {
	r := p.Record
	if ctx.Err() != nil && r.Status != results.Interrupted {
		r.Status, r.Reason = results.Interrupted, "interrupted: "+context.Cause(ctx).Error()
	}
	r.Finished = time.Now().UTC()
	r.Seconds = round(r.Finished.Sub(r.Started).Seconds())
	o.Inflight.begin(s.ID)
	defer o.Inflight.done(s.ID)
	unlock, err := o.Store.Lock(s.ID)
	if err != nil {
		return r, fmt.Errorf("lock results of %s: %w", s.ID, err)
	}
	defer unlock()
	// The record is written even when ctx is cancelled: an interrupted run
	// says so on disk.
	if _, err := o.Store.Write(context.WithoutCancel(ctx), r, p.ID); err != nil {
		return r, err
	}
	o.progress(s.ID, "done: %s", r.Status)
	return r, nil
}

func newRecord(s *spec.Spec, o Options, start time.Time) *results.Record {
	r := &results.Record{
		Schema:   results.SchemaVersion,
		Paper:    s.ID,
		Title:    s.Title,
		Harness:  o.Version,
		SpecPath: filepath.ToSlash(s.Path),
		SpecHash: s.Hash,
		NoCode:   s.NoCode,
		Host:     o.Host,
		Started:  start,
	}
	for _, c := range s.Claims {
		n, _ := c.Numeric()
		r.Claims = append(r.Claims, results.Claim{
			ID: c.ID, Metric: c.Metric, Quote: c.Quote, Context: c.Context,
			Claimed: claim.Describe(n, c.Baseline),
			Bound:   c.Bound, Value: c.Value, Min: c.Min, Max: c.Max, Unit: c.Unit,
			Better: c.Better, Baseline: c.Baseline, Tolerance: n.Tolerance.String(),
			Verdict: claim.Unverified,
		})
	}
	return r
}

func prepare(ctx context.Context, d Decision, o *Options, p *Prepared) {
	s, r := d.Spec, p.Record
	if d.Action == ActionNoCode {
		r.Status, r.Reason = results.NoCode, s.NoCode
		return
	}
	var roots map[string][]byte
	var tc *treeCache
	if reusableAudit(d, o) {
		tc = &treeCache{}
	}
	ft, ok := fetch(ctx, s, o, r, p.ID, &roots, tc, onDisk(d, o))
	if !ok {
		return
	}
	p.Tree, p.Owned = ft.dir, ft.owned

	var auditErr error
	var got map[string]*readings
	if !r.Checkout.Reused {
		o.progress(s.ID, "auditing")
		got, auditErr = inspect(ctx, s, r, ft, roots)
		if ft.view != nil && ft.view.Corrupt() != nil && ctx.Err() == nil {
			// A damaged object the audit read: rebuild the cache entry
			// and read the tree again, as a checkout does.
			if !ft.reread(ctx, o, r) {
				return
			}
			got, auditErr = inspect(ctx, s, r, ft, roots)
			if err := ft.view.Corrupt(); err != nil {
				r.Status, r.Reason = results.Unreachable, hidePaths(err.Error(), o)
				return
			}
		}
		if auditErr != nil {
			r.Reason = "audit: " + auditErr.Error()
		}
	}
	r.Status = results.Available
	if ctx.Err() != nil {
		return // Finish records the interruption
	}
	if s.Reproduce == nil {
		tc.keep(ctx, o, r, auditErr, nil)
		return
	}
	r.PlannedSteps = len(s.Reproduce.Steps)
	// Artefact and static evidence is read from the tree as checked out
	// (or as the commit's objects give it), before any step could change
	// it, and whether or not the steps run; from the cache when the tree
	// was not read.
	if r.Checkout.Reused {
		judge(s, r, loadReadings(tc.found.Readings))
	} else {
		judge(s, r, got)
		tc.keep(ctx, o, r, auditErr, got)
	}
	if d.Action == ActionRun {
		p.Pending = true
		return
	}
	settle(d, r)
}

// onDisk says whether the check needs the tree on disk: for the steps to
// run in, for a --keep-tree request, or a --repo-dir working copy. Else
// the audit and the tree's measures read the commit's objects, and
// nothing is written.
func onDisk(d Decision, o *Options) bool {
	return d.Action == ActionRun || o.KeepTree || o.RepoDir != ""
}

// inspect audits the tree and reads its artefact and static measures
// (unjudged), from the folder or from the objects.
func inspect(ctx context.Context, s *spec.Spec, r *results.Record, ft *fetchedTree, roots map[string][]byte) (map[string]*readings, error) {
	ao := audit.Options{Claims: s.Claims, Missing: r.Checkout.Missing, Submodules: r.Checkout.Submodules, RootLicenses: roots}
	var rep *audit.Report
	var err error
	var files run.Files
	if ft.view != nil {
		rep, err = audit.SourceContext(ctx, fmt.Sprintf("%.12s", r.Repository.Commit), ft.view, ao)
		files = run.Objects(ft.view)
	} else {
		rep, err = audit.TreeContext(ctx, ft.dir, ao)
		files = run.Dir(ft.dir)
	}
	r.Audit = rep
	if s.Reproduce == nil {
		return nil, err
	}
	got := map[string]*readings{}
	take(s, files, nil, func(m spec.Measure) bool { return !m.IsRerun() }, got)
	return got, err
}

// settle records a decision not to run the steps: audit only, or
// skipped for what this machine lacks.
func settle(d Decision, r *results.Record) {
	s := d.Spec
	if s.Reproduce == nil {
		return
	}
	switch d.Action {
	case ActionAudit:
		notRun(s, r, d.NotRun, false)
	case ActionSkip:
		notRun(s, r, d.NotRun, true)
	}
}

// fetchedTree is the tree a check reads: a folder (a checkout, or the
// --repo-dir working copy), or the commit's objects read in place (view).
type fetchedTree struct {
	dir   string
	owned bool
	view  *gitrepo.View
	// url, commit and subdir locate the view, to read it again from a
	// rebuilt cache entry.
	url, commit, subdir string
}

// reread rebuilds the cache entry of a view that met a corrupt object and
// reads the view again; false when that fails, with the record saying why.
func (ft *fetchedTree) reread(ctx context.Context, o *Options, r *results.Record) bool {
	f, err := o.Cache.Rebuild(ctx, ft.url, ft.commit)
	if err == nil {
		r.Repository.Transferred = true
		ft.view, err = gitrepo.NewView(ctx, f.Repo, f.Commit, ft.subdir)
	}
	if err != nil {
		r.Status, r.Reason = results.Unreachable, hidePaths(err.Error(), o)
		return false
	}
	t := ft.view.Summary()
	r.Checkout = &results.Checkout{Files: t.Files, Bytes: t.Bytes, Missing: t.Missing, Submodules: t.Submodules, Skipped: t.Skipped}
	return true
}

// fetch brings the tree to check: with disk, a fresh checkout of the
// pinned commit, or the author's own working copy with --repo-dir;
// without, a view of the commit's objects, and nothing is written.
// For a subdir, roots receives the licence files at the repository root.
// With tc, what a check took from the same tree before is taken instead
// when cached (r.Checkout.Reused): nothing is checked out or read.
func fetch(ctx context.Context, s *spec.Spec, o *Options, r *results.Record, id string, roots *map[string][]byte, tc *treeCache, disk bool) (*fetchedTree, bool) {
	rep := &results.Repository{URL: s.Repository.URL, Pinned: s.Repository.Commit, Subdir: s.Repository.Subdir}
	r.Repository = rep
	if o.RepoDir != "" {
		tree, owned, ok := local(s, o, r)
		return &fetchedTree{dir: tree, owned: owned}, ok
	}
	o.progress(s.ID, "fetching %s", s.Repository.URL)
	f, err := o.Cache.Fetch(ctx, s.Repository.URL, s.Repository.Commit)
	if err != nil {
		var fe *gitrepo.FetchError
		r.Status, r.Reason = results.Unreachable, hidePaths(err.Error(), o)
		if errors.As(err, &fe) {
			switch fe.Kind {
			case gitrepo.Interrupted:
				r.Status = results.Interrupted
			case gitrepo.NoMirror:
				// Only this machine lacks a copy: the paper is not checked,
				// which says nothing of whether its repository exists.
				r.Status, r.Reason = results.NotChecked, "not checked: "+hidePaths(fe.Err.Error(), o)
			}
		}
		return nil, false
	}
	rep.Commit, rep.Transferred, rep.FetchSecond = f.Commit, f.Transferred, round(f.Duration.Seconds())
	rep.Source, rep.Location, rep.Note = "remote", f.Source, f.Note
	if f.Mirrored {
		// A record names the mirror by its rule, never by the folder of
		// the machine that made it.
		rep.Source, rep.Location = "mirror", gitrepo.RuleFor(s.Repository.URL, o.Cache.Mirrors)
	}
	rep.Note = hidePaths(rep.Note, o)
	if e := tc.lookup(o, s, f); e != nil {
		e.Checkout.Reused = true
		r.Checkout, r.Audit = e.Checkout, e.Audit
		return &fetchedTree{}, true
	}
	ft := &fetchedTree{url: s.Repository.URL, commit: f.Commit, subdir: s.Repository.Subdir}
	var t *gitrepo.Tree
	// read writes the tree to disk or views it in the objects; a tree
	// left there by a killed run of the same id is removed first.
	read := func(f *gitrepo.Fetched) (err error) {
		if disk {
			os.RemoveAll(ft.dir)
			t, err = gitrepo.CheckoutContext(ctx, f.Repo, f.Commit, s.Repository.Subdir, ft.dir)
		} else {
			ft.view, err = gitrepo.NewView(ctx, f.Repo, f.Commit, s.Repository.Subdir)
		}
		return err
	}
	if disk {
		ft.dir, ft.owned = filepath.Join(o.WorkDir, s.ID+"-"+id), true
		o.progress(s.ID, "checking out %.12s", f.Commit)
	} else {
		o.progress(s.ID, "reading %.12s", f.Commit)
	}
	err = read(f)
	if gitrepo.IsCorrupt(err) && ctx.Err() == nil {
		// A damaged cache entry: rebuild it and read the tree once more.
		if f, err = o.Cache.Rebuild(ctx, s.Repository.URL, f.Commit); err == nil {
			rep.Transferred = true
			err = read(f)
		}
	}
	if s.Repository.Subdir != "" && err == nil {
		*roots = gitrepo.RootFiles(f.Repo, f.Commit, audit.IsLicenseFile, 256<<10)
	}
	if ft.view != nil && err == nil {
		t = ft.view.Summary()
	}
	if t != nil {
		r.Checkout = &results.Checkout{Files: t.Files, Bytes: t.Bytes, Missing: t.Missing, Submodules: t.Submodules, Skipped: t.Skipped}
	}
	if err != nil {
		if disk && !o.KeepTree {
			os.RemoveAll(ft.dir)
		}
		r.Status, r.Reason = results.Unreachable, hidePaths(err.Error(), o)
		return nil, false
	}
	return ft, true
}

// hidePaths keeps this machine's folders out of text that goes into a
// record: a local mirror's folder becomes <local>, the cache <cache> and
// the working folder <work>. Records are published; folders are private.
func hidePaths(text string, o *Options) string {
	var pairs []string
	add := func(dir, name string) {
		if dir == "" {
			return
		}
		if abs, err := filepath.Abs(dir); err == nil && abs != dir {
			pairs = append(pairs, abs, name)
		}
		pairs = append(pairs, dir, name)
	}
	if o.Cache != nil {
		for _, m := range o.Cache.Mirrors {
			if !strings.Contains(m.To, "://") && !strings.Contains(m.To, "@") {
				add(strings.TrimRight(m.To, "/"), "<local>")
			}
		}
		add(o.Cache.Dir, "<cache>")
	}
	add(o.WorkDir, "<work>")
	if len(pairs) == 0 {
		return text
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

func local(s *spec.Spec, o *Options, r *results.Record) (string, bool, bool) {
	rep := r.Repository
	rep.Source, rep.Location = "local", "working copy (--repo-dir)"
	repo, err := git.PlainOpenWithOptions(o.RepoDir, &git.PlainOpenOptions{DetectDotGit: true})
	if err == nil {
		if head, err := repo.Head(); err == nil {
			rep.Commit = head.Hash().String()
		}
		if wt, err := repo.Worktree(); err == nil {
			if st, err := wt.Status(); err == nil {
				rep.Dirty = !st.IsClean()
			}
		}
	}
	tree := filepath.Join(o.RepoDir, filepath.FromSlash(s.Repository.Subdir))
	if st, err := os.Stat(tree); err != nil || !st.IsDir() {
		r.Status, r.Reason = results.Unreachable, fmt.Sprintf("--repo-dir %s: no such folder %s", o.RepoDir, tree)
		return "", false, false
	}
	r.Checkout = &results.Checkout{}
	return tree, false, true
}

// stepEnv is where the steps of a paper run: the runtime, the image for a
// container runtime, and the record id that labels their containers.
type stepEnv struct {
	rt        sandbox.Runtime
	image     string
	run       string
	home, tmp string
}

func steps(ctx context.Context, s *spec.Spec, o *Options, r *results.Record, tree, logDir string, rep, repeat int, arts []Fetched, env stepEnv) (map[string][]byte, bool) {
	outputs := map[string][]byte{}
	artEnv, mounts := artifactEnv(arts)
	// Data sets are mounted read-only where the host has them.
	data := map[string]string{}
	for _, d := range s.Reproduce.Requires.Data {
		if dir, ok := run.DataDir(d, o.Getenv); ok {
			data[run.DataEnv(d)] = dir
			mounts = append(mounts, run.Mount{Source: dir, ReadOnly: true})
		}
	}
	lim := limits(s.Reproduce.Requires)
	for i, st := range s.Reproduce.Steps {
		if repeat > 1 {
			o.progress(s.ID, "run %d/%d: running step %d/%d: %s", rep, repeat, i+1, len(s.Reproduce.Steps), st.Name)
		} else {
			o.progress(s.ID, "running step %d/%d: %s", i+1, len(s.Reproduce.Steps), st.Name)
		}
		timeout := run.DefaultTimeout
		if st.Timeout != "" {
			timeout, _ = spec.ParseDuration(st.Timeout)
		}
		res := run.Exec(ctx, run.Step{
			Name: st.Name, Command: st.Run, Dir: tree,
			Env:     append(run.EnvList(s.Reproduce.Env, st.Env, data), artEnv...),
			Mounts:  mounts,
			Timeout: timeout, LogDir: logDir, LogCap: o.LogCap,
			Network: st.Network, Home: env.home, Tmp: env.tmp,
			Runtime: env.rt, Image: env.image, Limits: lim,
			RunID: env.run, ID: containerName(s.ID, env.run, st.Name, rep),
		})
		rel := func(p string) string {
			if x, err := filepath.Rel(o.Store.Dir, p); err == nil {
				return filepath.ToSlash(x)
			}
			return p
		}
		rs := results.Step{
			Name: st.Name, Command: st.Run, ExitCode: res.ExitCode,
			Seconds: round(res.Duration.Seconds()), TimedOut: res.TimedOut, Interrupted: res.Interrupted,
			Stdout: rel(res.Stdout), Stderr: rel(res.Stderr), Truncated: res.Truncated, Tail: res.Tail,
		}
		if repeat > 1 {
			rs.Run = rep
		}
		rs.Network = st.Network
		if res.Err != nil {
			rs.Error = res.Err.Error()
		}
		r.Steps = append(r.Steps, rs)
		outputs[st.Name] = res.Output
		switch {
		case res.Interrupted:
			r.Status, r.Reason = results.Interrupted, fmt.Sprintf("interrupted during step %s%s; all its processes were killed", st.Name, ofRun(rep, repeat))
			return nil, false
		case res.OutOfMemory:
			r.Status, r.Reason = results.Failed, fmt.Sprintf("step %s%s ran out of memory (limit %s) and was killed", st.Name, ofRun(rep, repeat), s.Reproduce.Requires.Memory)
			return nil, false
		case res.PidsLimit:
			r.Status, r.Reason = results.Failed, fmt.Sprintf("step %s%s hit the pids limit of %d processes", st.Name, ofRun(rep, repeat), lim.Pids)
			return nil, false
		case res.TimedOut:
			r.Status, r.Reason = results.Failed, fmt.Sprintf("step %s%s timed out after %s; all its processes were killed", st.Name, ofRun(rep, repeat), timeout)
			return nil, false
		case !res.OK():
			r.Status, r.Reason = results.Failed, fmt.Sprintf("step %s%s exited with status %d", st.Name, ofRun(rep, repeat), res.ExitCode)
			if res.Err != nil {
				r.Reason = fmt.Sprintf("step %s%s: %v", st.Name, ofRun(rep, repeat), res.Err)
			}
			return nil, false
		}
	}
	return outputs, true
}

// containerName names a step's container:
// repro-PAPER-RECORD-STEP[-RUN]-RANDOM (16 hex digits), in the characters
// container names allow. The record id has a resolution of one second, so two checks of
// one paper started in the same second (two terminals, two CI jobs on one
// host) would otherwise ask for the same name and one would fail.
func containerName(paper, record, step string, rep int) string {
	n := "repro-" + paper + "-" + record + "-" + step
	if rep > 1 {
		n += fmt.Sprintf("-%d", rep)
	}
	n = run.NewID(n)
	b := []byte(n)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '-'
		}
	}
	return string(b)
}

func round(v float64) float64 {
	if math.Abs(v) >= 1e12 || math.IsNaN(v) {
		return v // past int64 range once scaled; nothing to round
	}
	return float64(int64(v*1e6+0.5*sign(v))) / 1e6
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}
