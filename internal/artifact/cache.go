package artifact

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Want is one artifact as a spec declares it.
type Want struct {
	Name string
	URL  string
	// SHA256 and Size pin the content; both empty for an unpinned
	// (review:) artifact, whose first download is trusted and recorded.
	SHA256 string
	Size   int64
	// Unpack is "", "none", "tar" or "zip".
	Unpack string
}

// Got is an artifact in the cache.
type Got struct {
	// Path is the verified file, or the folder it was unpacked into.
	Path   string
	SHA256 string
	Size   int64
	// From is "cache", "mirror" or "remote".
	From string
	// Source is where the bytes came from this time: the remote or mirror
	// URL, or the mirror file ("" from the cache).
	Source   string
	Duration time.Duration
}

// Where the bytes of a Got came from.
const (
	FromCache  = "cache"
	FromMirror = "mirror"
	FromRemote = "remote"
)

// Cache is a content-addressed store of artifacts under Dir.
type Cache struct {
	Dir     string
	Mirrors []Mirror
	// Offline forbids the network: only the cache and local mirrors are
	// read (REPRO_OFFLINE=1).
	Offline bool
	// Getenv reads HF_TOKEN and HF_ENDPOINT; nil means os.Getenv.
	Getenv func(string) string
	// Transport carries the requests; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// IdleTimeout aborts a request that receives nothing for this long
	// (headers or body); 0 means a minute.
	IdleTimeout time.Duration
	// Attempts bounds the tries of one download (0 means 5); the waits
	// between them double from Backoff (0 means a second), at most 30 s.
	Attempts int
	Backoff  time.Duration
	// MaxRatio bounds an archive's unpacked size as a multiple of its own
	// size (0 means 100), against zip bombs.
	MaxRatio int64
	// Progress, when set, is told how each fetch goes.
	Progress func(Event)
	// UserAgent names the client to servers.
	UserAgent string

	// wrapWriter lets tests fail writes (a full disk).
	wrapWriter func(io.Writer) io.Writer
}

// Event is progress of one artifact's fetch.
type Event struct {
	Name  string
	Phase Phase
	// Source is the URL or mirror file being read.
	Source string
	// Done and Total count bytes of the phase (Total 0 when unknown);
	// Resumed is how many were already there from an earlier try.
	Done, Total, Resumed int64
}

// Phase is a stage of a fetch.
type Phase string

// The phases of a fetch, in order; Download repeats as bytes arrive.
const (
	PhaseStart    Phase = "start"
	PhaseDownload Phase = "download"
	PhaseVerify   Phase = "verify"
	PhaseUnpack   Phase = "unpack"
	PhaseDone     Phase = "done"
)

// NotCachedError says an artifact cannot be had without the network.
type NotCachedError struct{ Name string }

func (e *NotCachedError) Error() string {
	return fmt.Sprintf("artifact %s is not in the cache or a mirror", e.Name)
}

// ChecksumError is content that does not match its pin; nothing of it is
// kept.
type ChecksumError struct {
	Name, Source string
	Want, Got    string
}

func (e *ChecksumError) Error() string {
	return fmt.Sprintf("artifact %s from %s: sha256 is %s, the spec says %s: the download was discarded", e.Name, e.Source, e.Got, e.Want)
}

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (c *Cache) getenv(k string) string {
	if c.Getenv == nil {
		return os.Getenv(k)
	}
	return c.Getenv(k)
}

func (c *Cache) progress(e Event) {
	if c.Progress != nil {
		c.Progress(e)
	}
}

