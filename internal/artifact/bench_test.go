package artifact

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// benchSize is the artifact the benchmarks move: REPRO_BENCH_ARTIFACT_MB
// megabytes (default 64; docs/benchmarks.md reports 1024).
func benchSize(b *testing.B) int64 {
	mb := int64(64)
	if s := os.Getenv("REPRO_BENCH_ARTIFACT_MB"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			b.Fatalf("REPRO_BENCH_ARTIFACT_MB=%q: %v", s, err)
		}
		mb = n
	}
	return mb << 20
}

// benchFile writes size random bytes (incompressible, like weights) and
// returns the path and its hash.
func benchFile(b *testing.B, dir string, size int64) (string, string) {
	p := filepath.Join(dir, "weights.bin")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.CopyN(f, rand.Reader, size); err != nil {
		b.Fatal(err)
	}
	f.Close()
	sum, _, err := hashFile(context.Background(), p)
	if err != nil {
		b.Fatal(err)
	}
	return p, sum
}

// BenchmarkDownload fetches one artifact from a loopback HTTP server into
// an empty cache (download, sha256 check, rename), and in the same
// iteration downloads the same URL with curl, then curl followed by
// sha256sum (the same work as repro's). Reports MB/s of each and ratios.
func BenchmarkDownload(b *testing.B) {
	if _, err := exec.LookPath("curl"); err != nil {
		b.Skip("curl not installed")
	}
	size := benchSize(b)
	dir := b.TempDir()
	src, sum := benchFile(b, dir, size)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, src) }))
	defer srv.Close()
	var repro, curl, curlSum time.Duration
	for i := 0; i < b.N; i++ {
		c := &Cache{Dir: filepath.Join(dir, fmt.Sprintf("cache%d", i)), Mirrors: []Mirror{{From: "https://data.example/", To: srv.URL + "/"}}}
		t0 := time.Now()
		if _, err := c.Fetch(context.Background(), Want{Name: "w", URL: "https://data.example/weights.bin", SHA256: sum, Size: size}); err != nil {
			b.Fatal(err)
		}
		repro += time.Since(t0)
		os.RemoveAll(c.Dir)

		out := filepath.Join(dir, "curl.out")
		t0 = time.Now()
		if err := exec.Command("curl", "-sS", "-o", out, srv.URL+"/weights.bin").Run(); err != nil {
			b.Fatal(err)
		}
		curl += time.Since(t0)
		if err := exec.Command("sha256sum", out).Run(); err != nil {
			b.Fatal(err)
		}
		curlSum += time.Since(t0)
		os.Remove(out)
	}
	mbps := func(d time.Duration) float64 { return float64(size) * float64(b.N) / (1 << 20) / d.Seconds() }
	b.ReportMetric(mbps(repro), "repro-MiB/s")
	b.ReportMetric(mbps(curl), "curl-MiB/s")
	b.ReportMetric(mbps(curlSum), "curl+sha256sum-MiB/s")
	b.ReportMetric(repro.Seconds()/curl.Seconds(), "repro/curl")
	b.ReportMetric(repro.Seconds()/curlSum.Seconds(), "repro/curl+sha256sum")
}

// BenchmarkVerify checks a cached artifact as each use does (Verify: size,
// then every byte through SHA-256) and, in the same iteration, runs
// sha256sum on the same file.
func BenchmarkVerify(b *testing.B) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		b.Skip("sha256sum not installed")
	}
	size := benchSize(b)
	p, sum := benchFile(b, b.TempDir(), size)
	var repro, ref time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := Verify(context.Background(), p, sum, size); err != nil {
			b.Fatal(err)
		}
		repro += time.Since(t0)
		t0 = time.Now()
		if err := exec.Command("sha256sum", p).Run(); err != nil {
			b.Fatal(err)
		}
		ref += time.Since(t0)
	}
	b.ReportMetric(repro.Seconds()/float64(b.N), "repro-s/op")
	b.ReportMetric(ref.Seconds()/float64(b.N), "sha256sum-s/op")
	b.ReportMetric(repro.Seconds()/ref.Seconds(), "repro/sha256sum")
}
