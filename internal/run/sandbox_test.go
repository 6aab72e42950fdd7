//go:build linux

package run

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/repro-harness/repro/internal/sandbox"
	"github.com/repro-harness/repro/internal/scripttest"
)

// These tests run steps in the real bwrap, podman and docker that .ci/run
// installs; they skip, saying why, only where a runtime cannot start.

func bwrapOrSkip(t testing.TB) sandbox.Runtime {
	t.Helper()
	rt, err := sandbox.New("bwrap", nil)
	if err != nil {
		t.Skipf("bwrap: %v", err)
	}
	if out, err := exec.Command("bwrap", "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "--proc", "/proc", "/bin/true").CombinedOutput(); err != nil {
		t.Skipf("bwrap cannot start a sandbox here: %v: %s", err, out)
	}
	return rt
}

// engines are the container runtimes the container tests run against:
// podman and docker, each where it is installed and can start containers.
var engines = []string{"podman", "docker"}

func ociOrSkip(t testing.TB, engine string) *sandbox.OCI {
	t.Helper()
	rt, err := sandbox.New(engine, nil)
	if err != nil {
		t.Skipf("%s: %v", engine, err)
	}
	o := rt.(*sandbox.OCI)
	if !o.Usable(context.Background()) {
		t.Skipf("%s is installed but cannot start containers here", engine)
	}
	return o
}

// eachEngine runs test once per container runtime, as a subtest named
// after it.
func eachEngine(t *testing.T, test func(t *testing.T, o *sandbox.OCI)) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) { test(t, ociOrSkip(t, engine)) })
	}
}

// busyboxImage is the image holding only the host's static busybox,
// imported once per engine and busybox binary: no registry is needed.
func busyboxImage(t testing.TB, o *sandbox.OCI) string {
	t.Helper()
	tag, err := scripttest.BusyboxImage(o)
	if errors.Is(err, scripttest.ErrNoImage) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return tag
}

// hostHome makes a HOME for repro holding a sentinel file a step must
// not read, and returns the sentinel's path.
func hostHome(t *testing.T) string {
	home := t.TempDir()
	t.Setenv("HOME", home)
	p := filepath.Join(home, "sentinel")
	os.WriteFile(p, []byte("host secret\n"), 0o644)
	return p
}

// loopback serves on 127.0.0.1 and counts the connections it accepts.
func loopback(t *testing.T) (string, *atomic.Int32) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	var n atomic.Int32
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			c.Write([]byte("hello\n"))
			c.Close()
		}
	}()
	return l.Addr().String(), &n
}

func step(t *testing.T, rt sandbox.Runtime, cmd string) Step {
	dir := t.TempDir()
	return Step{Name: "s", Command: cmd, Dir: dir, LogDir: t.TempDir(), Runtime: rt, Timeout: time.Minute, RunID: "test"}
}

func TestBwrapHidesHostHome(t *testing.T) {
	rt := bwrapOrSkip(t)
	sentinel := hostHome(t)
	res := Exec(context.Background(), step(t, rt, "cat "+sentinel+"; ls -a \"$HOME\"; echo home=$HOME"))
	if strings.Contains(string(res.Output), "host secret") {
		t.Errorf("step in bwrap read the sentinel in the host's HOME: %q", res.Output)
	}
	if !strings.Contains(string(res.Output), "home=/home/repro") {
		t.Errorf("step HOME: %q; want /home/repro", res.Output)
	}
}

func TestBwrapRootReadOnlyCheckoutWritable(t *testing.T) {
	rt := bwrapOrSkip(t)
	s := step(t, rt, "touch written && echo ok; touch /usr/repro-test-x && echo root-writable; touch /tmp/t && echo tmp-ok")
	res := Exec(context.Background(), s)
	out := string(res.Output)
	if !strings.Contains(out, "ok\n") || !strings.Contains(out, "tmp-ok") || strings.Contains(out, "root-writable") {
		t.Errorf("bwrap step output %q; want the checkout and /tmp writable, the root not", out)
	}
	if _, err := os.Stat(filepath.Join(s.Dir, "written")); err != nil {
		t.Errorf("file written in the checkout is not on the host: %v", err)
	}
}

