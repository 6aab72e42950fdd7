package gitrepo

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// backends runs f once per fetch backend (the CLI one where git is
// installed).
func backends(t *testing.T, f func(t *testing.T, backend string)) {
	for _, b := range []string{BackendGoGit, BackendCLI} {
		t.Run(b, func(t *testing.T) {
			if b == BackendCLI {
				if _, err := exec.LookPath("git"); err != nil {
					t.Skip("no git installed")
				}
			}
			f(t, b)
		})
	}
}

// hostileMirror makes a mirror at root/mirror/o/r whose one commit has the
// given root tree, and a cache reading it with backend.
func hostileMirror(t *testing.T, root, backend string, entries []gitgen.Entry) (*Cache, string) {
	t.Helper()
	repo, err := git.PlainInit(filepath.Join(root, "mirror", "o", "r"), true)
	if err != nil {
		t.Fatal(err)
	}
	h, err := gitgen.RawCommit(repo, entries)
	if err != nil {
		t.Fatal(err)
	}
	return &Cache{Dir: filepath.Join(root, "cache"), Backend: backend, Mirrors: []Mirror{{From: "https://github.com/", To: filepath.Join(root, "mirror")}}}, h.String()
}

// hostileTrees are the trees a checkout must refuse, by name: a symlink to
// outside (a folder the caller makes) and a directory of the same name (in
// either order, or up to case), names git refuses ("..", a slash, ".git"
// however spelled), and duplicate entries. A view refuses them too.
func hostileTrees(outside string) map[string][]gitgen.Entry {
	link := gitgen.Entry{Name: "a", Mode: filemode.Symlink, Data: outside}
	dir := gitgen.Entry{Name: "a", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "pwn.txt", Mode: filemode.Regular, Data: "pwned\n"}}}
	upper := link
	upper.Name = "A"
	file := gitgen.Entry{Name: "a", Mode: filemode.Regular, Data: "x"}
	return map[string][]gitgen.Entry{
		"link then dir":   {link, dir},
		"dir then link":   {dir, link},
		"link up to case": {upper, dir},
		"link and file":   {link, file},
		"nested":          {{Name: "d", Mode: filemode.Dir, Entries: []gitgen.Entry{link, dir}}},
		"dot dot":         {{Name: "..", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "pwn.txt", Mode: filemode.Regular, Data: "x"}}}},
		"slash":           {{Name: "../pwn.txt", Mode: filemode.Regular, Data: "x"}},
		".GIT":            {{Name: ".GIT", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "config", Mode: filemode.Regular, Data: "x"}}}},
		"git~1":           {{Name: "GIT~1", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "config", Mode: filemode.Regular, Data: "x"}}}},
		".git hfs":        {{Name: ".g\u200cit", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "config", Mode: filemode.Regular, Data: "x"}}}},
		"duplicate file":  {file, file},
	}
}

// TestCheckoutHostileTree: a tree holding a symlink to a folder outside
// and a directory of the same name (in either order, or up to case) is
// refused, and nothing is written outside the checkout.
func TestCheckoutHostileTree(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		root := t.TempDir()
		outside := filepath.Join(root, "x")
		if err := os.Mkdir(outside, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, entries := range hostileTrees(outside) {
			t.Run(name, func(t *testing.T) {
				sub := filepath.Join(root, strings.ReplaceAll(name, " ", "-"))
				c, commit := hostileMirror(t, sub, backend, entries)
				f, err := c.Fetch(context.Background(), "https://github.com/o/r", commit)
				if err != nil {
					t.Fatalf("Fetch = %v", err)
				}
				_, err = Checkout(f.Repo, f.Commit, "", filepath.Join(sub, "tree"))
				if !errors.Is(err, ErrHostileTree) {
					t.Errorf("Checkout = %v; want a hostile tree error", err)
				}
				if left, _ := os.ReadDir(outside); len(left) > 0 {
					t.Fatalf("checkout wrote %s outside the tree", left[0].Name())
				}
			})
		}
	})
}

// TestCheckoutRefusesExistingLink: a link already in the target folder (a
// step, or another process, can put one there) is never written through.
func TestCheckoutRefusesExistingLink(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "x")
	os.Mkdir(outside, 0o755)
	c, commit := hostileMirror(t, root, BackendGoGit, []gitgen.Entry{
		{Name: "a", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "pwn.txt", Mode: filemode.Regular, Data: "x"}}},
	})
	f, err := c.Fetch(context.Background(), "https://github.com/o/r", commit)
	if err != nil {
		t.Fatal(err)
	}
	tree := filepath.Join(root, "tree")
	os.Mkdir(tree, 0o755)
	os.Symlink(outside, filepath.Join(tree, "a"))
	if _, err := Checkout(f.Repo, f.Commit, "", tree); err == nil {
		t.Errorf("Checkout over a planted link = nil error; want one")
	}
	if left, _ := os.ReadDir(outside); len(left) > 0 {
		t.Fatalf("checkout wrote %s through a link", left[0].Name())
	}
}

