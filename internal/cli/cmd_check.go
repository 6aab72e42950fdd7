package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/sandbox"
	"github.com/repro-harness/repro/internal/slurm"
)

func init() {
	register(command{name: "check", args: "[flags] PAPER…|--all", summary: "fetch, audit, run and measure papers; write their records", run: runCheck})
}

func runCheck(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "check", "[flags] PAPER…|--all", "Fetch each paper's repository at its pinned commit, audit it, run its reproduction\nsteps where this machine can, measure every claim, and write a record under\nresults/<paper>/. Prints the claimed-versus-verified table.")
	ws.flags(fs, e, true)
	all := fs.Bool("all", false, "check every spec in the specs folder")
	format := fs.String("format", "text", "output `format`: text, json or markdown")
	auditOnly := fs.Bool("audit-only", false, "fetch and audit only; do not run the steps")
	dryRun := fs.Bool("dry-run", false, "print the plan: which papers would run and in which runtime, which would be skipped and why")
	repoDir := fs.String("repo-dir", "", "check this local working copy instead of fetching (one paper)")
	jobs := fs.Int("j", runtime.NumCPU(), "check `N` papers concurrently")
	keep := fs.Bool("keep", false, "keep the working trees for inspection")
	quiet := fs.Bool("q", false, "no progress lines")
	executor := fs.String("executor", e.getenv("REPRO_EXECUTOR"), "where steps run: `local` or slurm, one batch job per paper (env REPRO_EXECUTOR; config executor:)")
	rtName := fs.String("runtime", e.getenv("REPRO_RUNTIME"), "what contains the steps: `podman`, docker, apptainer, bwrap, or none (bare, only when asked for);\ndefault: the first installed of podman, docker, apptainer for images, bwrap for the host (env REPRO_RUNTIME)")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	runtimes, err := sandbox.Choose(*rtName, nil, nil)
	if err != nil {
		errorf(e, "check: %v", err)
		return ExitUsage
	}
	render, ok := rendererFor(e, *format)
	if !ok || *format == "csv" || *format == "junit" || *format == "html" {
		errorf(e, "check: unknown format %q: use text, json or markdown", *format)
		return ExitUsage
	}
	if *repoDir != "" && (fs.NArg() != 1 || *all) {
		errorf(e, "check: --repo-dir checks exactly one paper")
		return ExitUsage
	}
	specs, bad, ok := ws.papers(e, "check", fs.Args(), *all)
	if !ok {
		return ExitUsage
	}
	cfg, err := loadConfig(e)
	if err == nil {
		*executor, err = executorOf(*executor, cfg)
	}
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	opts := check.Options{
		Store: results.Store{Dir: ws.results}, KeepTree: *keep, RepoDir: *repoDir, AuditOnly: *auditOnly,
		Host: host.Detect(ctx), Getenv: e.getenv, Version: Version, Inflight: check.NewInflight(),
		Runtimes: runtimes, StepsElsewhere: *executor == "slurm",
	}
	if *dryRun {
		if opts.Artifacts, err = ws.artifactCache(e, nil); err != nil {
			errorf(e, "%v", err)
			return ExitUsage
		}
		if err := planRenderers[*format](e.stdout, check.NewPlan(ctx, specs, opts), bad); err != nil {
			errorf(e, "write output: %v", err)
			return ExitInfra
		}
		if len(bad) > 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if opts.Cache, err = ws.gitCache(e); err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	opts.WorkDir = filepath.Join(opts.Cache.Dir, "work")
	if *keep {
		opts.WorkDir = filepath.Join(os.TempDir(), "repro-trees")
	}
	prog := newProgress(e, *quiet || *format == "json")
	prog.total = len(specs)
	opts.Cache.ProgressFor, opts.Progress = prog.transferWriter, prog.update
	if opts.Artifacts, err = ws.artifactCache(e, prog); err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	var x check.Executor = check.Local{Jobs: *jobs}
	if opts.StepsElsewhere {
		if x, err = slurm.NewExecutor(cfg.Slurm, opts.Cache.Dir, *rtName, *jobs); err != nil {
			errorf(e, "slurm: %v", err)
			return ExitInfra
		}
	}
	plan := check.NewPlan(ctx, specs, opts)
	if runtimes.Warning != "" {
		fmt.Fprintf(e.stderr, "repro: warning: %s\n", runtimes.Warning)
	}
	for _, name := range plan.RemoveOrphans(ctx) {
		fmt.Fprintf(e.stderr, "repro: removed container %s, left by a repro that was killed\n", name)
	}
	// A second signal exits at once; the papers still running get a record
	// that says so.
	defer onForceExit(func(why string) { opts.Inflight.Abandon(why, forceGrace) })()
	recs, errs := x.Check(ctx, plan, opts)
	prog.finish()
	var done []*results.Record
	for _, r := range recs {
		if r != nil {
			done = append(done, r)
		}
	}
	for _, p := range bad {
		done = append(done, &results.Record{Paper: spec.Stem(p.File), Status: results.Invalid, Reason: p.Error(), Claims: []results.Claim{}})
	}
	r := report.Build(done)
	// An unreadable older record cannot show that the plan ran; the check
	// itself is still good, so such a paper stays marked never run.
	report.ClearRan(r, func(paper string) (bool, error) {
		ran, _ := results.Store{Dir: ws.results}.RanSteps(paper)
		return ran, nil
	})
	if err := render(e.stdout, r); err != nil {
		errorf(e, "write output: %v", err)
		return ExitInfra
	}
	if *keep {
		fmt.Fprintf(e.stderr, "working trees kept under %s\n", opts.WorkDir)
	}
	for _, err := range errs {
		if opts.StepsElsewhere {
			errorf(e, "slurm: %v", err)
		} else {
			errorf(e, "write record: %v", err)
		}
	}
	return exitFor(done, len(errs) > 0, ctx.Err() != nil)
}

// exitFor picks the exit status for a batch: invalid specs (2) over
// infrastructure failures (3) over refuted claims and failed steps (1).
func exitFor(recs []*results.Record, writeFailed, interrupted bool) int {
	if interrupted {
		return ExitInterrupted
	}
	code := ExitOK
	for _, r := range recs {
		switch r.Status {
		case results.Invalid:
			return ExitUsage
		case results.Unreachable, results.Interrupted, results.NotChecked:
			code = ExitInfra
		case results.Refuted, results.Failed, results.Inconsistent:
			if code == ExitOK {
				code = ExitRefuted
			}
		}
	}
	if writeFailed {
		code = ExitInfra
	}
	return code
}
