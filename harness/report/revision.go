package report

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

	"github.com/repro-harness/repro/harness/results"
)

// maxRecord caps a record read from git history; real ones are kilobytes.
const maxRecord = 16 << 20

// RecordsAt loads the latest record of every paper as the results folder
// dir stood at git revision rev (a commit, branch, tag, HEAD~1, …) of the
// repository that contains dir. A revision whose tree has no such folder
// yields no records: every paper is then new.
//
// The records are read with go-git, not from the working tree, and pass
// through a temporary results.Store so "latest" means exactly what it
// means for the working folder.
func RecordsAt(dir, rev string) ([]*results.Record, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("results at %s: %w", rev, err)
	}
	repo, root, abs, err := openContaining(abs)
	if err != nil {
		return nil, fmt.Errorf("results at %s: %w", rev, err)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return nil, fmt.Errorf("results at %s: %s is outside the repository at %s", rev, dir, root)
	}
	hash, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, fmt.Errorf("results at %s: resolve revision: %w", rev, err)
	}
	commit, err := repo.CommitObject(*hash)
	if err != nil {
		return nil, fmt.Errorf("results at %s: %w", rev, err)
	}
	tree, err := commit.Tree()
	if err != nil {
		return nil, fmt.Errorf("results at %s: %w", rev, err)
	}
	if rel != "." {
		tree, err = tree.Tree(filepath.ToSlash(rel))
		if errors.Is(err, object.ErrDirectoryNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("results at %s: %s: %w", rev, rel, err)
		}
	}
	tmp, err := os.MkdirTemp("", "repro-results-")
	if err != nil {
		return nil, fmt.Errorf("results at %s: %w", rev, err)
	}
	defer os.RemoveAll(tmp)
	for _, e := range tree.Entries {
		if e.Mode != filemode.Dir || strings.HasPrefix(e.Name, ".") || !filepath.IsLocal(e.Name) {
			continue
		}
		sub, err := tree.Tree(e.Name)
		if err != nil {
			return nil, fmt.Errorf("results at %s: %s: %w", rev, e.Name, err)
		}
		for _, f := range sub.Entries {
			if !f.Mode.IsFile() || !strings.HasSuffix(f.Name, ".json") || strings.HasPrefix(f.Name, ".") || !filepath.IsLocal(f.Name) {
				continue
			}
			if err := extract(sub, f.Name, filepath.Join(tmp, e.Name, f.Name)); err != nil {
				return nil, fmt.Errorf("results at %s: %s: %w", rev, path.Join(e.Name, f.Name), err)
			}
		}
	}
	recs, err := results.Store{Dir: tmp}.LatestAll(nil)
	if err != nil {
		return nil, fmt.Errorf("results at %s: %s", rev, strings.ReplaceAll(err.Error(), tmp, filepath.ToSlash(rel)))
	}
	return recs, nil
}

// openContaining opens the git repository whose working tree holds dir
// (absolute; it need not exist yet) and returns the tree's root and dir,
// both with symbolic links resolved so one is a prefix of the other.
func openContaining(dir string) (*git.Repository, string, string, error) {
	start, rest := dir, ""
	for {
		if _, err := os.Stat(start); err == nil {
			break
		}
		parent := filepath.Dir(start)
		if parent == start {
			break
		}
		rest = filepath.Join(filepath.Base(start), rest)
		start = parent
	}
	repo, err := git.PlainOpenWithOptions(start, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil, "", "", fmt.Errorf("open the git repository holding %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, "", "", fmt.Errorf("open the git repository holding %s: %w", dir, err)
	}
	root, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return nil, "", "", err
	}
	if start, err = filepath.EvalSymlinks(start); err != nil {
		return nil, "", "", err
	}
	return repo, root, filepath.Join(start, rest), nil
}

func extract(t *object.Tree, name, dst string) error {
	f, err := t.File(name)
	if err != nil {
		return err
	}
	if f.Size > maxRecord {
		return fmt.Errorf("record of %d bytes is over the %d byte limit", f.Size, maxRecord)
	}
	r, err := f.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, io.LimitReader(r, maxRecord)); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
