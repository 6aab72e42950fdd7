package cli

import (
	"context"
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
	if len(args) == 0 {
		// A bare "repro" is a mistake: the usage goes where errors go.
		usage(stderr)
		return ExitUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if findCommand(args[1]) == nil {
				unknownCommand(e, args[1])
				return ExitUsage
			}
			return Main(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintf(stdout, "repro %s\n", Version)
		return ExitOK
	}
	if c := findCommand(args[0]); c != nil {
		stop, err := profile(e)
		defer stop()
		if err != nil {
			fmt.Fprintf(stderr, "repro: %v\n", err)
			return ExitUsage
		}
		return c.run(ctx, e, args[1:])
	}
	unknownCommand(e, args[0])
	return ExitUsage
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func unknownCommand(e *env, name string) {
	var names []string
	for _, c := range commands {
		if !c.hidden {
			names = append(names, c.name)
		}
	}
	names = append(names, "help", "version")
	fmt.Fprintf(e.stderr, "repro: unknown command %q%s; run 'repro help' for the list\n", name, didYouMean(name, names))
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
	fmt.Fprintln(w, "\nRun 'repro help <command>' or 'repro <command> --help' for a command's flags.")
}

const exitHelp = `
Exit status:
  0    every paper checked out (no claim refuted, no step failed)
  1    a claim was refuted, a step failed, or (diff) a regression
  2    usage error or invalid spec
  3    infrastructure failure: repository unreachable, commit missing, results not writable
  130  interrupted (Ctrl-C); the record says "interrupted"
`

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func errorf(e *env, format string, args ...any) {
	fmt.Fprintf(e.stderr, "repro: "+format+"\n", args...)
}
