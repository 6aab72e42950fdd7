package slurm_test

// The integration tests: real jobs on a real Slurm cluster (on CI, the
// single-node cluster .ci/slurm-up.sh starts). They skip, saying why, where
// there is none, so go test ./... passes on a laptop.

import (
	"context"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/repro-harness/repro/internal/cli"
	"github.com/repro-harness/repro/internal/scripttest"
	"github.com/repro-harness/repro/internal/slurm"
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
		Cmds: scripttest.Commands(),
	})
}
