package gitrepo

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// BenchmarkCheckoutLargeBlob checks out a commit holding one large blob
// (REPRO_BENCH_BLOB_MB, 64 by default, of random bytes like model weights)
// from a warm cache entry, and reports the bytes the checkout allocated
// and the peak of the live heap while it ran (sampled every millisecond),
// both in MB. A streamed blob costs a copy buffer, not the blob.
func BenchmarkCheckoutLargeBlob(b *testing.B) {
	mb := 64
	if s := os.Getenv("REPRO_BENCH_BLOB_MB"); s != "" {
		mb, _ = strconv.Atoi(s)
	}
	root := b.TempDir()
	repo, err := git.PlainInit(filepath.Join(root, "mirror", "o", "blob"), true)
	if err != nil {
		b.Fatal(err)
	}
	data := make([]byte, mb<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i+8 <= len(data); i += 8 {
		v := rng.Uint64()
		for k := 0; k < 8; k++ {
			data[i+k] = byte(v >> (8 * k))
		}
	}
	head, err := gitgen.RawCommit(repo, []gitgen.Entry{{Name: "weights.bin", Mode: filemode.Regular, Data: string(data)}})
	if err != nil {
		b.Fatal(err)
	}
	data = nil
	c := &Cache{Dir: filepath.Join(root, "cache"), Mirrors: []Mirror{{From: "https://bench.example/", To: filepath.Join(root, "mirror")}}}
	f, err := c.Fetch(context.Background(), "https://bench.example/o/blob", head.String())
	if err != nil {
		b.Fatal(err)
	}
	// Read the entry afresh, as a warm check does.
	warm, err := c.Fetch(context.Background(), "https://bench.example/o/blob", head.String())
	if err != nil || warm.Transferred {
		b.Fatalf("warm fetch = %+v, %v", warm, err)
	}
	f = warm
	var alloc, peak float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "tree")
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		stop, peakc := samplePeak()
		t, err := Checkout(f.Repo, f.Commit, "", dir)
		close(stop)
		p := <-peakc
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if err != nil || t.Bytes != int64(mb)<<20 {
			b.Fatalf("Checkout = %+v, %v", t, err)
		}
		alloc += float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
		peak = max(peak, float64(p-before.HeapAlloc)/(1<<20))
		os.RemoveAll(filepath.Dir(dir))
	}
	b.ReportMetric(alloc/float64(b.N), "MB-alloc/op")
	b.ReportMetric(peak, "MB-peak-heap")
	b.ReportMetric(float64(mb), "MB-blob")
}

// samplePeak reads the live heap every millisecond until stop is closed,
// then sends the largest value seen.
func samplePeak() (chan struct{}, chan uint64) {
	stop, out := make(chan struct{}), make(chan uint64, 1)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return stop, out
}
