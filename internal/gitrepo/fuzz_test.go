package gitrepo

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// FuzzCheckout feeds raw trees to Checkout: each input line is
// "TREE KIND NAME DATA", TREE a digit (0 is the root), KIND one of
// d (a directory: DATA is the digit of its tree, a later one), f (file),
// x (executable), l (symlink: DATA is the target), s (submodule) or m
// (DATA is a raw octal mode); NAME may be Go-quoted; $OUT in DATA is a
// folder next to the checkout. Whatever the tree (links out, "..", ".git"
// spellings, case pairs, names twice), Checkout never panics and never
// writes outside its folder.
func FuzzCheckout(f *testing.F) {
	for _, seed := range []string{
		"0 l a $OUT\n0 d a 1\n1 f pwn.txt pwned",
		"0 d a 1\n0 l a $OUT\n1 f pwn.txt pwned",
		"0 l A $OUT\n0 d a 1\n1 f pwn.txt pwned",
		"0 l a ../../outside\n0 d a 1\n1 f pwn.txt x",
		"0 d d 1\n1 l a ..\n1 d a 2\n2 d b 3\n3 f pwn.txt x",
		"0 f .. x\n0 f \"../pwn.txt\" x\n0 d .GIT 1\n1 f config x",
		"0 d \".g\\u200cit\" 1\n0 d GIT~1 1\n0 d \".git.\" 1\n1 f hooks x",
		"0 f a x\n0 f a y\n0 x b z\n0 l c b",
		"0 l link $OUT/pwn.txt\n0 f link pwned",
		"0 s sub 0\n0 m odd 160755 x\n0 f \"a/b\" x\n0 f \"\" x",
		"0 d a 1\n1 l b /\n1 d b 2\n2 f etc x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		root := t.TempDir()
		outside := filepath.Join(root, "outside")
		if err := os.Mkdir(outside, 0o755); err != nil {
			t.Fatal(err)
		}
		entries := fuzzTrees(strings.ReplaceAll(in, "$OUT", outside))
		repo, err := git.Init(memory.NewStorage(), nil)
		if err != nil {
			t.Fatal(err)
		}
		commit, err := gitgen.RawCommit(repo, entries)
		if err != nil {
			t.Skip() // a name go-git cannot store
		}
		Checkout(repo, commit.String(), "", filepath.Join(root, "tree"))
		if left, _ := os.ReadDir(outside); len(left) > 0 {
			t.Fatalf("checkout wrote %s outside its folder", left[0].Name())
		}
		if all, _ := os.ReadDir(root); len(all) > 2 {
			t.Fatalf("checkout wrote %d entries next to its folder", len(all)-2)
		}
	})
}

func fuzzTrees(in string) []gitgen.Entry {
	var trees [10][]gitgen.Entry
	var subs [10][]int // per tree, for each entry of kind d, its subtree (-1: none)
	for _, line := range strings.Split(in, "\n") {
		f := strings.SplitN(line, " ", 4)
		if len(f) < 3 || len(f[0]) != 1 || f[0][0] < '0' || f[0][0] > '9' {
			continue
		}
		ti := int(f[0][0] - '0')
		name := f[2]
		if u, err := strconv.Unquote(name); err == nil {
			name = u
		}
		data := ""
		if len(f) == 4 {
			data = f[3]
		}
		e := gitgen.Entry{Name: name, Data: data}
		sub := -1
		switch f[1] {
		case "d":
			e.Mode, e.Data = filemode.Dir, ""
			if n, err := strconv.Atoi(data); err == nil && n > ti && n <= 9 {
				sub = n
			}
		case "f":
			e.Mode = filemode.Regular
		case "x":
			e.Mode = filemode.Executable
		case "l":
			e.Mode = filemode.Symlink
		case "s":
			e.Mode = filemode.Submodule
		case "m":
			mode, rest, _ := strings.Cut(data, " ")
			m, err := strconv.ParseUint(mode, 8, 32)
			if err != nil {
				continue
			}
			e.Mode, e.Data = filemode.FileMode(m), rest
		default:
			continue
		}
		trees[ti] = append(trees[ti], e)
		subs[ti] = append(subs[ti], sub)
	}
	// Later trees first, so a directory's subtree is complete when used.
	for ti := 9; ti >= 0; ti-- {
		for i, sub := range subs[ti] {
			if sub > 0 {
				trees[ti][i].Entries = trees[sub]
			}
		}
	}
	return trees[0]
}
