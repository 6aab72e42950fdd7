package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/repro-harness/repro/internal/check"
)

func init() {
	register(command{name: "fetch", args: "[flags] PAPER…|--all", summary: "fetch papers' code and artifacts into the caches ahead of a check", run: runFetch})
}

// fetchSchema versions the JSON output of repro fetch.
const fetchSchema = 1

func runFetch(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "fetch", "[flags] PAPER…|--all", "Fetch each paper's repository at its pinned commit and its artifacts (data sets,\nweights) into the caches, verified, so that a later check needs no network:\nwhat a cluster's login node runs before compute nodes without internet check\nthe papers (REPRO_OFFLINE=1 there). Prints one line per repository and artifact.")
	ws.flags(fs, e, true)
	all := fs.Bool("all", false, "fetch for every spec in the specs folder")
	format := fs.String("format", "text", "output `format`: text or json")
	jobs := fs.Int("j", 4, "papers fetched concurrently")
	quiet := fs.Bool("q", false, "no progress lines")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if *format != "text" && *format != "json" {
		errorf(e, "fetch: unknown format %q: use text or json", *format)
		return ExitUsage
	}
	specs, bad, ok := ws.papers(e, "fetch", fs.Args(), *all)
	if !ok {
		return ExitUsage
	}
	cache, err := ws.gitCache(e)
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	prog := newProgress(e, *quiet || *format == "json")
	cache.ProgressFor = prog.transferWriter
	arts, err := ws.artifactCache(e, prog)
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	got := check.FetchAll(ctx, specs, check.Options{Cache: cache, Artifacts: arts, Progress: prog.update}, *jobs)
	prog.finish()
	failed := false
	if *format == "json" {
		out, _ := json.MarshalIndent(struct {
			Schema int           `json:"schema"`
			Papers []check.Fetch `json:"papers"`
		}{fetchSchema, got}, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", out)
	}
	for _, f := range got {
		if *format == "text" {
			if r := f.Repository; r != nil {
				fmt.Fprintf(e.stdout, "%-24s code      %-20s %.12s from %s\n", f.Paper, "", r.Commit, r.Source)
			}
			for _, a := range f.Artifacts {
				fmt.Fprintf(e.stdout, "%-24s artifact  %-20s %.12s %s from %s\n", f.Paper, a.Name, a.SHA256, bytesText(a.Size), a.From)
			}
		}
		for _, msg := range f.Errors {
			errorf(e, "%s: %s", f.Paper, msg)
			failed = true
		}
	}
	switch {
	case ctx.Err() != nil:
		return ExitInterrupted
	case len(bad) > 0:
		return ExitUsage
	case failed:
		return ExitInfra
	}
	return ExitOK
}
