package artifact

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// maxSnapshotFiles bounds the files of one hub snapshot.
const maxSnapshotFiles = 100_000

// A snapshot (hf:OWNER/REPO@REVISION without a path) is a folder of
// files. Its SHA-256 is that of its manifest: one line per file, sorted by
// path, as sha256sum prints them ("<hex>  <path>\n"); its size is the sum
// of the files' sizes. Anyone can compute both from a copy:
//
//	find . -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum

// snapshot returns the snapshot folder, from the cache or fetched. The
// caller holds the lock.
func (c *Cache) snapshot(ctx context.Context, w Want, ref Ref, key string, pin pinned) (*Got, error) {
	if pin.sha != "" {
		dir := filepath.Join(c.Dir, "snapshots", pin.sha)
		if _, err := os.Stat(dir + ".complete"); err == nil {
			c.progress(Event{Name: w.Name, Phase: PhaseVerify, Total: pin.size, Source: dir})
			sum, size, err := manifest(ctx, dir)
			if err == nil && sum == pin.sha && (pin.size == 0 || size == pin.size) {
				return &Got{Path: dir, SHA256: sum, Size: size, From: FromCache}, nil
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			os.Remove(dir + ".complete")
			os.RemoveAll(dir)
		}
	}
	tmp := filepath.Join(c.Dir, "tmp", key+".snapshot")
	g := &Got{From: FromRemote}
	loc := locate(w.URL, "", c.Mirrors)
	switch {
	case loc.path != "":
		g.From, g.Source = FromMirror, loc.path
		os.RemoveAll(tmp)
		if err := copyTree(ctx, loc.path, tmp); err != nil {
			os.RemoveAll(tmp)
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("artifact %s: mirror has no %s: %w", w.Name, loc.path, &NotCachedError{Name: w.Name})
			}
			return nil, fmt.Errorf("artifact %s: copy mirror %s: %w", w.Name, loc.path, err)
		}
	case c.Offline:
		return nil, &NotCachedError{Name: w.Name}
	case loc.mirror != nil:
		return nil, fmt.Errorf("artifact %s: mirror %s=%s: a hub snapshot is mirrored by a local folder; for a mirror of the hub itself set HF_ENDPOINT", w.Name, loc.mirror.From, loc.mirror.To)
	default:
		hub := c.getenv("HF_ENDPOINT")
		if hub == "" {
			hub = DefaultHub
		}
		g.Source = fmt.Sprintf("%s/%s/tree/%s", strings.TrimSuffix(hub, "/"), strings.TrimPrefix(ref.Kind+"/"+ref.Owner+"/"+ref.Repo, "/"), ref.Revision)
		// tmp is kept between runs: the files already there resume.
		if err := c.downloadSnapshot(ctx, w.Name, ref, hub, key, tmp); err != nil {
			return nil, err
		}
	}
	c.progress(Event{Name: w.Name, Phase: PhaseVerify, Total: pin.size, Source: g.Source})
	sum, size, err := manifest(ctx, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("artifact %s: %w", w.Name, err)
	}
	if pin.sha != "" && (sum != pin.sha || (pin.size > 0 && size != pin.size)) {
		os.RemoveAll(tmp)
		return nil, &ChecksumError{Name: w.Name, Source: g.Source, Want: pin.sha, Got: sum}
	}
	dir := filepath.Join(c.Dir, "snapshots", sum)
	os.RemoveAll(dir)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("artifact %s: store the snapshot: %w", w.Name, err)
	}
	if err := os.WriteFile(dir+".complete", nil, 0o644); err != nil {
		return nil, fmt.Errorf("artifact %s: mark the snapshot complete: %w", w.Name, err)
	}
	g.Path, g.SHA256, g.Size = dir, sum, size
	return g, nil
}

// hubFile is one file of the hub's repository listing.
type hubFile struct {
	Name   string `json:"rfilename"`
	Size   int64  `json:"size"`
	BlobID string `json:"blobId"`
	LFS    *struct {
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
	} `json:"lfs"`
}

