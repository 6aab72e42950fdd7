package gitrepo

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkPinsFetch is the fetch phase alone of a catalogue check: each
// pin of REPRO_BENCH_PINS (a file of "SOURCE COMMIT" lines, SOURCE a local
// bare repository) is fetched into an empty cache with go-git and with
// the git CLI backend, in this process (so -cpuprofile and -memprofile
// see it), and with `git init --bare` + `git fetch --depth 1 --no-tags`
// as the reference, one pin at a time, in turn. Pins that git-upload-pack
// refuses (mirrors with objects left out, which repro reads in place) are
// left out. It reports seconds and the ratios to git of the sums.
func BenchmarkPinsFetch(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	list := os.Getenv("REPRO_BENCH_PINS")
	if list == "" {
		b.Skip("REPRO_BENCH_PINS is not set")
	}
	f, err := os.Open(list)
	if err != nil {
		b.Fatal(err)
	}
	type pin struct{ src, commit string }
	var pins []pin
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) == 2 {
			pins = append(pins, pin{fs[0], fs[1]})
		}
	}
	f.Close()
	root := b.TempDir()
	gitFetch := func(p pin, dir string) error {
		if out, err := exec.Command("git", "init", "-q", "--bare", dir).CombinedOutput(); err != nil {
			b.Fatalf("git init: %v: %s", err, out)
		}
		return exec.Command("git", "-C", dir, "fetch", "-q", "--depth", "1", "--no-tags", "file://"+p.src, p.commit).Run()
	}
	// Keep the pins git can fetch.
	var ok []pin
	for _, p := range pins {
		dir := filepath.Join(root, "probe")
		if gitFetch(p, dir) == nil {
			ok = append(ok, p)
		}
		os.RemoveAll(dir)
	}
	if len(ok) == 0 {
		b.Fatal("no pin could be fetched with git")
	}
	type cost struct {
		wall, cpu  time.Duration
		peak, self float64 // MB
	}
	sum := map[string]*cost{}
	run := func(side string, cmd *exec.Cmd) {
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("%s: %v\n%s", cmd, err, out)
		}
		c := sum[side]
		if c == nil {
			c = &cost{}
			sum[side] = c
		}
		c.wall += time.Since(start)
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		c.cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		c.peak = max(c.peak, float64(ru.Maxrss)/1024)
		var self float64
		if _, after, ok := strings.Cut(string(out), "selfkb "); ok {
			fmt.Sscan(after, &self)
		}
		c.self = max(c.self, self/1024)
	}
	sides := []string{"git", BackendGoGit, BackendCLI}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, p := range ok {
			order := sides
			if (i+j)%2 == 1 {
				order = []string{BackendGoGit, BackendCLI, "git"}
			}
			for _, side := range order {
				dir := filepath.Join(root, side)
				if side == "git" {
					// git init is part of what a cold fetch costs git.
					run(side, exec.Command("sh", "-c", `git init -q --bare "$1" && git -C "$1" fetch -q --depth 1 --no-tags "file://$2" "$3"`, "sh", dir, p.src, p.commit))
				} else {
					cmd := exec.Command(os.Args[0], "-test.run=^$")
					cmd.Env = append(os.Environ(), childEnv+"="+map[string]string{BackendGoGit: "shallow", BackendCLI: "cli"}[side],
						"REPRO_BENCH_CACHE="+dir, "REPRO_BENCH_MIRROR="+filepath.Dir(p.src),
						"REPRO_BENCH_URL=https://bench.example/"+filepath.Base(p.src), "REPRO_BENCH_COMMIT="+p.commit)
					run(side, cmd)
				}
				os.RemoveAll(dir)
			}
		}
	}
	b.ReportMetric(float64(len(ok)), "pins")
	n := float64(b.N)
	for _, side := range sides {
		c := sum[side]
		b.ReportMetric(c.wall.Seconds()/n, "s-"+side)
		b.ReportMetric(c.cpu.Seconds()/n, "s-cpu-"+side)
		b.ReportMetric(c.peak, "MB-"+side)
		if c.self > 0 {
			b.ReportMetric(c.self, "MB-self-"+side)
		}
	}
	for _, side := range sides[1:] {
		b.ReportMetric(sum[side].wall.Seconds()/sum["git"].wall.Seconds(), "x-"+side+"/git")
		b.ReportMetric(sum[side].cpu.Seconds()/sum["git"].cpu.Seconds(), "x-cpu-"+side+"/git")
		b.ReportMetric(sum[side].peak/sum["git"].peak, "x-mem-"+side+"/git")
	}
}
