package gitrepo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/storage/memory"
)

// fuzzPack encodes blobs, each an edit of the last, with go-git's encoder
// (which makes deltas of them), as ofs- or ref-deltas.
func fuzzPack(f *testing.F, refDeltas bool, n int) []byte {
	f.Helper()
	st := memory.NewStorage()
	var hashes []plumbing.Hash
	text := bytes.Repeat([]byte("line of text for the delta window\n"), 40)
	for i := 0; i < n; i++ {
		text = append(text, fmt.Sprintf("edit %d\n", i)...)
		o := st.NewEncodedObject()
		o.SetType(plumbing.BlobObject)
		w, _ := o.Writer()
		w.Write(text)
		w.Close()
		h, err := st.SetEncodedObject(o)
		if err != nil {
			f.Fatal(err)
		}
		hashes = append(hashes, h)
	}
	var buf bytes.Buffer
	if _, err := packfile.NewEncoder(&buf, st, refDeltas).Encode(hashes, 10); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzIndexPack feeds packs to the indexer: whatever the bytes, it never
// panics, and a pack it indexes is indexed as go-git's own parser indexes
// it (the same ids at the same offsets with the same CRCs).
func FuzzIndexPack(f *testing.F) {
	f.Add(fuzzPack(f, false, 6))
	f.Add(fuzzPack(f, true, 6))
	f.Add(fuzzPack(f, false, 1))
	f.Add([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, pack []byte) {
		path := filepath.Join(t.TempDir(), "p.pack")
		if err := os.WriteFile(path, pack, 0o644); err != nil {
			t.Fatal(err)
		}
		got, sum, err := indexFile(path, 1<<10)
		if err != nil {
			return
		}
		w := new(idxfile.Writer)
		p, err := packfile.NewParser(packfile.NewScanner(bytes.NewReader(pack)), w)
		if err != nil {
			return
		}
		theirs, err := p.Parse()
		if err != nil {
			return // go-git refuses what this indexer accepts: not a failure by itself
		}
		if theirs != sum {
			t.Fatalf("checksum %s; go-git says %s", sum, theirs)
		}
		want, err := w.Index()
		if err != nil {
			t.Fatal(err)
		}
		compareIdx(t, got, want)
	})
}
