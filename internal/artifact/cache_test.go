package artifact

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func content(n int) []byte {
	b := make([]byte, n)
	rand.New(rand.NewSource(int64(n))).Read(b)
	return b
}

func sumOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// testCache has short backoffs so that the fault tests are quick; the idle
// timeout stays long enough that a loaded machine does not trigger retries
// (TestSilentServer sets its own).
func testCache(t *testing.T) *Cache {
	return &Cache{Dir: t.TempDir(), IdleTimeout: 10 * time.Second, Attempts: 3, Backoff: 5 * time.Millisecond, Getenv: func(string) string { return "" }}
}

// server serves data at every path and records each request's headers.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []http.Header
	// handle, when set, answers instead of serving data; n is the
	// request's 1-based number.
	handle func(w http.ResponseWriter, r *http.Request, n int)
	data   []byte
}

func newServer(t *testing.T, data []byte) *server {
	s := &server{data: data}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.Header.Clone())
		n := len(s.reqs)
		s.mu.Unlock()
		if s.handle != nil {
			s.handle(w, r, n)
			return
		}
		http.ServeContent(w, r, "f", time.Time{}, bytes.NewReader(s.data))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.reqs...)
}

// httpsURL is how a spec names s: https, mirrored to the plain-http test
// server (specs must use https; the loopback server need not).
func (s *server) want(name string, data []byte) (Want, []Mirror) {
	return Want{Name: name, URL: "https://data.example/" + name + ".bin", SHA256: sumOf(data), Size: int64(len(data))},
		[]Mirror{{From: "https://data.example/", To: s.URL + "/"}}
}

// entries lists the files under the cache's sha256, unpacked and tmp
// folders: where a failed fetch must leave nothing.
func entries(t *testing.T, c *Cache) []string {
	var out []string
	for _, d := range []string{"sha256", "unpacked", "tmp"} {
		filepath.Walk(filepath.Join(c.Dir, d), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				rel, _ := filepath.Rel(c.Dir, p)
				out = append(out, rel)
			}
			return nil
		})
	}
	return out
}

func TestFetchVerifiesAndCaches(t *testing.T) {
	data := content(100_000)
	s := newServer(t, data)
	c := testCache(t)
	w, ms := s.want("weights", data)
	c.Mirrors = ms
	g, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	if g.From != FromMirror || g.SHA256 != w.SHA256 || g.Size != w.Size || filepath.Base(g.Path) != "weights.bin" {
		t.Errorf("Fetch = %+v; want from mirror, the pinned hash and size, a file named weights.bin", g)
	}
	if got, _ := os.ReadFile(g.Path); !bytes.Equal(got, data) {
		t.Errorf("cached file differs from the served one")
	}
	g2, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	if g2.From != FromCache || g2.Path != g.Path {
		t.Errorf("second Fetch = %+v; want from cache at %s", g2, g.Path)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("server saw %d requests; want 1", n)
	}
}

func TestWrongChecksumKeepsNothing(t *testing.T) {
	data := content(5000)
	s := newServer(t, data)
	c := testCache(t)
	w, ms := s.want("data", data)
	c.Mirrors = ms
	w.SHA256 = sumOf([]byte("something else"))
	_, err := c.Fetch(context.Background(), w)
	var ce *ChecksumError
	if !errors.As(err, &ce) {
		t.Fatalf("Fetch error = %v; want a ChecksumError", err)
	}
	want := fmt.Sprintf("artifact data from %s/data.bin: sha256 is %s, the spec says %s: the download was discarded", s.URL, sumOf(data), w.SHA256)
	if err.Error() != want {
		t.Errorf("error = %q; want %q", err, want)
	}
	if e := entries(t, c); len(e) != 0 {
		t.Errorf("cache holds %v after a bad checksum; want nothing", e)
	}
}

func TestResumeAfterCut(t *testing.T) {
	data := content(1 << 20)
	s := newServer(t, data)
	half := len(data) / 2
	s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Content-Length", fmt.Sprint(len(data)))
			w.WriteHeader(200)
			w.Write(data[:half])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // the connection drops half-way
		}
		http.ServeContent(w, r, "f", time.Time{}, bytes.NewReader(data))
	}
	c := testCache(t)
	w, ms := s.want("cut", data)
	c.Mirrors = ms
	g, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	reqs := s.requests()
	if len(reqs) != 2 || reqs[0].Get("Range") != "" || reqs[1].Get("Range") != fmt.Sprintf("bytes=%d-", half) {
		t.Fatalf("requests' Range headers = %v; want none, then bytes=%d-", ranges(reqs), half)
	}
	if got, _ := os.ReadFile(g.Path); !bytes.Equal(got, data) {
		t.Errorf("resumed file differs from the served one")
	}
}

