package check

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/gitrepo"
)

// fixtureRepo is a repository made with go-git whose commits the tests
// pin: each commit writes the given files (path -> content).
type fixtureRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	n    int
}

func newFixtureRepo(t *testing.T, dir string) *fixtureRepo {
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &fixtureRepo{t: t, dir: dir, repo: repo}
}

func (f *fixtureRepo) commit(files map[string]string) string {
	f.t.Helper()
	wt, err := f.repo.Worktree()
	if err != nil {
		f.t.Fatal(err)
	}
	for name, data := range files {
		p := filepath.Join(f.dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			f.t.Fatal(err)
		}
		if _, err := wt.Add(name); err != nil {
			f.t.Fatal(err)
		}
	}
	f.n++
	sig := &object.Signature{Name: "Fixture", Email: "fixture@example.com", When: time.Date(2025, 1, 1, f.n, 0, 0, 0, time.UTC)}
	h, err := wt.Commit(fmt.Sprintf("commit %d", f.n), &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		f.t.Fatal(err)
	}
	return h.String()
}

// auditFixture is a repository, a cache and a results store for checks.
type auditFixture struct {
	t              *testing.T
	root           string
	repo           *fixtureRepo
	first, second  string
	cache, workDir string
}

func newAuditFixture(t *testing.T) *auditFixture {
	root := t.TempDir()
	r := newFixtureRepo(t, filepath.Join(root, "mirror", "o", "p"))
	first := r.commit(map[string]string{
		"README.md":     "# Paper\n\nWe reach a ratio of 2x.\n\n```\npython train.py\n```\n",
		"LICENSE":       "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n",
		"train.py":      "print('ratio=2')\n",
		"sub/README.md": "# Sub\n\nNothing to see.\n",
		"sub/eval.py":   "print(1)\n",
	})
	second := r.commit(map[string]string{"README.md": "# Paper\n\nNo numbers here, and no commands.\n"})
	return &auditFixture{t: t, root: root, repo: r, first: first, second: second,
		cache: filepath.Join(root, "cache"), workDir: filepath.Join(root, "work")}
}

// check checks a spec of the fixture repository at commit and returns its
// record and the stages it went through.
func (a *auditFixture) check(commit, subdir, extra string, auditOnly bool) (*results.Record, []string) {
	a.t.Helper()
	sub := ""
	if subdir != "" {
		sub = ", subdir: " + subdir
	}
	src := fmt.Sprintf(`schema: 1
id: p
title: A fixture paper
repository: {url: https://t.example/o/p, commit: %s%s}
claims:
  - {id: ratio, quote: "a ratio of 2x", metric: compression_ratio, value: 2, unit: x, bound: exact}
%s`, commit, sub, extra)
	s, err := spec.Decode(filepath.Join(a.root, "p.yaml"), []byte(src))
	if err != nil {
		a.t.Fatal(err)
	}
	var mu sync.Mutex
	var stages []string
	o := Options{
		Cache:     &gitrepo.Cache{Dir: a.cache, Mirrors: []gitrepo.Mirror{{From: "https://t.example/", To: filepath.Join(a.root, "mirror") + "/"}}},
		Store:     results.Store{Dir: filepath.Join(a.root, "results")},
		WorkDir:   a.workDir,
		AuditOnly: auditOnly,
		// Steps that are not audit-only run bare: the decision is to run.
		Runtimes: runtimes(a.t, "none"),
		Getenv:   func(string) string { return "" },
		Progress: func(_, stage string) {
			mu.Lock()
			stages = append(stages, stage)
			mu.Unlock()
		},
	}
	r, err := Paper(context.Background(), Decide(context.Background(), s, o), o)
	if err != nil {
		a.t.Fatal(err)
	}
	if r.Checkout == nil || r.Audit == nil {
		a.t.Fatalf("check of %.7s: status %s (%s), no checkout or audit", commit, r.Status, r.Reason)
	}
	return r, stages
}

