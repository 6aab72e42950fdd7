package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/repro-harness/repro/internal/scripttest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"repro": func() {
			ctx, stop := SignalContext()
			code := Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Keep the user's cache and mirrors out of the tests.
			env.Setenv("REPRO_CACHE", filepath.Join(env.WorkDir, ".cache"))
			env.Setenv("REPRO_MIRRORS", "")
			env.Setenv("HOME", env.WorkDir)
			for _, k := range []string{"GOPATH", "GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GOTOOLCHAIN"} {
				if v := os.Getenv(k); v != "" {
					env.Setenv(k, v)
				}
			}
			if os.Getenv("GOCACHE") == "" {
				if d, err := os.UserCacheDir(); err == nil {
					env.Setenv("GOCACHE", filepath.Join(d, "go-build"))
				}
			}
			return nil
		},
		Cmds:      scripttest.Commands(),
		Condition: scripttest.Condition,
	})
}