// Fetch returns the artifact from the cache, fetching it first when it is
// missing or damaged. Concurrent calls for the same artifact, from any
// process sharing Dir, fetch it once.
func (c *Cache) Fetch(ctx context.Context, w Want) (*Got, error) {
	start := time.Now()
	ref, err := ParseRef(w.URL)
	if err != nil {
		return nil, fmt.Errorf("artifact %s: %w", w.Name, err)
	}
	if w.SHA256 != "" && !sha256Hex.MatchString(w.SHA256) {
		return nil, fmt.Errorf("artifact %s: sha256 %q is not 64 lower-case hex digits", w.Name, w.SHA256)
	}
	urlKey := "u-" + hashString(w.URL)
	key := w.SHA256
	if key == "" {
		key = urlKey
	}
	for _, d := range []string{"sha256", "unpacked", "snapshots", "urls", "tmp", "locks"} {
		if err := os.MkdirAll(filepath.Join(c.Dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("artifact cache: %w", err)
		}
	}
	unlock, err := lockFile(ctx, filepath.Join(c.Dir, "locks", key+".lock"))
	if err != nil {
		return nil, fmt.Errorf("artifact %s: lock the cache entry: %w", w.Name, err)
	}
	defer unlock()

	name := ref.FileName()
	pin := pinOf(w)
	if pin.sha == "" {
		// An unpinned artifact: trust what the first download recorded.
		pin = c.recorded(urlKey)
	}
	if ref.Snapshot() {
		g, err := c.snapshot(ctx, w, ref, key, pin)
		if err != nil {
			return nil, err
		}
		if w.SHA256 == "" {
			c.record(urlKey, g.SHA256, g.Size)
		}
		g.Duration = time.Since(start)
		c.progress(Event{Name: w.Name, Phase: PhaseDone, Done: g.Size, Total: g.Size, Source: g.Source})
		return g, nil
	}
	g := &Got{From: FromCache}
	if pin.sha != "" {
		file, err := c.cached(ctx, w.Name, pin, name)
		if err != nil {
			return nil, err
		}
		if file != "" {
			g.Path, g.SHA256, g.Size = file, pin.sha, pin.size
		}
	}
	if g.Path == "" {
		if g, err = c.obtain(ctx, w, ref, key, name, pin); err != nil {
			return nil, err
		}
		if w.SHA256 == "" {
			c.record(urlKey, g.SHA256, g.Size)
		}
	}
	if w.Unpack == "tar" || w.Unpack == "zip" {
		dir, err := c.unpacked(ctx, w, g, name)
		if err != nil {
			return nil, err
		}
		g.Path = dir
	}
	g.Duration = time.Since(start)
	c.progress(Event{Name: w.Name, Phase: PhaseDone, Done: g.Size, Total: g.Size, Source: g.Source})
	return g, nil
}

type pinned struct {
	sha  string
	size int64
}

func pinOf(w Want) pinned { return pinned{w.SHA256, w.Size} }

func hashString(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// recorded is the hash and size the first download of an unpinned URL had.
func (c *Cache) recorded(urlKey string) pinned {
	b, err := os.ReadFile(filepath.Join(c.Dir, "urls", urlKey))
	if err != nil {
		return pinned{}
	}
	f := strings.Fields(string(b))
	if len(f) != 2 || !sha256Hex.MatchString(f[0]) {
		return pinned{}
	}
	n, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return pinned{}
	}
	return pinned{f[0], n}
}

func (c *Cache) record(urlKey, sha string, size int64) {
	p := filepath.Join(c.Dir, "urls", urlKey)
	tmp := p + ".tmp"
	if os.WriteFile(tmp, []byte(fmt.Sprintf("%s %d\n", sha, size)), 0o644) == nil {
		os.Rename(tmp, p)
	}
}

// Recorded returns the SHA-256 and size that the first download of an
// unpinned URL had, for `repro pin`; ok is false when it was never fetched.
func (c *Cache) Recorded(url string) (sha string, size int64, ok bool) {
	p := c.recorded("u-" + hashString(url))
	return p.sha, p.size, p.sha != ""
}

// cached returns the verified file of pin, or "" when it is not there. A
// damaged entry is removed so that it is fetched again.
func (c *Cache) cached(ctx context.Context, name string, pin pinned, file string) (string, error) {
	dir := filepath.Join(c.Dir, "sha256", pin.sha)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", nil
	}
	var have string
	for _, e := range entries {
		if e.Type().IsRegular() {
			have = filepath.Join(dir, e.Name())
			break
		}
	}
	if have == "" {
		return "", nil
	}
	c.progress(Event{Name: name, Phase: PhaseVerify, Total: pin.size, Source: have})
	if err := Verify(ctx, have, pin.sha, pin.size); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		// Damaged (a disk error, a hand edit): drop the entry and what was
		// unpacked from it, and fetch again.
		os.RemoveAll(dir)
		os.Remove(filepath.Join(c.Dir, "unpacked", pin.sha+".complete"))
		os.RemoveAll(filepath.Join(c.Dir, "unpacked", pin.sha))
		return "", nil
	}
	want := filepath.Join(dir, file)
	if have != want {
		// The same content under another URL's file name: link it, so each
		// artifact's path ends in its own name.
		if err := os.Link(have, want); err != nil && !errors.Is(err, os.ErrExist) {
			return have, nil
		}
	}
	return want, nil
}