// TestCheckoutGoodTree: links inside the tree, case pairs of plain files
// and nested folders are written as they are.
func TestCheckoutGoodTree(t *testing.T) {
	root := t.TempDir()
	c, commit := hostileMirror(t, root, BackendGoGit, []gitgen.Entry{
		{Name: "README", Mode: filemode.Regular, Data: "a"},
		{Name: "docs", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "x.md", Mode: filemode.Regular, Data: "b"}}},
		{Name: "link", Mode: filemode.Symlink, Data: "docs/x.md"},
		{Name: "readme", Mode: filemode.Regular, Data: "c"},
		{Name: "run.sh", Mode: filemode.Executable, Data: "#!/bin/sh\n"},
	})
	f, err := c.Fetch(context.Background(), "https://github.com/o/r", commit)
	if err != nil {
		t.Fatal(err)
	}
	tree := filepath.Join(root, "tree")
	tr, err := Checkout(f.Repo, f.Commit, "", tree)
	if err != nil || tr.Files != 5 {
		t.Fatalf("Checkout = %+v, %v; want 5 files", tr, err)
	}
	if b, err := os.ReadFile(filepath.Join(tree, "link")); err != nil || string(b) != "b" {
		t.Errorf("link reads %q, %v; want b", b, err)
	}
	if st, err := os.Stat(filepath.Join(tree, "run.sh")); err != nil || st.Mode()&0o100 == 0 {
		t.Errorf("run.sh = %v, %v; want executable", st, err)
	}
}

// TestResolveStaysInMirror: a URL whose path climbs with ".." (plain,
// percent-encoded or with \) is refused even where the folder it names
// exists outside the mirror.
func TestResolveStaysInMirror(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "mirror", "o", "r"), 0o755)
	os.MkdirAll(filepath.Join(root, "evil", "pins"), 0o755)
	ms := []Mirror{{From: "https://github.com/", To: filepath.Join(root, "mirror")}, {From: "https://gh/", To: "https://mirror.example/gh/"}}
	for _, u := range []string{
		"https://github.com/../evil/pins",
		"https://github.com/o/../../evil/pins",
		"https://github.com/%2e%2e/evil/pins",
		`https://github.com/..\evil\pins`,
		"https://github.com/./../evil/pins",
		"https://gh/../../other",
	} {
		got, _, err := Resolve(u, ms)
		if err == nil || !strings.Contains(err.Error(), `segment: refused, it would leave the mirror`) {
			t.Errorf("Resolve(%q) = %q, %v; want it refused", u, got, err)
		}
	}
	for u, want := range map[string]string{
		"https://github.com//o//r/": filepath.Join(root, "mirror", "o", "r"),
		"https://gh/o/r":            "https://mirror.example/gh/o/r",
	} {
		if got, _, err := Resolve(u, ms); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", u, got, err, want)
		}
	}
}

// TestMirrorOptionInjection: a mirror that git would read as an option is
// refused when parsed, and the CLI backend never passes a source that
// starts with "-" (nor any source before "--").
func TestMirrorOptionInjection(t *testing.T) {
	for _, bad := range []string{"https://github.com/=--upload-pack=touch pwned", "--upload-pack=x=/srv", "https://github.com/=-x"} {
		_, err := ParseMirror(bad)
		if err == nil || !strings.Contains(err.Error(), `FROM and TO must not start with "-"`) {
			t.Errorf("ParseMirror(%q) = %v; want a refusal", bad, err)
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git installed")
	}
	root := t.TempDir()
	pwned := filepath.Join(root, "pwned")
	// Built directly, as a library user could: ParseMirror refuses it.
	c := &Cache{Dir: filepath.Join(root, "cache"), Backend: BackendCLI, Mirrors: []Mirror{{From: "https://github.com/", To: "--upload-pack=touch " + pwned + ";://"}}}
	_, err := c.Fetch(context.Background(), "https://github.com/o/r", strings.Repeat("a", 40))
	if err == nil || !strings.Contains(err.Error(), `starts with "-": refused, git would read it as an option`) {
		t.Errorf("Fetch through an option mirror = %v; want a refusal", err)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Fatalf("git ran the mirror's --upload-pack command")
	}
}
