package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// The benchmarks of the CLI run repro in this process (Main), each against
// a reference measured in the same iterations, and report the ratio.
// Sizes: REPRO_BENCH_CHECK_SIZE for the warm check (default small, see
// gitgen.ParseSize), REPRO_BENCH_ITEMS for validate and report (10000).

func mustMain(b *testing.B, want int, args ...string) {
	b.Helper()
	var stderr strings.Builder
	if got := Main(context.Background(), args, io.Discard, &stderr); got != want {
		b.Fatalf("repro %s = %d; want %d\n%s", strings.Join(args, " "), got, want, stderr.String())
	}
}

func needGit(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
}

func gitCmd(b *testing.B, env []string, args ...string) {
	b.Helper()
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

const benchSpec = `schema: 1
id: %s
title: Generated paper %s
repository: {url: https://bench.example/o/%s, commit: %s}
claims:
  - {id: ratio, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
%s`

// BenchmarkCheckWarm times `repro check --audit-only` of a pinned commit
// already in the cache against the git CLI doing the same work on a clone:
// git fetch (nothing new), git checkout into an empty work tree, and
// reading every file.
func BenchmarkCheckWarm(b *testing.B) {
	needGit(b)
	size, err := gitgen.ParseSize(os.Getenv("REPRO_BENCH_CHECK_SIZE"), gitgen.Small)
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	mirror := filepath.Join(root, "mirror")
	head, err := gitgen.Generate(context.Background(), filepath.Join(mirror, "o", "big.git"), size)
	if err != nil {
		b.Fatal(err)
	}
	specs := filepath.Join(root, "specs")
	os.Mkdir(specs, 0o755)
	os.WriteFile(filepath.Join(specs, "big.yaml"), fmt.Appendf(nil, benchSpec, "big", "big", "big", head, ""), 0o644)
	args := []string{"check", "-q", "--audit-only", "--format", "json", "--specs", specs,
		"--results", filepath.Join(root, "results"), "--cache", filepath.Join(root, "cache"),
		"--mirror", "https://bench.example/=" + mirror, "big"}
	mustMain(b, ExitOK, args...) // warm the cache
	clone := filepath.Join(root, "clone")
	gitCmd(b, nil, "clone", "-q", "--no-checkout", "file://"+filepath.Join(mirror, "o", "big.git"), clone)

	var repro, ref time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		mustMain(b, ExitOK, args...)
		repro += time.Since(start)

		wt := filepath.Join(root, "wt")
		os.Mkdir(wt, 0o755)
		start = time.Now()
		gitCmd(b, nil, "-C", clone, "fetch", "-q", "origin")
		gitCmd(b, []string{"GIT_INDEX_FILE=" + filepath.Join(root, "index")}, "--git-dir", filepath.Join(clone, ".git"), "--work-tree", wt, "checkout", "-q", "-f", head, "--", ".")
		if err := readAll(wt); err != nil {
			b.Fatal(err)
		}
		ref += time.Since(start)
		b.StopTimer()
		os.RemoveAll(wt)
		os.Remove(filepath.Join(root, "index"))
		b.StartTimer()
	}
	b.ReportMetric(repro.Seconds()/float64(b.N), "s-repro")
	b.ReportMetric(ref.Seconds()/float64(b.N), "s-git")
	b.ReportMetric(repro.Seconds()/ref.Seconds(), "x-repro/git")
}

