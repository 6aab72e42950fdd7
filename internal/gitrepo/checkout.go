//go:build unix

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"golang.org/x/sys/unix"
)

// Tree is a materialised commit: what was written, and what could not be.
type Tree struct {
	Dir   string
	Files int
	Bytes int64
	// Missing lists files whose content the repository lacks (a mirror that
	// left large blobs out); the rest of the tree is still written.
	Missing []string
	// Submodules lists gitlink entries; their content is never fetched.
	Submodules []string
	// Skipped is kept for records written before hostile trees were
	// refused outright; Checkout no longer fills it.
	Skipped []string
}

// ErrHostileTree is wrapped by the error of a checkout refused because a
// tree holds entries git itself never writes: names such as "..", ".git"
// (in any case or spelling a case-insensitive file system folds to it),
// names with "/", one name twice, or a symlink whose name another entry
// shares up to case.
var ErrHostileTree = errors.New("refused a hostile tree")

// maxDepth bounds directory nesting: each level holds a directory handle.
const maxDepth = 512

// Checkout writes the files of commit (only those under subdir, when set)
// into dir, which must not exist yet. It streams each blob to disk instead
// of going through a worktree and index, which go-git makes slow, and it
// keeps going past missing blobs so an incomplete mirror can be audited.
//
// The repository is treated as hostile. Every object read is checked
// against its id (a mirror read in place is not verified by any fetch),
// so a swapped or damaged object fails the checkout with an error that
// IsCorrupt recognises. Every write goes through the handle of its parent
// directory, opened without following links (openat with O_NOFOLLOW), and
// creates its entry exclusively, so no entry, whatever the tree holds, is
// written outside dir or through a link. A tree that could only serve to
// try (see ErrHostileTree) is refused with the reason.
func Checkout(repo *git.Repository, commit, subdir, dir string) (*Tree, error) {
	return CheckoutContext(context.Background(), repo, commit, subdir, dir)
}

