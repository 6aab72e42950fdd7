package gitrepo

import (
	"io"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// RootFiles reads the files at the top of commit's tree whose names match,
// up to max bytes each; missing blobs are left out. The audit of a subdir
// uses it to see the repository's licence.
func RootFiles(repo *git.Repository, commit string, match func(string) bool, max int64) map[string][]byte {
	out := map[string][]byte{}
	c, err := repo.CommitObject(plumbing.NewHash(commit))
	if err != nil {
		return out
	}
	tree, err := c.Tree()
	if err != nil {
		return out
	}
	for _, e := range tree.Entries {
		if !e.Mode.IsFile() || !match(e.Name) {
			continue
		}
		b, err := repo.BlobObject(e.Hash)
		if err != nil {
			continue
		}
		r, err := b.Reader()
		if err != nil {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(r, max))
		r.Close()
		if err == nil {
			out[e.Name] = data
		}
	}
	return out
}
