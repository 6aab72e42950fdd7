package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

func plumbingHash(s string) plumbing.Hash { return plumbing.NewHash(s) }

// fixture makes a git repository at dir with n commits and returns their
// ids, oldest first.
func fixture(t testing.TB, dir string, n int, files map[string]string) []string {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	var ids []string
	for i := 0; i < n; i++ {
		fs := map[string]string{"HISTORY": fmt.Sprint(i)}
		if i == 0 {
			for k, v := range files {
				fs[k] = v
			}
		}
		for name, body := range fs {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := wt.Add(name); err != nil {
				t.Fatal(err)
			}
		}
		sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2025, 1, 1, i, 0, 0, 0, time.UTC)}
		h, err := wt.Commit(fmt.Sprintf("c%d", i), &git.CommitOptions{Author: sig, Committer: sig})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, h.String())
	}
	return ids
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "owner", "plain"), 0o755)
	os.MkdirAll(filepath.Join(dir, "owner", "bare.git"), 0o755)
	ms := []Mirror{{From: "https://github.com/", To: dir}, {From: "https://github.com/special/", To: "https://mirror.example/special-"}}
	tests := []struct {
		url, want string
		mirrored  bool
		err       bool
	}{
		{"https://github.com/owner/plain", filepath.Join(dir, "owner", "plain"), true, false},
		{"https://github.com/owner/bare", filepath.Join(dir, "owner", "bare.git"), true, false},
		{"https://github.com/owner/plain.git", filepath.Join(dir, "owner", "plain"), true, false},
		{"https://github.com/special/x", "https://mirror.example/special-x", true, false},
		{"https://gitlab.com/owner/plain", "https://gitlab.com/owner/plain", false, false},
		{"https://github.com/owner/absent", "", true, true},
	}
	for _, tt := range tests {
		got, mirrored, err := Resolve(tt.url, ms)
		if (err != nil) != tt.err || got != tt.want || mirrored != tt.mirrored {
			t.Errorf("Resolve(%q) = %q, %v, %v; want %q, %v, error %v", tt.url, got, mirrored, err, tt.want, tt.mirrored, tt.err)
		}
	}
}

func TestParseMirrors(t *testing.T) {
	ms, err := ParseMirrors("https://github.com/=/srv/m, https://x/=https://y/")
	if err != nil || len(ms) != 2 || ms[1].To != "https://y/" {
		t.Errorf("ParseMirrors = %v, %v", ms, err)
	}
	for _, bad := range []string{"nofrom", "=to", "from="} {
		if _, err := ParseMirror(bad); err == nil {
			t.Errorf("ParseMirror(%q) = nil error; want one", bad)
		}
	}
}

func setup(t *testing.T, commits int) (*Cache, []string) {
	t.Helper()
	root := t.TempDir()
	ids := fixture(t, filepath.Join(root, "mirror", "o", "r"), commits, map[string]string{"README.md": "# r\n", "src/a.py": "print(1)\n"})
	return &Cache{Dir: filepath.Join(root, "cache"), Mirrors: []Mirror{{From: "https://github.com/", To: filepath.Join(root, "mirror")}}}, ids
}

const url = "https://github.com/o/r"

func TestFetchAndCheckout(t *testing.T) {
	c, ids := setup(t, 3)
	ctx := context.Background()
	f, err := c.Fetch(ctx, url, ids[0])
	if err != nil {
		t.Fatalf("Fetch(pinned) = %v", err)
	}
	if !f.Transferred || !f.Mirrored || f.Commit != ids[0] {
		t.Errorf("Fetch = %+v; want a transfer through the mirror of %s", f, ids[0])
	}
	dir := filepath.Join(t.TempDir(), "tree")
	tree, err := Checkout(f.Repo, f.Commit, "", dir)
	if err != nil || tree.Files != 3 {
		t.Fatalf("Checkout = %+v, %v; want 3 files", tree, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "HISTORY")); string(b) != "0" {
		t.Errorf("checked-out HISTORY = %q; want the pinned commit's \"0\"", b)
	}
	// Warm: nothing transferred.
	f, err = c.Fetch(ctx, url, ids[0])
	if err != nil || f.Transferred {
		t.Errorf("warm Fetch = %+v, %v; want no transfer", f, err)
	}
	// Unpinned resolves the default branch head.
	f, err = c.Fetch(ctx, url, "")
	if err != nil || f.Commit != ids[2] {
		t.Errorf("Fetch(unpinned) = %v, %v; want head %s", f.Commit, err, ids[2])
	}
	// Subdir.
	sub := filepath.Join(t.TempDir(), "sub")
	tree, err = Checkout(f.Repo, f.Commit, "src", sub)
	if err != nil || tree.Files != 1 {
		t.Errorf("Checkout(subdir) = %+v, %v; want 1 file", tree, err)
	}
}

func TestFetchMissingCommit(t *testing.T) {
	c, _ := setup(t, 1)
	_, err := c.Fetch(context.Background(), url, strings.Repeat("1", 40))
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Kind != MissingCommit {
		t.Fatalf("Fetch(absent commit) = %v; want a missing-commit FetchError", err)
	}
}

func TestFetchUnreachable(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	_, err := c.Fetch(context.Background(), "file:///nonexistent/repo", "")
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Kind != Unreachable {
		t.Fatalf("Fetch(nonexistent) = %v; want an unreachable FetchError", err)
	}
	entries, _ := os.ReadDir(c.Dir)
	for _, e := range entries {
		if e.IsDir() {
			t.Errorf("failed fetch left %s in the cache", e.Name())
		}
	}
}

