package cli

import (
	"context"
	"fmt"

	"github.com/repro-harness/repro/internal/demo"
)

func init() {
	register(command{name: "demo", args: "[DIR]", summary: "build the demo paper's git repository under DIR (default .demo/mirror/repro-demo)", run: runDemo})
}

func runDemo(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "demo", "[DIR]", "Build the demo paper's git repository (huffpack) under DIR, with a fixed\ncommit id, so that `repro check` can fetch it through a mirror:\n\n  repro check --specs demo --mirror https://github.com/repro-demo/=DIR huffpack")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	dir := ".demo/mirror/repro-demo"
	if fs.NArg() > 1 {
		errorf(e, "demo: give at most one folder")
		return ExitUsage
	}
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	commit, err := demo.Build(dir)
	if err != nil {
		errorf(e, "demo: %v", err)
		return ExitInfra
	}
	fmt.Fprintf(e.stdout, "built %s at %s (commit %s)\n", demo.URL, dir+"/huffpack", commit)
	return ExitOK
}
