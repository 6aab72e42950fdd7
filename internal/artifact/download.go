package artifact

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// httpError is a response that was not the content.
type httpError struct {
	url    string
	status string
	code   int
}

func (e *httpError) Error() string { return fmt.Sprintf("GET %s: %s", e.url, e.status) }

// retryable says whether another try may help: the server's trouble (5xx,
// 429, 408), a cut connection or a silent server; not a 404 or a lie
// about the size.
type retryable struct{ err error }

func (e *retryable) Error() string { return e.err.Error() }
func (e *retryable) Unwrap() error { return e.err }

var errIdle = errors.New("no data")

// redirectError is a redirect the policy refuses; trying again won't help.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// client follows redirects under the policy documented in docs/spec.md:
// at most ten, never from https to http, and the hub token is sent only
// to the host it was meant for.
func (c *Cache) client() *http.Client {
	t := c.Transport
	if t == nil {
		t = http.DefaultTransport
	}
	return &http.Client{
		Transport: t,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return &redirectError{"more than 10 redirects"}
			}
			first := via[0].URL
			if first.Scheme == "https" && req.URL.Scheme != "https" {
				return &redirectError{fmt.Sprintf("redirect to %s leaves https", req.URL.Redacted())}
			}
			if req.URL.Host != first.Host {
				req.Header.Del("Authorization")
			}
			return nil
		},
	}
}

func (c *Cache) idle() time.Duration {
	if c.IdleTimeout > 0 {
		return c.IdleTimeout
	}
	return time.Minute
}

// download fetches src into part, resuming what part already holds, with
// bounded retries. On a write error (a full disk) part is removed: there
// is no room for it anyway, and no half entry must stay behind.
func (c *Cache) download(ctx context.Context, name, src, token, part string, pin pinned) error {
	attempts := c.Attempts
	if attempts <= 0 {
		attempts = 5
	}
	wait := c.Backoff
	if wait <= 0 {
		wait = time.Second
	}
	c.progress(Event{Name: name, Phase: PhaseStart, Source: src, Total: pin.size})
	var err error
	for try := 1; ; try++ {
		err = c.get(ctx, name, src, token, part, pin)
		var r *retryable
		if err == nil || !errors.As(err, &r) || try >= attempts || ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
	if err == nil {
		return nil
	}
	var r *retryable
	if errors.As(err, &r) && ctx.Err() == nil {
		err = fmt.Errorf("%w (gave up after %d tries; run again to resume)", err, attempts)
	}
	if st, serr := os.Stat(part); (!errors.As(err, &r) && !errors.Is(err, context.Canceled)) || (serr == nil && st.Size() == 0) {
		// Nothing to resume: a refusal, a write error, or no bytes yet.
		os.Remove(part)
	}
	return fmt.Errorf("artifact %s: %w", name, err)
}

// get makes one try.
func (c *Cache) get(ctx context.Context, name, src, token, part string, pin pinned) error {
	f, err := os.OpenFile(part, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	have := st.Size()
	if pin.size > 0 && have >= pin.size {
		// Complete or overlong leftovers: a complete one would have been
		// renamed, so start again.
		have = 0
	}
	if err := f.Truncate(have); err != nil {
		return err
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := c.idle()
	timer := time.AfterFunc(idle, func() { cancel(errIdle) })
	defer timer.Stop()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return fmt.Errorf("GET %s: %w", src, err)
	}
	if have > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", have))
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	ua := c.UserAgent
	if ua == "" {
		ua = "repro"
	}
	req.Header.Set("User-Agent", ua)
	resp, err := c.client().Do(req)
	if err != nil {
		return c.netError(ctx, src, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusPartialContent && have > 0:
		start, total, ok := contentRange(resp.Header.Get("Content-Range"))
		if !ok || start != have {
			f.Truncate(0)
			return &retryable{fmt.Errorf("GET %s: resume at byte %d answered with range %q", src, have, resp.Header.Get("Content-Range"))}
		}
		if pin.size > 0 && total >= 0 && total != pin.size {
			return fmt.Errorf("GET %s: the server has %d bytes, the spec says %d", src, total, pin.size)
		}
	case resp.StatusCode == http.StatusOK:
		have = 0 // the server ignored the range: start over
		if err := f.Truncate(0); err != nil {
			return err
		}
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable:
		f.Truncate(0)
		return &retryable{&httpError{src, resp.Status, resp.StatusCode}}
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout:
		return &retryable{&httpError{src, resp.Status, resp.StatusCode}}
	default:
		e := &httpError{src, resp.Status, resp.StatusCode}
		if (resp.StatusCode == 401 || resp.StatusCode == 403) && token == "" && strings.Contains(src, "/resolve/") {
			return fmt.Errorf("%w: a gated or private hub repository needs HF_TOKEN", e)
		}
		return e
	}
	if pin.size > 0 && resp.ContentLength >= 0 && have+resp.ContentLength != pin.size {
		return fmt.Errorf("GET %s: the server announces %d bytes, the spec says %d", src, have+resp.ContentLength, pin.size)
	}
	total := pin.size
	if total == 0 && resp.ContentLength >= 0 {
		total = have + resp.ContentLength
	}
	if _, err := f.Seek(have, io.SeekStart); err != nil {
		return err
	}
	var dst io.Writer = f
	if c.wrapWriter != nil {
		dst = c.wrapWriter(f)
	}
	done := have
	buf := make([]byte, 256<<10)
	last := time.Time{}
	for {
		n, rerr := resp.Body.Read(buf)
		if n > 0 {
			timer.Reset(idle)
			if pin.size > 0 && done+int64(n) > pin.size {
				return fmt.Errorf("GET %s: the server sent more than the %d bytes the spec says", src, pin.size)
			}
			if _, err := dst.Write(buf[:n]); err != nil {
				return fmt.Errorf("write %s: %w", part, writeError(err))
			}
			done += int64(n)
			if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
				last = now
				c.progress(Event{Name: name, Phase: PhaseDownload, Source: src, Done: done, Total: total, Resumed: have})
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return c.netError(ctx, src, rerr)
		}
	}
	c.progress(Event{Name: name, Phase: PhaseDownload, Source: src, Done: done, Total: total, Resumed: have})
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", part, writeError(err))
	}
	return nil
}

func writeError(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("disk full: %w", err)
	}
	return err
}

// netError classifies a failed request or read: a silent server and a cut
// connection are worth another try, a cancelled run is not.
func (c *Cache) netError(ctx context.Context, src string, err error) error {
	if errors.Is(context.Cause(ctx), errIdle) {
		return &retryable{fmt.Errorf("GET %s: no data for %s", src, c.idle())}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("GET %s: %w", src, context.Cause(ctx))
	}
	var re *redirectError
	if errors.As(err, &re) {
		return fmt.Errorf("GET %s: %w", src, re)
	}
	return &retryable{fmt.Errorf("GET %s: %w", src, err)}
}

// contentRange parses "bytes START-END/TOTAL" (TOTAL may be *, then -1).
func contentRange(h string) (start, total int64, ok bool) {
	rest, found := strings.CutPrefix(h, "bytes ")
	if !found {
		return 0, 0, false
	}
	rng, tot, found := strings.Cut(rest, "/")
	if !found {
		return 0, 0, false
	}
	s, _, found := strings.Cut(rng, "-")
	if !found {
		return 0, 0, false
	}
	start, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, 0, false
	}
	total = -1
	if tot != "*" {
		if total, err = strconv.ParseInt(tot, 10, 64); err != nil {
			return 0, 0, false
		}
	}
	return start, total, true
}
