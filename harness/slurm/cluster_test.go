package slurm_test

// The integration tests: real jobs on a real Slurm cluster (on CI, the
// single-node cluster .ci/slurm-up.sh starts). They skip, saying why, where
// there is none, so go test ./... passes on a laptop.

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/repro-harness/repro/harness/cli"
	"github.com/repro-harness/repro/harness/slurm"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// The jobs run this same binary as `repro worker`.
		"repro": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

// needCluster skips the test unless sbatch is on PATH and sinfo answers.
func needCluster(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("sbatch"); err != nil {
		t.Skip("skipping: sbatch is not on PATH, so there is no Slurm cluster to submit to (.ci/slurm-up.sh starts one)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := slurm.Ping(ctx, 5*time.Second); err != nil {
		t.Skipf("skipping: the Slurm controller does not answer: %v (.ci/slurm-up.sh starts one)", err)
	}
}

func TestCluster(t *testing.T) {
	needCluster(t)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPRO_CACHE", filepath.Join(env.WorkDir, ".cache"))
			env.Setenv("REPRO_MIRRORS", "https://github.com/="+filepath.Join(env.WorkDir, "mirror"))
			env.Setenv("REPRO_CONFIG", filepath.Join(env.WorkDir, "repro.yaml"))
			env.Setenv("HOME", env.WorkDir)
			// Leave no job behind, whatever the script did.
			env.Defer(func() {
				jobs, _ := slurm.Jobs(filepath.Join(env.WorkDir, "results"), nil)
				var ids []string
				for _, j := range jobs {
					if j.ID != "" {
						ids = append(ids, j.ID)
					}
				}
				(&slurm.Commands{Timeout: 10 * time.Second}).Cancel(context.Background(), ids)
			})
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkrepo":   cmdMkrepo,
			"waitfile": cmdWaitfile,
			"exits":    cmdExits,
		},
	})
}

// mkrepo SRC DST makes DST a git repository holding the files of SRC,
// committed with go-git at a fixed time; *.sh files are executable.
func cmdMkrepo(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mkrepo SRC DST")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	repo, err := git.PlainInit(dst, false)
	ts.Check(err)
	wt, err := repo.Worktree()
	ts.Check(err)
	ts.Check(filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if strings.HasSuffix(p, ".sh") {
			mode = 0o755
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, mode); err != nil {
			return err
		}
		_, err = wt.Add(filepath.ToSlash(rel))
		return err
	}))
	sig := &object.Signature{Name: "Fixture", Email: "fixture@example.com", When: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	_, err = wt.Commit("fixture", &git.CommitOptions{Author: sig, Committer: sig})
	ts.Check(err)
}

// exits N CMD ARGS... runs CMD like exec and asserts its exit status is N.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d; want %d", args[1], got, want)
	}
}

// waitfile PATH [SECONDS] waits (60 s by default) for PATH to exist.
func cmdWaitfile(ts *testscript.TestScript, neg bool, args []string) {
	limit := 60 * time.Second
	if len(args) > 1 {
		d, err := time.ParseDuration(args[1] + "s")
		ts.Check(err)
		limit = d
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("%s did not appear within %s", args[0], limit)
}
