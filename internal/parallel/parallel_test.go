package parallel

import (
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