// BenchmarkCheckWarmVsCold is the catalogue comparison on a generated
// repository of REPRO_BENCH_CHECK_SIZE (BenchmarkCatalogue measures the
// real catalogue where its mirrors are present): each iteration checks the
// paper --audit-only three ways in turn and reports the ratios: cold
// (empty cache: fetch, checkout, audit), warm tree (the repository cached,
// the audit cache emptied: what a warm re-check cost before audits were
// cached) and warm (everything cached).
func BenchmarkCheckWarmVsCold(b *testing.B) {
	needGit(b)
	if os.Getenv("REPRO_BENCH_MIRRORS") != "" {
		b.Skip("REPRO_BENCH_MIRRORS is set: BenchmarkCatalogue measures the mirrors")
	}
	root := b.TempDir()
	specs := filepath.Join(root, "specs")
	os.Mkdir(specs, 0o755)
	size, err := gitgen.ParseSize(os.Getenv("REPRO_BENCH_CHECK_SIZE"), gitgen.Small)
	if err != nil {
		b.Fatal(err)
	}
	mirror := filepath.Join(root, "mirror")
	head, err := gitgen.Generate(context.Background(), filepath.Join(mirror, "o", "big.git"), size)
	if err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(specs, "big.yaml"), fmt.Appendf(nil, benchSpec, "big", "big", "big", head, ""), 0o644)
	cache := filepath.Join(root, "cache")
	args := []string{"check", "-q", "--all", "--audit-only", "-j", "1", "--format", "json", "--specs", specs,
		"--results", filepath.Join(root, "results"), "--cache", cache,
		"--mirror", "https://bench.example/=" + strings.TrimRight(mirror, "/") + "/"}
	run := func() { mustMain(b, ExitOK, args...) }
	var cold, tree, warm time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.RemoveAll(cache)
		b.StartTimer()
		start := time.Now()
		run()
		cold += time.Since(start)

		b.StopTimer()
		os.RemoveAll(filepath.Join(cache, "audit"))
		b.StartTimer()
		start = time.Now()
		run()
		tree += time.Since(start)

		start = time.Now()
		run()
		warm += time.Since(start)
	}
	b.ReportMetric(cold.Seconds()/float64(b.N), "s-cold")
	b.ReportMetric(tree.Seconds()/float64(b.N), "s-warm-tree")
	b.ReportMetric(warm.Seconds()/float64(b.N), "s-warm")
	b.ReportMetric(cold.Seconds()/warm.Seconds(), "x-cold/warm")
	b.ReportMetric(tree.Seconds()/warm.Seconds(), "x-warm-tree/warm")
}

func readAll(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = os.ReadFile(p)
		return err
	})
}

// BenchmarkCheckJobs checks 42 generated papers (one small repository
// each, a step that computes for a while) from a warm cache with -j 1 and
// -j 2 in each iteration, and reports the speed-up.
func BenchmarkCheckJobs(b *testing.B) {
	needGit(b)
	root := b.TempDir()
	mirror := filepath.Join(root, "mirror")
	specs := filepath.Join(root, "specs")
	os.Mkdir(specs, 0o755)
	step := `reproduce:
  steps:
    - {name: eval, run: "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo ratio=2"}
  measure:
    - {claim: ratio, stdout: 'ratio=([0-9.]+)'}
`
	for i := 0; i < 42; i++ {
		id := fmt.Sprintf("paper-%02d", i)
		head, err := gitgen.Generate(context.Background(), filepath.Join(mirror, "o", id+".git"), gitgen.Size{Commits: 3 + i, Files: 40, Bytes: 200 << 10})
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(specs, id+".yaml"), fmt.Appendf(nil, benchSpec, id, id, id, head, step), 0o644)
	}
	args := func(j int) []string {
		return []string{"check", "-q", "--all", "-j", fmt.Sprint(j), "--format", "json", "--specs", specs,
			"--results", filepath.Join(root, "results"), "--cache", filepath.Join(root, "cache"),
			"--mirror", "https://bench.example/=" + mirror}
	}
	mustMain(b, ExitOK, args(2)...) // warm the cache
	var one, two time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		mustMain(b, ExitOK, args(1)...)
		one += time.Since(start)
		start = time.Now()
		mustMain(b, ExitOK, args(2)...)
		two += time.Since(start)
	}
	b.ReportMetric(one.Seconds()/float64(b.N), "s-j1")
	b.ReportMetric(two.Seconds()/float64(b.N), "s-j2")
	b.ReportMetric(one.Seconds()/two.Seconds(), "x-speedup-j2/j1")
}

func benchItems() int {
	var n int
	if _, err := fmt.Sscan(os.Getenv("REPRO_BENCH_ITEMS"), &n); err != nil || n < 1 {
		return 10000
	}
	return n
}

const validateSpec = `schema: 1
id: %s
title: "Paper %s: a generated spec of realistic size"
published: 2025-06-09
links:
  paper: https://arxiv.org/abs/2506.07932
repository:
  url: https://github.com/owner/%s
  commit: 0123456789abcdef0123456789abcdef01234567
claims:
  - id: mesh-ratio
    quote: 'compression ratios of up to 2187x for textured meshes'
    metric: compression_ratio
    value: 2187
    unit: x
    bound: up-to
    better: higher
    context: textured meshes
  - id: psnr
    quote: 'within 0.3 dB of the baseline'
    metric: psnr
    value: 0.3
    unit: dB
    bound: at-most
    better: lower
    tolerance: "0.05"
  - id: speed
    quote: '2x-5x faster'
    metric: speedup
    min: 2
    max: 5
    unit: x
    bound: range
    better: higher
reproduce:
  requires: {gpus: 1, gpu_memory: 24GB, memory: 32GB, time: 2h}
  steps:
    - {name: setup, run: "pip install -r requirements.txt", timeout: 20m}
    - {name: eval, run: "python eval.py --out metrics.json", timeout: 2h}
  measure:
    - {claim: mesh-ratio, file: metrics.json, json: compression.textured_mesh}
    - {claim: psnr, file: metrics.json, json: psnr_delta}
    - {claim: speed, stdout: 'speedup=([0-9.]+)'}
`

