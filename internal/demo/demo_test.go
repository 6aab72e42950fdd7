package demo

import (
	"os"
	"regexp"
	"testing"
)

// TestPin keeps the demo spec's pinned commit equal to the commit Build
// makes; after changing the demo's files, put the new id in demo/huffpack.yaml.
func TestPin(t *testing.T) {
	commit, err := Build(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	again, err := Build(t.TempDir())
	if err != nil || again != commit {
		t.Fatalf("Build twice = %s, %s (%v); want the same commit", commit, again, err)
	}
	spec, err := os.ReadFile("../../demo/huffpack.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`commit: ([0-9a-f]{40})`).FindSubmatch(spec)
	if m == nil || string(m[1]) != commit {
		t.Errorf("demo/huffpack.yaml pins %q; Build makes %s: update the spec", m, commit)
	}
}

func TestCorpusDeterministic(t *testing.T) {
	a, b := Corpus(4096), Corpus(4096)
	if string(a) != string(b) || len(a) != 4096 {
		t.Errorf("Corpus is not deterministic or not 4096 bytes")
	}
}
