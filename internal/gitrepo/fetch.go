package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
)

// Fetch makes sure the cache holds commit (or, when commit is empty, the
// remote's default branch head) of the repository at url, fetching only what
// is missing. It returns a *FetchError when the repository cannot be had.
//
// The whole fetch reads top to bottom here:
//  1. the URL goes through the mirrors, and the cache entry is locked;
//  2. an entry that already holds the commit is used as it is (warm);
//  3. otherwise transfer fetches it with the one strategy plan picks
//     (shallow or history), run by the backend in use (go-git or the git
//     CLI), recovering once from a shallow fetch that cannot reach the
//     commit and once from a damaged entry;
//  4. a local mirror that could not be fetched from is read in place, and
//     so is one whose fetch failed before while it held the same objects
//     (inplace.go), and a partial clone that lacks objects of the commit,
//     without trying (lacking);
//  5. the commit is resolved and must be there.
func (c *Cache) Fetch(ctx context.Context, url, commit string) (*Fetched, error) {
	start := time.Now()
	src, mirrored, err := Resolve(url, c.Mirrors)
	if err != nil {
		return nil, classify(url, err)
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create cache %s: %w", c.Dir, err)
	}
	name := entryName(url)
	unlock, err := lock(ctx, filepath.Join(c.Dir, name+".lock"))
	if err != nil {
		return nil, classify(url, err)
	}
	defer unlock()
	c.removeStale(name)

	f := &Fetched{Source: src, Mirrored: mirrored, Path: filepath.Join(c.Dir, name)}
	repo, err := c.open(f.Path)
	if err != nil {
		return nil, err
	}
	if repo != nil && commit != "" && hasCommit(repo, commit) {
		f.Repo, f.Commit, f.Duration = repo, commit, time.Since(start)
		return f, nil
	}
	if mirrored && isLocal(src) && commit != "" {
		if d := c.readInPlaceAgain(name, src, commit); d != nil {
			d.Duration = time.Since(start)
			return d, nil
		}
		if why := lacking(src, commit); why != "" {
			snap := Snapshot(src)
			if d, derr := direct(src, commit); derr == nil {
				d.Duration, d.Snapshot = time.Since(start), snap
				d.Note = fmt.Sprintf("read the mirror in place: it is a partial clone without every object of the commit (%s), which git-upload-pack refuses to serve", why)
				c.rememberInPlace(name, src, snap, why)
				return d, nil
			}
		}
	}

	f.Transferred = true
	repo, err = c.transfer(ctx, repo, f.Path, url, src, commit)

	if err != nil && mirrored && isLocal(src) && ctx.Err() == nil {
		// git-upload-pack refuses a repository with missing objects, and
		// mirrors of real repositories often leave large blobs out. Read
		// such a mirror in place instead: checkout lists what is missing
		// and the rest of the tree can still be audited, and it checks
		// every object it reads against its id.
		snap := Snapshot(src) // before reading, so a change while reading is seen next time
		if d, derr := direct(src, commit); derr == nil {
			d.Duration, d.Transferred, d.Snapshot = time.Since(start), false, snap
			d.Note = fmt.Sprintf("read the mirror in place: the fetch failed (%v)", firstLine(err))
			if commit != "" {
				c.rememberInPlace(name, src, snap, firstLine(err))
			}
			return d, nil
		}
	}
	if err != nil {
		return nil, classify(url, err)
	}
	resolved := commit
	if resolved == "" {
		if resolved, err = defaultHead(repo); err != nil {
			return nil, classify(url, err)
		}
	}
	if !hasCommit(repo, resolved) {
		return nil, &FetchError{Kind: MissingCommit, URL: url, Err: fmt.Errorf("commit %s is not in %s (fetched every branch; was it force-pushed away?)", resolved, src)}
	}
	f.Repo, f.Commit, f.Duration = repo, resolved, time.Since(start)
	return f, nil
}

// lacking says which object of commit the local mirror src lacks, when
// src is a partial clone (it has promisor packs: objects were left out on
// purpose, as in mirrors made with --filter=blob:limit) and the commit's
// tree names an object it does not hold; "" otherwise. git-upload-pack
// refuses such a mirror only once pack-objects reaches the missing
// object: 0.2 to 6.5 s for each of the catalogue's 14 partial mirrors on
// the development machine, where walking the commit's trees in place
// takes milliseconds. A mirror that is no partial clone is fetched as
// usual (a missing object there is damage, and the fetch reports it).
func lacking(src, commit string) string {
	promisors, _ := filepath.Glob(filepath.Join(src, "objects", "pack", "*.promisor"))
	dotgit, _ := filepath.Glob(filepath.Join(src, ".git", "objects", "pack", "*.promisor"))
	if len(promisors)+len(dotgit) == 0 {
		return ""
	}
	repo, err := openRepo(src)
	if err != nil {
		return ""
	}
	if err := connected(repo, commit); err != nil {
		return firstLine(err)
	}
	return ""
}

