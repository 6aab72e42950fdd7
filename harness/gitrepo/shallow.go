package gitrepo

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
)

// errNeedsHistory says a shallow entry cannot provide the wanted commit
// without the history it left out.
var errNeedsHistory = errors.New("the commit is not a branch or tag tip of a shallow cache entry")

// fetchInto brings commit (or, when it is empty, the remote's HEAD) into
// repo. A new or shallow entry gets only that commit's objects (depth 1):
// a check reads one tree, never the history, and a shallow fetch is what
// brings go-git within reach of git clone's time and memory (see
// docs/benchmarks.md). A full entry stays full and fetches incrementally.
func (c *Cache) fetchInto(ctx context.Context, repo *git.Repository, dir, url, src, commit string) error {
	if c.FullHistory || (hasBranches(repo) && !isShallow(repo)) {
		return c.update(ctx, repo, dir, url, src, commit)
	}
	if c.backend() == BackendCLI {
		return c.fetchCLI(ctx, dir, url, src, commit, false)
	}
	err := c.fetchShallow(ctx, repo, url, src, commit)
	if err == nil && (commit == "" || hasCommit(repo, commit)) {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if isShallow(repo) {
		return errNeedsHistory
	}
	// The server cannot give this commit on its own: fetch everything.
	return c.update(ctx, repo, dir, url, src, commit)
}

// fetchShallow fetches one commit at depth 1: by the name of the branch
// or tag whose tip it is (any git server allows that), else by its hash
// (servers that allow reachable SHA-1s in wants, as GitHub does).
func (c *Cache) fetchShallow(ctx context.Context, repo *git.Repository, url, src, commit string) error {
	opts := &git.FetchOptions{
		RemoteName: "origin",
		RemoteURL:  src,
		Depth:      1,
		Tags:       git.NoTags,
		Force:      true,
		Progress:   c.progress(url),
	}
	if commit == "" {
		opts.RefSpecs = []config.RefSpec{"+HEAD:refs/remotes/origin/HEAD"}
		return ignoreUpToDate(withContext(ctx, func() error { return repo.FetchContext(ctx, opts) }))
	}
	remote := git.NewRemote(repo.Storer, &config.RemoteConfig{Name: "origin", URLs: []string{src}})
	refs, err := withRefs(ctx, func() ([]*plumbing.Reference, error) { return remote.ListContext(ctx, &git.ListOptions{}) })
	if err != nil {
		return err
	}
	opts.RefSpecs = []config.RefSpec{config.RefSpec("+" + commit + ":refs/repro/pins/" + commit)}
	for _, r := range refs {
		n := r.Name()
		if r.Type() == plumbing.HashReference && r.Hash().String() == commit && (n.IsBranch() || n.IsTag()) {
			opts.RefSpecs = []config.RefSpec{config.RefSpec("+" + n.String() + ":" + n.String())}
			break
		}
	}
	return ignoreUpToDate(withContext(ctx, func() error { return repo.FetchContext(ctx, opts) }))
}

func withRefs(ctx context.Context, f func() ([]*plumbing.Reference, error)) ([]*plumbing.Reference, error) {
	var refs []*plumbing.Reference
	err := withContext(ctx, func() error {
		var err error
		refs, err = f()
		return err
	})
	return refs, err
}

func ignoreUpToDate(err error) error {
	if errors.Is(err, git.NoErrAlreadyUpToDate) {
		return nil
	}
	return err
}

func isShallow(repo *git.Repository) bool {
	s, err := repo.Storer.Shallow()
	return err == nil && len(s) > 0
}

func hasBranches(repo *git.Repository) bool {
	refs, err := repo.Branches()
	if err != nil {
		return false
	}
	defer refs.Close()
	_, err = refs.Next()
	return err == nil
}

// Shallow reports whether the cache entry holds only some commits (no
// history): then only tips can be added to it without a rebuild.
func (f *Fetched) Shallow() bool { return f.Repo != nil && isShallow(f.Repo) }

func (c *Cache) progress(url string) io.Writer {
	if c.ProgressFor != nil {
		if w := c.ProgressFor(url); w != nil {
			return w
		}
	}
	return c.Progress
}

// removeStale deletes the temporary folders of builds of entry name that a
// killed run left behind. The caller holds the entry's lock, and every
// build runs under it, so none of them is in use.
func (c *Cache) removeStale(name string) {
	stale, _ := filepath.Glob(filepath.Join(c.Dir, ".tmp-"+name+"-*"))
	for _, p := range stale {
		os.RemoveAll(p)
	}
}
