package cli

import (
	"fmt"

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
