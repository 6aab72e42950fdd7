//go:build unix

package gitrepo

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// diskListing is what a tree holds as the audit sees it: each entry's path,
// its kind and, for a file, its size.
func diskListing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "." {
			return nil
		}
		out = append(out, entryLine(filepath.ToSlash(rel), d.Type(), func() int64 {
			info, _ := d.Info()
			return info.Size()
		}))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func viewListing(t *testing.T, v *View) []string {
	t.Helper()
	var out []string
	v.Walk(func(rel string, mode fs.FileMode, size int64) error {
		out = append(out, entryLine(rel, mode.Type(), func() int64 { return size }))
		return nil
	})
	// WalkDir goes in lexical order of names, git in its own order (a
	// folder sorts as "name/"): compare as sets.
	return sortedCopy(out)
}

func entryLine(rel string, typ fs.FileMode, size func() int64) string {
	switch {
	case typ.IsDir():
		return rel + " dir"
	case typ&fs.ModeSymlink != 0:
		return rel + " symlink"
	}
	return fmt.Sprintf("%s file %d", rel, size())
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// sameAsCheckout checks out commit (under subdir) and reads the same tree
// as a view: both must succeed or fail alike, report the same summary and
// list the same entries with the same sizes.
func sameAsCheckout(t *testing.T, repo *git.Repository, commit, subdir string) *View {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tree")
	co, cerr := Checkout(repo, commit, subdir, dir)
	v, verr := NewView(context.Background(), repo, commit, subdir)
	if cerr != nil || verr != nil {
		if cerr == nil || verr == nil || cerr.Error() != verr.Error() {
			t.Fatalf("Checkout = %v; NewView = %v; want the same outcome", cerr, verr)
		}
		return nil
	}
	got := v.Summary()
	got.Dir = co.Dir
	if !reflect.DeepEqual(got, co) {
		t.Errorf("View summary = %+v; checkout reported %+v", got, co)
	}
	if d, w := sortedCopy(diskListing(t, dir)), viewListing(t, v); !reflect.DeepEqual(d, w) {
		t.Errorf("View lists\n%s\ncheckout wrote\n%s", strings.Join(w, "\n"), strings.Join(d, "\n"))
	}
	return v
}

func randomText(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return fmt.Sprintf("%x", b)[:n]
}

// TestViewGoodTree: nested folders, symlinks (inside, dangling, out of the
// tree), an executable, a submodule and a large file are listed as a
// checkout writes them, in the mirror's loose objects and, fetched, in a
// pack.
func TestViewGoodTree(t *testing.T) {
	entries := []gitgen.Entry{
		{Name: "README.md", Mode: filemode.Regular, Data: "# r\n"},
		{Name: "LICENSE", Mode: filemode.Regular, Data: "MIT License\n"},
		{Name: "docs", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "x.md", Mode: filemode.Regular, Data: "b"}, {Name: "deep", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "y", Mode: filemode.Regular}}}}},
		{Name: "ext", Mode: filemode.Submodule, Data: "not fetched"},
		{Name: "link", Mode: filemode.Symlink, Data: "docs/x.md"},
		{Name: "out", Mode: filemode.Symlink, Data: "../../etc/passwd"},
		{Name: "readme", Mode: filemode.Regular, Data: "c"},
		{Name: "run.sh", Mode: filemode.Executable, Data: "#!/bin/sh\n"},
		{Name: "weights.bin", Mode: filemode.Regular, Data: randomText(3 << 20)},
	}
	backends(t, func(t *testing.T, backend string) {
		root := t.TempDir()
		c, commit := hostileMirror(t, root, backend, entries)
		mirror, err := openRepo(filepath.Join(root, "mirror", "o", "r"))
		if err != nil {
			t.Fatal(err)
		}
		sameAsCheckout(t, mirror, commit, "")
		f, err := c.Fetch(context.Background(), "https://github.com/o/r", commit)
		if err != nil {
			t.Fatal(err)
		}
		v := sameAsCheckout(t, f.Repo, f.Commit, "")
		if v == nil || v.Summary().Files != 9 || len(v.Summary().Submodules) != 1 {
			t.Fatalf("View summary = %+v; want 9 files and one submodule", v.Summary())
		}
		sameAsCheckout(t, f.Repo, f.Commit, "docs")
		sameAsCheckout(t, f.Repo, f.Commit, "nosuch")
	})
}

// TestViewDeltas: sizes of blobs stored as deltas in a fetched pack are
// their content's, read from the delta's header.
func TestViewDeltas(t *testing.T) {
	root := t.TempDir()
	base := randomText(200 << 10)
	ids := fixture(t, filepath.Join(root, "mirror", "o", "r"), 1, map[string]string{"a.txt": base, "b.txt": base + "tail\n", "c.txt": strings.Repeat("line\n", 1000)})
	c := &Cache{Dir: filepath.Join(root, "cache"), Mirrors: []Mirror{{From: "https://github.com/", To: filepath.Join(root, "mirror")}}}
	f, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	sameAsCheckout(t, f.Repo, f.Commit, "")
}

