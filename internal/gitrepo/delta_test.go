package gitrepo

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckoutLargeDeltaBlob: a blob above the streaming threshold that a
// pack stores as a delta of another (what git gc makes of a file edited
// between commits) checks out whole and verified, not as corrupt.
func TestCheckoutLargeDeltaBlob(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	// Files of random lines, each version changing one line in twenty of
	// the last, so the deltas are large (tens of KB) like those of an
	// edited notebook with embedded images.
	rnd := rand.New(rand.NewPCG(1, 2))
	line := func() string { return fmt.Sprintf("%016x%016x%016x\n", rnd.Uint64(), rnd.Uint64(), rnd.Uint64()) }
	var lines []string
	for n := 0; n < 3*largeObject/2; n += 49 {
		lines = append(lines, line())
	}
	edit := func() []byte {
		for i := range lines {
			if rnd.IntN(20) == 0 {
				lines[i] = line()
			}
		}
		return []byte(strings.Join(lines, ""))
	}
	first, second, third := edit(), edit(), edit()
	run("init", "-q")
	write := func(data []byte) {
		if err := os.WriteFile(filepath.Join(dir, "big.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		run("add", "big.txt")
		run("commit", "-q", "-m", "edit")
	}
	write(first)
	write(second)
	write(third)
	// git keeps the newest version whole and stores older ones as deltas
	// (a chain of one or two, as its window search finds): check out the
	// first commit, whose blob is a delta.
	head := run("rev-parse", "HEAD~2")
	run("-c", "pack.threads=1", "repack", "-q", "-a", "-d", "-f", "--depth=50", "--window=50")
	if !strings.Contains(run("verify-pack", "-v", mustGlob(t, filepath.Join(dir, ".git", "objects", "pack", "*.idx"))), "chain length = ") {
		t.Fatal("git stored no blob as a delta: the test would not exercise deltas")
	}
	repo, err := openRepo(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "tree")
	if _, err := Checkout(repo, head, "", out); err != nil {
		t.Fatalf("Checkout(%s) = %v; want the edited large blob checked out", head, err)
	}
	got, err := os.ReadFile(filepath.Join(out, "big.txt"))
	if err != nil || !bytes.Equal(got, first) {
		t.Fatalf("big.txt: %d bytes, err %v; want the %d bytes committed", len(got), err, len(first))
	}
}

func mustGlob(t *testing.T, pattern string) string {
	t.Helper()
	m, _ := filepath.Glob(pattern)
	if len(m) == 0 {
		t.Fatalf("no file matches %s", pattern)
	}
	return m[0]
}
