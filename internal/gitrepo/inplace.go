package gitrepo

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A local mirror that cannot be fetched from (git-upload-pack refuses a
// repository with missing objects) is read in place. Trying the fetch
// again on every check costs as much as the check itself on a large
// mirror, and fails the same way as long as the mirror holds the same
// objects; so the failure is remembered in inplace/NAME.json, with the
// snapshot of the mirror's object store it was seen with, and the next
// fetch of an unchanged mirror reads it in place straight away. Any change
// to the mirror's objects (a new pack, a new loose object) changes the
// snapshot and the fetch is tried again.

// inPlace is a remembered failure to fetch from a local mirror.
type inPlace struct {
	Source   string `json:"source"`
	Snapshot string `json:"snapshot"`
	Reason   string `json:"reason"`
}

func (c *Cache) inPlacePath(name string) string {
	return filepath.Join(c.Dir, "inplace", name+".json")
}

// readInPlaceAgain reads src in place when a fetch from it failed before
// and its objects have not changed since; nil otherwise.
func (c *Cache) readInPlaceAgain(name, src, commit string) *Fetched {
	data, err := os.ReadFile(c.inPlacePath(name))
	if err != nil {
		return nil
	}
	var m inPlace
	if json.Unmarshal(data, &m) != nil || m.Source != src || m.Snapshot == "" || m.Snapshot != Snapshot(src) {
		return nil
	}
	d, err := direct(src, commit)
	if err != nil {
		return nil
	}
	d.Snapshot = m.Snapshot
	d.Note = fmt.Sprintf("read the mirror in place: it could not be fetched from before and it has not changed since (%s)", m.Reason)
	return d
}

// rememberInPlace records that fetching from src failed for reason while
// its objects were as in snapshot. Best effort: without the record the
// next fetch only tries again.
func (c *Cache) rememberInPlace(name, src, snapshot, reason string) {
	if snapshot == "" {
		return
	}
	data, err := json.Marshal(inPlace{Source: src, Snapshot: snapshot, Reason: reason})
	if err != nil {
		return
	}
	dir := filepath.Join(c.Dir, "inplace")
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-"+name+"-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.inPlacePath(name))
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// Snapshot identifies the object store of the repository at dir as it is
// now: the names, sizes and modification times of its packs and of its
// loose-object folders (a folder's time changes when an object is added
// to it or removed). Two equal snapshots hold the same objects, so what
// was computed from a tree read in place can be reused while the snapshot
// stays the same. It is "" when that cannot be told: an unreadable store,
// or one that borrows objects from other stores (alternates).
func Snapshot(dir string) string {
	objects := filepath.Join(dir, "objects")
	if st, err := os.Stat(filepath.Join(dir, ".git")); err == nil && st.IsDir() {
		objects = filepath.Join(dir, ".git", "objects")
	}
	if _, err := os.Stat(filepath.Join(objects, "info", "alternates")); !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	h := sha256.New()
	for _, sub := range []string{objects, filepath.Join(objects, "pack")} {
		entries, err := os.ReadDir(sub)
		if err != nil {
			return ""
		}
		for _, e := range entries {
			info, err := e.Info()
			if err != nil {
				return ""
			}
			fmt.Fprintf(h, "%s/%s %d %d %v\n", filepath.Base(sub), e.Name(), info.Size(), info.ModTime().UnixNano(), info.IsDir())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
