package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
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
	// Skipped lists entries with unsafe names (such as ".." or ".git").
	Skipped []string
}

// Checkout writes the files of commit (only those under subdir, when set)
// into dir, which must not exist yet. It streams each blob to disk instead
// of going through a worktree and index, which go-git makes slow, and it
// keeps going past missing blobs so an incomplete mirror can be audited.
func Checkout(repo *git.Repository, commit, subdir, dir string) (*Tree, error) {
	c, err := repo.CommitObject(plumbing.NewHash(commit))
	if err != nil {
		return nil, fmt.Errorf("checkout %s: %w", commit, err)
	}
	tree, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("checkout %s: read tree: %w", commit, err)
	}
	if subdir = strings.Trim(path.Clean("/"+filepath.ToSlash(subdir)), "/"); subdir != "" {
		tree, err = tree.Tree(subdir)
		if err != nil {
			return nil, fmt.Errorf("checkout %s: subdir %q: %w", commit, subdir, err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	t := &Tree{Dir: dir}
	w := object.NewTreeWalker(tree, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return t, fmt.Errorf("checkout %s: walk tree: %w", commit, err)
		}
		if !safeName(name) {
			t.Skipped = append(t.Skipped, name)
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		switch e.Mode {
		case filemode.Dir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return t, err
			}
		case filemode.Submodule:
			t.Submodules = append(t.Submodules, name)
			os.MkdirAll(dst, 0o755)
		case filemode.Symlink:
			target, err := blobString(repo, e.Hash)
			if err != nil {
				t.Missing = append(t.Missing, name)
				continue
			}
			if err := os.Symlink(target, dst); err != nil {
				return t, err
			}
			t.Files++
		default:
			n, err := writeBlob(repo, e.Hash, dst, e.Mode == filemode.Executable)
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Missing = append(t.Missing, name)
				continue
			}
			if err != nil {
				return t, fmt.Errorf("checkout %s: %s: %w", commit, name, err)
			}
			t.Files++
			t.Bytes += n
		}
	}
	return t, nil
}

func safeName(name string) bool {
	for _, p := range strings.Split(name, "/") {
		if p == ".." || p == "." || p == "" || strings.EqualFold(p, ".git") {
			return false
		}
	}
	return true
}

func blobString(repo *git.Repository, h plumbing.Hash) (string, error) {
	b, err := repo.BlobObject(h)
	if err != nil {
		return "", err
	}
	r, err := b.Reader()
	if err != nil {
		return "", err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, 4096))
	return string(data), err
}

func writeBlob(repo *git.Repository, h plumbing.Hash, dst string, exec bool) (int64, error) {
	b, err := repo.BlobObject(h)
	if err != nil {
		return 0, err
	}
	r, err := b.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	mode := os.FileMode(0o644)
	if exec {
		mode = 0o755
	}
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, mode)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}
