package gitgen

import (
	"fmt"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"
)

// Entry is one raw tree entry, for trees git itself would never write (a
// hostile server can serve them): Name and Mode are stored as given, in the
// order given, unchecked. A directory has Entries, anything else Data (a
// file's content or a symlink's target).
type Entry struct {
	Name    string
	Mode    filemode.FileMode
	Data    string
	Entries []Entry
}

// WriteTree stores the tree of entries (and their blobs and subtrees) in s
// with go-git's plumbing and returns its id.
func WriteTree(s storage.Storer, entries []Entry) (plumbing.Hash, error) {
	// Encoded by hand: go-git's encoder refuses unsorted entries, which a
	// hostile tree may hold.
	var buf []byte
	for _, e := range entries {
		var h plumbing.Hash
		var err error
		if e.Mode == filemode.Dir {
			h, err = WriteTree(s, e.Entries)
		} else {
			h, err = writeBlob(s, e.Data)
		}
		if err != nil {
			return plumbing.ZeroHash, err
		}
		buf = fmt.Appendf(buf, "%o %s\x00", uint32(e.Mode), e.Name)
		buf = append(buf, h[:]...)
	}
	return writeObject(s, plumbing.TreeObject, buf)
}

func writeBlob(s storage.Storer, data string) (plumbing.Hash, error) {
	return writeObject(s, plumbing.BlobObject, []byte(data))
}

func writeObject(s storage.Storer, t plumbing.ObjectType, data []byte) (plumbing.Hash, error) {
	obj := s.NewEncodedObject()
	obj.SetType(t)
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(obj)
}

// RawCommit stores a commit of the raw tree entries in repo and points
// branch main and HEAD at it; it returns the commit's id.
func RawCommit(repo *git.Repository, entries []Entry) (plumbing.Hash, error) {
	tree, err := WriteTree(repo.Storer, entries)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	sig := object.Signature{Name: "Fixture", Email: "fixture@example.com", When: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := &object.Commit{Author: sig, Committer: sig, Message: "hostile tree\n", TreeHash: tree}
	obj := repo.Storer.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := repo.Storer.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	main := plumbing.NewBranchReferenceName("main")
	if err := repo.Storer.SetReference(plumbing.NewHashReference(main, h)); err != nil {
		return plumbing.ZeroHash, err
	}
	return h, repo.Storer.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, main))
}