func TestBwrapNetworkOffByDefault(t *testing.T) {
	rt := bwrapOrSkip(t)
	addr, hits := loopback(t)
	host, port, _ := net.SplitHostPort(addr)
	bb, err := exec.LookPath("busybox")
	if err != nil {
		t.Skip("busybox (for nc) not found: install busybox-static")
	}
	probe := fmt.Sprintf("%s nc %s %s </dev/null", bb, host, port)
	res := Exec(context.Background(), step(t, rt, probe))
	if res.OK() || hits.Load() != 0 {
		t.Errorf("step without network reached the host's loopback (exit %d, %d connections)", res.ExitCode, hits.Load())
	}
	// The same step with network: true gets through: the probe works.
	s := step(t, rt, probe)
	s.Network = true
	res = Exec(context.Background(), s)
	if !res.OK() || hits.Load() == 0 {
		t.Errorf("step with network did not reach the loopback server (exit %d, %q): the probe proves nothing", res.ExitCode, res.Tail)
	}
}

func TestBwrapKillsEscapedSession(t *testing.T) {
	rt := bwrapOrSkip(t)
	marker := "BWRAP_MARK=" + NewID("t")
	s := step(t, rt, "setsid -f sh -c 'sleep 900'; echo started")
	s.Env = []string{marker}
	start := time.Now()
	res := Exec(context.Background(), s)
	if !res.OK() || time.Since(start) > 30*time.Second {
		t.Fatalf("Exec = %+v after %v", res, time.Since(start))
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(alive(marker)) > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if p := alive(marker); len(p) > 0 {
		t.Errorf("processes %v outlived the bwrap step", p)
	}
}

func TestContainerHidesHostHomeAndEnvironment(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		sentinel := hostHome(t)
		t.Setenv("FAKE_GITHUB_TOKEN", "ghp_secret")
		s := step(t, o, "cat "+sentinel+"; env; pwd")
		s.Image, s.Env, s.ID = image, []string{"DECLARED=yes"}, NewID("repro-test")
		res := Exec(context.Background(), s)
		out := string(res.Output)
		if strings.Contains(out, "host secret") || strings.Contains(out, "ghp_secret") {
			t.Errorf("container step saw the host's HOME or environment: %q", out)
		}
		for _, want := range []string{"DECLARED=yes", "HOME=/home/repro", sandbox.WorkDir} {
			if !strings.Contains(out, want) {
				t.Errorf("container step output lacks %q: %q", want, out)
			}
		}
	})
}

func TestContainerNetworkOffByDefault(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		addr, hits := loopback(t)
		host, port, _ := net.SplitHostPort(addr)
		s := step(t, o, fmt.Sprintf("nc %s %s </dev/null", host, port))
		s.Image, s.ID = image, NewID("repro-test")
		res := Exec(context.Background(), s)
		if res.OK() || hits.Load() != 0 {
			t.Errorf("container step without network reached the host's loopback (exit %d, %d connections)", res.ExitCode, hits.Load())
		}
	})
}

func TestContainerForkBombStopsAtPidsLimit(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		// The shell then spins on a builtin, not "sleep": at the limit a
		// "sleep" cannot fork, the shell exits at once and the container's
		// cgroup, with the pids events that say why, may be gone before
		// the engine's poll reads them (seen once with docker under load).
		s := step(t, o, "b() { b | b & }; b; while :; do :; done")
		s.Image, s.ID, s.Timeout = image, NewID("repro-test"), 8*time.Second
		s.Limits.Pids = 64
		res := Exec(context.Background(), s)
		if res.OK() || !res.PidsLimit {
			t.Errorf("fork bomb: OK %v, PidsLimit %v, exit %d; want failed at the pids limit", res.OK(), res.PidsLimit, res.ExitCode)
		}
		assertNoContainer(t, o, s.ID)
	})
}

// A step killed for memory fails with that reason; nothing is written
// into the folder repro runs in (podman's conmon writes an empty "oom"
// file into its working folder, which must be the client's own).
func TestContainerOutOfMemory(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		cwd := t.TempDir()
		t.Chdir(cwd)
		s := step(t, o, "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived")
		s.Image, s.ID = image, NewID("repro-test")
		s.Limits.Memory = 32 << 20
		res := Exec(context.Background(), s)
		if res.OK() || !res.OutOfMemory {
			t.Errorf("step over its memory limit: OK %v, OutOfMemory %v, exit %d, output %q; want killed for memory", res.OK(), res.OutOfMemory, res.ExitCode, res.Output)
		}
		assertNoContainer(t, o, s.ID)
		if ents, _ := os.ReadDir(cwd); len(ents) > 0 {
			t.Errorf("the step left %s in the folder repro ran in", ents[0].Name())
		}
	})
}

