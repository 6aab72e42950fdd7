package main

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/repro-harness/repro/internal/cli"
)

// TestManualListsEveryCommand keeps the manual (doc.go) and repro help in
// step: every command help lists is in the manual's usage, and back.
func TestManualListsEveryCommand(t *testing.T) {
	var help bytes.Buffer
	if code := cli.Main(t.Context(), []string{"help"}, &help, &help); code != 0 {
		t.Fatalf("repro help = %d; want 0", code)
	}
	helpCmds := commandsIn(regexp.MustCompile(`(?m)^  ([a-z]+) `), help.String())
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	docCmds := commandsIn(regexp.MustCompile(`(?m)^//\trepro ([a-z]+)`), string(doc))
	for _, c := range helpCmds {
		if !slices.Contains(docCmds, c) {
			t.Errorf("repro help lists %q; doc.go does not", c)
		}
	}
	for _, c := range docCmds {
		if c != "help" && c != "version" && !slices.Contains(helpCmds, c) {
			t.Errorf("doc.go lists %q; repro help does not", c)
		}
	}
}

func commandsIn(re *regexp.Regexp, s string) []string {
	var cs []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(cs, m[1]) {
			cs = append(cs, m[1])
		}
	}
	return cs
}