// TestViewHostileTree: every tree a checkout refuses, a view refuses with
// the same error.
func TestViewHostileTree(t *testing.T) {
	cases := hostileTrees("/tmp")
	deep := gitgen.Entry{Name: "f", Mode: filemode.Regular}
	for i := 0; i <= maxDepth; i++ {
		deep = gitgen.Entry{Name: "d", Mode: filemode.Dir, Entries: []gitgen.Entry{deep}}
	}
	cases["too deep"] = []gitgen.Entry{deep}
	for name, entries := range cases {
		t.Run(name, func(t *testing.T) {
			repo, err := git.Init(memory.NewStorage(), nil)
			if err != nil {
				t.Fatal(err)
			}
			h, err := gitgen.RawCommit(repo, entries)
			if err != nil {
				t.Fatal(err)
			}
			_, verr := NewView(context.Background(), repo, h.String(), "")
			if !errors.Is(verr, ErrHostileTree) {
				t.Errorf("NewView = %v; want a hostile tree error", verr)
			}
			sameAsCheckout(t, repo, h.String(), "")
		})
	}
}

// TestViewPartialMirror: blobs a mirror lacks are missing in the view as
// in a checkout, and left out of the listing.
func TestViewPartialMirror(t *testing.T) {
	c, ids := setup(t, 1)
	if err := os.Remove(looseBlob(t, c, ids[0], "src/a.py")); err != nil {
		t.Fatal(err)
	}
	f, err := c.Fetch(context.Background(), url, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	v := sameAsCheckout(t, f.Repo, f.Commit, "")
	if got := v.Summary().Missing; len(got) != 1 || got[0] != "src/a.py" {
		t.Errorf("View missing = %v; want [src/a.py]", got)
	}
}

// TestViewReadFile: a read keeps limit+1 bytes at most, refuses what is
// not a file, and catches a blob swapped in the mirror.
func TestViewReadFile(t *testing.T) {
	root := t.TempDir()
	_, commit := hostileMirror(t, root, BackendGoGit, []gitgen.Entry{
		{Name: "README.md", Mode: filemode.Regular, Data: "0123456789"},
		{Name: "d", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "up", Mode: filemode.Symlink, Data: "../README.md"}, {Name: "abs", Mode: filemode.Symlink, Data: "/etc/passwd"}, {Name: "esc", Mode: filemode.Symlink, Data: "../../x"}}},
		{Name: "loop", Mode: filemode.Symlink, Data: "loop"},
	})
	repo, err := openRepo(filepath.Join(root, "mirror", "o", "r"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewView(context.Background(), repo, commit, "")
	if err != nil {
		t.Fatal(err)
	}
	for limit, want := range map[int64]string{3: "0123", 9: "0123456789", 10: "0123456789", 100: "0123456789"} {
		if b, err := v.ReadFile("README.md", limit); err != nil || string(b) != want {
			t.Errorf("ReadFile(README.md, %d) = %q, %v; want %q", limit, b, err, want)
		}
	}
	for _, p := range []string{"d", "d/up", "nosuch"} {
		if _, err := v.ReadFile(p, 10); err == nil {
			t.Errorf("ReadFile(%s) = nil error; want one", p)
		}
	}
	for p, want := range map[string]string{"d/up": "README.md", "d/../README.md": "README.md", "d": "d"} {
		if got, err := v.Resolve(p); err != nil || got != want {
			t.Errorf("Resolve(%s) = %q, %v; want %q", p, got, err, want)
		}
	}
	for p, want := range map[string]error{"d/abs": ErrOutside, "d/esc": ErrOutside, "nosuch": fs.ErrNotExist, "README.md/x": fs.ErrNotExist} {
		if _, err := v.Resolve(p); !errors.Is(err, want) {
			t.Errorf("Resolve(%s) = %v; want %v", p, err, want)
		}
	}
	if _, err := v.Resolve("loop"); err == nil {
		t.Errorf("Resolve(loop) = nil error; want one")
	}

	// A swapped blob: the listing does not read it, a read catches it.
	c, ids := setup(t, 1)
	mirror := filepath.Join(c.Mirrors[0].To, "o", "r")
	swapObject(t, mirror, blobID(t, mirror, ids[0], "src/a.py"), blobID(t, mirror, ids[0], "README.md"))
	repo, err = openRepo(mirror)
	if err != nil {
		t.Fatal(err)
	}
	v, err = NewView(context.Background(), repo, ids[0], "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.ReadFile("README.md", 100); !IsCorrupt(err) || !IsCorrupt(v.Corrupt()) {
		t.Errorf("ReadFile(swapped) = %v, Corrupt = %v; want both corrupt", err, v.Corrupt())
	}
}
