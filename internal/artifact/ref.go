package artifact

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// DefaultHub is the model hub that hf: URLs resolve to; HF_ENDPOINT
// overrides it, as it does for the hub's own tools.
const DefaultHub = "https://huggingface.co"

var (
	hubName   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$`)
	commitRev = regexp.MustCompile(`^[0-9a-f]{40}$`)
	branchRev = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)
)

// Ref is a parsed artifact URL.
type Ref struct {
	// Hub is set for hf: URLs.
	Hub bool
	// Kind is "" for a model, "datasets" or "spaces" (hf: only).
	Kind, Owner, Repo, Revision, Path string
	// URL is the https URL for other artifacts.
	URL string
}

// Snapshot reports whether the reference is a whole hub repository.
func (r Ref) Snapshot() bool { return r.Hub && r.Path == "" }

// Pinned reports whether the reference names fixed content: an https
// URL always does (its hash pins it), a hub file only at a full commit.
func (r Ref) Pinned() bool { return !r.Hub || commitRev.MatchString(r.Revision) }

// ParseRef parses https://… or hf:[datasets/|spaces/]OWNER/REPO@REVISION[/PATH]:
// one file of a hub repository, or without PATH its whole snapshot.
func ParseRef(raw string) (Ref, error) {
	if rest, ok := strings.CutPrefix(raw, "hf:"); ok {
		return parseHub(rest)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return Ref{}, fmt.Errorf("url %q is not an https URL or hf:OWNER/REPO@REVISION/PATH", raw)
	}
	if u.Scheme != "https" {
		return Ref{}, fmt.Errorf("url %q: use https (the checksum protects the content, https also its privacy)", raw)
	}
	if strings.Trim(u.Path, "/") == "" {
		return Ref{}, fmt.Errorf("url %q names no file", raw)
	}
	return Ref{URL: raw}, nil
}

func parseHub(rest string) (Ref, error) {
	bad := func(why string) (Ref, error) {
		return Ref{}, fmt.Errorf("url %q: %s: write hf:OWNER/REPO@REVISION[/PATH] (hf:datasets/OWNER/REPO@… for a data set)", "hf:"+rest, why)
	}
	var r Ref
	r.Hub = true
	for _, k := range []string{"datasets/", "spaces/"} {
		if s, ok := strings.CutPrefix(rest, k); ok {
			r.Kind, rest = strings.TrimSuffix(k, "/"), s
		}
	}
	repo, after, ok := strings.Cut(rest, "@")
	if !ok {
		return bad("no @REVISION")
	}
	r.Owner, r.Repo, ok = strings.Cut(repo, "/")
	if !ok || !hubName.MatchString(r.Owner) || !hubName.MatchString(r.Repo) {
		return bad("OWNER/REPO is not a repository name")
	}
	// Revisions hold no slash (a commit id, or a plain branch name with
	// review:), so the path starts at the first slash after the @.
	r.Revision, r.Path, ok = strings.Cut(after, "/")
	if ok && r.Path == "" {
		return bad("empty PATH after the revision")
	}
	if !branchRev.MatchString(r.Revision) {
		return bad("revision is not a commit id or branch name")
	}
	if r.Path != "" {
		if p := path.Clean(r.Path); p != r.Path || strings.HasPrefix(p, "../") || p == ".." || strings.HasPrefix(p, "/") {
			return bad("PATH must be a clean relative path")
		}
	}
	return r, nil
}

// RemoteURL is where the bytes live: the URL itself, or the hub's resolve
// URL under hub (DefaultHub when empty).
func (r Ref) RemoteURL(hub string) string {
	if !r.Hub {
		return r.URL
	}
	if hub == "" {
		hub = DefaultHub
	}
	kind := ""
	if r.Kind != "" {
		kind = r.Kind + "/"
	}
	segs := strings.Split(r.Path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return fmt.Sprintf("%s/%s%s/%s/resolve/%s/%s", strings.TrimSuffix(hub, "/"), kind, r.Owner, r.Repo, url.PathEscape(r.Revision), strings.Join(segs, "/"))
}

// FileName is the name the cached file gets: the URL's last segment when
// it is a plain file name, else "artifact". Loaders that look at the
// extension (.csv.gz, .safetensors) then see the one they expect.
func (r Ref) FileName() string {
	p := r.Path
	if !r.Hub {
		if u, err := url.Parse(r.URL); err == nil {
			p = u.Path
		}
	}
	base := path.Base(p)
	if !plainName.MatchString(base) {
		return "artifact"
	}
	return base
}

var plainName = regexp.MustCompile(`^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,127}$`)

// EnvName is the environment variable that names an artifact to the steps:
// REPRO_ARTIFACT_ and the name upper-cased, dashes as underscores.
func EnvName(name string) string {
	return "REPRO_ARTIFACT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}
