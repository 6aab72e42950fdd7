package gitrepo

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The rules by which a tree is refused, shared by a checkout and by a view
// of the object store (view.go), so that both refuse the same trees.

// ErrHostileTree is wrapped by the error of a checkout refused because a
// tree holds entries git itself never writes: names such as "..", ".git"
// (in any case or spelling a case-insensitive file system folds to it),
// names with "/", one name twice, or a symlink whose name another entry
// shares up to case.
var ErrHostileTree = errors.New("refused a hostile tree")

// maxDepth bounds directory nesting: each level holds a directory handle.
const maxDepth = 512

// checkEntries refuses the entries of one tree that git never writes and
// that only serve to make a checkout write where it should not.
func checkEntries(entries []object.TreeEntry, prefix string) error {
	seen := make(map[string]*object.TreeEntry, len(entries))
	folded := make(map[string]*object.TreeEntry, len(entries))
	for i := range entries {
		e := &entries[i]
		if why := unsafeEntryName(e.Name); why != "" {
			return fmt.Errorf("%w: entry %q in %q %s", ErrHostileTree, e.Name, "/"+prefix, why)
		}
		if o := seen[e.Name]; o != nil {
			if o.Mode != e.Mode {
				return fmt.Errorf("%w: %q in %q is both a %s and a %s", ErrHostileTree, e.Name, "/"+prefix, kind(o.Mode), kind(e.Mode))
			}
			return fmt.Errorf("%w: %q appears twice in %q", ErrHostileTree, e.Name, "/"+prefix)
		}
		seen[e.Name] = e
		// On a case-insensitive file system a symlink "A" and a directory
		// "a" are one path; git refuses such a pair and so do we.
		key := strings.ToLower(e.Name)
		if o := folded[key]; o != nil && (o.Mode == filemode.Symlink || e.Mode == filemode.Symlink) {
			return fmt.Errorf("%w: %q and %q in %q are the same path up to case, and one is a symlink", ErrHostileTree, o.Name, e.Name, "/"+prefix)
		}
		folded[key] = e
	}
	return nil
}

func kind(m filemode.FileMode) string {
	switch m {
	case filemode.Dir:
		return "directory"
	case filemode.Symlink:
		return "symlink"
	case filemode.Submodule:
		return "submodule"
	}
	return "file"
}

// unsafeEntryName says why a single tree entry name is refused, or "".
func unsafeEntryName(name string) string {
	switch {
	case name == "" || name == "." || name == "..":
		return "is not a file name"
	case strings.ContainsAny(name, "/\x00"):
		return "holds a / or NUL"
	case isDotGit(name):
		return "names the .git folder (as git itself, or a case-insensitive or HFS+/NTFS file system, reads it)"
	}
	return ""
}

// isDotGit reports whether name is ".git" as some file system reads it:
// in any case, with code points HFS+ ignores, with trailing dots or
// spaces or an NTFS stream suffix, or as NTFS's short name git~1.
func isDotGit(name string) bool {
	n := strings.Map(func(r rune) rune {
		switch {
		case r == 0x200c || r == 0x200d || r == 0x200e || r == 0x200f || r == 0xfeff,
			r >= 0x202a && r <= 0x202e, r >= 0x206a && r <= 0x206f:
			return -1
		}
		return r
	}, name)
	n = strings.ToLower(n)
	if i := strings.IndexByte(n, ':'); i >= 0 {
		n = n[:i]
	}
	n = strings.TrimRight(n, ". ")
	return n == ".git" || n == "git~1"
}
