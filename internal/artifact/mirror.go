package artifact

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// Mirror rewrites artifact URLs that start with From to start with To,
// like gitrepo's mirrors for repositories. To is a URL, or a local folder
// that holds the files under the rest of the URL.
type Mirror struct {
	From, To string
}

// ParseMirror reads "FROM=TO".
func ParseMirror(s string) (Mirror, error) {
	from, to, ok := strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return Mirror{}, fmt.Errorf("artifact mirror %q: write FROM=TO, e.g. https://huggingface.co/=/srv/hf/", s)
	}
	return Mirror{From: from, To: to}, nil
}

// ParseMirrors reads a comma-separated list of FROM=TO pairs, as in
// REPRO_ARTIFACT_MIRRORS.
func ParseMirrors(list string) ([]Mirror, error) {
	var ms []Mirror
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		m, err := ParseMirror(s)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}

// Local reports whether the mirror's To is a folder on this machine.
func (m Mirror) Local() bool { return !strings.Contains(m.To, "://") }

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
		var best *Mirror
		for i := range mirrors {
			m := &mirrors[i]
			if strings.HasPrefix(u, m.From) && (best == nil || len(m.From) > len(best.From)) {
				best = m
			}
		}
		if best == nil {
			continue
		}
		rest := strings.TrimPrefix(u, best.From)
		if !best.Local() {
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
