package importer

import (
	"net/url"
	"regexp"
	"strings"
)

// codeHosts are the hosts whose /owner/name URLs are git repositories.
var codeHosts = map[string]bool{
	"github.com": true, "gitlab.com": true, "bitbucket.org": true, "codeberg.org": true,
	"gitee.com": true, "sr.ht": true, "git.sr.ht": true,
}

// paperHosts link the paper itself, not a project page.
var paperHosts = map[string]bool{
	"arxiv.org": true, "doi.org": true, "dx.doi.org": true, "openreview.net": true,
	"aclanthology.org": true, "proceedings.neurips.cc": true, "papers.nips.cc": true,
}

// urlPattern finds links as abstracts write them: a scheme-less
// github.com/x/y too. Braces end a link: "GitHub{https://…}", "…{this link}".
var urlPattern = regexp.MustCompile(`(?i)(?:https?://|\bwww\.|\b(?:github|gitlab)\.com/)[^\s{}()<>\[\]"'` + "`" + `|\\]+`)

// Repository returns the code repository an abstract links to, as
// https://host/owner/name (no /tree/…, no .git, no trailing punctuation),
// and the first other web page it links to (a project page such as
// https://ut-sysml.org/walloc). Either is "" when the abstract has none.
func Repository(abstract string) (repo, project string) {
	for _, raw := range urlPattern.FindAllString(abstract, -1) {
		u := cleanURL(raw)
		if u == "" {
			continue
		}
		p, err := url.Parse(u)
		if err != nil || p.Host == "" {
			continue
		}
		host := strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
		parts := strings.FieldsFunc(p.Path, func(r rune) bool { return r == '/' })
		switch {
		case codeHosts[host] && len(parts) >= 2:
			if repo == "" {
				name := strings.TrimSuffix(parts[1], ".git")
				if name != "" && validPathPart(parts[0]) && validPathPart(name) {
					repo = "https://" + host + "/" + parts[0] + "/" + name
				}
			}
		case paperHosts[host]:
		default:
			if project == "" {
				project = u
			}
		}
	}
	return repo, project
}

var pathPart = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

func validPathPart(s string) bool { return pathPart.MatchString(s) && s != "." && s != ".." }

// cleanURL trims what sentence punctuation and markup glue to a link and
// adds the scheme a bare "github.com/…" lacks.
func cleanURL(raw string) string {
	u := strings.TrimRight(raw, ".,;:!?*_~")
	for strings.HasSuffix(u, ".") {
		u = strings.TrimSuffix(u, ".")
	}
	if !strings.Contains(strings.ToLower(u), "://") {
		u = "https://" + u
	}
	if l := strings.ToLower(u); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}
