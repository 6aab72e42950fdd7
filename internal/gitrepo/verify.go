package gitrepo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/go-git/go-billy/v5/osfs"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// largeObject is the size above which go-git reads an undeltified object
// from disk as it is consumed instead of inflating it into memory first:
// checkout then holds one copy buffer of a large blob, not the blob.
const largeObject = 1 << 20

// objectCache caps go-git's cache of decoded objects per repository. A
// checkout reads each blob once, so the cache only serves the bases of
// delta chains; go-git's default (96 MiB) filled up with blobs that are
// never read again and, with the garbage collector's headroom, made most
// of a cold check's peak memory (docs/benchmarks.md).
const objectCache = 16 * cache.MiByte

// openPacks is how many pack files a repository keeps open between two
// object reads. Without it go-git opens the pack and builds a new reader
// of it for every object: keeping them open cut the CPU time of checking
// out a 6,000-file tree by about a seventh; a repository has one or a few
// packs. The files are
// closed with the storage, or by the garbage collector once the
// repository is dropped.
const openPacks = 4

// openRepo opens the repository at path (bare, or a working copy with a
// .git folder) so that large objects stream and fetched packs are indexed
// by packWriter.
func openRepo(path string) (*git.Repository, error) {
	dot := path
	if st, err := os.Stat(filepath.Join(path, ".git")); err == nil && st.IsDir() {
		dot = filepath.Join(path, ".git")
	}
	if _, err := os.Stat(dot); err != nil {
		return nil, git.ErrRepositoryNotExists
	}
	st := filesystem.NewStorageWithOptions(osfs.New(dot), cache.NewObjectLRU(objectCache), filesystem.Options{LargeObjectThreshold: largeObject, MaxOpenDescriptors: openPacks})
	return git.Open(&packStorage{Storage: st, dir: dot}, nil)
}

// reader reads objects and checks each against its id: the storage does
// not, and a mirror read in place was never checked by a fetch.
type reader struct {
	repo *git.Repository
	// ctx, when set, stops a checkout between two entries.
	ctx context.Context
	// buf is the copy buffer of writeBlob, one per reader: allocating it
	// per blob made most of a checkout's allocations.
	buf []byte
}

// stopped returns ctx's error once the checkout is cancelled.
func (r *reader) stopped() error {
	if r.ctx == nil {
		return nil
	}
	return r.ctx.Err()
}

// read returns the content of a small object (a commit, a tree, a symlink
// target) after checking it hashes to h.
func (r *reader) read(t plumbing.ObjectType, h plumbing.Hash, limit int64) (plumbing.EncodedObject, []byte, error) {
	obj, err := r.repo.Storer.EncodedObject(t, h)
	if err != nil {
		return nil, nil, err
	}
	if obj.Size() > limit {
		return nil, nil, fmt.Errorf("%s %s: %d bytes, more than the %d a %s may have here", t, h, obj.Size(), limit, t)
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, nil, err
	}
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if got := plumbing.ComputeHash(t, data); got != h || int64(len(data)) != obj.Size() {
		return nil, nil, mismatch(t, h, got, int64(len(data)), obj.Size())
	}
	return obj, data, nil
}

// maxTree bounds one tree object (about a million entries).
const maxTree = 64 << 20

func (r *reader) commit(h plumbing.Hash) (*object.Commit, error) {
	obj, _, err := r.read(plumbing.CommitObject, h, 16<<20)
	if err != nil {
		return nil, err
	}
	return object.DecodeCommit(r.repo.Storer, obj)
}

func (r *reader) tree(h plumbing.Hash) (*object.Tree, error) {
	obj, _, err := r.read(plumbing.TreeObject, h, maxTree)
	if err != nil {
		return nil, err
	}
	return object.DecodeTree(r.repo.Storer, obj)
}

// smallBlob reads a blob of at most limit bytes, checked.
func (r *reader) smallBlob(h plumbing.Hash, limit int64) ([]byte, error) {
	_, data, err := r.read(plumbing.BlobObject, h, limit)
	return data, err
}

// mismatch is the error for an object whose content is not what its id
// promises: IsCorrupt and classify recognise it by "corrupt".
func mismatch(t plumbing.ObjectType, want, got plumbing.Hash, n, size int64) error {
	if n != size {
		return fmt.Errorf("%s %s is corrupt: %d bytes read of the %d its header gives", t, want, n, size)
	}
	return fmt.Errorf("%s %s is corrupt: its content hashes to %s (an object swapped or damaged in the repository)", t, want, got)
}

// connected checks that repo holds commit, its trees and every blob they
// name (submodules aside), without reading the blobs: after a go-git
// fetch, and in a partial mirror before one (lacking).
func connected(repo *git.Repository, commit string) error {
	r := &reader{repo: repo}
	c, err := r.commit(plumbing.NewHash(commit))
	if err != nil {
		return fmt.Errorf("commit %s: %w", commit, err)
	}
	var walk func(h plumbing.Hash, dir string, depth int) error
	walk = func(h plumbing.Hash, dir string, depth int) error {
		if depth > maxDepth {
			return fmt.Errorf("tree %s: %w: directories nested deeper than %d levels", h, ErrHostileTree, maxDepth)
		}
		t, err := r.tree(h)
		if err != nil {
			return fmt.Errorf("tree %s (%s/): %w", h, dir, err)
		}
		for _, e := range t.Entries {
			switch e.Mode {
			case filemode.Dir:
				if err := walk(e.Hash, path.Join(dir, e.Name), depth+1); err != nil {
					return err
				}
			case filemode.Submodule:
			default:
				if err := repo.Storer.HasEncodedObject(e.Hash); err != nil {
					return fmt.Errorf("commit %s: blob %s (%s): %w", commit, e.Hash, path.Join(dir, e.Name), err)
				}
			}
		}
		return nil
	}
	return walk(c.TreeHash, "", 0)
}
