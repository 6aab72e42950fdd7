package artifact

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const snapCommit = "89abcdef0123456789abcdef0123456789abcdef"

// fakeHub serves one repository, o/m, at branch main = snapCommit: its
// listing through the API and its files through resolve URLs.
type fakeHub struct {
	*httptest.Server
	files map[string][]byte
	lfs   map[string]bool
	// names overrides the listed names (hostile listings).
	names []string
	// corrupt serves other bytes for this file than the listing's hash.
	corrupt string
	mu      sync.Mutex
	gets    []string
	auth    []string
}

func newFakeHub(t *testing.T) *fakeHub {
	h := &fakeHub{
		files: map[string][]byte{"config.json": []byte(`{"dim": 4}`), "weights/model.bin": content(300_000)},
		lfs:   map[string]bool{"weights/model.bin": true},
	}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.gets = append(h.gets, r.URL.Path)
		h.auth = append(h.auth, r.Header.Get("Authorization"))
		h.mu.Unlock()
		if r.URL.Path == "/api/models/o/m/revision/main" {
			type lfs struct {
				SHA256 string `json:"sha256"`
				Size   int    `json:"size"`
			}
			type sib struct {
				Name   string `json:"rfilename"`
				Size   int    `json:"size"`
				BlobID string `json:"blobId"`
				LFS    *lfs   `json:"lfs,omitempty"`
			}
			var sibs []sib
			for name, b := range h.files {
				s := sib{Name: name, Size: len(b)}
				if h.lfs[name] {
					s.LFS = &lfs{sumOf(b), len(b)}
				} else {
					g := sha1.New()
					fmt.Fprintf(g, "blob %d\x00%s", len(b), b)
					s.BlobID = hex.EncodeToString(g.Sum(nil))
				}
				sibs = append(sibs, s)
			}
			for _, n := range h.names {
				sibs = append(sibs, sib{Name: n, Size: 1})
			}
			json.NewEncoder(w).Encode(map[string]any{"sha": snapCommit, "siblings": sibs})
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, "/o/m/resolve/"+snapCommit+"/")
		b, found := h.files[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		if name == h.corrupt {
			b = []byte(strings.Repeat("x", len(b)))
		}
		w.Write(b)
	}))
	t.Cleanup(h.Close)
	return h
}

// wantManifest is the documented snapshot hash, computed independently.
func (h *fakeHub) wantManifest() (string, int64) {
	m := fmt.Sprintf("%s  config.json\n%s  weights/model.bin\n", sumOf(h.files["config.json"]), sumOf(h.files["weights/model.bin"]))
	return sumOf([]byte(m)), int64(len(h.files["config.json"]) + len(h.files["weights/model.bin"]))
}

func TestSnapshot(t *testing.T) {
	hub := newFakeHub(t)
	c := testCache(t)
	env := map[string]string{"HF_ENDPOINT": hub.URL, "HF_TOKEN": "hf_tok"}
	c.Getenv = func(k string) string { return env[k] }
	w := Want{Name: "model", URL: "hf:o/m@main"} // unpinned: review: in the spec
	g, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	sha, size := hub.wantManifest()
	if g.SHA256 != sha || g.Size != size || g.From != FromRemote {
		t.Errorf("Fetch = %+v; want sha256 %s, size %d, from remote", g, sha, size)
	}
	if b, _ := os.ReadFile(filepath.Join(g.Path, "weights/model.bin")); string(b) != string(hub.files["weights/model.bin"]) {
		t.Errorf("snapshot file differs from the hub's")
	}
	for _, a := range hub.auth {
		if a != "Bearer hf_tok" {
			t.Errorf("a hub request carried Authorization %q; want the token", a)
		}
	}
	// Pinned now: from the cache, and offline too.
	w.SHA256, w.Size = sha, size
	c.Offline = true
	if g, err := c.Fetch(context.Background(), w); err != nil || g.From != FromCache {
		t.Errorf("pinned offline Fetch = %+v, %v; want the cache", g, err)
	}
	// A local mirror folder holds a copy under OWNER/REPO@REVISION; its
	// hash is checked the same way.
	mirror := t.TempDir()
	for name, b := range hub.files {
		p := filepath.Join(mirror, "o", "m@main", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, b, 0o644)
	}
	c2 := testCache(t)
	c2.Offline = true
	c2.Mirrors = []Mirror{{From: "hf:", To: mirror}}
	if g2, err := c2.Fetch(context.Background(), w); err != nil || g2.From != FromMirror || g2.SHA256 != sha {
		t.Errorf("Fetch from a local mirror = %+v, %v; want it from the mirror with the same hash", g2, err)
	}
	// A mirror copy with one byte changed is refused.
	os.WriteFile(filepath.Join(mirror, "o", "m@main", "config.json"), []byte(`{"dim": 5}`), 0o644)
	c3 := testCache(t)
	c3.Offline, c3.Mirrors = true, c2.Mirrors
	var ce *ChecksumError
	if _, err := c3.Fetch(context.Background(), w); !errors.As(err, &ce) {
		t.Errorf("Fetch from a changed mirror = %v; want a checksum error", err)
	}
}

func TestSnapshotRefusesBadFiles(t *testing.T) {
	for _, tc := range []struct {
		name, msg string
		setup     func(h *fakeHub)
	}{
		{"traversal", `names "../evil": refused`, func(h *fakeHub) { h.names = []string{"../evil"} }},
		{"blob mismatch", `config.json does not match the hash the hub lists for it: the file was discarded`, func(h *fakeHub) { h.corrupt = "config.json" }},
		{"lfs mismatch", `weights/model.bin does not match the hash the hub lists for it`, func(h *fakeHub) { h.corrupt = "weights/model.bin" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hub := newFakeHub(t)
			tc.setup(hub)
			c := testCache(t)
			c.Getenv = func(k string) string { return map[string]string{"HF_ENDPOINT": hub.URL}[k] }
			_, err := c.Fetch(context.Background(), Want{Name: "model", URL: "hf:o/m@main"})
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("Fetch error = %v; want %q", err, tc.msg)
			}
			if _, err := os.Stat(filepath.Join(c.Dir, "..", "evil")); err == nil {
				t.Errorf("a file was written outside the cache")
			}
			if e, _ := os.ReadDir(filepath.Join(c.Dir, "snapshots")); len(e) != 0 {
				t.Errorf("snapshots holds %v; want nothing", e)
			}
		})
	}
}

func TestSnapshotWrongPin(t *testing.T) {
	hub := newFakeHub(t)
	c := testCache(t)
	c.Getenv = func(k string) string { return map[string]string{"HF_ENDPOINT": hub.URL}[k] }
	want := strings.Repeat("ab", 32)
	_, err := c.Fetch(context.Background(), Want{Name: "model", URL: "hf:o/m@main", SHA256: want, Size: 1})
	var ce *ChecksumError
	if !errors.As(err, &ce) || ce.Want != want {
		t.Fatalf("Fetch error = %v; want a checksum error", err)
	}
	if e := entries(t, c); len(e) != 0 {
		t.Errorf("cache holds %v; want nothing", e)
	}
}
