package artifact

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// maxEntries bounds the files of one archive (an inode bomb).
const maxEntries = 1_000_000

// unpacked returns the folder holding g's archive unpacked, unpacking it
// first when there is no complete one. The caller holds the lock.
func (c *Cache) unpacked(ctx context.Context, w Want, g *Got, name string) (string, error) {
	dir := filepath.Join(c.Dir, "unpacked", g.SHA256)
	marker := dir + ".complete"
	if _, err := os.Stat(marker); err == nil {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir, nil
		}
		os.Remove(marker)
	}
	os.RemoveAll(dir) // an unpack that was cut short
	tmp := filepath.Join(c.Dir, "tmp", g.SHA256+".unpack")
	os.RemoveAll(tmp)
	ratio := c.MaxRatio
	if ratio <= 0 {
		ratio = 100
	}
	c.progress(Event{Name: w.Name, Phase: PhaseUnpack, Total: g.Size, Source: g.Path})
	u := &unpacker{ctx: ctx, root: tmp, limit: ratio * max(g.Size, 1), ratio: ratio}
	var err error
	if err = os.MkdirAll(tmp, 0o755); err == nil {
		if w.Unpack == "zip" {
			err = u.zip(g.Path, g.Size)
		} else {
			err = u.tar(g.Path, name)
		}
	}
	if err == nil {
		err = u.checkLinks()
	}
	if err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("artifact %s: unpack %s: %w", w.Name, name, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return "", fmt.Errorf("artifact %s: store the unpacked folder: %w", w.Name, err)
	}
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		return "", fmt.Errorf("artifact %s: mark the unpacked folder complete: %w", w.Name, err)
	}
	return dir, nil
}

// unpacker writes an untrusted archive's entries under root, refusing any
// that would land outside it, and stops at limit bytes.
type unpacker struct {
	ctx     context.Context
	root    string
	limit   int64
	ratio   int64
	written int64
	entries int
	links   []string
}

var (
	magicGzip = []byte{0x1f, 0x8b}
	magicXz   = []byte{0xfd, '7', 'z', 'X', 'Z', 0}
	magicZstd = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// decompress picks the decompressor by the file name's suffix, or by the
// first bytes when the name says nothing (a hub file named "data").
func decompress(r *bufio.Reader, name string) (io.Reader, func(), error) {
	kind := ""
	switch {
	case strings.HasSuffix(name, ".tar.gz") || strings.HasSuffix(name, ".tgz"):
		kind = "gz"
	case strings.HasSuffix(name, ".tar.xz") || strings.HasSuffix(name, ".txz"):
		kind = "xz"
	case strings.HasSuffix(name, ".tar.zst") || strings.HasSuffix(name, ".tzst"):
		kind = "zst"
	case strings.HasSuffix(name, ".tar"):
		kind = "tar"
	default:
		head, _ := r.Peek(6)
		switch {
		case bytes.HasPrefix(head, magicGzip):
			kind = "gz"
		case bytes.HasPrefix(head, magicXz):
			kind = "xz"
		case bytes.HasPrefix(head, magicZstd):
			kind = "zst"
		}
	}
	switch kind {
	case "gz":
		z, err := gzip.NewReader(r)
		return z, func() {}, err
	case "xz":
		z, err := xz.NewReader(r)
		return z, func() {}, err
	case "zst":
		z, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, nil, err
		}
		return z, z.Close, nil
	}
	return r, func() {}, nil
}

func (u *unpacker) tar(archive, name string) error {
	f, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer f.Close()
	r, done, err := decompress(bufio.NewReaderSize(f, 1<<20), name)
	if err != nil {
		return err
	}
	defer done()
	tr := tar.NewReader(r)
	for {
		if err := u.ctx.Err(); err != nil {
			return err
		}
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch h.Typeflag {
		case tar.TypeXGlobalHeader:
			continue
		case tar.TypeDir:
			_, err = u.dir(h.Name)
		case tar.TypeReg, tar.TypeRegA:
			err = u.file(h.Name, h.FileInfo().Mode(), tr)
		case tar.TypeSymlink:
			err = u.symlink(h.Name, h.Linkname)
		case tar.TypeLink:
			err = u.hardlink(h.Name, h.Linkname)
		default:
			err = fmt.Errorf("entry %q is a device, pipe or other special file: refused", h.Name)
		}
		if err != nil {
			return err
		}
	}
}

