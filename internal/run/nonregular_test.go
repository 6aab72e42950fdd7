//go:build unix

package run

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestReadInsideRefusesNonRegular(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.Symlink("/dev/zero", filepath.Join(root, "zero"))
	os.Mkdir(filepath.Join(root, "dir"), 0o755)
	for _, p := range []string{"fifo", "dir"} {
		done := make(chan error, 1)
		go func() { _, err := ReadInside(root, p); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadInside(%q) = %v; want ErrNotRegular", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadInside(%q) blocked", p)
		}
	}
	// A link to a device outside the tree is refused as an escape first.
	if _, err := ReadInside(root, "zero"); err == nil {
		t.Errorf("ReadInside(link to /dev/zero) = nil error; want a refusal")
	}
}
