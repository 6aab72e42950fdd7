package gitrepo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// completeMarker is written into a cache entry after its first fetch
// succeeded; an entry without it was interrupted and is rebuilt.
const completeMarker = "repro-complete"

// Cache is a folder of bare repositories, one per remote URL.
type Cache struct {
	Dir     string
	Mirrors []Mirror
	// Progress, when set, receives go-git's transfer progress.
	Progress io.Writer
	// ProgressFor, when set, gives the writer for the transfer progress of
	// one repository (by its spec URL), so concurrent fetches can be told
	// apart; it takes precedence over Progress.
	ProgressFor func(url string) io.Writer
	// Backend is the fetch backend: BackendGoGit or BackendCLI; empty
	// means the REPRO_GIT environment variable, else go-git.
	Backend string
	// FullHistory makes a new entry fetch every branch with its whole
	// history, as git clone does, instead of only the wanted commit.
	FullHistory bool
}

// DefaultDir is the cache folder used without --cache or REPRO_CACHE.
func DefaultDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "repro")
	}
	return filepath.Join(os.TempDir(), "repro-cache")
}

// Fetched is a repository in the cache holding the wanted commit.
type Fetched struct {
	Repo   *git.Repository
	Commit string // the 40-hex commit that was resolved and will be checked out
	// Source is where objects came from: the URL, or the mirror location.
	Source   string
	Mirrored bool
	// Transferred is false when the cache already held the commit and no
	// fetch was needed.
	Transferred bool
	Duration    time.Duration
	Path        string // the cache entry
	// Note says how the repository was read when it was not the usual way.
	Note string
	// Snapshot, for a local mirror read in place (Path is the mirror),
	// identifies the objects it held when it was read (see Snapshot); ""
	// for a cache entry, which holds every object of the commit's tree,
	// or when it cannot be told.
	Snapshot string
}

// InPlace says the repository is a local mirror read in place, not a
// cache entry: it may lack objects, which Snapshot then identifies.
func (f *Fetched) InPlace() bool {
	return f.Path != "" && f.Path == f.Source
}

// direct opens a local mirror in place, for when it cannot be fetched.
func direct(src, commit string) (*Fetched, error) {
	repo, err := openRepo(src)
	if err != nil {
		return nil, err
	}
	if commit == "" {
		if commit, err = defaultHead(repo); err != nil {
			return nil, err
		}
	}
	if !hasCommit(repo, commit) {
		return nil, fmt.Errorf("commit %s is not in %s", commit, src)
	}
	return &Fetched{Repo: repo, Commit: commit, Source: src, Mirrored: true, Path: src}, nil
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(strings.TrimSpace(err.Error()), "\n")
	return s
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// entryName is readable (owner-name) and unique (a hash of the full URL).
func entryName(url string) string {
	sum := sha256.Sum256([]byte(url))
	base := strings.TrimSuffix(strings.TrimRight(url, "/"), ".git")
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '/' || r == ':' })
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	name := unsafeName.ReplaceAllString(strings.Join(parts, "-"), "_")
	if len(name) > 60 {
		name = name[:60]
	}
	return name + "-" + hex.EncodeToString(sum[:6])
}

// open returns the complete cache entry at path, or nil when there is none.
// A half-written entry (no marker) is removed so it is rebuilt.
func (c *Cache) open(path string) (*git.Repository, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if _, err := os.Stat(filepath.Join(path, completeMarker)); err != nil {
		return nil, c.discard(path)
	}
	repo, err := openRepo(path)
	if err != nil {
		return nil, c.discard(path)
	}
	return repo, nil
}

func (c *Cache) discard(path string) error {
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove broken cache entry %s: %w", path, err)
	}
	return nil
}

// Discard removes the cache entry for url, e.g. after its objects turned
// out to be corrupt, so the next fetch rebuilds it.
func (c *Cache) Discard(ctx context.Context, url string) error {
	name := entryName(url)
	unlock, err := lock(ctx, filepath.Join(c.Dir, name+".lock"))
	if err != nil {
		return err
	}
	defer unlock()
	return c.discard(filepath.Join(c.Dir, name))
}

