package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/slurm"
)

// loadConfig reads $REPRO_CONFIG, which must exist when set, or else
// repro.yaml in the current folder when there is one.
func loadConfig(e *env) (*slurm.File, error) {
	if p := e.getenv("REPRO_CONFIG"); p != "" {
		return slurm.ReadFile(p, true)
	}
	return slurm.ReadFile("repro.yaml", false)
}

// executorOf picks the executor: the --executor flag, then
// REPRO_EXECUTOR (the flag's default), then the config file, then local.
func executorOf(flag string, cfg *slurm.File) (string, error) {
	x := flag
	if x == "" {
		x = cfg.Executor
	}
	switch x {
	case "", "local":
		return "local", nil
	case "slurm":
		return x, nil
	}
	return "", fmt.Errorf("check: unknown executor %q: use local or slurm", x)
}

// checkSlurm checks papers as Slurm jobs. Trees go under the cache's work
// folder even with --keep: the compute nodes must see them.
func checkSlurm(ctx context.Context, specs []*spec.Spec, o check.Options, cfg slurm.Config, parallel int) ([]*results.Record, []error) {
	if _, err := exec.LookPath("sbatch"); err != nil {
		return nil, []error{errors.New("executor slurm: sbatch is not on PATH: run on a Slurm submit host, or use --executor local")}
	}
	bin := cfg.Repro
	if bin == "" {
		var err error
		if bin, err = os.Executable(); err != nil {
			return nil, []error{fmt.Errorf("executor slurm: find the repro binary for the jobs: %w (set slurm.repro)", err)}
		}
	}
	o.WorkDir = filepath.Join(o.Cache.Dir, "work")
	return slurm.Check(ctx, specs, slurm.Options{
		Check: o, Config: cfg, Cluster: &slurm.Commands{}, Repro: bin,
		JobsDir: filepath.Join(o.Cache.Dir, "slurm"), Parallel: parallel,
	})
}