// strategy is how commits are brought into a cache entry.
type strategy string

const (
	// shallowFetch gets the commit alone, at depth 1: a check reads one
	// tree, never the history, and a shallow fetch is what brings go-git
	// within reach of git clone's time and memory (docs/benchmarks.md).
	shallowFetch strategy = "shallow"
	// historyFetch gets every branch with its history, incrementally
	// into an entry that has it, as git clone and git fetch do.
	historyFetch strategy = "history"
)

// plan is the one place the strategy is chosen: history when asked for
// (FullHistory) or when the entry already has it (a complete entry stays
// complete and fetches incrementally), shallow otherwise.
func (c *Cache) plan(repo *git.Repository) strategy {
	if c.FullHistory || (repo != nil && hasBranches(repo) && !isShallow(repo)) {
		return historyFetch
	}
	return shallowFetch
}

// remoteBroken reports whether a fetch failed because the serving
// repository lacks objects or is damaged (git-upload-pack's pack-objects
// died reading it: mirrors of real repositories often leave large blobs
// out). Another strategy reads the same objects and fails the same way
// after as long again (seconds for a large mirror, on each of its
// attempts), so transfer does not fall back to history for it.
func remoteBroken(err error) bool {
	return err != nil && (errors.Is(err, errRemoteBroken) || strings.Contains(err.Error(), remoteCorruption))
}

// remoteCorruption is what git-upload-pack says, to go-git and to git
// alike, when pack-objects fails on the repository it serves.
const remoteCorruption = "possible repository corruption on the remote side"

var errRemoteBroken = errors.New("the remote repository lacks objects or is damaged")

// fetch runs strategy s with the backend in use, into the entry repo at
// dir.
func (c *Cache) fetch(ctx context.Context, s strategy, repo *git.Repository, dir, url, src, commit string) error {
	switch {
	case c.backend() == BackendCLI:
		return c.fetchCLI(ctx, s, dir, url, src, commit)
	case s == historyFetch:
		return c.fetchHistory(ctx, repo, url, src, commit)
	default:
		return c.fetchShallow(ctx, repo, url, src, commit)
	}
}

// transfer brings commit into the entry at path (a new one when repo is
// nil) with the planned strategy, and returns the entry. It recovers once
// from each way the strategy can fall short:
//   - shallow, and the server cannot give the commit alone (or it is not
//     a tip a shallow entry can add): history, in a new entry, which is
//     faster and less fragile than deepening a shallow one; not when the
//     server's repository is broken (remoteBroken), which history cannot
//     mend;
//   - the entry is damaged (a corrupt pack, a missing object): fetching
//     into it cannot repair it, so it is rebuilt.
func (c *Cache) transfer(ctx context.Context, repo *git.Repository, path, url, src, commit string) (*git.Repository, error) {
	s, rebuilt := c.plan(repo), false
	for {
		var err error
		if repo == nil {
			repo, err = c.build(ctx, s, path, src, url, commit)
		} else {
			err = c.fetch(ctx, s, repo, path, url, src, commit)
			if reopened, rerr := openRepo(path); rerr == nil {
				repo = reopened // see what another backend wrote
			}
		}
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err == nil && (commit == "" || hasCommit(repo, commit)):
			return repo, c.complete(repo, path, commit)
		case s == shallowFetch && !remoteBroken(err):
			s = historyFetch
		case repo != nil && !rebuilt && !c.intact(repo):
			rebuilt = true
		case err != nil:
			return nil, err
		default:
			return nil, &FetchError{Kind: MissingCommit, URL: url, Err: fmt.Errorf("commit %s is not in %s (fetched every branch; was it force-pushed away?)", commit, src)}
		}
		if repo != nil {
			if err := c.discard(path); err != nil {
				return nil, err
			}
			repo = nil
		}
	}
}

// complete checks, after a go-git fetch, that the entry holds every object
// commit needs: go-git keeps whatever pack the server sends, where git
// fetch checks connectivity. An entry that falls short is discarded, so a
// mirror that served something else is read in place, where checkout
// finds its damaged objects.
func (c *Cache) complete(repo *git.Repository, path, commit string) error {
	if commit == "" || c.backend() != BackendGoGit {
		return nil
	}
	if err := connected(repo, commit); err != nil {
		if derr := c.discard(path); derr != nil {
			return derr
		}
		return fmt.Errorf("the fetch did not bring all objects: %w", err)
	}
	return nil
}
