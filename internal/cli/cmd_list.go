package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/repro-harness/repro/harness/report"
	"github.com/repro-harness/repro/harness/results"
)

func init() {
	register(command{name: "list", args: "[PAPER…]", summary: "one line per paper: its latest status", run: runList})
	register(command{name: "show", args: "PAPER", summary: "the latest record of one paper, readable", run: runShow})
	register(command{name: "history", args: "PAPER", summary: "a paper's records over time", run: runHistory})
}

func runList(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "list", "[PAPER…]", "Print one line per paper with a record: its latest status, commit, claims\nverified of total, and when it was checked.")
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: text or json")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if *format != "text" && *format != "json" {
		errorf(e, "list: unknown format %q: use text or json", *format)
		return ExitUsage
	}
	recs, err := results.Store{Dir: ws.results}.LatestAll(fs.Args())
	unreadable := warnUnreadable(e, "list", err)
	if err != nil && !unreadable {
		errorf(e, "list: %v", err)
		return ExitUsage
	}
	if len(recs) == 0 && *format == "text" && !unreadable {
		fmt.Fprintf(e.stderr, "no records in %s: run repro check first\n", ws.results)
		return ExitOK
	}
	var l report.Listing
	for _, p := range report.Build(recs).Papers {
		l.Entries = append(l.Entries, report.EntryOf(p))
	}
	if *format == "json" {
		err = report.ListJSON(e.stdout, l)
	} else {
		err = report.ListText(e.stdout, l, false)
	}
	if err != nil {
		errorf(e, "list: %v", err)
		return ExitInfra
	}
	if unreadable {
		return ExitInfra
	}
	return ExitOK
}

// warnUnreadable prints, for a LatestAll error that names unreadable
// records, one line per paper left out, and reports whether err was one.
func warnUnreadable(e *env, cmd string, err error) bool {
	var u *results.Unreadable
	if !errors.As(err, &u) {
		return false
	}
	for _, err := range u.Errs {
		errorf(e, "%s: %s (left out; the other papers are shown)", cmd, report.Printable(err.Error()))
	}
	return true
}

func runShow(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "show", "PAPER", "Print the latest record of PAPER: status, repository, audit, steps and claims.")
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: text or json (the record itself)")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 1 {
		errorf(e, "show: name one paper")
		return ExitUsage
	}
	rec, err := results.Store{Dir: ws.results}.Latest(fs.Arg(0))
	if err != nil {
		errorf(e, "show: %v", err)
		return ExitInfra
	}
	if rec == nil {
		if hint := ws.suggestRecord(fs.Arg(0)); hint != "" {
			errorf(e, "show: no record for %s in %s%s", fs.Arg(0), ws.results, hint)
			return ExitUsage
		}
		errorf(e, "show: no record for %s in %s: run repro check %s first", fs.Arg(0), ws.results, fs.Arg(0))
		return ExitUsage
	}
	switch *format {
	case "json":
		err = report.RecordJSON(e.stdout, rec)
	case "text":
		err = report.Show(e.stdout, rec)
	default:
		errorf(e, "show: unknown format %q: use text or json", *format)
		return ExitUsage
	}
	if err != nil {
		errorf(e, "show: %v", err)
		return ExitInfra
	}
	return ExitOK
}

func runHistory(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "history", "PAPER", "List PAPER's records, oldest first: time, status, commit, claims verified.")
	ws.flags(fs, e, false)
	format := fs.String("format", "text", "output `format`: text or json")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if *format != "text" && *format != "json" {
		errorf(e, "history: unknown format %q: use text or json", *format)
		return ExitUsage
	}
	if fs.NArg() != 1 {
		errorf(e, "history: name one paper")
		return ExitUsage
	}
	st := results.Store{Dir: ws.results}
	ids, err := st.History(fs.Arg(0))
	if err != nil {
		errorf(e, "history: %v", err)
		return ExitInfra
	}
	if len(ids) == 0 {
		errorf(e, "history: no record for %s in %s%s", fs.Arg(0), ws.results, ws.suggestRecord(fs.Arg(0)))
		return ExitUsage
	}
	var l report.Listing
	for _, id := range ids {
		rec, err := st.Read(fs.Arg(0), id)
		if err != nil {
			l.Entries = append(l.Entries, report.Entry{Paper: fs.Arg(0), Record: id, Error: err.Error()})
			continue
		}
		en := report.EntryOf(report.Build([]*results.Record{rec}).Papers[0])
		en.Record = id
		l.Entries = append(l.Entries, en)
	}
	if *format == "json" {
		err = report.ListJSON(e.stdout, l)
	} else {
		err = report.ListText(e.stdout, l, true)
	}
	if err != nil {
		errorf(e, "history: %v", err)
		return ExitInfra
	}
	return ExitOK
}