func TestContainerTimeoutLeavesNoContainer(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		s := step(t, o, "sleep 300")
		s.Image, s.ID, s.Timeout = image, NewID("repro-test"), 2*time.Second
		res := Exec(context.Background(), s)
		if !res.TimedOut {
			t.Errorf("Exec.TimedOut = false")
		}
		assertNoContainer(t, o, s.ID)
	})
}

func assertNoContainer(t *testing.T, o *sandbox.OCI, name string) {
	t.Helper()
	out, err := exec.Command(o.Program, "ps", "--all", "--filter", "name=^"+name+"$", "--format", "{{.Names}}").Output()
	if err != nil {
		t.Fatalf("%s ps: %v", o.Program, err)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Errorf("container %s is left behind", s)
	}
}

const orphanChildEnv = "REPRO_TEST_ORPHAN_STEP"

// TestOrphanStepChild is not a test: run by TestContainerOrphanRemoved,
// it runs a long step in a container until it is killed.
func TestOrphanStepChild(t *testing.T) {
	v := os.Getenv(orphanChildEnv)
	if v == "" {
		t.Skip("run by TestContainerOrphanRemoved")
	}
	f := strings.Fields(v)
	engine, image, name := f[0], f[1], f[2]
	o, err := sandbox.New(engine, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := step(t, o, "sleep 600")
	s.Image, s.ID = image, name
	Exec(context.Background(), s)
}

// kill -9 of repro mid-step leaves its container running; the next run
// finds it by its owner label and removes it.
func TestContainerOrphanRemoved(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		name := NewID("repro-test-orphan")
		cmd := exec.Command(os.Args[0], "-test.run=^TestOrphanStepChild$")
		cmd.Env = append(os.Environ(), orphanChildEnv+"="+o.Kind+" "+image+" "+name)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(2 * time.Minute)
		for {
			out, _ := exec.Command(o.Program, "ps", "--filter", "name=^"+name+"$", "--format", "{{.Names}}").Output()
			if strings.TrimSpace(string(out)) == name {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("container %s did not start", name)
			}
			time.Sleep(200 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
		out, _ := exec.Command(o.Program, "ps", "--all", "--filter", "name=^"+name+"$", "--format", "{{.Names}}").Output()
		if strings.TrimSpace(string(out)) != name {
			t.Fatalf("after kill -9 the container is already gone: nothing to test")
		}
		removed, err := o.RemoveOrphans(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !contains(removed, name) {
			t.Errorf("RemoveOrphans removed %v; want %s", removed, name)
		}
		assertNoContainer(t, o, name)
		if m, _ := filepath.Glob(filepath.Join(os.TempDir(), "repro-oci-"+name)); len(m) > 0 {
			t.Errorf("the orphan's client folder %s is left", m[0])
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A tag resolves to the image's digest and id (trust on first use); a
// Containerfile builds once and is then reused from its cache key, and
// the built image runs the step.
func TestContainerResolveAndBuild(t *testing.T) {
	eachEngine(t, func(t *testing.T, o *sandbox.OCI) {
		image := busyboxImage(t, o)
		ctx := context.Background()
		im, err := o.Resolve(ctx, image)
		// docker has no digest for an image that never saw a registry.
		wantDigest := o.Kind == "podman"
		if err != nil || im.ID == "" || im.Ref != im.ID || wantDigest != strings.HasPrefix(im.Digest, "sha256:") {
			t.Fatalf("Resolve(%s) = %+v, %v; want the id as the reference, and a digest only from podman", image, im, err)
		}
		dir := t.TempDir()
		file := filepath.Join(dir, "Containerfile")
		os.WriteFile(file, []byte("FROM "+image+"\nRUN echo built > /built\n"), 0o644)
		commit := NewID("commit")
		first, err := o.Build(ctx, "repro-test", commit, file, dir)
		if err != nil {
			t.Fatalf("Build = %v", err)
		}
		defer exec.Command(o.Program, "rmi", "--force", first.Ref).Run()
		again, err := o.Build(ctx, "repro-test", commit, file, dir)
		if err != nil || again.ID != first.ID || !strings.HasSuffix(again.Build, ", cached") {
			t.Errorf("Build again = %+v, %v; want the cached image %s", again, err, first.ID)
		}
		s := step(t, o, "cat /built")
		s.Image, s.ID = first.Ref, NewID("repro-test")
		if res := Exec(ctx, s); !res.OK() || strings.TrimSpace(string(res.Output)) != "built" {
			t.Errorf("step in the built image: %+v, output %q", res, res.Output)
		}
		if !strings.Contains(first.Build, "sha256:") || first.ID == "" {
			t.Errorf("Build = %+v; want the file's hash and the image id", first)
		}
	})
}

// forkBomb starts up to 2000 processes that would live 30 s, printing
// how many it has after each: bounded, unlike a real fork bomb, so a
// failed limit cannot take this machine.
const forkBomb = `n=0; while [ $n -lt 2000 ]; do sleep 30 & n=$((n+1)); echo "started $n"; done; wait`

// hostRuntimes are the host runtimes a pids test runs under: bare
// always, bwrap where it can start.
func hostRuntimes(t *testing.T) map[string]func(*testing.T) sandbox.Runtime {
	return map[string]func(*testing.T) sandbox.Runtime{
		"none":  func(*testing.T) sandbox.Runtime { return sandbox.Bare{} },
		"bwrap": func(t *testing.T) sandbox.Runtime { return bwrapOrSkip(t) },
	}
}

func cgroupOrSkip(t *testing.T, rt sandbox.Runtime) {
	t.Helper()
	if _, how := sandbox.PidsLimit(rt, 64); how != sandbox.PidsCgroup {
		t.Skipf("no writable pids cgroup here (pids limit enforced by %s): run as root", how)
	}
}

// stepCgroups lists the cgroups of step id.
func stepCgroups(id string) []string {
	var found []string
	for _, parent := range []string{"/sys/fs/cgroup/pids/repro", "/sys/fs/cgroup/repro"} {
		m, _ := filepath.Glob(filepath.Join(parent, id+".*"))
		found = append(found, m...)
	}
	return found
}

// A fork bomb on the host ends at the step's pids limit, and neither a
// process nor the step's cgroup is left. With a cgroup (root) the step
// fails with the pids-limit reason; with RLIMIT_NPROC (not root) the
// kernel refuses the forks beyond the processes the user already ran
// plus the limit, the shell fails, and repro cannot tell why.
func TestHostForkBombStopsAtPidsLimit(t *testing.T) {
	for name, get := range hostRuntimes(t) {
		t.Run(name, func(t *testing.T) {
			rt := get(t)
			_, how := sandbox.PidsLimit(rt, 64)
			if how != sandbox.PidsCgroup && how != sandbox.PidsRlimit {
				t.Skipf("no pids limit can be enforced here (%s): root without a writable pids cgroup", how)
			}
			marker := "BOMB_MARK=" + NewID("t")
			s := step(t, rt, forkBomb)
			s.ID, s.Env, s.Timeout = NewID("repro-test"), []string{marker}, 20*time.Second
			s.Limits.Pids = 64
			before := tasksOf(os.Getuid())
			start := time.Now()
			res := Exec(context.Background(), s)
			lines := strings.Split(strings.TrimSpace(string(res.Output)), "\n")
			last := lines[len(lines)-1]
			var got int
			fmt.Sscanf(last, "started %d", &got)
			if res.OK() || res.TimedOut || res.PidsLimit != (how == sandbox.PidsCgroup) {
				t.Errorf("fork bomb (%s): OK %v, PidsLimit %v, TimedOut %v, exit %d after %v; want failed at the pids limit", how, res.OK(), res.PidsLimit, res.TimedOut, res.ExitCode, time.Since(start))
			}
			if limit := 64; how == sandbox.PidsRlimit {
				// The bound includes what the user already ran when the
				// step started, this test's threads among them (a few
				// more than when counted here: slack 16).
				if got == 0 || got >= before+limit+16 {
					t.Errorf("fork bomb (%s) started %d processes (last line %q); want about the %d the user ran before plus the limit of %d, no more", how, got, last, before, limit)
				}
			} else if got == 0 || got >= limit {
				t.Errorf("fork bomb (%s) started %d processes (last line %q); want fewer than the limit of %d", how, got, last, limit)
			}
			t.Logf("fork bomb (%s) started %d processes", how, got)
			deadline := time.Now().Add(5 * time.Second)
			for len(alive(marker)) > 0 && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			if p := alive(marker); len(p) > 0 {
				t.Errorf("processes %v of the fork bomb outlived the step", p)
			}
			if cg := stepCgroups(s.ID); len(cg) > 0 {
				t.Errorf("the step's cgroups %v are left behind", cg)
			}
		})
	}
}

// tasksOf counts the tasks (threads) whose real user is uid, as
// RLIMIT_NPROC does. It repeats sandbox's own count on purpose: the test's
// bound must not come from the code it checks.
func tasksOf(uid int) int {
	ents, _ := os.ReadDir("/proc")
	n := 0
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		var real, threads int
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "Uid:"); ok {
				fmt.Sscan(v, &real)
			} else if v, ok := strings.CutPrefix(line, "Threads:"); ok {
				fmt.Sscan(v, &threads)
			}
		}
		if real == uid {
			n += threads
		}
	}
	return n
}

// A step that stays under its pids limit is not affected by it.
func TestHostStepUnderPidsLimit(t *testing.T) {
	for name, get := range hostRuntimes(t) {
		t.Run(name, func(t *testing.T) {
			rt := get(t)
			if _, how := sandbox.PidsLimit(rt, 64); how == sandbox.PidsNone {
				t.Skip("no pids limit can be enforced here: root without a writable pids cgroup")
			}
			s := step(t, rt, `n=0; while [ $n -lt 20 ]; do sleep 0.2 & n=$((n+1)); done; wait; echo "ran $n"`)
			s.ID = NewID("repro-test")
			s.Limits.Pids = 64
			res := Exec(context.Background(), s)
			if !res.OK() || res.PidsLimit || strings.TrimSpace(string(res.Output)) != "ran 20" {
				t.Errorf("step of 20 processes under a limit of 64: OK %v, PidsLimit %v, exit %d, output %q", res.OK(), res.PidsLimit, res.ExitCode, res.Output)
			}
			if cg := stepCgroups(s.ID); len(cg) > 0 {
				t.Errorf("the step's cgroups %v are left behind", cg)
			}
		})
	}
}

// A timed-out step's cgroup goes with it.
func TestHostTimeoutRemovesCgroup(t *testing.T) {
	for name, get := range hostRuntimes(t) {
		t.Run(name, func(t *testing.T) {
			rt := get(t)
			cgroupOrSkip(t, rt)
			s := step(t, rt, "sleep 300 & sleep 300")
			s.ID, s.Timeout = NewID("repro-test"), time.Second
			res := Exec(context.Background(), s)
			if !res.TimedOut {
				t.Errorf("Exec.TimedOut = false")
			}
			if cg := stepCgroups(s.ID); len(cg) > 0 {
				t.Errorf("the timed-out step's cgroups %v are left behind", cg)
			}
		})
	}
}

const asNobodyEnv = "REPRO_TEST_AS_NOBODY"

// As root (as CI runs), the host pids tests run again as an unprivileged
// user, nobody, for whom no cgroup is writable: the RLIMIT_NPROC
// fallback must stop the fork bomb too.
func TestHostPidsLimitAsNobody(t *testing.T) {
	if os.Getenv(asNobodyEnv) != "" {
		t.Skip("running as nobody already")
	}
	if os.Getuid() != 0 {
		t.Skip("not root: the host pids tests ran unprivileged already")
	}
	const nobody = 65534
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "run.test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	home, tmp := filepath.Join(dir, "home"), filepath.Join(dir, "tmp")
	for _, d := range []string{home, tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(d, nobody, nobody); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "-test.run", "^(TestHostForkBombStopsAtPidsLimit|TestHostStepUnderPidsLimit)$", "-test.v", "-test.count", "1")
	cmd.Dir = home
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TMPDIR=" + tmp, asNobodyEnv + "=1"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the host pids tests as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "fork bomb (rlimit) started") {
		t.Errorf("as nobody the fork bomb did not run under RLIMIT_NPROC:\n%s", out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "fork bomb (rlimit) started") || strings.HasPrefix(strings.TrimSpace(line), "--- ") {
			t.Log(strings.TrimSpace(line))
		}
	}
}
