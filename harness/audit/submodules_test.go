package audit

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"
)

const lfsPointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"

func TestParseGitmodules(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []Module
	}{
		{"empty", "", nil},
		{"two", "[submodule \"b\"]\n\tpath = third_party/b\n\turl = https://github.com/o/b.git\n[submodule \"a\"]\n\tpath = a\n\turl = ../a.git\n",
			[]Module{{Path: "a", URL: "../a.git"}, {Path: "third_party/b", URL: "https://github.com/o/b.git"}}},
		{"no path uses name", "[submodule \"lib\"]\nurl = git@github.com:o/lib.git\n", []Module{{Path: "lib", URL: "git@github.com:o/lib.git"}}},
		{"comments and junk", "# c\n; c\n[core]\nbare = false\n[submodule \"x\"]\npath=\"x/\"\nnot a pair\nURL = u\n", []Module{{Path: "x", URL: "u"}}},
	} {
		if got := ParseGitmodules([]byte(tc.in)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseGitmodules(%v) = %+v; want %+v", tc.name, got, tc.want)
		}
	}
}

func TestIsLFSPointer(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{lfsPointer, true},
		{"version https://git-lfs.github.com/spec/v1", true},
		{"version 2\n", false},
		{" version https://git-lfs.github.com/spec/v1", false},
		{"", false},
	} {
		if got := IsLFSPointer([]byte(tc.in)); got != tc.want {
			t.Errorf("IsLFSPointer(%q) = %v; want %v", tc.in, got, tc.want)
		}
	}
}

// TestSubmodulesAndLFSFromGitRepo builds a repository with go-git — a
// gitlink, a submodule declared but never committed, an LFS pointer and a
// blob the object store lacks, as in an incomplete mirror — checks it out
// the way the harness does, and audits the checkout.
func TestSubmodulesAndLFSFromGitRepo(t *testing.T) {
	src := t.TempDir()
	repo, err := git.PlainInit(src, true)
	if err != nil {
		t.Fatal(err)
	}
	st := repo.Storer
	gitmodules := "[submodule \"lib\"]\n\tpath = ext/lib\n\turl = https://github.com/o/lib.git\n" +
		"[submodule \"other\"]\n\tpath = ext/other\n\turl = https://github.com/o/other.git\n"
	absent := plumbing.NewHash("1111111111111111111111111111111111111111")
	ext := storeTree(t, st, []object.TreeEntry{
		{Name: "lib", Mode: filemode.Submodule, Hash: plumbing.NewHash("2222222222222222222222222222222222222222")},
	})
	weights := storeTree(t, st, []object.TreeEntry{
		{Name: "model.pth", Mode: filemode.Regular, Hash: storeBlob(t, st, lfsPointer)},
	})
	root := storeTree(t, st, []object.TreeEntry{
		{Name: ".gitmodules", Mode: filemode.Regular, Hash: storeBlob(t, st, gitmodules)},
		{Name: "README.md", Mode: filemode.Regular, Hash: storeBlob(t, st, "# Fixture\n")},
		{Name: "big.bin", Mode: filemode.Regular, Hash: absent},
		{Name: "ext", Mode: filemode.Dir, Hash: ext},
		{Name: "weights", Mode: filemode.Dir, Hash: weights},
	})
	sig := object.Signature{Name: "t", Email: "t@example.com", When: time.Unix(1700000000, 0).UTC()}
	c := &object.Commit{Author: sig, Committer: sig, Message: "fixture\n", TreeHash: root}
	obj := st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		t.Fatal(err)
	}
	head, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	missing, gitlinks := checkoutFixture(t, repo, head, dir)
	r, err := Tree(dir, Options{Missing: missing, Submodules: gitlinks})
	if err != nil {
		t.Fatal(err)
	}
	wantMods := []Module{
		{Path: "ext/lib", URL: "https://github.com/o/lib.git", Resolved: true},
		{Path: "ext/other", URL: "https://github.com/o/other.git", Resolved: false},
	}
	if !reflect.DeepEqual(r.Submodules, wantMods) {
		t.Errorf("Tree(fixture).Submodules = %+v; want %+v", r.Submodules, wantMods)
	}
	if want := []string{"weights/model.pth"}; !reflect.DeepEqual(r.LFSPointers, want) {
		t.Errorf("Tree(fixture).LFSPointers = %q; want %q", r.LFSPointers, want)
	}
	if want := []string{"big.bin"}; !reflect.DeepEqual(r.Missing, want) {
		t.Errorf("Tree(fixture).Missing = %q; want %q", r.Missing, want)
	}
	if !containsSub(r.Warnings, "the mirror lacked 1 file") {
		t.Errorf("Tree(fixture).Warnings = %q; want one saying the mirror lacked 1 file", r.Warnings)
	}
	// An LFS pointer to weights still links the weights.
	if it := r.Checklist[Pretrained]; !it.Found || it.Evidence != "weights/model.pth" {
		t.Errorf("Tree(fixture).Checklist[pretrained] = %+v; want weights/model.pth", it)
	}
}

// checkoutFixture writes commit's tree into dir and returns the blobs the
// store lacks and the gitlink paths, as the harness's checkout does.
func checkoutFixture(t *testing.T, repo *git.Repository, commit plumbing.Hash, dir string) (missing, gitlinks []string) {
	t.Helper()
	c, err := repo.CommitObject(commit)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	w := object.NewTreeWalker(tree, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		switch e.Mode {
		case filemode.Dir:
			os.MkdirAll(dst, 0o755)
		case filemode.Submodule:
			gitlinks = append(gitlinks, name)
			os.MkdirAll(dst, 0o755)
		default:
			b, err := repo.BlobObject(e.Hash)
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				missing = append(missing, name)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			rd, err := b.Reader()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rd)
			rd.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return missing, gitlinks
}

func storeBlob(t *testing.T, st storage.Storer, content string) plumbing.Hash {
	t.Helper()
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, err := obj.Writer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, content); err != nil {
		t.Fatal(err)
	}
	w.Close()
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func storeTree(t *testing.T, st storage.Storer, entries []object.TreeEntry) plumbing.Hash {
	t.Helper()
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	obj := st.NewEncodedObject()
	if err := (&object.Tree{Entries: entries}).Encode(obj); err != nil {
		t.Fatal(err)
	}
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestSubmoduleResolvedByContent(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".gitmodules":           "[submodule \"a\"]\npath = deps/a\nurl = u1\n[submodule \"b\"]\npath = deps/b\nurl = u2\n",
		"deps/a/CMakeLists.txt": "",
		"deps/bb/x.txt":         "", // a sibling whose name starts like deps/b
	})
	if err := os.MkdirAll(filepath.Join(dir, "deps", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := Tree(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Module{{Path: "deps/a", URL: "u1", Resolved: true}, {Path: "deps/b", URL: "u2", Resolved: false}}
	if !reflect.DeepEqual(r.Submodules, want) {
		t.Errorf("Tree().Submodules = %+v; want %+v", r.Submodules, want)
	}
}