// A run killed half-way leaves its part; the next run resumes it.
func TestResumeAcrossRuns(t *testing.T) {
	data := content(1 << 20)
	s := newServer(t, data)
	half := len(data) / 2
	s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Content-Length", fmt.Sprint(len(data)))
			w.Write(data[:half])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler)
		}
		http.ServeContent(w, r, "f", time.Time{}, bytes.NewReader(data))
	}
	c := testCache(t)
	c.Attempts = 1
	w, ms := s.want("cut", data)
	c.Mirrors = ms
	if _, err := c.Fetch(context.Background(), w); err == nil || !strings.Contains(err.Error(), "gave up after 1 tries; run again to resume") {
		t.Fatalf("first Fetch error = %v; want a cut transfer", err)
	}
	if _, err := c.Fetch(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	if r := ranges(s.requests()); len(r) != 2 || r[1] != fmt.Sprintf("bytes=%d-", half) {
		t.Errorf("Range headers = %v; want the second run to resume at %d", r, half)
	}
}

func ranges(hs []http.Header) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Get("Range"))
	}
	return out
}

func TestHTTPErrors(t *testing.T) {
	for _, tc := range []struct {
		code     int
		requests int
		msg      string
	}{
		{404, 1, "GET %s/x.bin: 404 Not Found"},
		{500, 3, "GET %s/x.bin: 500 Internal Server Error (gave up after 3 tries; run again to resume)"},
	} {
		t.Run(fmt.Sprint(tc.code), func(t *testing.T) {
			data := content(10)
			s := newServer(t, data)
			s.handle = func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(tc.code) }
			c := testCache(t)
			w, ms := s.want("x", data)
			c.Mirrors = ms
			_, err := c.Fetch(context.Background(), w)
			want := "artifact x: " + fmt.Sprintf(tc.msg, s.URL)
			if err == nil || err.Error() != want {
				t.Errorf("Fetch error = %v; want %q", err, want)
			}
			if n := len(s.requests()); n != tc.requests {
				t.Errorf("server saw %d requests; want %d", n, tc.requests)
			}
			if e := entries(t, c); len(e) != 0 {
				t.Errorf("cache holds %v; want nothing", e)
			}
		})
	}
}

// A server that accepts and then says nothing: each try times out, the
// tries are bounded, and the waits between them grow. Tries are counted
// where they are made: on a loaded machine a try can time out before the
// server's handler even runs.
func TestSilentServer(t *testing.T) {
	data := content(10)
	s := newServer(t, data)
	release := make(chan struct{})
	defer close(release)
	s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}
	c := testCache(t)
	c.IdleTimeout = 50 * time.Millisecond
	c.Backoff = 20 * time.Millisecond
	tries := &recordingTransport{next: http.DefaultTransport}
	c.Transport = tries
	w, ms := s.want("x", data)
	c.Mirrors = ms
	_, err := c.Fetch(context.Background(), w)
	want := fmt.Sprintf("artifact x: GET %s/x.bin: no data for 50ms (gave up after 3 tries; run again to resume)", s.URL)
	if err == nil || err.Error() != want {
		t.Fatalf("Fetch error = %v; want %q", err, want)
	}
	times := tries.times()
	if len(times) != 3 {
		t.Fatalf("Fetch made %d tries; want 3", len(times))
	}
	// Each gap holds the idle timeout (50ms, timed from a moment just
	// before the request) and a backoff that doubles (20ms, then 40ms):
	// lower bounds with 10ms of slack; a loaded machine is only slower.
	if g1, g2 := times[1].Sub(times[0]), times[2].Sub(times[1]); g1 < 60*time.Millisecond || g2 < 80*time.Millisecond {
		t.Errorf("gaps between tries = %v, %v; want at least 60ms and 80ms (timeout and backoff)", g1, g2)
	}
}

// recordingTransport notes when each request is sent.
type recordingTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	at   []time.Time
}

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.at = append(r.at, time.Now())
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func (r *recordingTransport) times() []time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Time(nil), r.at...)
}