// A half-written entry (a killed first fetch: no completion marker) is
// detected and rebuilt.
func TestFetchRebuildsHalfWrittenEntry(t *testing.T) {
	c, ids := setup(t, 1)
	ctx := context.Background()
	f, err := c.Fetch(ctx, url, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(f.Path, completeMarker))
	os.RemoveAll(filepath.Join(f.Path, "objects"))
	f, err = c.Fetch(ctx, url, ids[0])
	if err != nil || !f.Transferred {
		t.Fatalf("Fetch after a half-written entry = %+v, %v; want a rebuilt entry", f, err)
	}
}

// A corrupted pack is detected and the entry rebuilt.
func TestFetchRebuildsCorruptPack(t *testing.T) {
	c, ids := setup(t, 2)
	ctx := context.Background()
	f, err := c.Fetch(ctx, url, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(f.Path, "objects", "pack", "*.pack"))
	if len(packs) == 0 {
		t.Skip("go-git stored loose objects; nothing to corrupt")
	}
	for _, p := range packs {
		data, _ := os.ReadFile(p)
		for i := 12; i < len(data)-20; i += 7 {
			data[i] ^= 0xff
		}
		os.WriteFile(p, data, 0o644)
	}
	f, err = c.Fetch(ctx, url, ids[1])
	if err != nil {
		t.Fatalf("Fetch over a corrupt pack = %v; want the entry rebuilt", err)
	}
	if _, err := Checkout(f.Repo, f.Commit, "", filepath.Join(t.TempDir(), "t")); err != nil {
		t.Errorf("Checkout after rebuild = %v", err)
	}
}

func TestFetchConcurrent(t *testing.T) {
	c, ids := setup(t, 2)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = c.Fetch(context.Background(), url, ids[i%2])
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("concurrent Fetch %d = %v", i, err)
		}
	}
}

func TestFetchCancelled(t *testing.T) {
	c, ids := setup(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Fetch(ctx, url, ids[0])
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Kind != Interrupted {
		t.Fatalf("Fetch(cancelled) = %v; want an interrupted FetchError", err)
	}
	// The next run proceeds.
	if _, err := c.Fetch(context.Background(), url, ids[0]); err != nil {
		t.Fatalf("Fetch after cancel = %v", err)
	}
}

// looseBlob is the loose-object file in setup's mirror of the blob at
// path in commit id: a test removes it to make the mirror incomplete.
func looseBlob(t *testing.T, c *Cache, id, path string) string {
	t.Helper()
	mirror := filepath.Join(filepath.Dir(c.Dir), "mirror", "o", "r")
	repo, err := git.PlainOpen(mirror)
	if err != nil {
		t.Fatal(err)
	}
	commit, _ := repo.CommitObject(plumbingHash(id))
	tree, _ := commit.Tree()
	entry, err := tree.FindEntry(path)
	if err != nil {
		t.Fatal(err)
	}
	h := entry.Hash.String()
	return filepath.Join(mirror, ".git", "objects", h[:2], h[2:])
}

// A local mirror that lacks a blob (snapshots leave large files out) is
// refused by git-upload-pack; it is read in place, and the checkout lists
// exactly what is missing while writing the rest.
func TestFetchIncompleteMirror(t *testing.T) {
	c, ids := setup(t, 1)
	blob := looseBlob(t, c, ids[0], "src/a.py")
	if err := os.Remove(blob); err != nil {
		t.Fatalf("remove blob: %v", err)
	}
	f, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil {
		t.Fatalf("Fetch(incomplete mirror) = %v; want it read in place", err)
	}
	if !strings.Contains(f.Note, "read the mirror in place") {
		t.Errorf("Fetch note = %q; want it to say the mirror was read in place", f.Note)
	}
	out, err := Checkout(f.Repo, f.Commit, "", filepath.Join(t.TempDir(), "t"))
	if err != nil {
		t.Fatalf("Checkout = %v", err)
	}
	if len(out.Missing) != 1 || out.Missing[0] != "src/a.py" || out.Files != 2 {
		t.Errorf("Checkout = %d files, missing %v; want 2 files and src/a.py missing", out.Files, out.Missing)
	}
}

// A mirror whose fetch failed is read in place straight away while it holds
// the same objects, and fetched again once they change.
func TestFetchIncompleteMirrorRemembered(t *testing.T) {
	c, ids := setup(t, 1)
	mirror := filepath.Join(filepath.Dir(c.Dir), "mirror", "o", "r")
	blob := looseBlob(t, c, ids[0], "src/a.py")
	data, err := os.ReadFile(blob)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(blob); err != nil {
		t.Fatalf("remove blob: %v", err)
	}
	first, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil || !strings.Contains(first.Note, "the fetch failed") || first.Snapshot == "" || !first.InPlace() {
		t.Fatalf("Fetch(incomplete mirror) = %+v, %v; want it read in place after a failed fetch, with a snapshot", first, err)
	}
	again, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil || !strings.Contains(again.Note, "could not be fetched from before and it has not changed since") || again.Snapshot != first.Snapshot {
		t.Fatalf("Fetch(same incomplete mirror) = %+v, %v; want it read in place at once, snapshot %s", again, err, first.Snapshot)
	}
	// The blob comes back: the snapshot changes and the fetch is tried again.
	if err := os.WriteFile(blob, data, 0o444); err != nil {
		t.Fatal(err)
	}
	if Snapshot(mirror) == first.Snapshot {
		t.Fatalf("Snapshot after adding an object = %s; want a new one", first.Snapshot)
	}
	fixed, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil || !fixed.Transferred || fixed.Note != "" || fixed.Snapshot != "" || fixed.InPlace() {
		t.Fatalf("Fetch(completed mirror) = %+v, %v; want a fetch into the cache", fixed, err)
	}
}
