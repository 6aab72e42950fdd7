package artifact

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/repro-harness/repro/internal/mirror"
)

// Mirror rewrites artifact URLs that start with From to start with To,
// like gitrepo's mirrors for repositories. To is a URL, or a local folder
// that holds the files under the rest of the URL.
type Mirror = mirror.Rule

// ParseMirror reads "FROM=TO".
func ParseMirror(s string) (Mirror, error) {
	return mirror.Parse(s, "artifact mirror", "https://huggingface.co/=/srv/hf/")
}

// ParseMirrors reads a comma-separated list of FROM=TO pairs, as in
// REPRO_ARTIFACT_MIRRORS.
func ParseMirrors(list string) ([]Mirror, error) { return mirror.ParseList(list, ParseMirror) }

// local reports whether the mirror's To is a folder on this machine.
func local(m *Mirror) bool { return !strings.Contains(m.To, "://") }

// location is where a mirror puts one artifact: a URL, or a local path.
type location struct {
	mirror *Mirror
	url    string // remote URL (mirror or origin)
	path   string // local file, for a local mirror
}

// locate picks the longest mirror prefix matching the spec URL, then the
// remote URL it resolves to (so both hf:… and https://huggingface.co/…
// prefixes work), or the remote URL itself.
func locate(specURL, remote string, mirrors []Mirror) location {
	for _, u := range []string{specURL, remote} {
		best := mirror.Longest(u, mirrors)
		if best == nil {
			continue
		}
		rest := strings.TrimPrefix(u, best.From)
		if !local(best) {
			return location{mirror: best, url: best.To + rest}
		}
		// The rest comes from a spec: path.Clean under "/" keeps it from
		// climbing out of the mirror folder; a query string names no file.
		rest, _, _ = strings.Cut(rest, "?")
		rest, _, _ = strings.Cut(rest, "#")
		clean := strings.TrimPrefix(path.Clean("/"+rest), "/")
		return location{mirror: best, path: filepath.Join(best.To, filepath.FromSlash(clean))}
	}
	return location{url: remote}
}
