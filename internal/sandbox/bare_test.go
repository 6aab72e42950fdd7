//go:build linux

package sandbox

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"
)

func alive(marker string) []int {
	ents, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		if err == nil && bytes.Contains(b, []byte(marker)) {
			pids = append(pids, pid)
		}
	}
	return pids
}

func job(t *testing.T, cmd string, env ...string) *Job {
	return &Job{ID: "test-" + strconv.FormatInt(time.Now().UnixNano(), 36), Command: cmd, Dir: t.TempDir(), Home: t.TempDir(), Tmp: t.TempDir(), Env: env}
}

// Where no pid namespace is allowed, the sweep still finds a child that
// left the step's session and process group, by the step's id in its
// environment, and kills it.
func TestBareSweepKillsEscapedSession(t *testing.T) {
	containment()
	saved := kind
	kind = sweep
	setSubreaper()
	defer func() { kind = saved }()

	marker := "SWEEP_MARK=" + strconv.FormatInt(time.Now().UnixNano(), 36)
	j := job(t, "setsid -f sh -c 'sleep 900'; setsid -f sh -c 'sh -c \"sleep 900\" & sleep 900'; echo started", marker)
	cmd, err := Bare{}.Command(j)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %q: %v", j.Command, err)
	}
	if err := (Bare{}).Started(j, cmd); err != nil {
		t.Fatalf("Started: %v", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("run %q: %v", j.Command, err)
	}
	if len(alive(marker)) == 0 {
		t.Fatalf("no escaped process before the sweep: the test proves nothing")
	}
	Bare{}.Finish(j, cmd)
	if p := alive(marker); len(p) > 0 {
		t.Errorf("processes %v outlived the sweep", p)
	}
}

func TestBareSandboxNamesItsContainment(t *testing.T) {
	s := Bare{}.Sandbox()
	if containment() != sweep && !bytes.Contains([]byte(s), []byte("pid namespace")) {
		t.Errorf("Bare.Sandbox() = %q; want it to name the pid namespace in use", s)
	}
}
