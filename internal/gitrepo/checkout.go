//go:build unix

package gitrepo

import (
	"context"
	"fmt"
	"io"
	"os"

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
	tree, err := r.checkoutRoot(commit, subdir)
	if err != nil {
		return nil, err
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
	if err := r.walkTree(t, folder{r, fd}, tree, "", 0); err != nil {
		return t, fmt.Errorf("checkout %s: %w", commit, err)
	}
	return t, nil
}

// folder places a tree's entries in the directory fd: a checkout.
type folder struct {
	r  *reader
	fd int
}

func (f folder) dir(name string, e object.TreeEntry) (placer, error) {
	cfd, err := mkdirOpen(f.fd, e.Name)
	if err != nil {
		return nil, err
	}
	return folder{f.r, cfd}, nil
}

// submodule creates the empty directory git leaves for a submodule.
func (f folder) submodule(name string, e object.TreeEntry) error {
	cfd, err := mkdirOpen(f.fd, e.Name)
	if err != nil {
		return err
	}
	unix.Close(cfd)
	return nil
}

func (f folder) symlink(name string, e object.TreeEntry, target string) error {
	if err := unix.Symlinkat(target, f.fd, e.Name); err != nil {
		return fmt.Errorf("create symlink: %w", err)
	}
	return nil
}

func (f folder) file(name string, e object.TreeEntry) (int64, error) {
	return f.r.writeBlob(f.fd, e.Name, e.Hash, e.Mode == filemode.Executable)
}

func (f folder) close() { unix.Close(f.fd) }

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
