package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/repro-harness/repro/internal/mirror"
)

// Mirror rewrites repository URLs that start with From to start with To,
// like git's url.<To>.insteadOf = <From>. To may be a URL or a local folder.
type Mirror = mirror.Rule

// ParseMirror reads "FROM=TO", refusing what git would misread.
func ParseMirror(s string) (Mirror, error) {
	m, err := mirror.Parse(s, "mirror", "https://github.com/=/srv/mirrors/")
	if err != nil {
		return Mirror{}, err
	}
	// git would read a location starting with "-" as an option (such as
	// --upload-pack=COMMAND); a folder of that name can be written ./-x.
	if strings.HasPrefix(m.From, "-") || strings.HasPrefix(m.To, "-") {
		return Mirror{}, fmt.Errorf("mirror %q: FROM and TO must not start with \"-\": write a URL or a folder (./%s for a folder named so)", s, strings.TrimLeft(m.To, "-"))
	}
	if strings.ContainsAny(s, "\x00\n") {
		return Mirror{}, fmt.Errorf("mirror %q: FROM and TO must not hold NUL or newline characters", s)
	}
	return m, nil
}

// ParseMirrors reads a comma-separated list of FROM=TO pairs, as in
// REPRO_MIRRORS.
func ParseMirrors(list string) ([]Mirror, error) { return mirror.ParseList(list, ParseMirror) }

// cleanRest normalises the part of a URL after a mirror's FROM: empty
// segments dropped, and "." or ".." (also percent-encoded, or written with
// \) refused, so the mapping never leaves the mirror's TO.
func cleanRest(rest string) (string, error) {
	var parts []string
	for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return r == '/' || r == '\\' }) {
		dec := strings.ReplaceAll(strings.ReplaceAll(p, "%2e", "."), "%2E", ".")
		if dec == "." || dec == ".." {
			return "", fmt.Errorf("the repository path %q has a %q segment: refused, it would leave the mirror", rest, dec)
		}
		if strings.ContainsRune(p, 0) {
			return "", fmt.Errorf("the repository path %q holds a NUL byte", rest)
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "/"), nil
}

func isLocal(to string) bool {
	return !strings.Contains(to, "://") && !strings.Contains(to, "@")
}

// Resolve returns where to fetch url from: the rewritten location of the
// longest matching mirror, or url itself. For a mirror to a local folder
// the candidates TO/rest and TO/rest.git are tried in turn.
func Resolve(url string, mirrors []Mirror) (source string, mirrored bool, err error) {
	best := mirror.Longest(url, mirrors)
	if best == nil {
		return url, false, nil
	}
	raw := strings.TrimPrefix(url, best.From)
	rest, err := cleanRest(raw)
	if err != nil {
		return "", true, &FetchError{Kind: Unreachable, URL: url, Err: fmt.Errorf("mirror %s=%s: %w", best.From, best.To, err)}
	}
	if !isLocal(best.To) {
		if rest != "" && !strings.HasSuffix(best.To, "/") && strings.HasPrefix(raw, "/") {
			rest = "/" + rest
		}
		return best.To + rest, true, nil
	}
	base := filepath.Join(best.To, filepath.FromSlash(rest))
	if r, err := filepath.Rel(filepath.Clean(best.To), base); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", true, &FetchError{Kind: Unreachable, URL: url, Err: fmt.Errorf("mirror %s=%s: %s leaves the mirror folder", best.From, best.To, base)}
	}
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
	return "", true, &FetchError{Kind: NoMirror, URL: url, Err: fmt.Errorf("no mirror of this repository here: mirror %s has no %s or %s.git", ruleName(*best), rest, strings.TrimSuffix(rest, ".git"))}
}

// ruleName names the mirror as a rewrite rule without the machine's
// folder: "https://github.com/=<local>" for a local folder, the full
// FROM=TO for a URL. Records name mirrors this way, so a committed record
// never holds a path of the machine that made it.
func ruleName(m Mirror) string {
	if isLocal(m.To) {
		return m.From + "=<local>"
	}
	return m.From + "=" + m.To
}

// RuleFor names the mirror that url resolves through, as records name
// it (without a local folder), or "".
func RuleFor(url string, mirrors []Mirror) string {
	if best := mirror.Longest(url, mirrors); best != nil {
		return ruleName(*best)
	}
	return ""
}
