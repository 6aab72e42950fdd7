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

// fetchShallow is the shallow strategy with go-git: one commit at depth 1, by the name of the branch
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
