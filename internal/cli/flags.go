package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// usageOf keeps what a command's help says besides its flags, and what to
// do once its flags are parsed (the workspace's project discovery), by
// flag set: flag.FlagSet has no room for either.
var usageOf sync.Map // *flag.FlagSet -> *flagMeta

type flagMeta struct {
	args, summary string
	after         []func() error
}

// newFlags makes a command's flag set. The flag package prints nothing:
// parse prints the help once, on stdout for --help and on stderr after a
// mistake.
func newFlags(e *env, c string, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	usageOf.Store(fs, &flagMeta{args: args, summary: summary})
	return fs
}

// afterParse runs f once fs's flags are parsed; an error from it is a
// usage error.
func afterParse(fs *flag.FlagSet, f func() error) {
	if m, ok := usageOf.Load(fs); ok {
		m.(*flagMeta).after = append(m.(*flagMeta).after, f)
	}
}

// printUsage writes a command's help: usage line, summary, flags in the
// --flag style, exit statuses.
func printUsage(w io.Writer, fs *flag.FlagSet) {
	m := &flagMeta{}
	if v, ok := usageOf.Load(fs); ok {
		m = v.(*flagMeta)
	}
	fmt.Fprintf(w, "Usage: repro %s %s\n\n%s\n", fs.Name(), m.args, m.summary)
	var lines [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		left := flagName(f.Name)
		if n, ok := placeholders[name]; ok {
			name = n
		}
		if name != "" {
			left += " " + name
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" && def != "[]" && !strings.Contains(usage, "(default") {
			if strings.ContainsAny(def, " \t") {
				def = fmt.Sprintf("%q", def)
			}
			usage += " (default " + def + ")"
		}
		lines = append(lines, [2]string{left, usage})
	})
	if len(lines) > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		width := 0
		for _, l := range lines {
			if n := len([]rune(l[0])); n > width && n <= 22 {
				width = n
			}
		}
		for _, l := range lines {
			if len([]rune(l[0])) > width {
				fmt.Fprintf(w, "  %s\n  %*s  %s\n", l[0], width, "", l[1])
				continue
			}
			fmt.Fprintf(w, "  %-*s  %s\n", width, l[0], l[1])
		}
	}
	fmt.Fprint(w, exitHelp)
}

// placeholders replace the flag package's type names in help, where a
// flag's usage text does not name its value.
var placeholders = map[string]string{"string": "VALUE", "int": "N", "uint": "N", "int64": "N", "duration": "DURATION", "float": "X", "value": "VALUE"}

// flagName spells a flag as it is documented: -j, --format.
func flagName(n string) string {
	if len(n) == 1 {
		return "-" + n
	}
	return "--" + n
}

// parse parses flags, allowing them after positional arguments too
// (repro check gdnet --format json). It returns -1 to go on, or an exit
// status: 0 after --help (printed on stdout), 2 after a mistake (the
// error and the help on stderr, so a mistyped flag in
// `repro report --fromat markdown >> summary.md` publishes nothing).
func parse(e *env, fs *flag.FlagSet, args []string) int {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(e.stdout, fs)
				return ExitOK
			}
			fmt.Fprintf(e.stderr, "repro %s: %s\n\n", fs.Name(), flagError(fs, err))
			printUsage(e.stderr, fs)
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
	if v, ok := usageOf.Load(fs); ok {
		for _, f := range v.(*flagMeta).after {
			if err := f(); err != nil {
				errorf(e, "%v", err)
				return ExitUsage
			}
		}
	}
	return -1
}

var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagMention   = regexp.MustCompile(`(flag|for|argument:) -([A-Za-z][A-Za-z0-9-]*)`)
)

// flagError rewords the flag package's errors in the --flag style, with a
// suggestion for a misspelt flag.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		sort.Strings(names)
		hint := ""
		if best := nearest(m[1], names); best != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", flagName(best))
		}
		return fmt.Sprintf("unknown flag %s%s", flagName(m[1]), hint)
	}
	return flagMention.ReplaceAllStringFunc(msg, func(s string) string {
		m := flagMention.FindStringSubmatch(s)
		return m[1] + " " + flagName(m[2])
	})
}
