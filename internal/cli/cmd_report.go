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
	register(command{name: "report", args: "[--format F] [-o PATH] [--since REV] [PAPER…]", summary: "claimed versus verified over the latest records", run: runReport})
}

func runReport(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "report", "[--format F] [-o PATH] [--since REV] [PAPER…]", "Tabulate claimed versus verified over the latest record of each paper\n(or of the named papers). --format html writes a static site into the\nfolder -o names: index.html, papers/<id>.html, badges/<id>.svg, logs/.")
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: "+strings.Join(formatNames(), ", "))
	out := fs.String("o", "", "write to `PATH` instead of stdout (a folder for html)")
	since := fs.String("since", "", "mark papers and claims that changed since git revision `REV` of the results folder")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	render, ok := rendererFor(e, *format)
	if !ok && *format != siteFormat {
		errorf(e, "report: unknown format %q: use %s", *format, strings.Join(formatNames(), ", "))
		return ExitUsage
	}
	if *format == siteFormat && *out == "" {
		errorf(e, "report: --format html writes a folder: name it with -o (e.g. -o site)")
		return ExitUsage
	}
	recs, err := results.Store{Dir: ws.results}.LatestAll(fs.Args())
	unreadable := warnUnreadable(e, "report", err)
	if err != nil && !unreadable {
		errorf(e, "report: %v", err)
		return ExitUsage
	}
	done := ExitOK
	if unreadable {
		done = ExitInfra // the report was written, without those papers
	}
	r := report.Build(recs)
	if err := report.ClearRan(r, results.Store{Dir: ws.results}.RanSteps); err != nil {
		errorf(e, "report: %v", err)
		return ExitUsage
	}
	report.AttachSpecs(r, paperLinks(ws.specs))
	if *since != "" {
		old, err := report.RecordsAt(ws.results, *since)
		if err != nil {
			errorf(e, "report: --since: %v", err)
			return ExitUsage
		}
		report.MarkChanged(r, report.Build(old))
	}
	if *format == siteFormat {
		if err := report.Site(*out, r, report.SiteOptions{Results: ws.results}); err != nil {
			errorf(e, "report: %v", err)
			return ExitInfra
		}
		return done
	}
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
	return done
}

// paperLinks reads links.paper from the specs folder, when there is one;
// a spec that does not load just has no link in the report.
func paperLinks(dir string) map[string]string {
	links := map[string]string{}
	paths, err := specsIn(dir)
	if err != nil {
		return links
	}
	specs, _ := loadSpecs(paths)
	for _, s := range specs {
		links[s.ID] = s.Links.Paper
	}
	return links
}

func formatNames() []string {
	ns := []string{siteFormat}
	for n := range renderers {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}
