package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/repro-harness/repro/harness/spec"
)

// Options is what the audit knows besides the tree itself.
type Options struct {
	// Claims are the spec's claims, to find their numbers in the README.
	Claims []spec.Claim
	// Missing lists files the checkout could not write (blobs absent from
	// an incomplete mirror).
	Missing []string
	// Submodules lists the gitlink paths the checkout found.
	Submodules []string
	// RootLicenses holds the licence files at the repository root, by
	// name, when the audited tree is a subdir of it: a subdir without a
	// licence of its own is covered by the repository's.
	RootLicenses map[string][]byte
}

// Limits on what the audit reads, so that a hostile or huge repository
// cannot make it slow or exhaust memory.
const (
	maxReadme      = 1 << 20   // README (and a results page it links) bytes read
	maxLicense     = 256 << 10 // licence file bytes read
	maxGitmodules  = 64 << 10  // .gitmodules bytes read
	lfsMin         = 120       // the smallest LFS pointer (size 0, no extensions) is 127 bytes
	lfsCandidate   = 1 << 10   // files under this size may be LFS pointers
	lfsHead        = 200       // bytes of a candidate read to recognise a pointer
	largeFile      = 100 << 20 // GitHub refuses files over 100 MiB
	maxScanFiles   = 400       // source files read when names decide nothing
	maxScanFile    = 256 << 10 // bytes read of each of them
	maxScanTotal   = 32 << 20  // bytes read by one content scan in all
	lfsPointerHead = "version https://git-lfs.github.com/spec/v1"
)

// entry is one file of the tree, by slash-separated path relative to its
// root.
type entry struct {
	path string
	size int64
}

// tree is what one walk learnt: every regular file and every directory.
type tree struct {
	// ctx stops the reads once the check is cancelled.
	ctx context.Context
	// open reads up to limit+1 bytes of the regular file at rel.
	open  func(rel string, limit int64) ([]byte, error)
	files []entry
	byKey map[string]bool // every file path, for lookups
	dirs  map[string]bool // every directory path
	// vendorRoots are directories below the root that carry their own
	// licence file: copies of another project.
	vendorRoots map[string]bool
	warnings    []string
	// scanned says whether the content scan ran; scanHits holds the first
	// file that matched each signal.
	scanned  bool
	scanHits map[*signal]string
}

// Tree audits the repository checked out at dir: the ML Code Completeness
// Checklist with the evidence for each item, the licence, submodules, LFS
// pointers, large files, and where the README states each claim's number.
//
// It decides mostly by file names and reads only the README, the licence
// file, .gitmodules, small files that may be LFS pointers and, when names
// decide nothing, a bounded number of source files. A file that cannot be
// read becomes a warning; only a dir that cannot be walked at all is an
// error.
func Tree(dir string, o Options) (*Report, error) {
	return TreeContext(context.Background(), dir, o)
}

// TreeContext is Tree that stops, with ctx's error, once ctx is done: the
// walk and every loop that reads files look at ctx before each file, so a
// tree of 100k files stops within a file of Ctrl-C.
func TreeContext(ctx context.Context, dir string, o Options) (*Report, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("audit %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("audit %s: not a directory", dir)
	}
	t, err := walk(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("audit %s: %w", dir, err)
	}
	return t.audit(dir, o)
}

// Source is a tree the audit reads without a folder on disk: a commit's
// tree read from a repository's objects (internal/gitrepo's View).
type Source interface {
	// Walk calls fn for every entry below the root, a directory before
	// what it holds, with its slash-separated path, its mode (whose type
	// bits say directory, symlink or regular file) and a file's size; it
	// returns fn's first error.
	Walk(fn func(rel string, mode fs.FileMode, size int64) error) error
	// ReadFile returns up to limit+1 bytes of the regular file at rel (one
	// more than limit tells a file cut short), never following a symlink.
	ReadFile(rel string, limit int64) ([]byte, error)
}