// A redirect to another host is followed (the checksum pins the content,
// whoever serves it) but the hub token stays with the hub.
func TestRedirectToAnotherHost(t *testing.T) {
	data := content(3000)
	other := newServer(t, data)
	hub := newServer(t, nil)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(other.URL, "http://"))
	hub.handle = func(w http.ResponseWriter, r *http.Request, n int) {
		// localhost is another host name than 127.0.0.1.
		http.Redirect(w, r, "http://localhost:"+port+"/blob", http.StatusFound)
	}
	c := testCache(t)
	env := map[string]string{"HF_TOKEN": "hf_secret_token", "HF_ENDPOINT": hub.URL}
	c.Getenv = func(k string) string { return env[k] }
	const rev = "0123456789abcdef0123456789abcdef01234567"
	w := Want{Name: "model", URL: "hf:owner/model@" + rev + "/weights.safetensors", SHA256: sumOf(data), Size: int64(len(data))}
	g, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	if g.From != FromRemote || filepath.Base(g.Path) != "weights.safetensors" {
		t.Errorf("Fetch = %+v; want from remote, named weights.safetensors", g)
	}
	hr, or := hub.requests(), other.requests()
	if len(hr) != 1 || hr[0].Get("Authorization") != "Bearer hf_secret_token" {
		t.Errorf("hub requests = %v; want one with the token", hr)
	}
	if len(or) != 1 || or[0].Get("Authorization") != "" {
		t.Errorf("other host's requests = %v; want one without the token", or)
	}
	// The token is written nowhere.
	filepath.Walk(c.Dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte("hf_secret_token")) {
				t.Errorf("%s holds the token", p)
			}
		}
		return nil
	})
}

func TestRedirectFromHTTPSToHTTPRefused(t *testing.T) {
	data := content(100)
	plain := newServer(t, data)
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/x", http.StatusFound)
	}))
	defer tls.Close()
	c := testCache(t)
	c.Transport = tls.Client().Transport
	w := Want{Name: "x", URL: "https://data.example/x.bin", SHA256: sumOf(data), Size: 100}
	c.Mirrors = []Mirror{{From: "https://data.example/", To: tls.URL + "/"}}
	_, err := c.Fetch(context.Background(), w)
	want := fmt.Sprintf("artifact x: GET %s/x.bin: redirect to %s/x leaves https", tls.URL, plain.URL)
	if err == nil || err.Error() != want {
		t.Errorf("Fetch error = %v; want %q", err, want)
	}
	if n := len(plain.requests()); n != 0 {
		t.Errorf("the http server saw %d requests; want none", n)
	}
}

func TestContentLengthLies(t *testing.T) {
	data := content(2000)
	t.Run("short of the spec", func(t *testing.T) {
		s := newServer(t, data)
		s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
			w.Header().Set("Content-Length", "1000")
			w.Write(data[:1000])
		}
		c := testCache(t)
		w, ms := s.want("x", data)
		c.Mirrors = ms
		_, err := c.Fetch(context.Background(), w)
		want := fmt.Sprintf("artifact x: GET %s/x.bin: the server announces 1000 bytes, the spec says 2000", s.URL)
		if err == nil || err.Error() != want {
			t.Errorf("Fetch error = %v; want %q", err, want)
		}
		if e := entries(t, c); len(e) != 0 {
			t.Errorf("cache holds %v; want nothing", e)
		}
	})
	t.Run("announces more than it sends", func(t *testing.T) {
		s := newServer(t, data)
		s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
			// Always the full length, never the rest: each try ends early.
			conn, buf, _ := w.(http.Hijacker).Hijack()
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n", len(data))
			buf.Write(data[:500])
			buf.Flush()
			conn.Close()
		}
		c := testCache(t)
		w, ms := s.want("x", data)
		c.Mirrors = ms
		_, err := c.Fetch(context.Background(), w)
		if err == nil || !strings.Contains(err.Error(), "unexpected EOF (gave up after 3 tries; run again to resume)") {
			t.Errorf("Fetch error = %v; want an unexpected EOF after 3 tries", err)
		}
		if _, serr := os.Stat(filepath.Join(c.Dir, "sha256", w.SHA256)); serr == nil {
			t.Errorf("a cache entry exists after a short transfer")
		}
	})
	t.Run("sends more than the spec", func(t *testing.T) {
		s := newServer(t, data)
		s.handle = func(w http.ResponseWriter, r *http.Request, n int) {
			w.(http.Flusher).Flush() // chunked: no length announced
			w.Write(data)
			w.Write(data)
		}
		c := testCache(t)
		w, ms := s.want("x", data)
		c.Mirrors = ms
		_, err := c.Fetch(context.Background(), w)
		want := fmt.Sprintf("artifact x: GET %s/x.bin: the server sent more than the 2000 bytes the spec says", s.URL)
		if err == nil || err.Error() != want {
			t.Errorf("Fetch error = %v; want %q", err, want)
		}
		if e := entries(t, c); len(e) != 0 {
			t.Errorf("cache holds %v; want nothing", e)
		}
	})
}

