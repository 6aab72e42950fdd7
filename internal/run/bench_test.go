//go:build linux

package run

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/repro-harness/repro/internal/demo"
	"github.com/repro-harness/repro/internal/sandbox"
)

// BenchmarkStep measures what a runtime adds to a step: the same no-op
// step and the same demo step (huffpack encoding its corpus, built once
// beforehand so that no compiler runs in the loop) bare, in bwrap and in
// podman, side by side. Compare each runtime's ns/op with none's.
func BenchmarkStep(b *testing.B) {
	dir := b.TempDir()
	tree := filepath.Join(dir, "huffpack")
	if _, err := demo.Build(dir); err != nil {
		b.Fatal(err)
	}
	if _, err := exec.LookPath("go"); err != nil {
		b.Skip("go not found: the demo step is built with it")
	}
	build := exec.Command("go", "build", "-o", "huffpack", ".")
	build.Dir = tree
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build huffpack: %v: %s", err, out)
	}
	runtimes := []struct {
		name string
		get  func(testing.TB) (sandbox.Runtime, string)
	}{
		{"none", func(testing.TB) (sandbox.Runtime, string) { return sandbox.Bare{}, "" }},
		{"bwrap", func(t testing.TB) (sandbox.Runtime, string) { return bwrapOrSkip(t), "" }},
		{"podman", func(t testing.TB) (sandbox.Runtime, string) {
			o := ociOrSkip(t, "podman")
			return o, busyboxImage(t, o)
		}},
		{"docker", func(t testing.TB) (sandbox.Runtime, string) {
			o := ociOrSkip(t, "docker")
			return o, busyboxImage(t, o)
		}},
	}
	for _, st := range []struct{ name, cmd string }{
		{"noop", "true"},
		{"demo", "./huffpack -corpus corpus -out metrics.json"},
	} {
		for _, rt := range runtimes {
			b.Run(st.name+"/"+rt.name, func(b *testing.B) {
				r, image := rt.get(b)
				logs := b.TempDir()
				for i := 0; i < b.N; i++ {
					res := Exec(context.Background(), Step{Name: "s", Command: st.cmd, Dir: tree, LogDir: logs,
						Runtime: r, Image: image, RunID: "bench", ID: NewID("repro-bench"), Timeout: 5 * time.Minute})
					if !res.OK() {
						b.Fatalf("step %q in %s: exit %d: %s %v", st.cmd, rt.name, res.ExitCode, res.Tail, res.Err)
					}
				}
			})
		}
	}
}
