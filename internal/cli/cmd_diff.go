package cli

import (
	"context"
	"os"

	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
)

func init() {
	register(command{name: "diff", args: "[OLD [NEW]]", summary: "compare two result sets; exit 1 on a regression", run: runDiff})
}

func runDiff(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "diff", "[OLD [NEW]]", `Compare two result sets claim by claim and paper by paper: regressions (a
claim verified before is refuted or error now; a paper moved down the status
ladder), improvements, other changes, new and removed papers.

OLD and NEW are each a results folder or a git revision of the results
folder (--results) in the repository that holds it; a folder wins when a
name is both. OLD defaults to HEAD, NEW to the results folder as it is
on disk. Exit status 1 when anything regressed.`)
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: text or json")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() > 2 {
		errorf(e, "diff: too many arguments: give at most OLD and NEW")
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		errorf(e, "diff: unknown format %q: use text or json", *format)
		return ExitUsage
	}
	if fs.NArg() < 2 && ws.outside != "" && !isDir(ws.results) {
		errorf(e, "diff: %v", ws.notInProject())
		return ExitUsage
	}
	oldName, newName := "HEAD", ws.results
	if fs.NArg() > 0 {
		oldName = fs.Arg(0)
	}
	if fs.NArg() > 1 {
		newName = fs.Arg(1)
	}
	load := func(name string) (*report.Report, error) {
		var recs []*results.Record
		var err error
		if st, serr := os.Stat(name); serr == nil && st.IsDir() {
			recs, err = results.Store{Dir: name}.LatestAll(nil)
		} else {
			recs, err = report.RecordsAt(ws.results, name)
		}
		if err != nil {
			return nil, err
		}
		return report.Build(recs), nil
	}
	oldR, err := load(oldName)
	if err != nil {
		errorf(e, "diff: %v", err)
		return ExitUsage
	}
	newR, err := load(newName)
	if err != nil {
		errorf(e, "diff: %v", err)
		return ExitUsage
	}
	d := report.Compare(oldR, newR)
	d.Old, d.New = oldName, newName
	if *format == "json" {
		err = report.DiffJSON(e.stdout, d)
	} else {
		err = report.DiffText(e.stdout, d)
	}
	if err != nil {
		errorf(e, "diff: %v", err)
		return ExitInfra
	}
	if d.Regressed() {
		return ExitRefuted
	}
	return ExitOK
}