// failingWriter fails once it has taken limit bytes, as a full disk does.
type failingWriter struct {
	w     io.Writer
	limit int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.w.Write(p[:f.limit])
		f.limit = 0
		return n, syscall.ENOSPC
	}
	f.limit -= len(p)
	return f.w.Write(p)
}

func TestDiskFull(t *testing.T) {
	data := content(1 << 20)
	s := newServer(t, data)
	c := testCache(t)
	c.wrapWriter = func(w io.Writer) io.Writer { return &failingWriter{w: w, limit: 300_000} }
	w, ms := s.want("big", data)
	c.Mirrors = ms
	_, err := c.Fetch(context.Background(), w)
	if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "disk full: no space left on device") {
		t.Fatalf("Fetch error = %v; want disk full", err)
	}
	if e := entries(t, c); len(e) != 0 {
		t.Errorf("cache holds %v after a full disk; want nothing", e)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("server saw %d requests; want 1 (a full disk is not retried)", n)
	}
}

func TestCorruptEntryFetchedAgain(t *testing.T) {
	data := content(4000)
	s := newServer(t, data)
	c := testCache(t)
	w, ms := s.want("x", data)
	c.Mirrors = ms
	g, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(g.Path, 0o644)
	os.WriteFile(g.Path, bytes.Repeat([]byte{0}, len(data)), 0o644) // same size, wrong bytes
	g2, err := c.Fetch(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	if g2.From != FromMirror {
		t.Errorf("Fetch of a damaged entry came from %s; want it fetched again", g2.From)
	}
	if got, _ := os.ReadFile(g2.Path); !bytes.Equal(got, data) {
		t.Errorf("entry not repaired")
	}
}

func TestOffline(t *testing.T) {
	data := content(3000)
	s := newServer(t, data)
	w, ms := s.want("x", data)

	c := testCache(t)
	c.Mirrors, c.Offline = ms, true
	_, err := c.Fetch(context.Background(), w)
	var nc *NotCachedError
	if !errors.As(err, &nc) || err.Error() != "artifact x is not in the cache or a mirror" {
		t.Errorf("offline Fetch of a missing artifact = %v; want not in the cache or a mirror", err)
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("offline Fetch made %d requests; want none", n)
	}

	c.Offline = false
	if _, err := c.Fetch(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c.Offline = true
	g, err := c.Fetch(context.Background(), w)
	if err != nil || g.From != FromCache {
		t.Errorf("offline Fetch of a cached artifact = %+v, %v; want it from the cache", g, err)
	}

	// A local mirror folder is not the network.
	mirror := t.TempDir()
	os.MkdirAll(filepath.Join(mirror, "sub"), 0o755)
	os.WriteFile(filepath.Join(mirror, "sub", "x.bin"), data, 0o644)
	c2 := testCache(t)
	c2.Offline = true
	c2.Mirrors = []Mirror{{From: "https://data.example/", To: mirror}}
	w.URL = "https://data.example/sub/x.bin"
	g, err = c2.Fetch(context.Background(), w)
	if err != nil || g.From != FromMirror || g.Source != filepath.Join(mirror, "sub", "x.bin") {
		t.Errorf("offline Fetch through a local mirror = %+v, %v; want it from the mirror file", g, err)
	}
}

// An unpinned (review:) artifact is trusted on first use; later fetches
// and offline runs hold it to what was recorded.
func TestTrustOnFirstUse(t *testing.T) {
	data := content(2500)
	s := newServer(t, data)
	c := testCache(t)
	w, ms := s.want("x", data)
	c.Mirrors = ms
	w.SHA256, w.Size = "", 0
	if _, err := c.Fetch(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	sha, size, ok := c.Recorded(w.URL)
	if !ok || sha != sumOf(data) || size != int64(len(data)) {
		t.Errorf("Recorded = %s, %d, %v; want the first download's hash and size", sha, size, ok)
	}
	c.Offline = true
	if g, err := c.Fetch(context.Background(), w); err != nil || g.From != FromCache {
		t.Errorf("offline Fetch of a recorded unpinned artifact = %+v, %v; want the cache", g, err)
	}
}

func TestMirrorPathStaysInside(t *testing.T) {
	loc := locate("https://data.example/../../etc/passwd", "", []Mirror{{From: "https://data.example/", To: "/srv/m"}})
	if loc.path != "/srv/m/etc/passwd" {
		t.Errorf("locate(..) = %q; want /srv/m/etc/passwd", loc.path)
	}
}
