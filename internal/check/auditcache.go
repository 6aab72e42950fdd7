package check

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
)

// The audit cache lets a warm audit-only re-check skip materialising and
// scanning a tree that has not changed: the audit of a commit depends only
// on the commit's tree under the subdir, the claims it looks for in the
// README and the audit rules (audit.Version). Each entry is one file,
// audit/KEY.json in the repository cache folder, whose first line is the
// sha256 of the rest, so a torn or damaged entry is noticed and recomputed.

// auditVersion is audit.Version; a variable only so that a test can
// play a change of the audit rules.
var auditVersion = audit.Version

// auditEntry is what a cold check knew once its tree was audited.
type auditEntry struct {
	Key      string            `json:"key"`
	Checkout *results.Checkout `json:"checkout"`
	Audit    *audit.Report     `json:"audit"`
}

// auditKey identifies the audit of subdir at the resolved commit under the
// current rules for the given claims.
func auditKey(commit, subdir string, claims []spec.Claim) (string, error) {
	cs, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("audit cache key: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "repro audit cache\x00version %d\x00commit %s\x00subdir %s\x00claims ", auditVersion, commit, subdir)
	h.Write(cs)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// reusableAudit says whether a check of s needs nothing of the tree but
// its audit: no steps will run in it (audit-only, or none declared) and
// no artefact or static measure reads it. Steps always get a fresh tree.
func reusableAudit(s *spec.Spec, o *Options) bool {
	if o.RepoDir != "" || o.Cache == nil || o.Cache.Dir == "" {
		return false
	}
	if s.Reproduce == nil {
		return true
	}
	if len(s.Reproduce.Steps) > 0 && !o.AuditOnly {
		return false
	}
	for _, m := range s.Reproduce.Measure {
		if !m.IsRerun() {
			return false
		}
	}
	return true
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
