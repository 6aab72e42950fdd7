package scripttest

import (
	"os"
	"path/filepath"
	"strconv"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// hostilerepo DST OUTSIDE makes DST a bare repository whose one commit
// (branch main) holds README.md, a symlink a -> OUTSIDE and a directory
// also named a holding pwn.txt: a tree git itself never writes, built
// with go-git's plumbing as a hostile server could serve it.
func cmdHostilerepo(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: hostilerepo DST OUTSIDE")
	}
	repo, err := git.PlainInit(ts.MkAbs(args[0]), true)
	ts.Check(err)
	_, err = gitgen.RawCommit(repo, []gitgen.Entry{
		{Name: "README.md", Mode: filemode.Regular, Data: "# paper\nUp to 2x faster.\n"},
		{Name: "a", Mode: filemode.Symlink, Data: ts.MkAbs(args[1])},
		{Name: "a", Mode: filemode.Dir, Entries: []gitgen.Entry{{Name: "pwn.txt", Mode: filemode.Regular, Data: "pwned\n"}}},
	})
	ts.Check(err)
}

// swapobject REPO FROM TO copies the loose object file of the commit FROM
// commits back from HEAD over that of the commit TO back, as someone who
// can write to a mirror could (git fsck calls it a hash-path mismatch).
func cmdSwapobject(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: swapobject REPO FROM TO")
	}
	dir := ts.MkAbs(args[0])
	repo, err := git.PlainOpen(dir)
	ts.Check(err)
	head, err := repo.Head()
	ts.Check(err)
	back := func(s string) string {
		n, err := strconv.Atoi(s)
		ts.Check(err)
		c, err := repo.CommitObject(head.Hash())
		ts.Check(err)
		for ; n > 0; n-- {
			c, err = c.Parent(0)
			ts.Check(err)
		}
		return looseObject(dir, c)
	}
	from, to := back(args[1]), back(args[2])
	data, err := os.ReadFile(from)
	ts.Check(err)
	os.Remove(to)
	ts.Check(os.WriteFile(to, data, 0o444))
}

func looseObject(dir string, c *object.Commit) string {
	id := c.Hash.String()
	if st, err := os.Stat(filepath.Join(dir, ".git")); err == nil && st.IsDir() {
		dir = filepath.Join(dir, ".git")
	}
	return filepath.Join(dir, "objects", id[:2], id[2:])
}
