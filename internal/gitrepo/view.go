package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// A View is a commit's tree (or a subdir of it) read from the repository's
// objects without writing it anywhere: what an audit-only check reads. A
// checkout inflates and writes every blob; an audit reads a handful of them
// (README, licence, .gitmodules, possible LFS pointers, a bounded number of
// sources) and, for the rest, only their paths and sizes, which the object
// headers give.
//
// A view applies the rules of a checkout (see CheckoutContext): a tree
// that a checkout refuses is refused with the same error, symlinks are
// listed and never followed, submodules are recorded, and the blobs a
// partial mirror lacks are recorded as missing and left out of the
// listing, as a checkout leaves them out of the folder. Its Summary is the
// Tree a checkout of the same commit reports, Dir aside.
//
// Every object a view reads (commits, trees, symlink targets, the files
// read through ReadFile) is checked against its id; a blob only listed is
// not read, and its size is its header's, as `git ls-tree -l` gives it.
type View struct {
	r       *reader
	commit  string
	entries []viewEntry
	byPath  map[string]int
	sum     Tree

	mu      sync.Mutex
	corrupt error // the first corrupt object a read met
}

// viewEntry is one entry of the tree: a directory, a submodule, a symlink
// or a file whose blob the repository holds.
type viewEntry struct {
	path   string
	mode   filemode.FileMode
	hash   plumbing.Hash
	size   int64
	target string // a symlink's
}

// NewView reads the tree of commit (under subdir, when set) from repo. It
// stops with ctx's error between two trees once ctx is done.
func NewView(ctx context.Context, repo *git.Repository, commit, subdir string) (*View, error) {
	r := &reader{repo: repo, ctx: ctx}
	tree, err := r.checkoutRoot(commit, subdir)
	if err != nil {
		return nil, err
	}
	v := &View{r: r, commit: commit, byPath: map[string]int{}}
	if err := r.walkTree(&v.sum, v, tree, "", 0); err != nil {
		return nil, fmt.Errorf("checkout %s: %w", commit, err)
	}
	for i, e := range v.entries {
		v.byPath[e.path] = i
	}
	return v, nil
}

// checkoutRoot reads commit's tree and descends to subdir; errors read as
// a checkout's.
func (r *reader) checkoutRoot(commit, subdir string) (*object.Tree, error) {
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
	return tree, nil
}

// A View is its own placer: it lists what a checkout would write.

func (v *View) dir(name string, e object.TreeEntry) (placer, error) {
	v.entries = append(v.entries, viewEntry{path: name, mode: e.Mode, hash: e.Hash})
	return v, nil
}

func (v *View) submodule(name string, e object.TreeEntry) error {
	v.entries = append(v.entries, viewEntry{path: name, mode: e.Mode, hash: e.Hash})
	return nil
}

func (v *View) symlink(name string, e object.TreeEntry, target string) error {
	v.entries = append(v.entries, viewEntry{path: name, mode: e.Mode, hash: e.Hash, target: target})
	return nil
}

// file lists a file with the size its header gives; its blob is not read.
func (v *View) file(name string, e object.TreeEntry) (int64, error) {
	size, err := v.blobSize(e.Hash)
	if err != nil {
		return 0, err
	}
	v.entries = append(v.entries, viewEntry{path: name, mode: e.Mode, hash: e.Hash, size: size})
	return size, nil
}

func (v *View) close() {}

// blobSize is the size of blob h from its header (the delta's header for
// a deltified object), without inflating its content.
func (v *View) blobSize(h plumbing.Hash) (int64, error) {
	size, err := v.r.repo.Storer.EncodedObjectSize(h)
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return size, err
	}
	// Not in this store's packs or loose objects; an alternate store may
	// hold it, which only a full lookup consults.
	obj, err := v.r.repo.Storer.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return 0, err
	}
	return obj.Size(), nil
}

// Summary is what a checkout of the same tree would report, Dir aside.
func (v *View) Summary() *Tree {
	t := v.sum
	t.Missing = append([]string(nil), v.sum.Missing...)
	t.Submodules = append([]string(nil), v.sum.Submodules...)
	return &t
}

// Walk calls fn for every entry of the tree that a checkout would create,
// parents before their children: directories and submodules (as an empty
// directory, fs.ModeDir), symlinks (fs.ModeSymlink, size 0) and files
// (their permission bits, their size). Paths are slash-separated and
// relative to the tree. Walk stops at fn's first error and returns it.
func (v *View) Walk(fn func(rel string, mode fs.FileMode, size int64) error) error {
	for _, e := range v.entries {
		if err := fn(e.path, fileMode(e.mode), e.size); err != nil {
			return err
		}
	}
	return nil
}

func fileMode(m filemode.FileMode) fs.FileMode {
	switch m {
	case filemode.Dir, filemode.Submodule:
		return fs.ModeDir | 0o755
	case filemode.Symlink:
		return fs.ModeSymlink | 0o777
	case filemode.Executable:
		return 0o755
	}
	return 0o644
}