// SourceContext is TreeContext for a tree read through src instead of a
// folder; name identifies it in errors. For the same content it gives the
// report TreeContext gives for the tree checked out.
func SourceContext(ctx context.Context, name string, src Source, o Options) (*Report, error) {
	t := newTree(ctx)
	t.open = src.ReadFile
	err := src.Walk(func(rel string, mode fs.FileMode, size int64) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if t.underGit(rel) {
			return nil
		}
		t.add(rel, mode, size)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("audit %s: %w", name, err)
	}
	t.finish()
	return t.audit(name, o)
}

// audit computes the report of the walked tree t; name identifies it in
// errors.
func (t *tree) audit(name string, o Options) (*Report, error) {
	ctx := t.ctx
	r := &Report{Checklist: map[string]Item{}}
	r.Warnings = append(r.Warnings, t.warnings...)

	rd := t.readme(r)
	r.LFSPointers = t.lfsPointers(r)
	for _, f := range t.files {
		if f.size > largeFile {
			r.LargeFiles = append(r.LargeFiles, f.path)
		}
	}
	r.Submodules = t.submodules(r, o.Submodules)
	if len(o.Missing) > 0 {
		r.Missing = append([]string(nil), o.Missing...)
		sort.Strings(r.Missing)
		r.Warnings = append(r.Warnings, fmt.Sprintf("the mirror lacked %d %s (blobs absent); the audit did not see them", len(r.Missing), plural(len(r.Missing), "file", "files")))
	}

	t.license(r, rd)
	if r.License == LicenseNone && r.LicenseFile == "" {
		rootLicense(r, o.RootLicenses)
	}
	r.Checklist[Dependencies] = t.dependencies(rd)
	r.Checklist[Training] = t.training(rd, r)
	r.Checklist[Evaluation] = t.evaluation(rd, r)
	r.Checklist[Pretrained] = t.pretrained(rd)
	r.Checklist[Results] = t.results(rd, r)
	for _, it := range Items {
		if r.Checklist[it].Found {
			r.Score++
		}
	}
	if rd != nil {
		r.ClaimsInReadme = rd.claims(o.Claims)
	}
	if err := ctx.Err(); err != nil {
		// Some reads were skipped: the report would say less than the tree.
		return nil, fmt.Errorf("audit %s: %w", name, err)
	}
	r.Warnings = dedupe(r.Warnings)
	return r, nil
}

// walk lists the tree under root without following symbolic links and
// without entering .git.
func walk(ctx context.Context, root string) (*tree, error) {
	t := newTree(ctx)
	t.open = diskOpener(root)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			if rel == "." {
				return err
			}
			t.warnings = append(t.warnings, fmt.Sprintf("%s: %v", rel, unwrapPath(err)))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		var size int64
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				t.warnings = append(t.warnings, fmt.Sprintf("%s: %v", rel, unwrapPath(err)))
				return nil
			}
			size = info.Size()
		}
		t.add(rel, d.Type(), size)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.finish()
	return t, nil
}

func newTree(ctx context.Context) *tree {
	return &tree{ctx: ctx, byKey: map[string]bool{}, dirs: map[string]bool{}, vendorRoots: map[string]bool{}}
}

// add records one entry of the walk: directories and regular files.
// Symbolic links and other special files are neither followed nor read.
func (t *tree) add(rel string, mode fs.FileMode, size int64) {
	switch {
	case mode.IsDir():
		t.dirs[rel] = true
	case mode.IsRegular():
		t.files = append(t.files, entry{path: rel, size: size})
		t.byKey[rel] = true
		if dir := path.Dir(rel); dir != "." && isLicenseFile(path.Base(rel)) {
			t.vendorRoots[dir] = true
		}
	}
}

// underGit reports whether rel is a .git entry or lies in one, which a
// walk of a folder skips.
func (t *tree) underGit(rel string) bool {
	for _, p := range strings.Split(rel, "/") {
		if p == ".git" {
			return true
		}
	}
	return false
}

