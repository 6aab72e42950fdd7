//go:build unix

package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	git "github.com/go-git/go-git/v5"
)

// cancelAfter reports cancellation from its n-th look on: Ctrl-C arriving
// in the middle of a checkout.
type cancelAfter struct {
	context.Context
	n, looks int
}

func (c *cancelAfter) Err() error {
	c.looks++
	if c.looks >= c.n {
		return context.Canceled
	}
	return nil
}

// A cancelled checkout stops at the next entry with ctx's error, having
// written only the files before it.
func TestCheckoutContextStopsPromptly(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 500; i++ {
		files[fmt.Sprintf("d%d/f%03d.txt", i%5, i)] = "x"
	}
	repoDir := filepath.Join(t.TempDir(), "m")
	ids := fixture(t, repoDir, 1, files)
	repo, err := git.PlainOpen(repoDir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := &cancelAfter{Context: context.Background(), n: 50}
	tree, err := CheckoutContext(ctx, repo, ids[0], "", filepath.Join(t.TempDir(), "tree"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("CheckoutContext(cancelled) = %v; want context.Canceled", err)
	}
	if tree == nil || tree.Files >= 50 {
		t.Errorf("CheckoutContext(cancelled at look 50) wrote %+v; want fewer than 50 of 501 files", tree)
	}
	if ctx.looks > 51 {
		t.Errorf("CheckoutContext went on for %d looks after the cancellation", ctx.looks-50)
	}
}