// allocs returns the bytes allocated by f.
func allocs(f func()) uint64 {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	return m1.TotalAlloc - m0.TotalAlloc
}

// BenchmarkValidate runs `repro validate` over REPRO_BENCH_ITEMS generated
// specs; the reference reads each file and decodes it into a generic map
// with yaml.v3 (the floor under any strict decoder built on it).
func BenchmarkValidate(b *testing.B) {
	n := benchItems()
	dir := b.TempDir()
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("p%05d", i)
		if err := os.WriteFile(filepath.Join(dir, id+".yaml"), fmt.Appendf(nil, validateSpec, id, id, id), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	mustMain(b, ExitOK, "validate", dir)
	var repro, ref time.Duration
	var bytes uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		bytes += allocs(func() { mustMain(b, ExitOK, "validate", dir) })
		repro += time.Since(start)
		start = time.Now()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			var m map[string]any
			if err == nil {
				err = yaml.Unmarshal(data, &m)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		ref += time.Since(start)
	}
	items := float64(b.N * n)
	b.ReportMetric(float64(repro.Microseconds())/items, "µs/spec")
	b.ReportMetric(float64(bytes)/items, "B/spec")
	b.ReportMetric(float64(ref.Microseconds())/items, "µs/spec-yaml-ref")
	b.ReportMetric(repro.Seconds()/ref.Seconds(), "x-repro/ref")
}

// BenchmarkReport runs `repro report --format markdown` over the latest
// records of REPRO_BENCH_ITEMS papers (one record each); the reference
// reads each record file and decodes it with encoding/json.
func BenchmarkReport(b *testing.B) {
	n := benchItems()
	dir := b.TempDir()
	v := func(x float64) *float64 { return &x }
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("p%05d", i)
		t := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		r := results.Record{
			Schema: results.SchemaVersion, Paper: id, Title: "Paper " + id, Status: results.Partial,
			Harness: Version, SpecPath: "specs/" + id + ".yaml", SpecHash: strings.Repeat("ab", 32),
			Repository: &results.Repository{URL: "https://github.com/owner/" + id, Commit: strings.Repeat("0123456789", 4), Source: "remote"},
			Claims: []results.Claim{
				{ID: "ratio", Metric: "compression_ratio", Claimed: "up to 2187x", Bound: "up-to", Value: v(2187), Unit: "x", Measured: v(2100), Delta: v(-87), Verdict: claim.Verified},
				{ID: "psnr", Metric: "psnr", Claimed: "at most 0.3 dB", Bound: "at-most", Value: v(0.3), Unit: "dB", Measured: v(0.5), Delta: v(0.2), Verdict: claim.Refuted},
				{ID: "speed", Metric: "speedup", Claimed: "2x-5x", Bound: "range", Min: v(2), Max: v(5), Unit: "x", Verdict: claim.Unverified},
			},
			Steps:   []results.Step{{Name: "eval", Command: "python eval.py", Seconds: 12.5}},
			Started: t, Finished: t.Add(time.Minute), Seconds: 60,
		}
		data, _ := json.MarshalIndent(r, "", "  ")
		os.MkdirAll(filepath.Join(dir, id), 0o755)
		if err := os.WriteFile(filepath.Join(dir, id, "20250101T000000Z.json"), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "report.md")
	args := []string{"report", "--results", dir, "--format", "markdown", "-o", out}
	mustMain(b, ExitOK, args...)
	var repro, ref time.Duration
	var bytes uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		bytes += allocs(func() { mustMain(b, ExitOK, args...) })
		repro += time.Since(start)
		start = time.Now()
		papers, _ := os.ReadDir(dir)
		for _, p := range papers {
			data, err := os.ReadFile(filepath.Join(dir, p.Name(), "20250101T000000Z.json"))
			var r results.Record
			if err == nil {
				err = json.Unmarshal(data, &r)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		ref += time.Since(start)
	}
	items := float64(b.N * n)
	b.ReportMetric(float64(repro.Microseconds())/items, "µs/record")
	b.ReportMetric(float64(bytes)/items, "B/record")
	b.ReportMetric(float64(ref.Microseconds())/items, "µs/record-json-ref")
	b.ReportMetric(repro.Seconds()/ref.Seconds(), "x-repro/ref")
}