// CheckoutContext is Checkout that stops with ctx's error, between two
// entries, once ctx is done: a tree of 100k files stops within a file of
// Ctrl-C.
func CheckoutContext(ctx context.Context, repo *git.Repository, commit, subdir, dir string) (*Tree, error) {
	r := &reader{repo: repo, ctx: ctx}
	c, err := r.commit(plumbing.NewHash(commit))
	if err != nil {
		return nil, fmt.Errorf("checkout %s: %w", commit, err)
	}
	tree, err := r.tree(c.TreeHash)
	if err != nil {
		return nil, fmt.Errorf("checkout %s: read tree: %w", commit, err)
	}
	if subdir = strings.Trim(path.Clean("/"+filepath.ToSlash(subdir)), "/"); subdir != "" {
		for _, name := range strings.Split(subdir, "/") {
			var e *object.TreeEntry
			for i := range tree.Entries {
				if tree.Entries[i].Name == name && tree.Entries[i].Mode == filemode.Dir {
					e = &tree.Entries[i]
				}
			}
			if e == nil {
				return nil, fmt.Errorf("checkout %s: subdir %q: %w", commit, subdir, object.ErrDirectoryNotFound)
			}
			if tree, err = r.tree(e.Hash); err != nil {
				return nil, fmt.Errorf("checkout %s: subdir %q: %w", commit, subdir, err)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("checkout %s: %w", commit, err)
	}
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("checkout %s: open %s: %w", commit, dir, err)
	}
	defer unix.Close(fd)
	t := &Tree{Dir: dir}
	if err := r.write(t, fd, tree, "", 0); err != nil {
		return t, fmt.Errorf("checkout %s: %w", commit, err)
	}
	return t, nil
}

// write creates tree's entries in the directory fd; prefix is the tree's
// path for messages and the lists in t.
func (r *reader) write(t *Tree, fd int, tree *object.Tree, prefix string, depth int) error {
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
			cfd, err := mkdirOpen(fd, e.Name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			err = r.write(t, cfd, sub, name+"/", depth+1)
			unix.Close(cfd)
			if err != nil {
				return err
			}
		case filemode.Submodule:
			t.Submodules = append(t.Submodules, name)
			cfd, err := mkdirOpen(fd, e.Name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			unix.Close(cfd)
		case filemode.Symlink:
			target, err := r.smallBlob(e.Hash, 4096)
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Missing = append(t.Missing, name)
				continue
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := unix.Symlinkat(string(target), fd, e.Name); err != nil {
				return fmt.Errorf("%s: create symlink: %w", name, err)
			}
			t.Files++
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			n, err := r.writeBlob(fd, e.Name, e.Hash, e.Mode == filemode.Executable)
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

// mkdirOpen creates directory name in fd and opens it, never through a
// link: O_NOFOLLOW fails on a symlink put there by any means.
func mkdirOpen(fd int, name string) (int, error) {
	if err := unix.Mkdirat(fd, name, 0o755); err != nil {
		return -1, fmt.Errorf("create directory: %w", err)
	}
	cfd, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, fmt.Errorf("open directory: %w", err)
	}
	return cfd, nil
}

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

// writeBlob streams blob h into a new file name in directory fd, hashing
// it on the way; a blob whose content does not match its id is removed and
// reported as corrupt.
func (r *reader) writeBlob(fd int, name string, h plumbing.Hash, exec bool) (int64, error) {
	obj, err := r.repo.Storer.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return 0, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	mode := uint32(0o644)
	if exec {
		mode = 0o755
	}
	ffd, err := unix.Openat(fd, name, unix.O_CREAT|unix.O_EXCL|unix.O_WRONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, mode)
	if err != nil {
		return 0, fmt.Errorf("create file: %w", err)
	}
	f := os.NewFile(uintptr(ffd), name)
	hasher := plumbing.NewHasher(plumbing.BlobObject, obj.Size())
	if r.buf == nil {
		r.buf = make([]byte, 64<<10)
	}
	n, err := io.CopyBuffer(io.MultiWriter(f, hasher), rd, r.buf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && (n != obj.Size() || hasher.Sum() != h) {
		err = mismatch(plumbing.BlobObject, h, hasher.Sum(), n, obj.Size())
	}
	if err != nil {
		unix.Unlinkat(fd, name, 0)
		if IsCorrupt(err) && obj.Size() > largeObject {
			// go-git's streaming reader of a large object can return wrong
			// bytes for one stored as a chain of deltas in a pack (seen on
			// a real repository whose blobs git itself verifies). Read it
			// whole, without streaming, before calling it corrupt; the
			// content is checked against its id all the same.
			return r.writeWholeBlob(fd, name, h, mode)
		}
		return n, err
	}
	return n, nil
}

// writeWholeBlob writes blob h read whole into memory through a storage
// that does not stream large objects, checked against its id.
func (r *reader) writeWholeBlob(fd int, name string, h plumbing.Hash, mode uint32) (int64, error) {
	fs, ok := r.repo.Storer.(*filesystem.Storage)
	if !ok {
		return 0, fmt.Errorf("blob %s: no whole-object reader for this storage", h)
	}
	whole := filesystem.NewStorage(fs.Filesystem(), cache.NewObjectLRUDefault())
	defer whole.Close()
	obj, err := whole.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return 0, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, obj.Size()+1))
	if err != nil {
		return 0, err
	}
	if got := plumbing.ComputeHash(plumbing.BlobObject, data); got != h || int64(len(data)) != obj.Size() {
		return 0, mismatch(plumbing.BlobObject, h, got, int64(len(data)), obj.Size())
	}
	ffd, err := unix.Openat(fd, name, unix.O_CREAT|unix.O_EXCL|unix.O_WRONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, mode)
	if err != nil {
		return 0, fmt.Errorf("create file: %w", err)
	}
	f := os.NewFile(uintptr(ffd), name)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		unix.Unlinkat(fd, name, 0)
		return 0, err
	}
	return int64(len(data)), nil
}