// build creates a new entry in a temporary folder and renames it into place,
// so no reader ever sees a partial entry.
func (c *Cache) build(ctx context.Context, s strategy, path, src, url, commit string) (*git.Repository, error) {
	tmp, err := os.MkdirTemp(c.Dir, ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return nil, fmt.Errorf("create cache entry: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if _, err := git.PlainInit(tmp, true); err != nil {
		return nil, err
	}
	repo, err := openRepo(tmp) // with the storage the fetch writes through
	if err != nil {
		return nil, err
	}
	if _, err := repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{url}}); err != nil {
		return nil, err
	}
	if err := c.fetch(ctx, s, repo, tmp, url, src, commit); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, completeMarker), []byte(url+"\n"), 0o644); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("move cache entry into place: %w", err)
	}
	ok = true
	return openRepo(path)
}

// fetchHistory is the history strategy with go-git: every branch (and,
// when the pinned commit is not on one, the commit itself) from src. It
// never pulls: a pull can leave a clone half-updated, a fetch only adds
// objects and moves refs.
func (c *Cache) fetchHistory(ctx context.Context, repo *git.Repository, url, src, commit string) error {
	opts := &git.FetchOptions{
		RemoteName: "origin",
		RemoteURL:  src,
		RefSpecs:   []config.RefSpec{"+refs/heads/*:refs/heads/*", "+HEAD:refs/remotes/origin/HEAD"},
		Tags:       git.NoTags,
		Force:      true,
		Progress:   c.progress(url),
	}
	err := withContext(ctx, func() error { return repo.FetchContext(ctx, opts) })
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
		// Some servers refuse the HEAD refspec; retry with branches only.
		opts.RefSpecs = opts.RefSpecs[:1]
		err = withContext(ctx, func() error { return repo.FetchContext(ctx, opts) })
		if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
			return err
		}
	}
	if commit == "" || hasCommit(repo, commit) {
		return nil
	}
	// The pin is not a branch tip's ancestor: ask for it by hash (GitHub
	// and git-upload-pack with uploadpack.allowAnySHA1InWant allow it).
	opts.RefSpecs = []config.RefSpec{config.RefSpec("+" + commit + ":refs/repro/pins/" + commit)}
	err = withContext(ctx, func() error { return repo.FetchContext(ctx, opts) })
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) && ctx.Err() != nil {
		return err
	}
	return nil
}

// withContext runs f but returns as soon as ctx is done: a go-git fetch
// does not always stop promptly on cancellation.
func withContext(ctx context.Context, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// intact reports whether every object reachable from the entry's branches
// can be read; it is only called when something already went wrong.
func (c *Cache) intact(repo *git.Repository) bool {
	refs, err := repo.References()
	if err != nil {
		return false
	}
	defer refs.Close()
	ok := true
	refs.ForEach(func(r *plumbing.Reference) error {
		if r.Type() != plumbing.HashReference {
			return nil
		}
		commit, err := repo.CommitObject(r.Hash())
		if err != nil {
			ok = false
			return storer.ErrStop
		}
		tree, err := commit.Tree()
		if err != nil {
			ok = false
			return storer.ErrStop
		}
		if err := tree.Files().ForEach(func(*object.File) error { return nil }); err != nil {
			ok = false
			return storer.ErrStop
		}
		return nil
	})
	return ok
}

func hasCommit(repo *git.Repository, commit string) bool {
	c, err := repo.CommitObject(plumbing.NewHash(commit))
	if err != nil {
		return false
	}
	_, err = c.Tree()
	return err == nil
}

func defaultHead(repo *git.Repository) (string, error) {
	for _, name := range []plumbing.ReferenceName{"refs/remotes/origin/HEAD", plumbing.HEAD, "refs/heads/main", "refs/heads/master"} {
		if ref, err := repo.Reference(name, true); err == nil {
			return ref.Hash().String(), nil
		}
	}
	refs, err := repo.References()
	if err != nil {
		return "", err
	}
	defer refs.Close()
	var found string
	refs.ForEach(func(r *plumbing.Reference) error {
		if found == "" && r.Name().IsBranch() {
			found = r.Hash().String()
		}
		return nil
	})
	if found == "" {
		return "", fmt.Errorf("the repository has no branches")
	}
	return found, nil
}

// lock takes an exclusive flock on path, waiting while ctx allows. The
// kernel drops the lock when the process dies, so kill -9 never leaves
// a stale lock behind.
func lock(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	for {
		err := tryLock(f)
		if err == nil {
			return func() { unlock(f); f.Close() }, nil
		}
		if !errors.Is(err, errWouldBlock) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