// obtain brings the artifact into the cache from a mirror or the remote.
func (c *Cache) obtain(ctx context.Context, w Want, ref Ref, key, name string, pin pinned) (*Got, error) {
	remote := ref.RemoteURL(c.getenv("HF_ENDPOINT"))
	loc := locate(w.URL, remote, c.Mirrors)
	g := &Got{From: FromRemote, Source: loc.url}
	if loc.mirror != nil {
		g.From = FromMirror
	}
	part := filepath.Join(c.Dir, "tmp", key+".part")
	switch {
	case loc.path != "":
		g.Source = loc.path
		if err := c.copyLocal(ctx, w.Name, loc.path, part, pin); err != nil {
			return nil, err
		}
	case c.Offline:
		return nil, &NotCachedError{Name: w.Name}
	default:
		token := ""
		if ref.Hub && loc.mirror == nil {
			token = hubToken(c.getenv)
		}
		if err := c.download(ctx, w.Name, loc.url, token, part, pin); err != nil {
			return nil, err
		}
	}
	c.progress(Event{Name: w.Name, Phase: PhaseVerify, Total: pin.size, Source: g.Source})
	sum, size, err := hashFile(ctx, part)
	if err != nil {
		os.Remove(part)
		return nil, fmt.Errorf("artifact %s: verify %s: %w", w.Name, g.Source, err)
	}
	if pin.size > 0 && size != pin.size {
		os.Remove(part)
		return nil, fmt.Errorf("artifact %s from %s: got %d bytes, the spec says %d: the download was discarded", w.Name, g.Source, size, pin.size)
	}
	if pin.sha != "" && sum != pin.sha {
		os.Remove(part)
		return nil, &ChecksumError{Name: w.Name, Source: g.Source, Want: pin.sha, Got: sum}
	}
	dir := filepath.Join(c.Dir, "sha256", sum)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		os.Remove(part)
		return nil, fmt.Errorf("artifact %s: %w", w.Name, err)
	}
	final := filepath.Join(dir, name)
	os.Chmod(part, 0o444) // steps get it read-only; so does a careless user
	if err := os.Rename(part, final); err != nil {
		os.Remove(part)
		return nil, fmt.Errorf("artifact %s: store in the cache: %w", w.Name, err)
	}
	g.Path, g.SHA256, g.Size = final, sum, size
	return g, nil
}

func hubToken(getenv func(string) string) string {
	if t := getenv("HF_TOKEN"); t != "" {
		return t
	}
	return getenv("HUGGING_FACE_HUB_TOKEN")
}

// copyLocal copies a local mirror's file into part, bounded by the pinned
// size so a wrong file cannot fill the disk.
func (c *Cache) copyLocal(ctx context.Context, name, src, part string, pin pinned) error {
	in, err := os.Open(src)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("artifact %s: mirror has no %s: %w", name, src, &NotCachedError{Name: name})
		}
		return fmt.Errorf("artifact %s: read mirror: %w", name, err)
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("artifact %s: mirror %s is not a regular file", name, src)
	}
	if pin.size > 0 && st.Size() != pin.size {
		return fmt.Errorf("artifact %s: mirror file %s has %d bytes, the spec says %d", name, src, st.Size(), pin.size)
	}
	out, err := os.OpenFile(part, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("artifact %s: %w", name, err)
	}
	c.progress(Event{Name: name, Phase: PhaseStart, Source: src, Total: st.Size()})
	var dst io.Writer = out
	if c.wrapWriter != nil {
		dst = c.wrapWriter(out)
	}
	_, err = io.Copy(dst, &ctxReader{ctx: ctx, r: in})
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(part)
		return fmt.Errorf("artifact %s: copy %s: %w", name, src, err)
	}
	return nil
}

// ctxReader stops a long copy when ctx is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r *ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// Has reports, without reading any content, whether w can be had without
// the network: it is in the cache (its check happens on use) or in a
// local mirror folder. `repro check --dry-run` asks it offline.
func (c *Cache) Has(w Want) bool {
	ref, err := ParseRef(w.URL)
	if err != nil {
		return false
	}
	pin := pinOf(w)
	if pin.sha == "" {
		pin = c.recorded("u-" + hashString(w.URL))
	}
	if pin.sha != "" {
		if ref.Snapshot() {
			if _, err := os.Stat(filepath.Join(c.Dir, "snapshots", pin.sha+".complete")); err == nil {
				return true
			}
		} else if es, err := os.ReadDir(filepath.Join(c.Dir, "sha256", pin.sha)); err == nil {
			for _, e := range es {
				if e.Type().IsRegular() {
					return true
				}
			}
		}
	}
	remote := ""
	if !ref.Snapshot() {
		remote = ref.RemoteURL(c.getenv("HF_ENDPOINT"))
	}
	if loc := locate(w.URL, remote, c.Mirrors); loc.path != "" {
		_, err := os.Stat(loc.path)
		return err == nil
	}
	return false
}
