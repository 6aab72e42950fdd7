package audit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func TestTreeNotADirectory(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o644)
	for _, p := range []string{filepath.Join(dir, "absent"), file} {
		if _, err := Tree(p, Options{}); err == nil || !strings.HasPrefix(err.Error(), "audit ") {
			t.Errorf("Tree(%q) error = %v; want one starting with %q", p, err, "audit ")
		}
	}
}

// cancelAfter is a context that reports cancellation from its n-th look
// on, and counts the looks: a stand-in for Ctrl-C arriving mid-audit.
type cancelAfter struct {
	context.Context
	n, looks int
}

func (c *cancelAfter) Err() error {
	c.looks++
	if c.looks >= c.n {
		return context.Canceled
	}
	return nil
}

// A cancelled audit stops within a file or so of the cancellation, in the
// walk and in the loops that read files, and returns the context's error
// rather than a report that saw part of the tree.
func TestTreeContextStopsPromptly(t *testing.T) {
	files := map[string]string{"README.md": "# x\n", "LICENSE": "MIT License"}
	for i := 0; i < 3000; i++ {
		// Small files: each is read as a possible LFS pointer.
		files[fmt.Sprintf("data/f%04d.bin", i)] = strings.Repeat("x", 200)
	}
	dir := writeTree(t, files)
	full := &cancelAfter{Context: context.Background(), n: 1 << 30}
	if _, err := TreeContext(full, dir, Options{}); err != nil {
		t.Fatalf("TreeContext(never cancelled) = %v", err)
	}
	if full.looks < 6000 {
		t.Fatalf("TreeContext looked at ctx %d times for 3000 files walked and read; want at least one look per file in each", full.looks)
	}
	for _, n := range []int{1, 100, 4000} { // during the walk, during the reads
		ctx := &cancelAfter{Context: context.Background(), n: n}
		r, err := TreeContext(ctx, dir, Options{})
		if !errors.Is(err, context.Canceled) || r != nil {
			t.Errorf("TreeContext(cancelled at look %d) = %v, %v; want nil, context.Canceled", n, r, err)
		}
		if ctx.looks > n+50 {
			t.Errorf("TreeContext(cancelled at look %d) went on for %d more looks", n, ctx.looks-n)
		}
	}
}

func TestTreeSkipsGitAndSymlinks(t *testing.T) {
	outside := writeTree(t, map[string]string{"train.py": "", "LICENSE": "MIT License"})
	dir := writeTree(t, map[string]string{
		".git/hooks/train.py": "",
		".git/eval.py":        "",
		"README.md":           "# x\n",
	})
	if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
		t.Skipf("symlinks unsupported: %v", err)
	}
	if err := os.Symlink(filepath.Join(outside, "LICENSE"), filepath.Join(dir, "LICENSE")); err != nil {
		t.Fatal(err)
	}
	r, err := Tree(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Checklist[Training].Found || r.Checklist[Evaluation].Found {
		t.Errorf("Tree(.git and symlinks) = %+v; want no training or evaluation found", r.Checklist)
	}
	if r.License != LicenseNone {
		t.Errorf("Tree(symlinked LICENSE).License = %q; want %q", r.License, LicenseNone)
	}
}

