package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

func init() {
	register(command{name: "completion", args: "bash|zsh|fish", summary: "print a shell completion script", run: runCompletion})
	register(command{name: "__complete", args: "commands|flags CMD|args CMD", summary: "completion candidates, one a line (used by the completion scripts)", run: runComplete, hidden: true})
}

func runCompletion(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "completion", "bash|zsh|fish", `Print a completion script for SHELL. It completes commands, flags and paper
ids (of the project found from the current folder) by asking repro itself.

  bash:  source <(repro completion bash)        # in ~/.bashrc
  zsh:   source <(repro completion zsh)         # in ~/.zshrc, after compinit
  fish:  repro completion fish > ~/.config/fish/completions/repro.fish`)
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 1 {
		errorf(e, "completion: name one shell: bash, zsh or fish")
		return ExitUsage
	}
	script, ok := completionScripts[fs.Arg(0)]
	if !ok {
		errorf(e, "completion: unknown shell %q%s: use bash, zsh or fish", fs.Arg(0), didYouMean(fs.Arg(0), []string{"bash", "zsh", "fish"}))
		return ExitUsage
	}
	io.WriteString(e.stdout, script)
	return ExitOK
}

// runComplete prints candidates for the completion scripts: the commands,
// a command's flags (read from its own --help, so they cannot drift), or
// the arguments a command takes (paper ids, shells, commands).
func runComplete(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		return ExitUsage
	}
	var out []string
	switch args[0] {
	case "commands":
		for _, c := range commands {
			if !c.hidden {
				out = append(out, c.name)
			}
		}
		out = append(out, "help", "version")
	case "flags":
		if len(args) < 2 || findCommand(args[1]) == nil {
			return ExitOK
		}
		var help bytes.Buffer
		Main(ctx, []string{args[1], "--help"}, &help, io.Discard)
		for _, m := range helpFlag.FindAllStringSubmatch(help.String(), -1) {
			out = append(out, m[1])
		}
		out = append(out, "--help")
	case "args":
		if len(args) < 2 {
			return ExitOK
		}
		switch args[1] {
		case "completion":
			out = []string{"bash", "fish", "zsh"}
		case "help":
			return runComplete(ctx, e, []string{"commands"})
		case "check", "validate", "show", "history", "list", "report", "cancel":
			out = paperIDs()
		}
	}
	sort.Strings(out)
	fmt.Fprintln(e.stdout, strings.Join(out, "\n"))
	return ExitOK
}

var helpFlag = regexp.MustCompile(`(?m)^  (--?[A-Za-z][A-Za-z0-9-]*)`)

// paperIDs lists the spec ids of the project found from here, or none.
func paperIDs() []string {
	var ws workspace
	fs := newFlags(&env{stdout: io.Discard, stderr: io.Discard}, "__complete", "", "")
	ws.flags(fs, nil, false)
	if ws.discover(fs) != nil || ws.outside != "" {
		return nil
	}
	paths, err := specsIn(ws.specs)
	if err != nil {
		return nil
	}
	var ids []string
	for _, p := range paths {
		ids = append(ids, strings.TrimSuffix(strings.TrimSuffix(p[strings.LastIndexAny(p, `/\`)+1:], ".yaml"), ".yml"))
	}
	return ids
}

var completionScripts = map[string]string{
	"bash": `# bash completion for repro: source <(repro completion bash)
_repro() {
	local cur=${COMP_WORDS[COMP_CWORD]} what
	if [ "$COMP_CWORD" -eq 1 ]; then
		what=$(repro __complete commands 2>/dev/null)
	elif [[ $cur == -* ]]; then
		what=$(repro __complete flags "${COMP_WORDS[1]}" 2>/dev/null)
	else
		what=$(repro __complete args "${COMP_WORDS[1]}" 2>/dev/null)
	fi
	COMPREPLY=($(compgen -W "$what" -- "$cur"))
}
complete -o default -F _repro repro
`,
	"zsh": `#compdef repro
# zsh completion for repro: source <(repro completion zsh) after compinit,
# or save it as _repro in a folder of $fpath.
_repro() {
	local -a what
	if (( CURRENT == 2 )); then
		what=(${(f)"$(repro __complete commands 2>/dev/null)"})
	elif [[ ${words[CURRENT]} == -* ]]; then
		what=(${(f)"$(repro __complete flags ${words[2]} 2>/dev/null)"})
	else
		what=(${(f)"$(repro __complete args ${words[2]} 2>/dev/null)"})
	fi
	compadd -a what
	(( CURRENT > 2 )) && _files
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_repro "$@"
else
	compdef _repro repro
fi
`,
	"fish": `# fish completion for repro: repro completion fish > ~/.config/fish/completions/repro.fish
complete -c repro -n __fish_use_subcommand -f -a '(repro __complete commands 2>/dev/null)'
complete -c repro -n 'not __fish_use_subcommand' -a '(repro __complete args (commandline -opc)[2] 2>/dev/null)'
complete -c repro -n 'not __fish_use_subcommand; and string match -q -- "-*" (commandline -ct)' -f -a '(repro __complete flags (commandline -opc)[2] 2>/dev/null)'
`,
}
