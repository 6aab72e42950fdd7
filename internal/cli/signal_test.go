//go:build unix

package cli

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the signal goroutine to write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The first signal cancels the context (an orderly stop); the second runs
// the force hooks and exits with 130 at once, without waiting for the work
// that the first one asked to stop.
func TestSignalContextSecondSignalExits(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		var stderr syncBuffer
		exited := make(chan int, 1)
		ctx, stop := notifyContext(&stderr, func(code int) { exited <- code })
		hooked := make(chan string, 1)
		remove := onForceExit(func(why string) { hooked <- why })

		syscall.Kill(syscall.Getpid(), sig)
		select {
		case <-ctx.Done():
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: context not cancelled by the first signal", sig)
		}
		if cause := context.Cause(ctx); cause == nil || !strings.HasPrefix(cause.Error(), "received SIG") {
			t.Errorf("%v: cause = %v; want received SIG…", sig, cause)
		}
		select {
		case code := <-exited:
			t.Fatalf("%v: exited (%d) after the first signal", sig, code)
		case <-time.After(100 * time.Millisecond):
		}

		syscall.Kill(syscall.Getpid(), sig)
		select {
		case code := <-exited:
			if code != ExitInterrupted {
				t.Errorf("%v: exit status %d; want %d", sig, code, ExitInterrupted)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v: no exit after the second signal", sig)
		}
		name := map[syscall.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM"}[sig]
		if why := <-hooked; why != "second signal ("+name+")" {
			t.Errorf("%v: hook told %q", sig, why)
		}
		want := "repro: " + name + ": stopping; send it again to stop at once\nrepro: second signal (" + name + "): stopping at once\n"
		if got := stderr.String(); got != want {
			t.Errorf("%v: stderr = %q; want %q", sig, got, want)
		}
		remove()
		stop()
	}
}

// A hook that hangs does not hold the exit past forceGrace.
func TestForceExitBoundsHooks(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	remove := onForceExit(func(string) { <-block })
	defer remove()
	start := time.Now()
	forceExit("test")
	if d := time.Since(start); d > forceGrace+5*time.Second {
		t.Errorf("forceExit took %v with a hook that never returns; want about %v", d, forceGrace)
	}
}