func TestTreeUnreadableFile(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := writeTree(t, map[string]string{"README.md": "pip install x\n", "LICENSE": "MIT License", "train.py": ""})
	for _, f := range []string{"README.md", "LICENSE"} {
		if err := os.Chmod(filepath.Join(dir, f), 0); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Tree(dir, Options{})
	if err != nil {
		t.Fatalf("Tree(unreadable files) error = %v; want a report", err)
	}
	if !containsSub(r.Warnings, "read README.md") || !containsSub(r.Warnings, "read LICENSE") {
		t.Errorf("Tree(unreadable files).Warnings = %q; want warnings naming README.md and LICENSE", r.Warnings)
	}
	if !r.Checklist[Training].Found {
		t.Errorf("Tree(unreadable files).Checklist[training] = %+v; want found", r.Checklist[Training])
	}
}

func TestTreeLargeFilesAndMissing(t *testing.T) {
	dir := writeTree(t, map[string]string{"small.bin": "x"})
	f, err := os.Create(filepath.Join(dir, "huge.npz"))
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: large on paper, nothing written, cheap for the test.
	if err := f.Truncate(largeFile + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, err := Tree(dir, Options{Missing: []string{"b/x.pt", "a/y.bin"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"huge.npz"}; !reflect.DeepEqual(r.LargeFiles, want) {
		t.Errorf("Tree().LargeFiles = %q; want %q", r.LargeFiles, want)
	}
	if want := []string{"a/y.bin", "b/x.pt"}; !reflect.DeepEqual(r.Missing, want) {
		t.Errorf("Tree().Missing = %q; want %q", r.Missing, want)
	}
	if !containsSub(r.Warnings, "the mirror lacked 2 files") {
		t.Errorf("Tree().Warnings = %q; want one saying the mirror lacked 2 files", r.Warnings)
	}
}

func TestTreeReadmeCap(t *testing.T) {
	big := "# x\n" + strings.Repeat("lorem ipsum\n", maxReadme/12+10) + "pip install late\n"
	r, err := Tree(writeTree(t, map[string]string{"README.md": big}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Checklist[Dependencies].Found {
		t.Errorf("Tree(README over 1 MiB).Checklist[dependencies] = %+v; want the line past the cap unread", r.Checklist[Dependencies])
	}
	if !containsSub(r.Warnings, "longer than 1 MiB") {
		t.Errorf("Tree(README over 1 MiB).Warnings = %q; want the cap noted", r.Warnings)
	}
}

func TestReadmeName(t *testing.T) {
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{"README.md"}, "README.md"},
		{[]string{"ReadMe.md"}, "ReadMe.md"},
		{[]string{"README_zh.md", "README.md"}, "README.md"},
		{[]string{"README.rst", "README"}, "README.rst"},
		{[]string{"docs/README.md"}, ""},
	} {
		files := map[string]string{}
		for _, f := range tc.files {
			files[f] = "x"
		}
		tr, err := walk(context.Background(), writeTree(t, files))
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.readmeName(); got != tc.want {
			t.Errorf("readmeName(%q) = %q; want %q", tc.files, got, tc.want)
		}
	}
}

// TestReportJSON checks the contract the record and report read.
func TestReportJSON(t *testing.T) {
	r, err := Tree(writeTree(t, map[string]string{"train.py": ""}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	cl, _ := m["checklist"].(map[string]any)
	tr, _ := cl[Training].(map[string]any)
	got := fmt.Sprint(m["score"], " ", m["license"], " ", tr["found"], " ", tr["evidence"], " ", len(cl))
	if want := "1 none true train.py 5"; got != want {
		t.Errorf("json(Tree()) = %s; want score, license, training and items %q", b, want)
	}
}

// FuzzReadme checks that README parsing and every check that reads it
// never panic, whatever the README holds.
func FuzzReadme(f *testing.F) {
	f.Add("# Results\n| a | acc |\n|---|---|\n| x | 1.5 |\n")
	f.Add("<table><tr><td>1.5%</td></tr></table>")
	f.Add("```\npython train.py\n```\n## License\nMIT\n")
	f.Add("Title\n=====\n|\n-|\n[x](../../../etc/passwd.md) results\n")
	f.Fuzz(func(t *testing.T, text string) {
		d := parseDoc("README.md", text)
		d.resultsAt()
		d.weightsLink()
		d.installLine()
		d.licenseStatement()
		v := 2.8
		d.claims([]spec.Claim{{ID: "c", Value: &v, Unit: "%"}})
	})
}

// BenchmarkTree audits a tree of a few thousand files: the walk, the
// README, and the names dominate, as on a large real repository.
func BenchmarkTree(b *testing.B) {
	files := map[string]string{
		"README.md":        "# X\n\n## Install\npip install -r requirements.txt\n\n## Results\n| Model | Acc |\n|---|---|\n| ours | 91.2 |\n",
		"requirements.txt": "torch\n",
		"LICENSE":          "MIT License\nPermission is hereby granted, free of charge, to any person obtaining a copy",
	}
	for i := 0; i < 3000; i++ {
		files[fmt.Sprintf("pkg%d/mod%d/file%d.py", i%30, i%7, i)] = "import torch\n"
	}
	dir := writeTree(b, files)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Tree(dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