func (u *unpacker) zip(archive string, size int64) error {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return err
	}
	defer zr.Close()
	// Declared sizes can lie, so they only reject early; the bytes written
	// are counted either way.
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
	}
	if declared > uint64(u.limit) {
		return u.bomb()
	}
	for _, f := range zr.File {
		if err := u.ctx.Err(); err != nil {
			return err
		}
		mode := f.Mode()
		switch {
		case mode.IsDir():
			_, err = u.dir(f.Name)
		case mode&fs.ModeSymlink != 0:
			var target []byte
			if target, err = readZip(f, 4096); err == nil {
				err = u.symlink(f.Name, string(target))
			}
		case mode.IsRegular():
			var rc io.ReadCloser
			if rc, err = f.Open(); err == nil {
				err = u.file(f.Name, mode, rc)
				rc.Close()
			}
		default:
			err = fmt.Errorf("entry %q is a device, pipe or other special file: refused", f.Name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readZip(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// clean turns an entry name into a relative slash path inside the root, or
// says why it would leave it.
func clean(name string) (string, error) {
	switch {
	case strings.ContainsRune(name, 0):
		return "", fmt.Errorf("entry %q holds a NUL byte: refused", name)
	case strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || (len(name) > 1 && name[1] == ':'):
		return "", fmt.Errorf("entry %q is an absolute path: refused", name)
	}
	n := strings.ReplaceAll(name, `\`, "/")
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return "", fmt.Errorf("entry %q climbs out with \"..\": refused", name)
		}
	}
	return path.Clean(n), nil
}

func (u *unpacker) count() error {
	u.entries++
	if u.entries > maxEntries {
		return fmt.Errorf("more than %d entries: refused", maxEntries)
	}
	return nil
}

// parents makes the folders above rel, refusing to go through anything that
// is not a real folder: a symlink from the archive itself must never lead
// a later entry outside.
func (u *unpacker) parents(rel string) (string, error) {
	dir := u.root
	parts := strings.Split(rel, "/")
	for _, p := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, p)
		st, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(dir, 0o755); err != nil {
				return "", err
			}
		case err != nil:
			return "", err
		case !st.IsDir():
			return "", fmt.Errorf("entry %q goes through %q, which is not a folder: refused", rel, p)
		}
	}
	return filepath.Join(u.root, filepath.FromSlash(rel)), nil
}

func (u *unpacker) dir(name string) (string, error) {
	rel, err := clean(name)
	if err != nil || rel == "." {
		return "", err
	}
	if err := u.count(); err != nil {
		return "", err
	}
	p, err := u.parents(rel)
	if err != nil {
		return "", err
	}
	st, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, os.Mkdir(p, 0o755)
	case err != nil:
		return "", err
	case !st.IsDir():
		return "", fmt.Errorf("entry %q replaces a file or link with a folder: refused", name)
	}
	return p, nil
}

// target returns where a new non-folder entry goes, replacing a file of
// the same name (tar allows updates) but never a folder or link.
func (u *unpacker) target(name string) (string, string, error) {
	rel, err := clean(name)
	if err != nil {
		return "", "", err
	}
	if rel == "." {
		return "", "", fmt.Errorf("entry %q has no name: refused", name)
	}
	if err := u.count(); err != nil {
		return "", "", err
	}
	p, err := u.parents(rel)
	if err != nil {
		return "", "", err
	}
	if st, err := os.Lstat(p); err == nil {
		if !st.Mode().IsRegular() {
			return "", "", fmt.Errorf("entry %q replaces a folder or link: refused", name)
		}
		os.Remove(p)
	}
	return p, rel, nil
}

func (u *unpacker) file(name string, mode fs.FileMode, r io.Reader) error {
	p, _, err := u.target(name)
	if err != nil {
		return err
	}
	perm := fs.FileMode(0o644)
	if mode&0o111 != 0 {
		perm = 0o755
	}
	f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		return err
	}
	left := u.limit - u.written
	n, err := io.Copy(f, io.LimitReader(r, left+1))
	u.written += n
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("entry %q: %w", name, writeError(err))
	}
	if u.written > u.limit {
		return u.bomb()
	}
	return nil
}

func (u *unpacker) bomb() error {
	return fmt.Errorf("content exceeds %d bytes, %d times the archive's size: refused as a possible zip bomb", u.limit, u.ratio)
}

// symlink accepts only relative links that stay inside the root.
func (u *unpacker) symlink(name, link string) error {
	rel, err := clean(name)
	if err != nil {
		return err
	}
	if link == "" || path.IsAbs(link) || strings.HasPrefix(link, `\`) || (len(link) > 1 && link[1] == ':') {
		return fmt.Errorf("entry %q links to the absolute path %q: refused", name, link)
	}
	resolved := path.Join(path.Dir(rel), strings.ReplaceAll(link, `\`, "/"))
	if resolved == ".." || strings.HasPrefix(resolved, "../") {
		return fmt.Errorf("entry %q links to %q, outside the archive: refused", name, link)
	}
	p, _, err := u.target(name)
	if err != nil {
		return err
	}
	u.links = append(u.links, p)
	return os.Symlink(link, p)
}

// checkLinks resolves every link once all are in place: each passed the
// lexical test alone, but a chain (a -> b/.., b -> ..) can still climb out.
func (u *unpacker) checkLinks() error {
	root, err := filepath.EvalSymlinks(u.root)
	if err != nil {
		return err
	}
	for _, l := range u.links {
		to, err := filepath.EvalSymlinks(l)
		if err != nil {
			continue // dangling inside the folder: harmless
		}
		if rel, err := filepath.Rel(root, to); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			name, _ := filepath.Rel(u.root, l)
			return fmt.Errorf("entry %q leads outside the archive through other links: refused", filepath.ToSlash(name))
		}
	}
	return nil
}

// hardlink accepts only links to regular files already unpacked.
func (u *unpacker) hardlink(name, link string) error {
	src, err := clean(link)
	if err != nil {
		return fmt.Errorf("entry %q: hard link: %w", name, err)
	}
	sp := filepath.Join(u.root, filepath.FromSlash(src))
	st, err := os.Lstat(sp)
	if err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("entry %q is a hard link to %q, which is not a file unpacked before it: refused", name, link)
	}
	if _, err := u.parents(src); err != nil {
		return err
	}
	p, _, err := u.target(name)
	if err != nil {
		return err
	}
	return os.Link(sp, p)
}
