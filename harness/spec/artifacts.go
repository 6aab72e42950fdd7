package spec

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/repro-harness/repro/internal/artifact"
)

var (
	artifactName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)
	sha256Hex    = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// validateArtifacts checks reproduce.artifacts: each names its content by
// sha256 and size (unless review: says why not yet), by a URL the cache
// can fetch, under a name that is a usable environment variable.
func (d *decoder) validateArtifacts(as []Artifact) {
	byEnv := map[string]string{}
	for i, a := range as {
		p := fmt.Sprintf("reproduce.artifacts[%d]", i)
		switch {
		case a.Name == "":
			d.at(p, "artifact %d has no name: give one; the steps find it as REPRO_ARTIFACT_<NAME>", i+1)
		case !artifactName.MatchString(a.Name):
			d.at(p+".name", "artifact name %q is not valid: use letters, digits, dashes and underscores, starting with a letter (it becomes REPRO_ARTIFACT_<NAME>)", a.Name)
		default:
			env := artifact.EnvName(a.Name)
			if other, dup := byEnv[env]; dup {
				d.at(p+".name", "artifact name %q clashes with %q: both would be %s", a.Name, other, env)
			}
			byEnv[env] = a.Name
		}
		ref, err := artifact.ParseRef(a.URL)
		switch {
		case a.URL == "":
			d.at(p, "artifact %q has no url: give https://… or hf:OWNER/REPO@REVISION/PATH", a.Name)
		case err != nil:
			d.at(p+".url", "artifact %q: %v", a.Name, err)
		case !ref.Pinned() && strings.TrimSpace(a.Review) == "":
			d.at(p+".url", "artifact %q: revision %q is not a full commit id: pin the 40-hex commit, or set review: to say why not yet", a.Name, ref.Revision)
		case ref.Snapshot() && (a.Unpack == "tar" || a.Unpack == "zip"):
			d.at(p+".unpack", "artifact %q: a hub snapshot is a folder already: drop unpack", a.Name)
		}
		if a.SHA256 != "" && !sha256Hex.MatchString(a.SHA256) {
			d.at(p+".sha256", "artifact %q: sha256 %q is not 64 lower-case hex digits (sha256sum FILE)", a.Name, a.SHA256)
		}
		if a.Size < 0 {
			d.at(p+".size", "artifact %q: size %d cannot be negative", a.Name, a.Size)
		}
		if strings.TrimSpace(a.Review) == "" {
			if a.SHA256 == "" {
				d.at(p, "artifact %q has no sha256: give it (sha256sum FILE), or set review: and let `repro fetch` record it for `repro pin`", a.Name)
			}
			if a.Size == 0 {
				d.at(p, "artifact %q has no size: give its exact size in bytes, or set review: and let `repro fetch` record it for `repro pin`", a.Name)
			}
		}
		switch a.Unpack {
		case "", "none", "tar", "zip":
		default:
			d.at(p+".unpack", "artifact %q: unpack must be none, tar or zip, not %q (tar reads .tar.gz, .tar.xz and .tar.zst too)", a.Name, a.Unpack)
		}
	}
}
