package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

//go:embed huffpack/*.go
var source embed.FS

// URL is the demo repository's (fictional) remote; the demo spec names it
// and `--mirror https://github.com/repro-demo/=DIR` maps it to DIR/huffpack.
const URL = "https://github.com/repro-demo/huffpack"

// epoch is the fixed commit time that makes the commit id reproducible.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Build creates the demo repository at dir/huffpack (replacing one left by
// an earlier run) and returns its commit id.
func Build(dir string) (string, error) {
	repoDir := filepath.Join(dir, "huffpack")
	if err := os.RemoveAll(repoDir); err != nil {
		return "", err
	}
	files := map[string][]byte{
		"go.mod":           []byte("module huffpack\n\ngo 1.21\n"),
		"README.md":        []byte(readme),
		"ABSTRACT.md":      []byte(Abstract),
		"LICENSE":          []byte(license),
		"corpus/words.txt": Corpus(256 << 10),
	}
	err := fs.WalkDir(source, "huffpack", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := source.ReadFile(p)
		files[filepath.Base(p)] = data
		return err
	})
	if err != nil {
		return "", err
	}
	repo, err := git.PlainInit(repoDir, false)
	if err != nil {
		return "", fmt.Errorf("create demo repository: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return "", err
	}
	for name, data := range files {
		p := filepath.Join(repoDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", err
		}
		if _, err := wt.Add(name); err != nil {
			return "", fmt.Errorf("add %s: %w", name, err)
		}
	}
	sig := &object.Signature{Name: "Huffpack Authors", Email: "authors@huffpack.example", When: epoch}
	h, err := wt.Commit("huffpack: code, corpus and abstract of the demo paper\n", &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		return "", fmt.Errorf("commit demo repository: %w", err)
	}
	return h.String(), nil
}

// Abstract is the demo paper's abstract; the demo spec quotes it.
const Abstract = `# Huffpack: Canonical Huffman Coding Is All You Need (demo paper)

We present Huffpack, a canonical Huffman coder for English text. On our
bundled corpus Huffpack compresses text by a factor of at least 1.6 and
needs fewer than 5 bits per byte. It outperforms run-length encoding on
every file, and encodes at over 10 GB/s on a single core.
`

const readme = `# huffpack

The demo paper of repro: a canonical Huffman coder with a bundled corpus.

    go run . -corpus corpus -out metrics.json

| metric | claimed |
|---|---|
| compression ratio | >= 1.6x |
| bits per byte | < 5 |
| throughput | > 10 GB/s |
`

const license = `MIT License

Copyright (c) 2026 Huffpack Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`
