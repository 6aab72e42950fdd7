package cli

import (
	"context"
	"os"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
)

func init() {
	register(command{name: "report", args: "[--format F] [-o PATH] [PAPER…]", summary: "claimed versus verified over the latest records", run: runReport})
}

func runReport(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "report", "[--format F] [-o PATH] [PAPER…]", "Tabulate claimed versus verified over the latest record of each paper\n(or of the named papers).")
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: "+strings.Join(formatNames(), ", "))
	out := fs.String("o", "", "write to `PATH` instead of stdout (a folder for html)")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	render, ok := renderers[*format]
	if !ok {
		errorf(e, "report: unknown format %q: use %s", *format, strings.Join(formatNames(), ", "))
		return ExitUsage
	}
	recs, err := results.Store{Dir: ws.results}.LatestAll(fs.Args())
	if err != nil {
		errorf(e, "report: %v", err)
		return ExitUsage
	}
	r := report.Build(recs)
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			errorf(e, "report: %v", err)
			return ExitInfra
		}
		defer f.Close()
		w = f
	}
	if err := render(w, r); err != nil {
		errorf(e, "report: %v", err)
		return ExitInfra
	}
	return ExitOK
}

func formatNames() []string {
	var ns []string
	for n := range renderers {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}
