package gitrepo

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
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

// A placer puts a tree's entries somewhere as walkTree meets them: a
// checkout creates them in a folder, a view lists them. Each method gets
// the entry's path below the tree (name) and the entry; file returns the
// bytes placed, or an error wrapping plumbing.ErrObjectNotFound for a blob
// the repository lacks (a partial mirror), which walkTree records as
// missing.
type placer interface {
	// dir places a directory and returns the placer of what it holds,
	// closed once its entries are placed.
	dir(name string, e object.TreeEntry) (placer, error)
	submodule(name string, e object.TreeEntry) error
	symlink(name string, e object.TreeEntry, target string) error
	file(name string, e object.TreeEntry) (int64, error)
	close()
}

// walkTree places tree's entries below prefix through p, applying the
// rules of this file and counting into t what a checkout reports: files,
// bytes, missing blobs and submodules. A checkout and a view both walk
// with it, so that they refuse, skip and count the same entries.
func (r *reader) walkTree(t *Tree, p placer, tree *object.Tree, prefix string, depth int) error {
	if err := checkEntries(tree.Entries, prefix); err != nil {
		return err
	}
	for _, e := range tree.Entries {
		if err := r.stopped(); err != nil {
			return err
		}
		name := prefix + e.Name
		switch e.Mode {
		case filemode.Dir:
			if depth >= maxDepth {
				return fmt.Errorf("%s: %w: directories nested deeper than %d levels", name, ErrHostileTree, maxDepth)
			}
			sub, err := r.tree(e.Hash)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			child, err := p.dir(name, e)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			err = r.walkTree(t, child, sub, name+"/", depth+1)
			child.close()
			if err != nil {
				return err
			}
		case filemode.Submodule:
			t.Submodules = append(t.Submodules, name)
			if err := p.submodule(name, e); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		case filemode.Symlink:
			// A link's target is a few bytes, read (and checked against
			// its id) by a checkout and a view alike.
			target, err := r.smallBlob(e.Hash, 4096)
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Missing = append(t.Missing, name)
				continue
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := p.symlink(name, e, string(target)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			t.Files++
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			n, err := p.file(name, e)
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Missing = append(t.Missing, name)
				continue
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			t.Files++
			t.Bytes += n
		default:
			return fmt.Errorf("%s: %w: unknown file mode %o", name, ErrHostileTree, uint32(e.Mode))
		}
	}
	return nil
}
