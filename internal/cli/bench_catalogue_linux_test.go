package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/gitrepo"
)

// gitReference is the git side of BenchmarkCatalogue: for each line "ID
// MIRROR PIN" of its input, two at a time (as repro -j 2), a shallow fetch
// of the pin into a new repository and a checkout of it. A mirror that
// git-upload-pack refuses (objects left out) is read in place, as repro
// does: the pin is checked out from the mirror itself, missing files
// skipped.
const gitReference = `work=$1
xargs -P "${2:-2}" -L 1 sh -c '
d="$0/$1"; m="$2"; pin="$3"
git init -q "$d" || exit 1
if git -C "$d" fetch -q --depth 1 --no-tags "file://$m" "$pin" 2>/dev/null; then
  git -C "$d" checkout -q "$pin" || exit 1
else
  GIT_INDEX_FILE="$d/.git/index" git --git-dir="$m" --work-tree="$d" checkout -q -f "$pin" -- . 2>/dev/null
fi
exit 0' "$work"
`

// cost is what one command cost: wall time, CPU time and the peak
// resident memory of the largest process of its tree (ru_maxrss from
// wait4 covers the process and every descendant it waited for).
type cost struct {
	wall, cpu time.Duration
	peak      int64 // bytes
}

func runCost(b *testing.B, cmd *exec.Cmd, ok ...int) cost {
	b.Helper()
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	u := cost{wall: time.Since(start)}
	if cmd.ProcessState == nil {
		b.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	code := cmd.ProcessState.ExitCode()
	if code != 0 && !contains(ok, code) {
		b.Fatalf("%s: exit %d\n%s", strings.Join(cmd.Args, " "), code, out.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	u.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	u.peak = ru.Maxrss << 10 // KiB on Linux
	return u
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f, _ := strconv.ParseFloat(strings.Fields(string(data))[0], 64)
	return f
}

// BenchmarkCatalogue is the catalogue comparison of issue 17 against the
// real repositories: the specs of the catalogue (REPRO_BENCH_SPECS,
// default the project's specs/) checked through the local mirrors under
// REPRO_BENCH_MIRRORS (OWNER/NAME[.git] folders), offline, by the repro
// binary in a child process (the test binary re-executed as repro), so
// wall time and peak memory are those of a whole process. Each iteration
// runs, in turn (the order alternates between iterations so neither side
// always runs on a warmer machine):
//   - cold `repro check --all --audit-only -j 2` (empty cache) and the git
//     reference for the same pins two at a time (gitReference);
//   - the warm re-check that follows the cold one (everything cached);
//   - the same cold and warm checks with -j 1;
//   - the cold check -j 2 with the git CLI backend (REPRO_GIT=cli);
//   - one cold paper (REPRO_BENCH_PAPER, default llmc-plus) with go-git
//     and with REPRO_GIT=cli, against git for its pin alone.
//
// It reports seconds, peak MB, the load average and the ratios.
func BenchmarkCatalogue(b *testing.B) {
	needGit(b)
	mirrors := os.Getenv("REPRO_BENCH_MIRRORS")
	if mirrors == "" {
		b.Skip("REPRO_BENCH_MIRRORS is not set (BenchmarkCheckWarmVsCold measures a generated repository)")
	}
	mirrors, _ = filepath.Abs(mirrors)
	specs := os.Getenv("REPRO_BENCH_SPECS")
	if specs == "" {
		specs = filepath.Join("..", "..", "specs")
	}
	specs, _ = filepath.Abs(specs)
	paper := os.Getenv("REPRO_BENCH_PAPER")
	if paper == "" {
		paper = "llmc-plus"
	}
	repro, err := exec.LookPath("repro") // the test binary, as testscript.Main installs it
	if err != nil {
		b.Fatalf("find the repro command of the test binary: %v", err)
	}
	rule := []gitrepo.Mirror{{From: "https://github.com/", To: mirrors + "/"}}
	var pins []string
	paperPin := ""
	files, _ := filepath.Glob(filepath.Join(specs, "*.yaml"))
	for _, f := range files {
		s, err := spec.Load(f)
		if err != nil {
			b.Fatalf("load %s: %v", f, err)
		}
		if s.Repository == nil {
			continue
		}
		src, mirrored, err := gitrepo.Resolve(s.Repository.URL, rule)
		if err != nil || !mirrored {
			continue // no mirror here: repro says not-checked at once
		}
		line := fmt.Sprintf("%s %s %s\n", s.ID, src, s.Repository.Commit)
		pins = append(pins, line)
		if s.ID == paper {
			paperPin = line
		}
	}
	if len(pins) == 0 {
		b.Fatalf("REPRO_BENCH_MIRRORS=%s: no mirror of a repository of %s", mirrors, specs)
	}
	if paperPin == "" {
		b.Fatalf("REPRO_BENCH_PAPER=%s: no such paper with a mirror in %s", paper, specs)
	}
	root := b.TempDir()
	script := filepath.Join(root, "git-reference.sh")
	os.WriteFile(script, []byte(gitReference), 0o755)

	check := func(cache string, jobs int, env []string, ids ...string) cost {
		res := filepath.Join(root, "results")
		os.RemoveAll(res)
		args := []string{"check", "-q", "--audit-only", "-j", strconv.Itoa(jobs), "--format", "json",
			"--specs", specs, "--results", res, "--cache", cache, "--mirror", "https://github.com/=" + mirrors + "/"}
		if len(ids) == 0 {
			args = append(args, "--all")
		}
		cmd := exec.Command(repro, append(args, ids...)...)
		cmd.Env = append(os.Environ(), append([]string{"REPRO_OFFLINE=1", "REPRO_MIRRORS=", "REPRO_GIT=", "REPRO_CACHE="}, env...)...)
		// 1: a claim contradicted by the repository; 3: not-checked papers
		// (no mirror here). Both are results, not failures of the run.
		return runCost(b, cmd, 1, 3)
	}
	cold := func(jobs int, env []string, ids ...string) (cost, string) {
		cache := filepath.Join(root, "cache")
		os.RemoveAll(cache)
		return check(cache, jobs, env, ids...), cache
	}
	git := func(lines []string, jobs int) cost {
		work := filepath.Join(root, "git")
		os.RemoveAll(work)
		os.Mkdir(work, 0o755)
		cmd := exec.Command("sh", script, work, strconv.Itoa(jobs))
		cmd.Stdin = strings.NewReader(strings.Join(lines, ""))
		u := runCost(b, cmd)
		os.RemoveAll(work)
		return u
	}

	var m struct {
		cold2, warm2, cold1, warm1, coldCLI, git, paper, paperCLI, paperGit cost
		x                                                                   map[string][]float64
		load                                                                []float64
	}
	m.x = map[string][]float64{}
	ratio := func(name string, a, b time.Duration) { m.x[name] = append(m.x[name], a.Seconds()/b.Seconds()) }
	add := func(sum *cost, u cost) {
		sum.wall += u.wall
		sum.cpu += u.cpu
		sum.peak = max(sum.peak, u.peak)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.load = append(m.load, loadAverage())
		var c2, w2, c1, w1, cc, g, p, pc, pg cost
		catalogue := func() {
			var cache string
			c2, cache = cold(2, nil)
			w2 = check(cache, 2, nil)
		}
		jobsOne := func() {
			var cache string
			c1, cache = cold(1, nil)
			w1 = check(cache, 1, nil)
		}
		cliSide := func() { cc, _ = cold(2, []string{"REPRO_GIT=cli"}) }
		gitSide := func() { g = git(pins, 2) }
		paperSide := func() {
			p, _ = cold(2, nil, paper)
			pc, _ = cold(2, []string{"REPRO_GIT=cli"}, paper)
		}
		paperGit := func() { pg = git([]string{paperPin}, 1) }
		order := []func(){gitSide, catalogue, jobsOne, cliSide, paperGit, paperSide}
		if i%2 == 1 {
			order = []func(){catalogue, gitSide, cliSide, jobsOne, paperSide, paperGit}
		}
		for _, f := range order {
			f()
		}
		m.load = append(m.load, loadAverage())
		add(&m.cold2, c2)
		add(&m.warm2, w2)
		add(&m.cold1, c1)
		add(&m.warm1, w1)
		add(&m.coldCLI, cc)
		add(&m.git, g)
		add(&m.paper, p)
		add(&m.paperCLI, pc)
		add(&m.paperGit, pg)
		ratio("x-cold/git", c2.wall, g.wall)
		ratio("x-cold/warm", c2.wall, w2.wall)
		ratio("x-cold-cli/git", cc.wall, g.wall)
		ratio("x-cpu-cold/git", c2.cpu, g.cpu)
		ratio("x-cpu-cold-cli/git", cc.cpu, g.cpu)
		m.x["x-mem-cold-cli/git"] = append(m.x["x-mem-cold-cli/git"], float64(cc.peak)/float64(g.peak))
		ratio("x-j2/j1-cold", c1.wall, c2.wall)
		ratio("x-j2/j1-warm", w1.wall, w2.wall)
		ratio("x-paper/git", p.wall, pg.wall)
		ratio("x-paper-cli/git", pc.wall, pg.wall)
		m.x["x-mem-cold/git"] = append(m.x["x-mem-cold/git"], float64(c2.peak)/float64(g.peak))
		m.x["x-mem-paper/git"] = append(m.x["x-mem-paper/git"], float64(p.peak)/float64(pg.peak))
	}
	n := float64(b.N)
	sec := func(u cost) float64 { return u.wall.Seconds() / n }
	mb := func(u cost) float64 { return float64(u.peak) / (1 << 20) }
	b.ReportMetric(sec(m.cold2), "s-cold")
	b.ReportMetric(sec(m.git), "s-git")
	b.ReportMetric(sec(m.warm2), "s-warm")
	b.ReportMetric(sec(m.cold1), "s-cold-j1")
	b.ReportMetric(sec(m.warm1), "s-warm-j1")
	b.ReportMetric(m.cold2.cpu.Seconds()/n, "s-cpu-cold")
	b.ReportMetric(m.git.cpu.Seconds()/n, "s-cpu-git")
	b.ReportMetric(sec(m.coldCLI), "s-cold-cli")
	b.ReportMetric(m.coldCLI.cpu.Seconds()/n, "s-cpu-cold-cli")
	b.ReportMetric(mb(m.cold2), "MB-cold")
	b.ReportMetric(mb(m.coldCLI), "MB-cold-cli")
	b.ReportMetric(mb(m.git), "MB-git")
	b.ReportMetric(sec(m.paper), "s-paper")
	b.ReportMetric(sec(m.paperCLI), "s-paper-cli")
	b.ReportMetric(sec(m.paperGit), "s-paper-git")
	b.ReportMetric(mb(m.paper), "MB-paper")
	b.ReportMetric(mb(m.paperGit), "MB-paper-git")
	for name, xs := range m.x {
		b.ReportMetric(median(xs), name)
	}
	b.ReportMetric(median(m.load), "load-avg")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}