// downloadSnapshot lists the repository at the revision through the hub's
// API, then downloads each file at the commit the listing names, checking
// each against the hub's own hash: SHA-256 for LFS files, the git blob id
// for the others.
func (c *Cache) downloadSnapshot(ctx context.Context, name string, ref Ref, hub, key, tmp string) error {
	kind := ref.Kind
	if kind == "" {
		kind = "models"
	}
	api := fmt.Sprintf("%s/api/%s/%s/%s/revision/%s?blobs=true", strings.TrimSuffix(hub, "/"), kind, ref.Owner, ref.Repo, url.PathEscape(ref.Revision))
	token := hubToken(c.getenv)
	listing := filepath.Join(c.Dir, "tmp", key+".listing.json")
	os.Remove(listing)
	if err := c.download(ctx, name, api, token, listing, pinned{}); err != nil {
		return err
	}
	defer os.Remove(listing)
	data, err := os.ReadFile(listing)
	if err != nil {
		return err
	}
	var info struct {
		SHA   string    `json:"sha"`
		Files []hubFile `json:"siblings"`
	}
	if err := json.Unmarshal(data, &info); err != nil {
		return fmt.Errorf("artifact %s: read the listing of %s: %w", name, api, err)
	}
	if !commitRev.MatchString(info.SHA) {
		return fmt.Errorf("artifact %s: the listing of %s names no commit", name, api)
	}
	if len(info.Files) > maxSnapshotFiles {
		return fmt.Errorf("artifact %s: %s lists %d files, more than %d", name, api, len(info.Files), maxSnapshotFiles)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	u := &unpacker{ctx: ctx, root: tmp}
	for _, f := range info.Files {
		rel, err := clean(f.Name)
		if err != nil || rel == "." {
			return fmt.Errorf("artifact %s: the listing of %s names %q: refused", name, api, f.Name)
		}
		dst, err := u.parents(rel)
		if err != nil {
			return fmt.Errorf("artifact %s: %w", name, err)
		}
		p := pinned{size: f.Size}
		if f.LFS != nil {
			p = pinned{sha: f.LFS.SHA256, size: f.LFS.Size}
		}
		if st, err := os.Lstat(dst); err == nil && st.Mode().IsRegular() && p.size > 0 && st.Size() == p.size && fileMatches(ctx, dst, f) {
			continue // from an earlier, interrupted run
		}
		src := Ref{Hub: true, Kind: ref.Kind, Owner: ref.Owner, Repo: ref.Repo, Revision: info.SHA, Path: rel}.RemoteURL(hub)
		if err := c.download(ctx, name, src, token, dst, p); err != nil {
			return err
		}
		if !fileMatches(ctx, dst, f) {
			os.Remove(dst)
			return fmt.Errorf("artifact %s: %s does not match the hash the hub lists for it: the file was discarded", name, src)
		}
	}
	return nil
}

// fileMatches checks a downloaded file against the listing's hash.
func fileMatches(ctx context.Context, p string, f hubFile) bool {
	switch {
	case f.LFS != nil:
		sum, _, err := hashFile(ctx, p)
		return err == nil && sum == f.LFS.SHA256
	case f.BlobID != "":
		id, err := gitBlobID(p)
		return err == nil && id == f.BlobID
	}
	return true
}

// gitBlobID is git's object id of the file's content (SHA-1 of
// "blob <size>\0" and the bytes), what the hub lists for non-LFS files.
func gitBlobID(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", st.Size())
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// manifest is the SHA-256 of a folder's manifest and the total size of
// its files. Anything but folders and regular files is refused.
func manifest(ctx context.Context, dir string) (string, int64, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("snapshot entry %s is not a regular file", p)
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return "", 0, err
	}
	sort.Strings(files)
	m := sha256.New()
	var total int64
	for _, f := range files {
		sum, n, err := hashFile(ctx, filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return "", 0, err
		}
		total += n
		fmt.Fprintf(m, "%s  %s\n", sum, f)
	}
	return hex.EncodeToString(m.Sum(nil)), total, nil
}

// copyTree copies a local mirror's snapshot folder: folders and regular
// files only.
func copyTree(ctx context.Context, src, dst string) error {
	st, err := os.Stat(src)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is not a folder", src)
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(out, 0o755)
		case !d.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", p)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		o, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		_, err = io.Copy(o, in)
		if cerr := o.Close(); err == nil {
			err = cerr
		}
		return writeError(err)
	})
}