// Lstat returns the mode of the entry at rel, not following a final
// symlink, and whether there is one ("" and "." are the tree itself).
func (v *View) Lstat(rel string) (fs.FileMode, bool) {
	if rel == "" || rel == "." {
		return fs.ModeDir | 0o755, true
	}
	i, ok := v.byPath[rel]
	if !ok {
		return 0, false
	}
	return fileMode(v.entries[i].mode), true
}

// ErrOutside is returned for a symlink that leads out of the tree.
var ErrOutside = errors.New("leads outside the tree")

// maxLinks bounds the symlinks one path resolution follows, as the
// kernel's ELOOP does.
const maxLinks = 40

// Resolve returns rel with every symlink on its way followed, as
// filepath.EvalSymlinks does in a checked-out tree: the path of the entry
// it names. A link to an absolute path, or one that climbs above the tree,
// is ErrOutside; a component that does not exist is fs.ErrNotExist.
func (v *View) Resolve(rel string) (string, error) {
	var done []string
	todo := strings.Split(rel, "/")
	links := 0
	for len(todo) > 0 {
		name := todo[0]
		todo = todo[1:]
		switch name {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", fmt.Errorf("%s: %w", rel, ErrOutside)
			}
			done = done[:len(done)-1]
			continue
		}
		cur := strings.Join(append(done, name), "/")
		i, ok := v.byPath[cur]
		if !ok {
			return "", fmt.Errorf("%s: %w", rel, fs.ErrNotExist)
		}
		e := v.entries[i]
		if e.mode != filemode.Symlink {
			if len(todo) > 0 && e.mode != filemode.Dir && e.mode != filemode.Submodule {
				return "", fmt.Errorf("%s: %s is not a directory: %w", rel, cur, fs.ErrNotExist)
			}
			done = append(done, name)
			continue
		}
		if links++; links > maxLinks {
			return "", fmt.Errorf("%s: more than %d symbolic links", rel, maxLinks)
		}
		if strings.HasPrefix(e.target, "/") {
			return "", fmt.Errorf("%s: %w: %s links to %s", rel, ErrOutside, cur, e.target)
		}
		todo = append(strings.Split(e.target, "/"), todo...)
	}
	return strings.Join(done, "/"), nil
}

// ReadFile returns up to limit+1 bytes of the file at rel (one more than
// limit, so that a caller tells a file cut short from one of exactly limit
// bytes), reading the whole blob to check it against its id but keeping
// only those. A symlink is not followed. A blob whose content does not
// match its id is an error that IsCorrupt recognises, and is remembered
// (see Corrupt).
func (v *View) ReadFile(rel string, limit int64) ([]byte, error) {
	i, ok := v.byPath[rel]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: rel, Err: fs.ErrNotExist}
	}
	e := v.entries[i]
	if !e.mode.IsFile() || e.mode == filemode.Symlink {
		return nil, &fs.PathError{Op: "read", Path: rel, Err: errNotRegular}
	}
	data, err := v.readBlob(e.hash, limit)
	if err != nil {
		if IsCorrupt(err) {
			v.mu.Lock()
			if v.corrupt == nil {
				v.corrupt = fmt.Errorf("checkout %s: %s: %w", v.commit, rel, err)
			}
			v.mu.Unlock()
		}
		return nil, &fs.PathError{Op: "read", Path: rel, Err: err}
	}
	return data, nil
}

var errNotRegular = errors.New("not a regular file")

// readBlob inflates blob h, keeping its first limit+1 bytes and hashing
// all of it.
// A view is read by one goroutine at a time (the check of one paper).
func (v *View) readBlob(h plumbing.Hash, limit int64) ([]byte, error) {
	obj, err := v.r.repo.Storer.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return nil, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	hasher := plumbing.NewHasher(plumbing.BlobObject, obj.Size())
	keep := &prefixBuffer{max: limit + 1}
	if obj.Size() < keep.max {
		keep.b = make([]byte, 0, obj.Size())
	}
	if v.r.buf == nil {
		v.r.buf = make([]byte, 64<<10)
	}
	// One copy buffer per view: io.Copy's own (32 KiB a read) made most
	// of what reading a few thousand small files allocated.
	n, err := io.CopyBuffer(io.MultiWriter(hasher, keep), rd, v.r.buf)
	if err != nil {
		return nil, err
	}
	if n != obj.Size() || hasher.Sum() != h {
		return nil, mismatch(plumbing.BlobObject, h, hasher.Sum(), n, obj.Size())
	}
	return keep.b, nil
}

// prefixBuffer keeps the first max bytes written to it and drops the rest.
type prefixBuffer struct {
	b   []byte
	max int64
}

func (p *prefixBuffer) Write(b []byte) (int, error) {
	if left := p.max - int64(len(p.b)); left > 0 {
		p.b = append(p.b, b[:min(int64(len(b)), left)]...)
	}
	return len(b), nil
}

// Corrupt returns the first corrupt object a read met, or nil: the
// repository is damaged and should be fetched again.
func (v *View) Corrupt() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.corrupt
}
