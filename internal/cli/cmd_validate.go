package cli

import (
	"context"
	"fmt"
)

func init() {
	register(command{name: "validate", args: "[PATH|PAPER…]", summary: "check specs and report every problem as file:line:col", run: runValidate})
}

func runValidate(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "validate", "[PATH|PAPER…]", "Validate specs (default: every spec in the specs folder). Every problem is\nprinted as file:line:col: message; the exit status is 2 if there is any.")
	ws.flags(fs, e, false)
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	paths, err := ws.specPaths(fs.Args(), fs.NArg() == 0)
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	good, bad := loadSpecs(paths)
	for _, p := range bad {
		fmt.Fprintln(e.stderr, p.Error())
	}
	if len(bad) > 0 {
		files := map[string]bool{}
		for _, p := range bad {
			files[p.File] = true
		}
		fmt.Fprintf(e.stderr, "repro: %d %s in %d of %d specs\n", len(bad), plural(len(bad), "problem"), len(files), len(paths))
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "%d %s valid\n", len(good), plural(len(good), "spec"))
	return ExitOK
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}