// finish sorts the files and settles which folders are vendored copies.
func (t *tree) finish() {
	sort.Slice(t.files, func(i, j int) bool { return t.files[i].path < t.files[j].path })
	// A folder with its own licence is a copy of another project only
	// when this one has code of its own elsewhere; when all the code lives
	// in such folders, they are the project.
	own := false
	for _, f := range t.files {
		if isCode(f.path) && !t.vendored(f.path) {
			own = true
			break
		}
	}
	if !own {
		t.vendorRoots = map[string]bool{}
	}
}

// unwrapPath drops the absolute path an *fs.PathError carries, so warnings
// name files relative to the tree.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// read returns up to limit bytes of the file at rel, and whether it was
// cut short. A failure is recorded as a warning on r and returns nil.
func (t *tree) read(r *Report, rel string, limit int64) ([]byte, bool) {
	if t.ctx.Err() != nil {
		return nil, false // TreeContext returns the error
	}
	b, err := t.open(rel, limit)
	if err != nil {
		r.Warnings = append(r.Warnings, fmt.Sprintf("read %s: %v", rel, unwrapPath(err)))
		return nil, false
	}
	if int64(len(b)) > limit {
		return b[:limit], true
	}
	return b, false
}

// errNotRegular is a read of something that is no longer a regular file.
var errNotRegular = errors.New("not a regular file")

// diskOpener reads files of the folder root: up to limit+1 bytes of a
// regular file, never following a symlink.
func diskOpener(root string) func(rel string, limit int64) ([]byte, error) {
	return func(rel string, limit int64) ([]byte, error) {
		// O_NONBLOCK: walk listed rel as a regular file, but should it
		// have become a FIFO since, the open must not wait for a writer.
		f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(rel)), os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			return nil, errNotRegular
		}
		return io.ReadAll(io.LimitReader(f, limit+1))
	}
}

// vendored reports whether rel lies in a copy of another project: a
// conventional vendoring folder (third_party/, vendor/, node_modules/ …)
// or a folder below the root that carries its own licence file (when the
// project has code outside such folders). Code there is not evidence of
// what the paper's authors released.
func (t *tree) vendored(rel string) bool {
	parts := strings.Split(rel, "/")
	for i, p := range parts[:len(parts)-1] {
		if vendorDirs[strings.ToLower(p)] {
			return true
		}
		if t.vendorRoots[strings.Join(parts[:i+1], "/")] {
			return true
		}
	}
	return false
}

// vendorDirs are folder names that hold other projects' code.
var vendorDirs = map[string]bool{
	"third_party": true, "third-party": true, "thirdparty": true, "3rdparty": true, "3rd_party": true,
	"vendor": true, "vendors": true, "vendored": true, "external": true, "externals": true, "extern": true,
	"site-packages": true, "dist-packages": true, "node_modules": true, "bower_components": true,
	".venv": true, "venv": true, "virtualenv": true, "__pycache__": true, ".tox": true, ".eggs": true,
	"deps": true, "_deps": true,
}

// dedupe drops repeated warnings (a file read by two checks that fails
// twice), keeping the first order.
func dedupe(ws []string) []string {
	seen := map[string]bool{}
	out := ws[:0]
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rootLicense recognises the repository root's licence for a subdir audit.
func rootLicense(r *Report, files map[string][]byte) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// The plainest name first, as in the tree's own licence detection.
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) < len(names[j])
		}
		return names[i] < names[j]
	})
	for _, n := range names {
		if id := DetectLicense(string(files[n])); id != LicenseUnknown {
			r.License, r.LicenseFile = id, "/"+n+" (repository root)"
			return
		}
	}
	if len(names) > 0 {
		r.License, r.LicenseFile = LicenseUnknown, "/"+names[0]+" (repository root)"
	}
}

// IsLicenseFile reports whether a file name is a licence file's
// (LICENSE, LICENCE.md, COPYING, LICENSE-MIT, …).
func IsLicenseFile(name string) bool { return isLicenseFile(name) }
