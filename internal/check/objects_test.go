//go:build unix

package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/gitrepo"
	"github.com/repro-harness/repro/internal/gitrepo/gitgen"
)

// objectsTree is a repository that exercises the audit and the tree's
// measures: a README with the claim's number and a results table,
// licences (the project's and a vendored copy's), a submodule, an LFS
// pointer, symlinks (one a measure reads through), code found by content.
func objectsTree() []gitgen.Entry {
	file := func(name, data string) gitgen.Entry {
		return gitgen.Entry{Name: name, Mode: filemode.Regular, Data: data}
	}
	dir := func(name string, es ...gitgen.Entry) gitgen.Entry {
		return gitgen.Entry{Name: name, Mode: filemode.Dir, Entries: es}
	}
	return []gitgen.Entry{
		file(".gitmodules", "[submodule \"ext\"]\n\tpath = ext\n\turl = https://github.com/o/ext\n"),
		file("LICENSE", "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n"),
		file("README.md", "# Paper\n\nWe reach a ratio of 2x.\n\n| model | ratio |\n|---|---|\n| ours | 2.0 |\n\n```\npip install -r requirements.txt\npython train.py\n```\n"),
		dir("assets", file("w.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n")),
		{Name: "ext", Mode: filemode.Submodule, Data: "gitlink"},
		{Name: "latest.json", Mode: filemode.Symlink, Data: "results/metrics.json"},
		file("requirements.txt", "torch\n"),
		dir("results", file("metrics.json", `{"ratio": 2.0}`)),
		dir("src", file("a.py", "def step():\n    opt.step()\n"), file("b.py", "print('psnr', psnr(x))\n")),
		dir("third_party", dir("x", file("LICENSE", "Apache License\nVersion 2.0\n"), file("c.py", "optimizer.step()\n"))),
	}
}

// objectsSpec measures the claim from a file, through a symlink, by a
// count and from a file the tree lacks.
const objectsSpec = `schema: 1
id: p
title: A fixture paper
repository: {url: https://t.example/o/p, commit: %s}
claims:
  - {id: ratio, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
  - {id: linked, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
  - {id: files, quote: "a ratio of 2x", metric: compression_ratio, value: 3, unit: x, bound: exact}
  - {id: absent, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
  - {id: table, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
reproduce:
  steps:
    - {name: eval, run: "true"}
  measure:
    - {claim: ratio, evidence: artefact, file: results/metrics.json, json: ratio}
    - {claim: linked, evidence: artefact, file: latest.json, json: ratio}
    - {claim: files, evidence: static, count: {files: '**/*.py'}}
    - {claim: absent, evidence: artefact, file: results/none.json, json: ratio}
    - {claim: table, evidence: artefact, file: README.md, row: ours, column: ratio}
`

// TestObjectsRecordEqualsCheckout: an audit-only check reads the commit's
// objects and writes no tree; its record equals, timings aside, the record
// of the same check made from a checkout (--keep), for a complete
// repository and for a mirror that lacks a blob.
func TestObjectsRecordEqualsCheckout(t *testing.T) {
	for _, partial := range []bool{false, true} {
		t.Run(fmt.Sprintf("partial=%v", partial), func(t *testing.T) {
			root := t.TempDir()
			repo, err := git.PlainInit(filepath.Join(root, "mirror", "o", "p"), false)
			if err != nil {
				t.Fatal(err)
			}
			h, err := gitgen.RawCommit(repo, objectsTree())
			if err != nil {
				t.Fatal(err)
			}
			if partial {
				c, _ := repo.CommitObject(h)
				tree, _ := c.Tree()
				e, err := tree.FindEntry("src/b.py")
				if err != nil {
					t.Fatal(err)
				}
				id := e.Hash.String()
				if err := os.Remove(filepath.Join(root, "mirror", "o", "p", ".git", "objects", id[:2], id[2:])); err != nil {
					t.Fatal(err)
				}
			}
			s, err := spec.Decode(filepath.Join(root, "p.yaml"), []byte(fmt.Sprintf(objectsSpec, h)))
			if err != nil {
				t.Fatal(err)
			}
			check := func(name string, keep bool) (*results.Record, []string) {
				var stages []string
				o := Options{
					Cache:     &gitrepo.Cache{Dir: filepath.Join(root, name, "cache"), Mirrors: []gitrepo.Mirror{{From: "https://t.example/", To: filepath.Join(root, "mirror") + "/"}}},
					Store:     results.Store{Dir: filepath.Join(root, name, "results")},
					WorkDir:   filepath.Join(root, name, "work"),
					KeepTree:  keep,
					AuditOnly: true,
					Getenv:    func(string) string { return "" },
					Progress:  func(_, stage string) { stages = append(stages, stage) },
				}
				r, err := Paper(context.Background(), Decide(context.Background(), s, o), o)
				if err != nil {
					t.Fatal(err)
				}
				trees, _ := os.ReadDir(o.WorkDir)
				if keep != (len(trees) == 1) {
					t.Errorf("%s: %d trees left in the work folder; want one with --keep, none without", name, len(trees))
				}
				return r, stages
			}
			objects, stages := check("objects", false)
			if slices.ContainsFunc(stages, func(s string) bool { return strings.HasPrefix(s, "checking out") }) {
				t.Errorf("audit-only check: stages %q; want no checkout", stages)
			}
			disk, stages := check("disk", true)
			if !slices.ContainsFunc(stages, func(s string) bool { return strings.HasPrefix(s, "checking out") }) {
				t.Errorf("--keep check: stages %q; want a checkout", stages)
			}
			for _, r := range []*results.Record{objects, disk} {
				r.Started, r.Finished, r.Seconds, r.Repository.FetchSecond = time.Time{}, time.Time{}, 0, 0
			}
			if got, want := jsonOf(t, objects), jsonOf(t, disk); got != want {
				t.Errorf("record from the objects:\n%s\nfrom a checkout:\n%s", got, want)
			}
			// The fixture must exercise what it claims to.
			a := disk.Audit
			if a.License != "MIT" || len(a.LFSPointers) != 1 || len(a.Submodules) != 1 || a.ClaimsInReadme["ratio"] == "" {
				t.Errorf("fixture record: %s; want MIT, an LFS pointer, a submodule and the claim in the README", jsonOf(t, disk))
			}
			verdicts := map[string]string{}
			for _, c := range disk.Claims {
				verdicts[c.ID] = string(c.Verdict)
			}
			files := "verified"
			if partial {
				files = "refuted" // b.py is missing: two files, not three
			}
			want := map[string]string{"ratio": "verified", "linked": "verified", "files": files, "absent": "error", "table": "verified"}
			if fmt.Sprint(verdicts) != fmt.Sprint(want) {
				t.Errorf("verdicts = %v; want %v", verdicts, want)
			}
			if partial != (len(disk.Checkout.Missing) == 1) {
				t.Errorf("missing = %v; want src/b.py only in the partial mirror", disk.Checkout.Missing)
			}
		})
	}
}
