package gitrepo

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/sideband"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	"github.com/go-git/go-git/v5/storage"
)

// fetchShallow is the shallow strategy with go-git: one commit at depth 1,
// wanted by hash over one upload-pack connection (shallowOne) where the server
// allows it: it is the tip of an advertised branch or tag (any git server
// serves those), or the server allows reachable or tip SHA-1s in wants,
// as GitHub does. The ref it is stored under is that branch or tag, else
// refs/repro/pins/COMMIT.
func (c *Cache) fetchShallow(ctx context.Context, repo *git.Repository, url, src, commit string) error {
	if commit == "" {
		opts := &git.FetchOptions{
			RemoteName: "origin",
			RemoteURL:  src,
			Depth:      1,
			Tags:       git.NoTags,
			Force:      true,
			Progress:   c.progress(url),
			RefSpecs:   []config.RefSpec{"+HEAD:refs/remotes/origin/HEAD"},
		}
		return ignoreUpToDate(withContext(ctx, func() error { return repo.FetchContext(ctx, opts) }))
	}
	return withContext(ctx, func() error { return shallowOne(ctx, repo.Storer, src, commit, c.progress(url)) })
}

// shallowOne fetches commit at depth 1 from src into st in a single
// upload-pack connection. go-git's Remote.Fetch cannot: it refuses a hash
// refspec unless the server advertises allow-*-sha1-in-want, so finding
// the branch whose tip the commit is took a listing connection first (a
// second git-upload-pack started and its refs advertised, about a tenth
// of a second for a local mirror: a fifth of git's whole time for a
// small paper). This reads the advertisement of the connection it fetches
// in.
func shallowOne(ctx context.Context, st storage.Storer, src, commit string, progress io.Writer) (err error) {
	ep, err := transport.NewEndpoint(src)
	if err != nil {
		return err
	}
	cl, err := client.NewClient(ep)
	if err != nil {
		return err
	}
	up, err := cl.NewUploadPackSession(ep, nil)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := up.Close(); err == nil {
			err = cerr
		}
	}()
	adv, err := up.AdvertisedReferencesContext(ctx)
	if err != nil {
		return err
	}
	want := plumbing.NewHash(commit)
	name := plumbing.ReferenceName("refs/repro/pins/" + commit)
	refs, err := adv.AllReferences()
	if err != nil {
		return err
	}
	tip := false
	for _, r := range refs {
		if n := r.Name(); r.Type() == plumbing.HashReference && r.Hash() == want && (n.IsBranch() || n.IsTag()) {
			name, tip = n, true
			break
		}
	}
	caps := adv.Capabilities
	if !tip && !caps.Supports(capability.AllowReachableSHA1InWant) && !caps.Supports(capability.AllowTipSHA1InWant) {
		return git.ErrExactSHA1NotSupported
	}
	req := packp.NewUploadPackRequestFromCapabilities(caps)
	req.Wants = []plumbing.Hash{want}
	req.Depth = packp.DepthCommits(1)
	if err := req.Capabilities.Set(capability.Shallow); err != nil {
		return err
	}
	if progress == nil && caps.Supports(capability.NoProgress) {
		if err := req.Capabilities.Set(capability.NoProgress); err != nil {
			return err
		}
	}
	if req.Shallows, err = st.Shallow(); err != nil {
		return err
	}
	// What the entry has (the tips of earlier fetches): the server then
	// leaves out the objects the new commit shares with them.
	local, err := st.IterReferences()
	if err != nil {
		return err
	}
	local.ForEach(func(r *plumbing.Reference) error {
		if r.Type() == plumbing.HashReference && st.HasEncodedObject(r.Hash()) == nil {
			req.Haves = append(req.Haves, r.Hash())
		}
		return nil
	})
	resp, err := up.UploadPack(ctx, req)
	if err != nil {
		return err
	}
	defer resp.Close()
	if len(resp.Shallows) > 0 {
		shallows := append([]plumbing.Hash(nil), req.Shallows...)
		for _, h := range resp.Shallows {
			if !slices.Contains(shallows, h) {
				shallows = append(shallows, h)
			}
		}
		if err := st.SetShallow(shallows); err != nil {
			return err
		}
	}
	var pack io.Reader = resp
	switch {
	case req.Capabilities.Supports(capability.Sideband64k):
		pack = demux(sideband.Sideband64k, resp, progress)
	case req.Capabilities.Supports(capability.Sideband):
		pack = demux(sideband.Sideband, resp, progress)
	}
	if err := packfile.UpdateObjectStorage(st, pack); err != nil && !errors.Is(err, packfile.ErrEmptyPackfile) {
		return err
	}
	return st.SetReference(plumbing.NewHashReference(name, want))
}

func demux(t sideband.Type, r io.Reader, progress io.Writer) io.Reader {
	d := sideband.NewDemuxer(t, r)
	d.Progress = progress
	return d
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
