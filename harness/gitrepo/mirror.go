package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Mirror rewrites repository URLs that start with From to start with To,
// like git's url.<To>.insteadOf = <From>. To may be a URL or a local folder.
type Mirror struct {
	From, To string
}

// ParseMirror reads "FROM=TO".
func ParseMirror(s string) (Mirror, error) {
	from, to, ok := strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return Mirror{}, fmt.Errorf("mirror %q: write FROM=TO, e.g. https://github.com/=/srv/mirrors/", s)
	}
	return Mirror{From: from, To: to}, nil
}

// ParseMirrors reads a comma-separated list of FROM=TO pairs, as in
// REPRO_MIRRORS.
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

func isLocal(to string) bool {
	return !strings.Contains(to, "://") && !strings.Contains(to, "@")
}

// Resolve returns where to fetch url from: the rewritten location of the
// longest matching mirror, or url itself. For a mirror to a local folder
// the candidates TO/rest and TO/rest.git are tried in turn.
func Resolve(url string, mirrors []Mirror) (source string, mirrored bool, err error) {
	var best *Mirror
	for i := range mirrors {
		m := &mirrors[i]
		if strings.HasPrefix(url, m.From) && (best == nil || len(m.From) > len(best.From)) {
			best = m
		}
	}
	if best == nil {
		return url, false, nil
	}
	rest := strings.TrimPrefix(url, best.From)
	if !isLocal(best.To) {
		return best.To + rest, true, nil
	}
	rest = strings.Trim(rest, "/")
	base := filepath.Join(best.To, filepath.FromSlash(rest))
	cands := []string{base}
	if strings.HasSuffix(base, ".git") {
		cands = append(cands, strings.TrimSuffix(base, ".git"))
	} else {
		cands = append(cands, base+".git")
	}
	for _, c := range cands {
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			abs, err := filepath.Abs(c)
			if err != nil {
				return "", true, err
			}
			return abs, true, nil
		}
	}
	return "", true, &FetchError{Kind: Unreachable, URL: url, Err: fmt.Errorf("mirror %s=%s: neither %s nor %s exists", best.From, best.To, cands[0], cands[1])}
}
