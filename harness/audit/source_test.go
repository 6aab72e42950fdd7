package audit

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

// memSource is a Source held in memory: what a repository's objects give
// without a checkout.
type memSource struct {
	files    map[string]string
	sizes    map[string]int64 // a file's size when it is not len(content)
	links    map[string]string
	emptyDir []string // submodules: an empty folder in a checkout
	reads    []string
}

func (m *memSource) Walk(fn func(rel string, mode fs.FileMode, size int64) error) error {
	type ent struct {
		mode fs.FileMode
		size int64
	}
	all := map[string]ent{}
	addParents := func(p string) {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			all[d] = ent{mode: fs.ModeDir | 0o755}
		}
	}
	for p, c := range m.files {
		size := int64(len(c))
		if s, ok := m.sizes[p]; ok {
			size = s
		}
		all[p] = ent{mode: 0o644, size: size}
		addParents(p)
	}
	for p := range m.links {
		all[p] = ent{mode: fs.ModeSymlink | 0o777}
		addParents(p)
	}
	for _, p := range m.emptyDir {
		all[p] = ent{mode: fs.ModeDir | 0o755}
		addParents(p)
	}
	var paths []string
	for p := range all {
		paths = append(paths, p)
	}
	sort.Strings(paths) // a parent sorts before what it holds
	for _, p := range paths {
		if err := fn(p, all[p].mode, all[p].size); err != nil {
			return err
		}
	}
	return nil
}

func (m *memSource) ReadFile(rel string, limit int64) ([]byte, error) {
	m.reads = append(m.reads, rel)
	c, ok := m.files[rel]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: rel, Err: fs.ErrNotExist}
	}
	if int64(len(c)) > limit+1 {
		c = c[:limit+1]
	}
	return []byte(c), nil
}

// write puts the same tree in a folder, as a checkout writes it.
func (m *memSource) write(t *testing.T) string {
	t.Helper()
	dir := writeTree(t, m.files)
	for p, size := range m.sizes {
		// Sparse: the size without the bytes.
		if err := os.Truncate(filepath.Join(dir, filepath.FromSlash(p)), size); err != nil {
			t.Fatal(err)
		}
	}
	for p, target := range m.links {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.Symlink(target, full); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range m.emptyDir {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(p)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSourceSameAsTree: the audit of a tree read through a Source equals
// the audit of the same tree in a folder, on a tree that exercises every
// part of it: README with a results table and a claim's number, licence,
// a vendored folder with its own licence, a submodule, an LFS pointer, a
// large file, symlinks (to a file, to a folder, out of the tree) and
// source files found only by their content; and a Source reads only the
// files the audit needs, within their limits.
func TestSourceSameAsTree(t *testing.T) {
	lfs := "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
	m := &memSource{
		files: map[string]string{
			"README.md":              "# Paper\n\nWe compress 12.5x better.\n\n| model | ratio |\n|---|---|\n| ours | 12.5 |\n\nInstall with `pip install -r requirements.txt`.\nWeights: https://example.org/model.pth\n",
			"LICENSE":                "MIT License\n\nCopyright (c) 2025\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n",
			"requirements.txt":       "torch\n",
			".gitmodules":            "[submodule \"ext/lib\"]\n\tpath = ext/lib\n\turl = https://github.com/o/lib\n",
			"src/model.py":           "import torch\n\ndef forward(x):\n    return x\n",
			"src/fit.py":             "def loop(model, opt):\n    loss.backward()\n    opt.step()\n",
			"src/score.py":           "def report(pred, y):\n    print('psnr', psnr(pred, y))\n",
			"third_party/x/LICENSE":  "Apache License\nVersion 2.0, January 2004\n",
			"third_party/x/train.py": "optimizer.step()\n",
			"assets/weights.bin":     lfs,
			"data/huge.bin":          "",
			"docs/notes.md":          strings.Repeat("notes\n", 400),
			"src/" + strings.Repeat("deep/", 3) + "util.py": "x = 1\n",
		},
		sizes:    map[string]int64{"data/huge.bin": largeFile + 1},
		links:    map[string]string{"latest.py": "src/model.py", "docs/all": "../src", "escape": "../../../etc/passwd"},
		emptyDir: []string{"ext/lib"},
	}
	claims := []spec.Claim{{ID: "ratio", Quote: "12.5x", Metric: "compression_ratio", Value: ptr(12.5), Unit: "x", Bound: "exact", Better: "higher"}}
	o := Options{Claims: claims, Submodules: []string{"ext/lib"}, Missing: []string{"data/gone.bin"}}
	disk, err := TreeContext(context.Background(), m.write(t), o)
	if err != nil {
		t.Fatal(err)
	}
	got, err := SourceContext(context.Background(), "fixture", m, o)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, disk) {
		t.Errorf("SourceContext =\n%+v\nTreeContext =\n%+v", got, disk)
	}
	// The fixture must exercise what it claims to, or the comparison says
	// nothing.
	if disk.License != "MIT" || len(disk.LFSPointers) != 1 || len(disk.LargeFiles) != 1 || len(disk.Submodules) != 1 || len(disk.Missing) != 1 || disk.ClaimsInReadme["ratio"] == "" {
		t.Errorf("fixture audit = %+v; want MIT, one LFS pointer, one large file, one submodule, one missing file and the claim in the README", disk)
	}
	for _, p := range m.reads {
		if p == "data/huge.bin" || strings.HasPrefix(p, "third_party/") {
			t.Errorf("the audit read %s; it needs only its size or nothing", p)
		}
	}
}

func ptr(v float64) *float64 { return &v }
