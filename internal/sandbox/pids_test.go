//go:build linux

package sandbox

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestSafeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"repro-gdnet-20261129T180000Z-train_2", "repro-gdnet-20261129T180000Z-train_2"},
		{"../../etc", "______etc"},
		{"a b\nc.d", "a_b_c_d"},
	} {
		if got := safeName(tc.in); got != tc.want {
			t.Errorf("safeName(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// A step cgroup whose repro process is gone (killed with SIGKILL) is
// emptied and removed by the next repro's sweep; one whose repro still
// runs is left alone.
func TestRemoveStaleCgroups(t *testing.T) {
	if hostPids() != pidsCgroupV1 && hostPids() != pidsCgroupV2 {
		t.Skip("no writable pids cgroup here: run as root")
	}
	gone := exec.Command("/bin/true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(pidsParent, "repro-test-stale-"+strconv.FormatInt(time.Now().UnixNano(), 36)+"."+strconv.Itoa(gone.Process.Pid))
	live := filepath.Join(pidsParent, "repro-test-live-"+strconv.FormatInt(time.Now().UnixNano(), 36)+"."+strconv.Itoa(os.Getppid()))
	for _, d := range []string{stale, live} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	defer os.Remove(live)
	defer removeCgroup(stale, time.Second)
	left := exec.Command("sleep", "60")
	if err := left.Start(); err != nil {
		t.Fatal(err)
	}
	defer left.Process.Kill()
	if err := os.WriteFile(filepath.Join(stale, "cgroup.procs"), []byte(strconv.Itoa(left.Process.Pid)), 0); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- left.Wait() }()
	removed := RemoveStaleCgroups()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale cgroup %s is still there (removed %v)", stale, removed)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("cgroup of a running repro was removed: %v", err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Errorf("the process left in the stale cgroup still runs")
	}
}

// The tasks of this user include this test's own threads.
func TestUserTasks(t *testing.T) {
	if n := userTasks(os.Getuid()); n < 1 {
		t.Errorf("userTasks(%d) = %d; want at least this process", os.Getuid(), n)
	}
}
