package check

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/gitrepo"
	"github.com/repro-harness/repro/internal/run"
)

// The audit cache lets a warm audit-only re-check skip materialising and
// scanning a tree that has not changed. What a check takes from a tree in
// which no step runs depends only on that tree (the commit, the subdir
// and, for a mirror read in place, the objects the mirror holds: its
// snapshot), on what it looks for (the claims, the artefact and static
// measures) and on the rules it reads by (audit.Version,
// run.MeasureVersion). All of these make the key. Each entry is one file,
// audit/KEY.json in the repository cache folder, whose first line is the
// sha256 of the rest, so a torn or damaged entry is noticed and recomputed.

// auditVersion and measureVersion are audit.Version and
// run.MeasureVersion; variables only so that a test can play a change of
// the rules.
var (
	auditVersion   = audit.Version
	measureVersion = run.MeasureVersion
)

// auditEntry is what a cold check knew once its tree was audited and its
// artefact and static measures read.
type auditEntry struct {
	Key      string            `json:"key"`
	Checkout *results.Checkout `json:"checkout"`
	Audit    *audit.Report     `json:"audit"`
	// Readings are the values of the artefact and static measures by
	// claim; nil for a spec without such measures.
	Readings map[string]cachedReading `json:"readings,omitempty"`
}

// cachedReading is readings as stored.
type cachedReading struct {
	Method   []float64 `json:"method,omitempty"`
	Baseline []float64 `json:"baseline,omitempty"`
	Source   string    `json:"source,omitempty"`
	Kind     string    `json:"kind,omitempty"`
	Err      string    `json:"err,omitempty"`
}

func storeReadings(got map[string]*readings) map[string]cachedReading {
	if len(got) == 0 {
		return nil
	}
	out := make(map[string]cachedReading, len(got))
	for id, g := range got {
		out[id] = cachedReading{Method: g.method, Baseline: g.baseline, Source: g.source, Kind: g.kind, Err: g.err}
	}
	return out
}

func loadReadings(in map[string]cachedReading) map[string]*readings {
	out := make(map[string]*readings, len(in))
	for id, c := range in {
		out[id] = &readings{method: c.Method, baseline: c.Baseline, source: c.Source, kind: c.Kind, err: c.Err}
	}
	return out
}

// treeCache is the audit cache as one check uses it: created when the
// check may reuse (reusableAudit), keyed once the commit is resolved, and
// holding the entry found, if any.
type treeCache struct {
	key   string
	found *auditEntry
}

// treeMeasureDefs are the measures of s read from the tree: artefact and
// static evidence.
func treeMeasureDefs(s *spec.Spec) []spec.Measure {
	if s.Reproduce == nil {
		return nil
	}
	var ms []spec.Measure
	for _, m := range s.Reproduce.Measure {
		if !m.IsRerun() {
			ms = append(ms, m)
		}
	}
	return ms
}

// auditKey identifies what a check of s takes from subdir at the resolved
// commit, read from objects identified by snapshot ("" for a cache entry,
// which holds every object of the commit), under the current rules.
func auditKey(commit, subdir, snapshot string, s *spec.Spec) (string, error) {
	cs, err := json.Marshal(s.Claims)
	if err != nil {
		return "", fmt.Errorf("audit cache key: %w", err)
	}
	ms, err := json.Marshal(treeMeasureDefs(s))
	if err != nil {
		return "", fmt.Errorf("audit cache key: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "repro audit cache\x00audit version %d\x00measure version %d\x00commit %s\x00subdir %s\x00snapshot %s\x00claims ", auditVersion, measureVersion, commit, subdir, snapshot)
	h.Write(cs)
	h.Write([]byte("\x00measures "))
	h.Write(ms)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// lookup keys the cache for the fetched commit and returns the entry for
// it, or nil. A mirror read in place whose objects cannot be identified
// (no snapshot) is never cached.
func (tc *treeCache) lookup(o *Options, s *spec.Spec, f *gitrepo.Fetched) *auditEntry {
	if tc == nil {
		return nil
	}
	if f.InPlace() && f.Snapshot == "" {
		return nil // which objects the mirror holds is unknown
	}
	key, err := auditKey(f.Commit, s.Repository.Subdir, f.Snapshot, s)
	if err != nil {
		return nil
	}
	tc.key = key
	tc.found = loadAudit(o.Cache.Dir, key)
	return tc.found
}

// keep stores what the check took from the tree, when it is worth keeping:
// a complete audit, and no interruption.
func (tc *treeCache) keep(ctx context.Context, o *Options, r *results.Record, auditErr error, got map[string]*readings) {
	if tc == nil || tc.key == "" || tc.found != nil || auditErr != nil || r.Audit == nil || r.Checkout == nil || ctx.Err() != nil {
		return
	}
	storeAudit(o.Cache.Dir, &auditEntry{Key: tc.key, Checkout: r.Checkout, Audit: r.Audit, Readings: storeReadings(got)})
}

// reusableAudit says whether a check reads the tree only before any step
// could run in it: the steps will not run (audit only, none declared, or
// skipped on this machine), so the tree is only audited and its artefact
// and static measures read. Steps always get a fresh tree, and a tree
// steps ran in is never cached.
func reusableAudit(d Decision, o *Options) bool {
	if o.RepoDir != "" || o.Cache == nil || o.Cache.Dir == "" {
		return false
	}
	return d.Action == ActionAudit || d.Action == ActionSkip
}

func auditPath(cacheDir, key string) string {
	return filepath.Join(cacheDir, "audit", key+".json")
}

// loadAudit returns the entry for key, or nil when there is none or it
// does not verify (a damaged entry is recomputed, never trusted).
func loadAudit(cacheDir, key string) *auditEntry {
	data, err := os.ReadFile(auditPath(cacheDir, key))
	if err != nil {
		return nil
	}
	sum, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return nil
	}
	want := sha256.Sum256(body)
	if string(sum) != hex.EncodeToString(want[:]) {
		return nil
	}
	var e auditEntry
	if err := json.Unmarshal(body, &e); err != nil || e.Key != key || e.Checkout == nil || e.Audit == nil {
		return nil
	}
	return &e
}

// storeAudit writes the entry atomically (temporary file, then rename),
// so a reader sees a whole entry or none. Failing to write is not an
// error of the check: the next one recomputes.
func storeAudit(cacheDir string, e *auditEntry) error {
	body, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode audit cache entry: %w", err)
	}
	sum := sha256.Sum256(body)
	dir := filepath.Join(cacheDir, "audit")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create audit cache %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".tmp-"+e.Key+"-*")
	if err != nil {
		return fmt.Errorf("write audit cache entry: %w", err)
	}
	_, err = fmt.Fprintf(f, "%s\n%s", hex.EncodeToString(sum[:]), body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), auditPath(cacheDir, e.Key))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write audit cache entry %s: %w", e.Key, err)
	}
	return nil
}
