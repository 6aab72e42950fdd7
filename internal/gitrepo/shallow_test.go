package gitrepo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// A pinned commit that is a branch tip is fetched alone (depth 1).
func TestFetchShallowTip(t *testing.T) {
	c, ids := setup(t, 3)
	f, err := c.Fetch(context.Background(), url, ids[2])
	if err != nil {
		t.Fatalf("Fetch(tip) = %v", err)
	}
	if !f.Shallow() {
		t.Errorf("Fetch(tip).Shallow() = false; want a depth-1 entry")
	}
	if hasCommit(f.Repo, ids[1]) {
		t.Errorf("shallow entry holds the tip's parent %s; want only the tip", ids[1])
	}
	dir := filepath.Join(t.TempDir(), "tree")
	if tree, err := Checkout(f.Repo, f.Commit, "", dir); err != nil || tree.Files != 3 {
		t.Fatalf("Checkout(shallow) = %+v, %v; want 3 files", tree, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "HISTORY")); string(b) != "2" {
		t.Errorf("HISTORY = %q; want \"2\"", b)
	}
}

// A pinned commit that is not a tip cannot be fetched alone from a server
// that refuses unadvertised wants: the cache falls back to full history.
func TestFetchShallowFallback(t *testing.T) {
	c, ids := setup(t, 3)
	f, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil {
		t.Fatalf("Fetch(non-tip) = %v", err)
	}
	if f.Shallow() || !hasCommit(f.Repo, ids[1]) {
		t.Errorf("Fetch(non-tip): shallow %v, has %s %v; want the full history", f.Shallow(), ids[1], hasCommit(f.Repo, ids[1]))
	}
}

// A shallow entry asked for an older commit is rebuilt with history; later
// pins are then fetched incrementally into the full entry.
func TestFetchShallowThenOlder(t *testing.T) {
	c, ids := setup(t, 3)
	ctx := context.Background()
	if _, err := c.Fetch(ctx, url, ids[2]); err != nil {
		t.Fatal(err)
	}
	f, err := c.Fetch(ctx, url, ids[1])
	if err != nil || !f.Transferred || f.Commit != ids[1] {
		t.Fatalf("Fetch(older after shallow) = %+v, %v; want %s transferred", f, err, ids[1])
	}
	if f.Shallow() {
		t.Errorf("rebuilt entry is shallow; want full history")
	}
	if _, err := Checkout(f.Repo, f.Commit, "", filepath.Join(t.TempDir(), "t")); err != nil {
		t.Errorf("Checkout = %v", err)
	}
	f, err = c.Fetch(ctx, url, ids[2])
	if err != nil || f.Transferred {
		t.Errorf("Fetch(tip after rebuild) = %+v, %v; want it already cached", f, err)
	}
}

// Two tips of a shallow entry: the second is added at depth 1 too.
func TestFetchShallowSecondTip(t *testing.T) {
	c, ids := setup(t, 2)
	ctx := context.Background()
	if _, err := c.Fetch(ctx, url, ids[1]); err != nil {
		t.Fatal(err)
	}
	mirror := c.Mirrors[0].To
	more := fixtureCommit(t, filepath.Join(mirror, "o", "r"), "more")
	f, err := c.Fetch(ctx, url, more)
	if err != nil || !f.Transferred || !f.Shallow() {
		t.Fatalf("Fetch(new tip) = %+v, %v; want a shallow transfer", f, err)
	}
	if !hasCommit(f.Repo, ids[1]) {
		t.Errorf("the first tip %s is gone from the entry", ids[1])
	}
}

func TestFetchShallowUnpinned(t *testing.T) {
	c, ids := setup(t, 3)
	f, err := c.Fetch(context.Background(), url, "")
	if err != nil || f.Commit != ids[2] || !f.Shallow() {
		t.Fatalf("Fetch(unpinned) = %+v, %v; want shallow head %s", f, err, ids[2])
	}
}

func TestFetchFullHistory(t *testing.T) {
	c, ids := setup(t, 3)
	c.FullHistory = true
	f, err := c.Fetch(context.Background(), url, ids[2])
	if err != nil || f.Shallow() || !hasCommit(f.Repo, ids[0]) {
		t.Fatalf("Fetch(FullHistory) = %+v, %v; want every commit", f, err)
	}
}

