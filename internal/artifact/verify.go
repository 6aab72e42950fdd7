package artifact

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// hashFile returns the SHA-256 and size of the file at p.
func hashFile(ctx context.Context, p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	// A large buffer: the hash, not the syscalls, should be the cost.
	n, err := io.CopyBuffer(h, &ctxReader{ctx: ctx, r: f}, make([]byte, 1<<20))
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// Verify checks the file at p against sha and size (size 0: any), the
// size first since it costs nothing, then every byte: what a fetch does
// to a cached artifact before each use.
func Verify(ctx context.Context, p, sha string, size int64) error {
	if size > 0 {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		if st.Size() != size {
			return fmt.Errorf("%s has %d bytes, want %d", p, st.Size(), size)
		}
	}
	got, _, err := hashFile(ctx, p)
	if err != nil {
		return err
	}
	if got != sha {
		return fmt.Errorf("%s has sha256 %s, want %s", p, got, sha)
	}
	return nil
}
