//go:build !unix

package gitrepo

import (
	"context"
	"fmt"
	"runtime"

	git "github.com/go-git/go-git/v5"
)

// Tree is a materialised commit (see checkout.go; this copy serves the
// platforms without openat, where checkouts are unsupported).
type Tree struct {
	Dir        string
	Files      int
	Bytes      int64
	Missing    []string
	Submodules []string
	Skipped    []string
}

// Checkout is unsupported here: writing a hostile tree safely needs
// directory handles opened without following links (openat, O_NOFOLLOW).
func Checkout(repo *git.Repository, commit, subdir, dir string) (*Tree, error) {
	return CheckoutContext(context.Background(), repo, commit, subdir, dir)
}

// CheckoutContext is unsupported here too.
func CheckoutContext(ctx context.Context, repo *git.Repository, commit, subdir, dir string) (*Tree, error) {
	return nil, fmt.Errorf("checkout %s: unsupported on %s (needs openat with O_NOFOLLOW)", commit, runtime.GOOS)
}