// checkedOut says whether the check read the tree: checked it out, or
// read it from the commit's objects.
func checkedOut(stages []string) bool {
	return slices.ContainsFunc(stages, func(s string) bool {
		return strings.HasPrefix(s, "checking out") || strings.HasPrefix(s, "reading ")
	})
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAuditCacheWarmEqualsCold(t *testing.T) {
	a := newAuditFixture(t)
	cold, stages := a.check(a.first, "", "", true)
	if cold.Checkout.Reused || !checkedOut(stages) {
		t.Fatalf("cold check: reused %v, stages %q; want a checkout", cold.Checkout.Reused, stages)
	}
	warm, stages := a.check(a.first, "", "", true)
	if !warm.Checkout.Reused || checkedOut(stages) || slices.Contains(stages, "auditing") {
		t.Fatalf("warm check: reused %v, stages %q; want the cached audit, no checkout", warm.Checkout.Reused, stages)
	}
	if got, want := jsonOf(t, warm.Audit), jsonOf(t, cold.Audit); got != want {
		t.Errorf("warm audit = %s; want the cold one %s", got, want)
	}
	c := *warm.Checkout
	c.Reused = false
	if got, want := jsonOf(t, c), jsonOf(t, cold.Checkout); got != want {
		t.Errorf("warm checkout = %s; want the cold one %s", got, want)
	}
	if warm.Status != cold.Status || warm.Repository.Commit != cold.Repository.Commit {
		t.Errorf("warm status %s at %s; want %s at %s", warm.Status, warm.Repository.Commit, cold.Status, cold.Repository.Commit)
	}
}

func TestAuditCacheNeverStale(t *testing.T) {
	a := newAuditFixture(t)
	base, _ := a.check(a.first, "", "", true)

	// A changed pin: the README without the claim's number.
	pinned, stages := a.check(a.second, "", "", true)
	if pinned.Checkout.Reused || !checkedOut(stages) {
		t.Errorf("changed pin: reused %v; want a fresh audit", pinned.Checkout.Reused)
	}
	if jsonOf(t, pinned.Audit) == jsonOf(t, base.Audit) {
		t.Errorf("changed pin: audit %s equals the old commit's; the fixture should tell them apart", jsonOf(t, pinned.Audit))
	}

	// A changed subdir.
	sub, stages := a.check(a.first, "sub", "", true)
	if sub.Checkout.Reused || !checkedOut(stages) || sub.Checkout.Files == base.Checkout.Files {
		t.Errorf("changed subdir: reused %v, %d files (whole tree %d); want a fresh audit of the subdir", sub.Checkout.Reused, sub.Checkout.Files, base.Checkout.Files)
	}

	// Changed claims: what the audit looks for in the README.
	s := fmt.Sprintf("  - {id: other, quote: \"a ratio of 3x\", metric: compression_ratio, value: 3, unit: x, bound: exact}\n")
	claims, _ := a.check(a.first, "", s, true)
	if claims.Checkout.Reused {
		t.Errorf("changed claims: reused the audit made for other claims")
	}

	// Changed audit rules.
	defer func(v int) { auditVersion = v }(auditVersion)
	auditVersion++
	bumped, stages := a.check(a.first, "", "", true)
	if bumped.Checkout.Reused || !checkedOut(stages) {
		t.Errorf("bumped audit version: reused %v; want a fresh audit", bumped.Checkout.Reused)
	}
}

func TestAuditCacheCorruptEntryRecomputed(t *testing.T) {
	a := newAuditFixture(t)
	cold, _ := a.check(a.first, "", "", true)
	entries, _ := filepath.Glob(filepath.Join(a.cache, "audit", "*.json"))
	if len(entries) != 1 {
		t.Fatalf("audit cache entries = %q; want one", entries)
	}
	data, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	// Change the score in the body without fixing the checksum, as a bad
	// disk or an editor would.
	bad := strings.Replace(string(data), `"score":`, `"score":9`, 1)
	if bad == string(data) {
		t.Fatalf("entry has no score to damage: %s", data)
	}
	for _, damaged := range []string{bad, string(data[:len(data)/2]), ""} {
		os.WriteFile(entries[0], []byte(damaged), 0o644)
		r, stages := a.check(a.first, "", "", true)
		if r.Checkout.Reused || !checkedOut(stages) {
			t.Errorf("damaged entry %.40q: reused %v; want a fresh audit", damaged, r.Checkout.Reused)
		}
		if got, want := jsonOf(t, r.Audit), jsonOf(t, cold.Audit); got != want {
			t.Errorf("damaged entry %.40q: audit = %s; want %s", damaged, got, want)
		}
	}
	// The recomputed entry was written back whole.
	if r, _ := a.check(a.first, "", "", true); !r.Checkout.Reused {
		t.Errorf("after recomputing: reused = false; want the rewritten entry used")
	}
}

func TestAuditCacheFreshTreeWhenTreeIsRead(t *testing.T) {
	a := newAuditFixture(t)
	a.check(a.first, "", "", true) // warm the audit cache
	steps := "reproduce:\n  steps:\n    - {name: eval, run: \"cat train.py\"}\n  measure:\n    - {claim: ratio, stdout: 'ratio=([0-9.]+)'}\n"
	for _, tt := range []struct {
		name      string
		extra     string
		auditOnly bool
	}{
		{"steps to run", steps, false},
		{"static measure, steps to run", "reproduce:\n  steps:\n    - {name: eval, run: \"cat train.py\"}\n  measure:\n    - {claim: ratio, evidence: static, file: train.py, regexp: 'ratio=([0-9.]+)'}\n", false},
	} {
		r, stages := a.check(a.first, "", tt.extra, tt.auditOnly)
		if r.Checkout.Reused || !checkedOut(stages) {
			t.Errorf("%s: reused %v, stages %q; want a fresh checkout", tt.name, r.Checkout.Reused, stages)
		}
	}
	// Audit-only with steps declared: nothing runs, the cached audit serves.
	if r, _ := a.check(a.first, "", steps, true); !r.Checkout.Reused {
		t.Errorf("audit-only with steps: reused = false; want the cached audit")
	}
	// Steps skipped for want of what they require: nothing runs either.
	skipped := strings.Replace(steps, "reproduce:\n", "reproduce:\n  requires: {gpus: 64}\n", 1)
	if r, _ := a.check(a.first, "", skipped, false); !r.Checkout.Reused || r.Status != results.Skipped {
		t.Errorf("skipped steps: reused %v, status %s; want the cached audit, skipped", r.Checkout.Reused, r.Status)
	}
}

// treeMeasure is a spec's reproduce section with one static measure: the
// ratio printed by train.py, times scale.
func treeMeasure(scale string) string {
	return "reproduce:\n  measure:\n    - {claim: ratio, evidence: static, file: train.py, regexp: 'ratio=([0-9.]+)', scale: " + scale + "}\n"
}

// claimsOf is the claims of a record as JSON, for comparing verdicts.
func claimsOf(t *testing.T, r *results.Record) string {
	return jsonOf(t, r.Claims)
}

func TestAuditCacheTreeMeasuresWarmEqualsCold(t *testing.T) {
	a := newAuditFixture(t)
	count := "reproduce:\n  measure:\n    - {claim: ratio, evidence: static, count: {files: '**/*.py'}}\n"
	for _, extra := range []string{treeMeasure("1"), count} {
		cold, stages := a.check(a.first, "", extra, true)
		if cold.Checkout.Reused || !checkedOut(stages) {
			t.Fatalf("cold check: reused %v; want a checkout", cold.Checkout.Reused)
		}
		if c := cold.Claims[0]; c.Measured == nil || *c.Measured != 2 || c.Evidence != spec.Static {
			t.Fatalf("cold check: claim %s; want 2 measured from static evidence", jsonOf(t, c))
		}
		warm, stages := a.check(a.first, "", extra, true)
		if !warm.Checkout.Reused || checkedOut(stages) {
			t.Fatalf("warm check: reused %v, stages %q; want the cached values, no checkout", warm.Checkout.Reused, stages)
		}
		if got, want := claimsOf(t, warm), claimsOf(t, cold); got != want {
			t.Errorf("warm claims = %s; want the cold ones %s", got, want)
		}
		if warm.Status != cold.Status || warm.Reason != cold.Reason {
			t.Errorf("warm status %s (%s); want %s (%s)", warm.Status, warm.Reason, cold.Status, cold.Reason)
		}
	}
}

// A cached value is never served for another measure definition, pin,
// subdir, or set of rules.
func TestAuditCacheTreeMeasuresNeverStale(t *testing.T) {
	a := newAuditFixture(t)
	third := a.repo.commit(map[string]string{"train.py": "print('ratio=3')\n"})
	a.check(a.first, "", treeMeasure("1"), true) // warm the cache

	fresh := func(name string, r *results.Record, stages []string, want float64) {
		t.Helper()
		if r.Checkout.Reused || !checkedOut(stages) {
			t.Errorf("%s: reused %v; want a fresh checkout", name, r.Checkout.Reused)
		}
		if c := r.Claims[0]; c.Measured == nil || *c.Measured != want {
			t.Errorf("%s: measured %s; want %g", name, jsonOf(t, c.Measured), want)
		}
	}
	r, stages := a.check(a.first, "", treeMeasure("2"), true)
	fresh("changed measure definition", r, stages, 4)
	r, stages = a.check(third, "", treeMeasure("1"), true)
	fresh("changed pin", r, stages, 3)

	// The subdir has no train.py: an error there, never the root's value.
	sub, stages := a.check(a.first, "sub", treeMeasure("1"), true)
	if sub.Checkout.Reused || !checkedOut(stages) || sub.Claims[0].Measured != nil {
		t.Errorf("changed subdir: reused %v, claim %s; want a fresh checkout and no value", sub.Checkout.Reused, jsonOf(t, sub.Claims[0]))
	}

	defer func(v int) { auditVersion = v }(auditVersion)
	auditVersion++
	r, stages = a.check(a.first, "", treeMeasure("1"), true)
	fresh("bumped audit version", r, stages, 2)

	defer func(v int) { measureVersion = v }(measureVersion)
	measureVersion++
	r, stages = a.check(a.first, "", treeMeasure("1"), true)
	fresh("bumped measure version", r, stages, 2)
}

// A mirror with missing objects is read in place; what was taken from it
// is reused while it holds the same objects, and taken afresh once they
// change.
func TestAuditCacheIncompleteMirror(t *testing.T) {
	a := newAuditFixture(t)
	commit, err := a.repo.repo.CommitObject(plumbing.NewHash(a.first))
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := commit.Tree()
	entry, err := tree.FindEntry("sub/eval.py")
	if err != nil {
		t.Fatal(err)
	}
	h := entry.Hash.String()
	blob := filepath.Join(a.repo.dir, ".git", "objects", h[:2], h[2:])
	data, err := os.ReadFile(blob)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(blob)

	cold, stages := a.check(a.first, "", treeMeasure("1"), true)
	if cold.Checkout.Reused || !checkedOut(stages) || !slices.Equal(cold.Checkout.Missing, []string{"sub/eval.py"}) {
		t.Fatalf("cold check: reused %v, missing %q; want a checkout missing sub/eval.py", cold.Checkout.Reused, cold.Checkout.Missing)
	}
	warm, stages := a.check(a.first, "", treeMeasure("1"), true)
	if !warm.Checkout.Reused || checkedOut(stages) {
		t.Fatalf("warm check of the same mirror: reused %v; want the cached audit and values", warm.Checkout.Reused)
	}
	if got, want := jsonOf(t, warm.Audit), jsonOf(t, cold.Audit); got != want {
		t.Errorf("warm audit = %s; want %s", got, want)
	}
	if got, want := claimsOf(t, warm), claimsOf(t, cold); got != want {
		t.Errorf("warm claims = %s; want %s", got, want)
	}
	// The blob is back: the mirror is fetched and its whole tree audited.
	if err := os.WriteFile(blob, data, 0o444); err != nil {
		t.Fatal(err)
	}
	whole, stages := a.check(a.first, "", treeMeasure("1"), true)
	if whole.Checkout.Reused || !checkedOut(stages) || len(whole.Checkout.Missing) != 0 {
		t.Errorf("check of the completed mirror: reused %v, missing %q; want a fresh, complete checkout", whole.Checkout.Reused, whole.Checkout.Missing)
	}
}
