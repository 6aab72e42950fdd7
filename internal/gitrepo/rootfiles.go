package gitrepo

import (
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// RootFiles reads the files at the top of commit's tree whose names match,
// up to max bytes each; missing, larger or corrupt blobs are left out. The audit of a subdir
// uses it to see the repository's licence.
func RootFiles(repo *git.Repository, commit string, match func(string) bool, max int64) map[string][]byte {
	out := map[string][]byte{}
	r := &reader{repo: repo}
	c, err := r.commit(plumbing.NewHash(commit))
	if err != nil {
		return out
	}
	tree, err := r.tree(c.TreeHash)
	if err != nil {
		return out
	}
	for _, e := range tree.Entries {
		if !e.Mode.IsFile() || !match(e.Name) {
			continue
		}
		// Checked against its id like every object read; a licence
		// larger than max is left out rather than read unchecked.
		if data, err := r.smallBlob(e.Hash, max); err == nil {
			out[e.Name] = data
		}
	}
	return out
}
