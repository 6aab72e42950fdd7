package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		out := make([]int, n)
		var calls atomic.Int64
		Do(n, func(i int) { out[i] = i * i; calls.Add(1) })
		if calls.Load() != int64(n) {
			t.Errorf("Do(%d) made %d calls; want %d", n, calls.Load(), n)
		}
		for i, v := range out {
			if v != i*i {
				t.Fatalf("Do(%d): out[%d] = %d; want %d", n, i, v, i*i)
			}
		}
	}
}

func TestLimit(t *testing.T) {
	for _, workers := range []int{-1, 0, 1, 3} {
		var running, most atomic.Int64
		out := make([]int, 20)
		Limit(len(out), workers, func(i int) {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			for j := 0; j < 1000; j++ {
				runtime.Gosched()
			}
			out[i] = i + 1
			running.Add(-1)
		})
		if want := int64(max(workers, 1)); most.Load() > want {
			t.Errorf("Limit(20, %d): %d calls at once; want at most %d", workers, most.Load(), want)
		}
		for i, v := range out {
			if v != i+1 {
				t.Fatalf("Limit(20, %d): out[%d] = %d; want %d", workers, i, v, i+1)
			}
		}
	}
}
