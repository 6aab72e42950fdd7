// Package parallel runs work on a bounded number of goroutines: CPU-bound
// work on every CPU (decoding thousands of specs or records, where one
// core would leave the others idle), and papers checked -j at a time.
package parallel

import (
	"runtime"
	"sync"
)

// Do calls f(i) for every i in [0, n), on up to GOMAXPROCS goroutines, and
// returns when all calls have. f must only write to its own i's slot, so
// the caller can collect results in order.
func Do(n int, f func(i int)) {
	Limit(n, runtime.GOMAXPROCS(0), f)
}

// Limit is Do on up to workers goroutines (at least one): at most workers
// calls of f run at once, started in the order of i.
func Limit(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(max(workers, 1), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