// A build folder left by a killed run is removed by the next fetch.
func TestFetchRemovesStaleBuild(t *testing.T) {
	c, ids := setup(t, 1)
	stale := filepath.Join(c.Dir, ".tmp-"+entryName(url)+"-123")
	if err := os.MkdirAll(filepath.Join(stale, "objects"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fetch(context.Background(), url, ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale build folder %s still there (%v)", stale, err)
	}
}

// fixtureCommit adds one commit to the fixture repository at dir and
// returns its id.
func fixtureCommit(t *testing.T, dir, content string) string {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := os.WriteFile(filepath.Join(dir, "HISTORY"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Add("HISTORY"); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
	h, err := wt.Commit(content, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// The git CLI backend fetches any pinned commit alone (protocol v2 allows
// wants by hash) into the same entries, which go-git then reads.
func TestFetchCLIBackend(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	c, ids := setup(t, 3)
	c.Backend = BackendCLI
	ctx := context.Background()
	for _, id := range []string{ids[2], ids[0]} {
		f, err := c.Fetch(ctx, url, id)
		if err != nil || !f.Transferred || f.Commit != id || !f.Shallow() {
			t.Fatalf("Fetch(%s) with the git CLI = %+v, %v; want a shallow transfer", id, f, err)
		}
		if tree, err := Checkout(f.Repo, f.Commit, "", filepath.Join(t.TempDir(), "t")); err != nil || tree.Files != 3 {
			t.Errorf("Checkout(%s) = %+v, %v; want 3 files", id, tree, err)
		}
	}
	f, err := c.Fetch(ctx, url, "")
	if err != nil || f.Commit != ids[2] {
		t.Errorf("Fetch(unpinned) with the git CLI = %+v, %v; want head %s", f, err, ids[2])
	}
	f, err = c.Fetch(ctx, url, ids[1])
	if err != nil || f.Commit != ids[1] {
		t.Errorf("Fetch(%s) = %+v, %v", ids[1], f, err)
	}
	// go-git reads and extends what the CLI wrote.
	c.Backend = BackendGoGit
	if f, err = c.Fetch(ctx, url, ids[0]); err != nil || f.Transferred {
		t.Errorf("go-git Fetch of a CLI-fetched commit = %+v, %v; want it cached", f, err)
	}
}

func TestFetchCLIBackendMissingCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	c, _ := setup(t, 1)
	c.Backend = BackendCLI
	_, err := c.Fetch(context.Background(), url, strings.Repeat("1", 40))
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Kind != MissingCommit {
		t.Fatalf("Fetch(absent commit) with the git CLI = %v; want a missing-commit FetchError", err)
	}
}

// TestPlan: the strategy is chosen in one place: shallow for a new or
// shallow entry, history for a complete entry or with FullHistory.
func TestPlan(t *testing.T) {
	c, ids := setup(t, 3)
	if s := c.plan(nil); s != shallowFetch {
		t.Errorf("plan(new entry) = %s; want shallow", s)
	}
	f, err := c.Fetch(context.Background(), "https://github.com/o/r", ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if s := c.plan(f.Repo); s != shallowFetch {
		t.Errorf("plan(shallow entry) = %s; want shallow", s)
	}
	full := &Cache{Dir: t.TempDir(), Mirrors: c.Mirrors, FullHistory: true}
	if s := full.plan(nil); s != historyFetch {
		t.Errorf("plan(FullHistory) = %s; want history", s)
	}
	g, err := full.Fetch(context.Background(), "https://github.com/o/r", ids[0])
	if err != nil {
		t.Fatal(err)
	}
	full.FullHistory = false
	if s := full.plan(g.Repo); s != historyFetch {
		t.Errorf("plan(complete entry) = %s; want history", s)
	}
}

// TestFetchBrokenRemoteNoHistory: a mirror that lacks an object of the
// pinned tree fails the shallow fetch with git-upload-pack's "repository
// corruption on the remote side", with either backend; that failure is
// recognised (remoteBroken), so no history fetch of the same broken
// repository follows, and the mirror is read in place.
func TestFetchBrokenRemoteNoHistory(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		c, ids := setup(t, 1)
		c.Backend = backend
		if err := os.Remove(looseBlob(t, c, ids[0], "src/a.py")); err != nil {
			t.Fatal(err)
		}
		src, _, err := Resolve(url, c.Mirrors)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "entry")
		init, err := git.PlainInit(dir, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := init.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{url}}); err != nil {
			t.Fatal(err)
		}
		repo, err := openRepo(dir)
		if err != nil {
			t.Fatal(err)
		}
		err = c.fetch(context.Background(), shallowFetch, repo, dir, url, src, ids[0])
		if !remoteBroken(err) {
			t.Fatalf("shallow fetch of a mirror missing a blob = %v; want it recognised as a broken remote", err)
		}
		f, err := c.Fetch(context.Background(), url, ids[0])
		if err != nil || !f.InPlace() || !strings.Contains(f.Note, remoteCorruption) {
			t.Fatalf("Fetch(broken mirror) = %+v, %v; want it read in place after the shallow fetch's error", f, err)
		}
	})
}

// TestFetchShallowOneConnection: a shallow go-git fetch of a pinned tip
// starts git-upload-pack once (listing the refs and fetching in the same
// connection), where it used to start it twice.
func TestFetchShallowOneConnection(t *testing.T) {
	starts := countUploadPack(t)
	c, ids := setup(t, 3)
	c.Backend = BackendGoGit
	f, err := c.Fetch(context.Background(), url, ids[2])
	if err != nil || !f.Shallow() || f.InPlace() {
		t.Fatalf("Fetch(tip) = %+v, %v; want a shallow entry", f, err)
	}
	if n := starts(); n != 1 {
		t.Fatalf("git-upload-pack started %d times for one shallow fetch; want 1", n)
	}
}

// TestFetchPartialMirrorInPlace: a local mirror that is a partial clone
// (a promisor pack) and lacks a blob of the pin is read in place without
// starting git-upload-pack; one that is a partial clone but holds every
// object of the pin is fetched as usual. (The count of git-upload-pack
// starts is the go-git backend's: git starts it from its own exec path.)
func TestFetchPartialMirrorInPlace(t *testing.T) {
	starts := countUploadPack(t)
	backends(t, func(t *testing.T, backend string) {
		c, ids := setup(t, 2)
		c.Backend = backend
		mirror := filepath.Join(filepath.Dir(c.Dir), "mirror", "o", "r")
		pack := filepath.Join(mirror, ".git", "objects", "pack")
		os.MkdirAll(pack, 0o755)
		if err := os.WriteFile(filepath.Join(pack, "pack-0000000000000000000000000000000000000000.promisor"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		starts()
		f, err := c.Fetch(context.Background(), url, ids[1])
		if err != nil || f.InPlace() || !f.Transferred {
			t.Fatalf("Fetch(complete partial clone) = %+v, %v; want a fetch into the cache", f, err)
		}
		// git runs git-upload-pack from its own exec path, not the wrapper.
		if n := starts(); n == 0 && backend == BackendGoGit {
			t.Fatalf("git-upload-pack never started for a partial clone that holds every object; want a fetch")
		}
		if err := os.Remove(looseBlob(t, c, ids[0], "src/a.py")); err != nil {
			t.Fatal(err)
		}
		f, err = c.Fetch(context.Background(), url, ids[0])
		if err != nil || !f.InPlace() || f.Snapshot == "" || !strings.Contains(f.Note, "partial clone") || !strings.Contains(f.Note, "src/a.py") {
			t.Fatalf("Fetch(partial clone lacking a blob) = %+v, %v; want it read in place, naming the blob", f, err)
		}
		if n := starts(); n != 0 {
			t.Fatalf("git-upload-pack started %d times for a partial clone lacking a blob of the pin; want 0", n)
		}
	})
}

// countUploadPack puts a git-upload-pack first on PATH that counts its
// starts and runs the real one; the returned func gives the starts since
// its last call. It skips the test where git-upload-pack is missing.
func countUploadPack(t *testing.T) func() int {
	t.Helper()
	real, err := exec.LookPath("git-upload-pack")
	if err != nil {
		t.Skip("git-upload-pack not installed")
	}
	bin := t.TempDir()
	count := filepath.Join(bin, "count")
	wrapper := "#!/bin/sh\necho x >> '" + count + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git-upload-pack"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() int {
		data, _ := os.ReadFile(count)
		os.Remove(count)
		return strings.Count(string(data), "x")
	}
}
