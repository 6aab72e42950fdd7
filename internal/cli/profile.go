package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profile starts the profiles a developer asked for through the
// environment (REPRO_CPUPROFILE=FILE, REPRO_MEMPROFILE=FILE: pprof files
// of one command, for docs/benchmarks.md) and returns what stops them.
// They are environment variables, not flags: they are for measuring repro,
// not part of its interface, and a profile of the real binary needs no
// other build.
func profile(e *env) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if path := e.getenv("REPRO_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return stop, fmt.Errorf("create cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return stop, fmt.Errorf("start cpu profile %s: %w", path, err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if path := e.getenv("REPRO_MEMPROFILE"); path != "" {
		stops = append(stops, func() {
			runtime.GC() // the in-use figures as of the end of the command
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(e.stderr, "repro: create memory profile: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(e.stderr, "repro: write memory profile %s: %v\n", path, err)
			}
		})
	}
	return stop, nil
}
