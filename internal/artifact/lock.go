package artifact

import (
	"context"
	"os"
	"time"
)

// lockFile takes an exclusive flock on p, waiting while another process
// (or another Cache in this one) holds it, until ctx ends. The kernel
// drops the lock when its holder dies, so a killed fetch blocks no one.
func lockFile(ctx context.Context, p string) (func(), error) {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err := tryLock(f)
		if err == nil {
			return func() { unlock(f); f.Close() }, nil
		}
		if err != errWouldBlock {
			f.Close()
			return nil, err
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
