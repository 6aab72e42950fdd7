package run

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/repro-harness/repro/harness/spec"
)

// Files is the tree a measure reads: a folder on disk (Dir), or a
// commit's tree read from a repository's objects without a checkout
// (Objects), which is what the artefact and static measures of a check
// whose steps do not run read. Both give the same readings, and the same
// errors, for the same content.
type Files interface {
	// Exists reports whether rel names an entry of the tree, not
	// following a final symlink.
	Exists(rel string) bool
	// ReadInside is ReadInside below the tree's root.
	ReadInside(rel string) ([]byte, error)
	// Count is Count over the tree.
	Count(c spec.Count) (int, error)
}

// Dir is a tree on disk.
type Dir string

// Exists reports whether rel exists below the folder (os.Lstat).
func (d Dir) Exists(rel string) bool {
	_, err := os.Lstat(filepath.Join(string(d), filepath.FromSlash(rel)))
	return !errors.Is(err, os.ErrNotExist)
}

// ReadInside reads rel below the folder: see the function ReadInside.
func (d Dir) ReadInside(rel string) ([]byte, error) { return ReadInside(string(d), rel) }

// Count counts in the folder: see the function Count.
func (d Dir) Count(c spec.Count) (int, error) { return Count(string(d), c) }

// ObjectTree is a commit's tree as a repository's objects give it
// (internal/gitrepo's View): entries listed with their sizes, files read
// on demand, symlinks resolved inside the tree.
type ObjectTree interface {
	// Walk calls fn for every entry, a directory before what it holds.
	Walk(fn func(rel string, mode fs.FileMode, size int64) error) error
	// ReadFile returns up to limit+1 bytes of the regular file at rel,
	// not following a symlink.
	ReadFile(rel string, limit int64) ([]byte, error)
	// Lstat returns the mode of the entry at rel and whether it exists.
	Lstat(rel string) (fs.FileMode, bool)
	// Resolve follows the symlinks on rel's way; an error wrapping
	// fs.ErrNotExist when a part is absent, another when a link leads
	// outside the tree.
	Resolve(rel string) (string, error)
}

// Objects reads the measures' files from t, by the rules of Dir.
func Objects(t ObjectTree) Files { return objectFiles{t} }

type objectFiles struct{ t ObjectTree }

func (o objectFiles) Exists(rel string) bool {
	_, ok := o.t.Lstat(strings.Trim(rel, "/"))
	return ok
}

func (o objectFiles) ReadInside(rel string) ([]byte, error) {
	if err := spec.CheckRelPath(rel); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEscapes, err)
	}
	p, err := o.t.Resolve(rel)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("measurement file %s was not written by the steps", rel)
		}
		return nil, fmt.Errorf("%w: %v", ErrEscapes, err)
	}
	mode, ok := o.t.Lstat(p)
	if !ok {
		return nil, fmt.Errorf("measurement file %s was not written by the steps", rel)
	}
	if !mode.IsRegular() {
		return nil, fmt.Errorf("measurement file %s: %w (%s)", rel, ErrNotRegular, kind(mode))
	}
	data, err := o.t.ReadFile(p, maxMeasureFile)
	if err != nil {
		return nil, err
	}
	if len(data) > maxMeasureFile {
		return nil, fmt.Errorf("measurement file %s is larger than %d bytes", rel, maxMeasureFile)
	}
	return data, nil
}

func (o objectFiles) Count(c spec.Count) (int, error) {
	k, err := newCounter(c)
	if err != nil {
		return 0, err
	}
	err = o.t.Walk(func(rel string, mode fs.FileMode, size int64) error {
		if !mode.IsRegular() {
			return nil
		}
		return k.add(rel, func(left int64) ([]byte, error) {
			data, err := o.t.ReadFile(rel, left)
			if err == nil && int64(len(data)) > left {
				err = fmt.Errorf("%w (%d bytes)", errCountCap, maxCountBytes)
			}
			return data, err
		})
	})
	if err != nil {
		return 0, err
	}
	return k.result(), nil
}
