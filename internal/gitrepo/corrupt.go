package gitrepo

import (
	"context"
	"errors"
	"io"
	"strings"
)

// IsCorrupt reports whether err (from Checkout) says the cache entry's
// objects are damaged: a pack that fails its checksum or does not inflate.
// A warm fetch only reads the commit and its tree, so a damaged blob shows
// up at checkout; Rebuild then gets the entry afresh.
func IsCorrupt(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"zlib", "checksum", "invalid delta", "malformed", "corrupt"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// Rebuild discards the cache entry of url and fetches commit into a new one.
func (c *Cache) Rebuild(ctx context.Context, url, commit string) (*Fetched, error) {
	if err := c.Discard(ctx, url); err != nil {
		return nil, classify(url, err)
	}
	return c.Fetch(ctx, url, commit)
}
