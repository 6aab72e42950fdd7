package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit statuses, part of the interface (documented in cmd/repro/doc.go).
const (
	ExitOK          = 0 // everything checked out
	ExitRefuted     = 1 // a claim was refuted, a step failed, or a regression
	ExitUsage       = 2 // bad command line or invalid spec
	ExitInfra       = 3 // repository unreachable, missing commit, results not writable
	ExitInterrupted = 130
)

// Version is the harness version recorded in every run record.
var Version = "0.1.0"

// env is what a command sees of its process: streams and environment.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// stdoutTTY says whether stdout is a terminal (colour, live progress).
	stdoutTTY bool
	stderrTTY bool
}

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, e *env, args []string) int
	// hidden commands (repro worker) are left out of the usage.
	hidden bool
}

var commands []command

func register(c command) { commands = append(commands, c) }

// Main runs repro with args (without the program name) and returns the
// exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, getenv: os.Getenv, stdoutTTY: isTerminal(stdout), stderrTTY: isTerminal(stderr)}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			return Main(ctx, []string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintf(stdout, "repro %s\n", Version)
		return ExitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "repro: unknown command %q; run 'repro help' for the list\n", args[0])
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "repro checks research papers' claims against their code.\n\nUsage: repro <command> [flags] [args]\n\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		if c.hidden {
			continue
		}
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, exitHelp)
	fmt.Fprintln(w, "\nRun 'repro <command> -h' for a command's flags.")
}

const exitHelp = `
Exit status:
  0    every paper checked out (no claim refuted, no step failed)
  1    a claim was refuted, a step failed, or (diff) a regression
  2    usage error or invalid spec
  3    infrastructure failure: repository unreachable, commit missing, results not writable
  130  interrupted (Ctrl-C); the record says "interrupted"
`

// newFlags makes a command's flag set; -h prints its usage to stdout.
func newFlags(e *env, c string, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "Usage: repro %s %s\n\n%s\n\nFlags:\n", c, args, summary)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprint(e.stdout, exitHelp)
	}
	return fs
}

// parse parses flags, allowing them after positional arguments too
// (repro check gdnet --format json). It returns -1 to go on, or an exit status.
func parse(e *env, fs *flag.FlagSet, args []string) int {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return ExitOK
			}
			fmt.Fprintf(e.stderr, "repro %s: %v\n", fs.Name(), err)
			fmt.Fprintf(e.stderr, "run 'repro %s -h' for usage\n", fs.Name())
			return ExitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	fs.Parse(append([]string{"--"}, pos...))
	return -1
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func errorf(e *env, format string, args ...any) {
	fmt.Fprintf(e.stderr, "repro: "+format+"\n", args...)
}
