package gitrepo

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// The cold-fetch benchmark runs each go-git fetch in a child process (this
// test binary again, told what to do by the environment), so that its peak
// memory can be read from the kernel the same way as git's.
const childEnv = "REPRO_BENCH_FETCH_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(fetchChild())
	}
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

// fetchChild fetches REPRO_BENCH_COMMIT of the generated repository (or of
// REPRO_BENCH_URL) into the cache REPRO_BENCH_CACHE, as `repro check` would.
func fetchChild() int {
	url := os.Getenv("REPRO_BENCH_URL")
	if url == "" {
		url = "https://bench.example/o/big"
	}
	c := &Cache{
		Dir:         os.Getenv("REPRO_BENCH_CACHE"),
		Mirrors:     []Mirror{{From: "https://bench.example/", To: os.Getenv("REPRO_BENCH_MIRROR")}},
		FullHistory: os.Getenv(childEnv) == "full",
	}
	if os.Getenv(childEnv) == "cli" {
		c.Backend = BackendCLI
	}
	if _, err := c.Fetch(context.Background(), url, os.Getenv("REPRO_BENCH_COMMIT")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// The peak of this process alone: ru_maxrss after wait also counts
	// git-upload-pack, which go-git's file transport runs as a child.
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fmt.Println("selfkb", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			}
		}
	}
	return 0
}

var (
	benchOnce   sync.Once
	benchRoot   string
	benchMirror string // holds o/big.git
	benchHead   string
	benchErr    error
)

// benchRepo generates the repository once per run of the test binary; its
// size comes from REPRO_BENCH_SIZE (full, small, tiny or COMMITS,FILES,MB),
// full by default under -bench.
func benchRepo(b *testing.B) (mirror, head string) {
	benchOnce.Do(func() {
		size, err := gitgen.ParseSize(os.Getenv("REPRO_BENCH_SIZE"), gitgen.Full)
		if err != nil {
			benchErr = err
			return
		}
		if benchRoot, benchErr = os.MkdirTemp("", "repro-bench-"); benchErr != nil {
			return
		}
		benchMirror = filepath.Join(benchRoot, "mirror")
		start := time.Now()
		benchHead, benchErr = gitgen.Generate(context.Background(), filepath.Join(benchMirror, "o", "big.git"), size)
		fmt.Fprintf(os.Stderr, "generated %s in %s\n", size, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchMirror, benchHead
}

// measure runs cmd and returns its wall time and peak resident memory
// (the largest of the process and the children it waited for).
func measure(b *testing.B, cmd *exec.Cmd) (time.Duration, float64, float64) {
	b.Helper()
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("%s: %v\n%s", cmd, err, out)
	}
	d := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var self float64
	if _, after, ok := strings.Cut(string(out), "selfkb "); ok {
		fmt.Sscan(after, &self)
	}
	return d, float64(ru.Maxrss) / 1024, self / 1024 // KiB on Linux
}

// BenchmarkColdFetch fetches the generated repository into an empty cache
// with go-git (shallow, the default, and full history, the old behaviour),
// with the opt-in git CLI backend (REPRO_GIT=cli, in the same process setup)
// and clones it with the git CLI (--depth 1 and full, both bare, as the
// cache is), over file:// so git does not take its hard-link shortcut.
// Every variant runs in the same iteration; the metrics are seconds and
// peak MB of each, and the ratios of go-git to the git CLI.
func BenchmarkColdFetch(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	mirror, head := benchRepo(b)
	src := "file://" + filepath.Join(mirror, "o", "big.git")
	type variant struct {
		name string
		cmd  func(dir string) *exec.Cmd
	}
	child := func(mode string) func(string) *exec.Cmd {
		return func(dir string) *exec.Cmd {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+mode, "REPRO_BENCH_CACHE="+dir,
				"REPRO_BENCH_MIRROR="+mirror, "REPRO_BENCH_COMMIT="+head)
			return cmd
		}
	}
	variants := []variant{
		{"git-depth1", func(dir string) *exec.Cmd {
			return exec.Command("git", "clone", "-q", "--bare", "--depth", "1", "--no-tags", src, dir)
		}},
		{"git-full", func(dir string) *exec.Cmd { return exec.Command("git", "clone", "-q", "--bare", src, dir) }},
		{"gogit-shallow", child("shallow")},
		{"gogit-full", child("full")},
		{"cli-shallow", child("cli")},
	}
	secs := map[string]float64{}
	rss := map[string]float64{}
	self := map[string]float64{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, v := range variants {
			dir := b.TempDir()
			d, mb, own := measure(b, v.cmd(filepath.Join(dir, "c")))
			secs[v.name] += d.Seconds()
			rss[v.name] = max(rss[v.name], mb)
			self[v.name] = max(self[v.name], own)
			os.RemoveAll(dir)
		}
	}
	for _, v := range variants {
		b.ReportMetric(secs[v.name]/float64(b.N), "s-"+v.name)
		b.ReportMetric(rss[v.name], "MB-"+v.name)
		if self[v.name] > 0 {
			b.ReportMetric(self[v.name], "MB-self-"+v.name)
		}
	}
	b.ReportMetric(secs["gogit-shallow"]/secs["git-depth1"], "x-time-shallow/depth1")
	b.ReportMetric(rss["gogit-shallow"]/rss["git-depth1"], "x-mem-shallow/depth1")
	b.ReportMetric(secs["cli-shallow"]/secs["git-depth1"], "x-time-cli/depth1")
	b.ReportMetric(rss["cli-shallow"]/rss["git-depth1"], "x-mem-cli/depth1")
	b.ReportMetric(secs["gogit-full"]/secs["git-full"], "x-time-full/full")
	b.ReportMetric(rss["gogit-full"]/rss["git-full"], "x-mem-full/full")
}

// BenchmarkCheckout materialises the head commit from a warm (shallow)
// cache entry with Checkout and, as the reference, with `git checkout` of
// a bare clone into an empty work tree.
func BenchmarkCheckout(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	mirror, head := benchRepo(b)
	c := &Cache{Dir: b.TempDir(), Mirrors: []Mirror{{From: "https://bench.example/", To: mirror}}}
	f, err := c.Fetch(context.Background(), "https://bench.example/o/big", head)
	if err != nil {
		b.Fatal(err)
	}
	var gogit, gitcli time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		start := time.Now()
		if _, err := Checkout(f.Repo, f.Commit, "", filepath.Join(dir, "a")); err != nil {
			b.Fatal(err)
		}
		gogit += time.Since(start)
		wt := filepath.Join(dir, "b")
		os.Mkdir(wt, 0o755)
		start = time.Now()
		cmd := exec.Command("git", "--git-dir", f.Path, "--work-tree", wt, "checkout", "-q", "-f", head, "--", ".")
		cmd.Env = append(os.Environ(), "GIT_INDEX_FILE="+filepath.Join(dir, "index"))
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git checkout: %v: %s", err, out)
		}
		gitcli += time.Since(start)
		os.RemoveAll(dir)
	}
	b.ReportMetric(gogit.Seconds()/float64(b.N), "s-gogit")
	b.ReportMetric(gitcli.Seconds()/float64(b.N), "s-git")
	b.ReportMetric(gogit.Seconds()/gitcli.Seconds(), "x-time-gogit/git")
}
