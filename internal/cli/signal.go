package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// forceGrace bounds what a second signal waits for: the records of the
// unfinished papers, written before the process exits.
const forceGrace = 2 * time.Second

// forceHooks run when a second signal arrives, before the process exits;
// commands register one for work that must be recorded (repro check).
var forceHooks struct {
	sync.Mutex
	next int
	fns  map[int]func(why string)
}

// onForceExit registers f to run on a second signal; the returned func
// removes it.
func onForceExit(f func(why string)) (remove func()) {
	forceHooks.Lock()
	defer forceHooks.Unlock()
	if forceHooks.fns == nil {
		forceHooks.fns = map[int]func(string){}
	}
	id := forceHooks.next
	forceHooks.next++
	forceHooks.fns[id] = f
	return func() {
		forceHooks.Lock()
		defer forceHooks.Unlock()
		delete(forceHooks.fns, id)
	}
}

// SignalContext returns the context main runs a command under. The first
// SIGINT or SIGTERM cancels it: an orderly stop, in which steps are
// killed and every record says interrupted. A second one stops at once:
// the registered hooks record what was unfinished (for at most
// forceGrace) and the process exits with status 130, whatever is blocked.
// stop releases the signals.
func SignalContext() (ctx context.Context, stop func()) {
	return notifyContext(os.Stderr, os.Exit)
}

// notifyContext is SignalContext with its stderr and exit injected.
func notifyContext(stderr io.Writer, exit func(code int)) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		var first os.Signal
		for {
			select {
			case <-done:
				return
			case sig := <-sigs:
				if first == nil {
					first = sig
					cancel(fmt.Errorf("received %s", signalName(sig)))
					fmt.Fprintf(stderr, "repro: %s: stopping; send it again to stop at once\n", signalName(sig))
					continue
				}
				why := fmt.Sprintf("second signal (%s)", signalName(sig))
				fmt.Fprintf(stderr, "repro: %s: stopping at once\n", why)
				forceExit(why)
				exit(ExitInterrupted)
				return
			}
		}
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
			cancel(context.Canceled)
		})
	}
}

// forceExit runs the hooks side by side, waiting for them at most
// forceGrace in all.
func forceExit(why string) {
	forceHooks.Lock()
	var fns []func(string)
	for _, f := range forceHooks.fns {
		fns = append(fns, f)
	}
	forceHooks.Unlock()
	var wg sync.WaitGroup
	for _, f := range fns {
		wg.Add(1)
		go func() { defer wg.Done(); f(why) }()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(forceGrace):
	}
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}
