package gitrepo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// looseObject is the path of object id in the working copy's .git.
func looseObject(repo, id string) string {
	return filepath.Join(repo, ".git", "objects", id[:2], id[2:])
}

// swapObject copies the loose object file of from over that of to, as an
// attacker (or a broken disk) with write access to a mirror could.
func swapObject(t *testing.T, repo, from, to string) {
	t.Helper()
	data, err := os.ReadFile(looseObject(repo, from))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(looseObject(repo, to))
	if err := os.WriteFile(looseObject(repo, to), data, 0o444); err != nil {
		t.Fatal(err)
	}
}

// TestCheckoutVerifiesObjects: a commit or blob whose loose object file
// holds another object's content is detected at checkout, however the
// mirror was read (fetched, or in place after the fetch was refused), and
// the error says which object is corrupt.
func TestCheckoutVerifiesObjects(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		for _, what := range []string{"commit", "blob"} {
			t.Run(what, func(t *testing.T) {
				c, ids := setup(t, 2)
				c.Backend = backend
				mirror := filepath.Join(c.Mirrors[0].To, "o", "r")
				pin := ids[0]
				want := "commit " + ids[0] + " is corrupt"
				if what == "commit" {
					swapObject(t, mirror, ids[1], ids[0])
				} else {
					pin = ids[1]
					readme, py := blobID(t, mirror, pin, "README.md"), blobID(t, mirror, pin, "src/a.py")
					swapObject(t, mirror, py, readme)
					want = "blob " + readme + " is corrupt"
				}
				f, err := c.Fetch(context.Background(), "https://github.com/o/r", pin)
				if err != nil {
					t.Fatalf("Fetch = %v; want the mirror read (in place if need be)", err)
				}
				tree := filepath.Join(t.TempDir(), "tree")
				_, err = Checkout(f.Repo, f.Commit, "", tree)
				if err == nil || !IsCorrupt(err) || !strings.Contains(err.Error(), want) {
					t.Fatalf("Checkout of a swapped %s (%s) = %v; want an error saying %q", what, f.Note, err, want)
				}
			})
		}
	})
}

func blobID(t *testing.T, repo, commit, name string) string {
	t.Helper()
	r, err := openRepo(repo)
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.CommitObject(plumbingHash(commit))
	if err != nil {
		t.Fatal(err)
	}
	f, err := c.File(name)
	if err != nil {
		t.Fatal(err)
	}
	return f.Hash.String()
}
