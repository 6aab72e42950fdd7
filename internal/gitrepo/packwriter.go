package gitrepo

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// packStorage is a repository's storage whose fetches write their pack
// through packWriter (packindex.go) instead of go-git's PackWriter; every
// other method is go-git's.
type packStorage struct {
	*filesystem.Storage
	dir string // the repository's git folder
}

// PackfileWriter is what a go-git fetch writes the received pack to.
func (s *packStorage) PackfileWriter() (io.WriteCloser, error) {
	pack := filepath.Join(s.dir, "objects", "pack")
	if err := os.MkdirAll(pack, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(pack, "tmp_pack_")
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	w := &packWriter{s: s, f: f, buf: bufio.NewWriterSize(f, 256<<10), pw: pw, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		w.objs, w.scanErr = scanPack(pr)
		// Fail the writes still to come rather than block them.
		pr.CloseWithError(w.scanErr)
		if w.scanErr == nil {
			io.Copy(io.Discard, pr)
		}
	}()
	return w, nil
}

// packWriter writes a received pack to a temporary file while its first
// pass reads the same bytes, then on Close indexes it and moves pack and
// index into place, as pack-SUM.pack and pack-SUM.idx.
type packWriter struct {
	s       *packStorage
	f       *os.File
	buf     *bufio.Writer
	pw      *io.PipeWriter
	n       int64
	done    chan struct{}
	objs    []packObject
	scanErr error
	closed  bool
}

func (w *packWriter) Write(p []byte) (int, error) {
	if _, err := w.buf.Write(p); err != nil {
		return 0, err
	}
	w.n += int64(len(p))
	if _, err := w.pw.Write(p); err != nil {
		<-w.done
		return 0, fmt.Errorf("read the pack: %w", err)
	}
	return len(p), nil
}

func (w *packWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	w.pw.Close()
	<-w.done
	err := w.finish()
	if err != nil || w.n == 0 {
		w.f.Close()
		os.Remove(w.f.Name())
	}
	return err
}

func (w *packWriter) finish() error {
	if w.n == 0 {
		return nil // nothing was sent: nothing to keep
	}
	if w.scanErr != nil {
		return w.scanErr
	}
	if err := w.buf.Flush(); err != nil {
		return err
	}
	idx, sum, err := indexPack(w.f, w.objs, resolveBudget)
	if err != nil {
		return err
	}
	base := filepath.Join(filepath.Dir(w.f.Name()), "pack-"+sum.String())
	if err := writeIdx(base+".idx", idx); err != nil {
		return err
	}
	if err := w.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(w.f.Name(), base+".pack"); err != nil {
		return err
	}
	// The storage lists its packs once; make it see this one.
	w.s.Reindex()
	return nil
}

// writeIdx writes idx to path through a temporary file, so a reader never
// sees half an index.
func writeIdx(path string, idx *idxfile.MemoryIndex) error {
	f, err := os.CreateTemp(filepath.Dir(path), "tmp_idx_")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	bw := bufio.NewWriter(f)
	if _, err := idxfile.NewEncoder(bw).Encode(idx); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
