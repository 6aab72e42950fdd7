package report

import (
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/repro-harness/repro/harness/host"
)

// forge says how a repository host spells its links, or "" when it is not
// one we know (then only the repository itself is linked).
func forge(repoURL string) (base, kind string) {
	u, err := url.Parse(repoURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		return "", ""
	}
	base = strings.TrimSuffix(strings.TrimSuffix(repoURL, "/"), ".git")
	switch {
	case u.Host == "github.com":
		return base, "github"
	case u.Host == "gitlab.com" || strings.HasPrefix(u.Host, "gitlab."):
		return base, "gitlab"
	}
	return "", ""
}

func hexCommit(c string) bool {
	if len(c) < 7 || len(c) > 64 {
		return false
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

// CommitURL is the page of the checked-out commit on its forge, or "".
func (p Paper) CommitURL() string {
	return p.forgeURL("commit", "")
}

// TreeURL is the repository's tree at the checked-out commit, or "".
func (p Paper) TreeURL() string {
	return p.forgeURL("tree", "")
}

// EvidenceURL links evidence written "PATH" or "PATH:LINE" (relative to
// the checked-out folder, the spec's subdir when it has one) to that file
// and line at the checked-out commit, or "" when the forge is unknown or
// the path is not a plain relative one.
func (p Paper) EvidenceURL(evidence string) string {
	file, line := evidence, 0
	if i := strings.LastIndex(evidence, ":"); i > 0 {
		if n, err := strconv.Atoi(evidence[i+1:]); err == nil && n > 0 {
			file, line = evidence[:i], n
		}
	}
	if file == "" || strings.HasPrefix(file, "/") || strings.Contains(file, "..") || strings.ContainsAny(file, " \\?#") {
		return ""
	}
	if p.Repository != nil && p.Repository.Subdir != "" {
		file = path.Join(p.Repository.Subdir, file)
	}
	u := p.forgeURL("blob", file)
	if u != "" && line > 0 {
		u += fmt.Sprintf("#L%d", line)
	}
	return u
}

func (p Paper) forgeURL(what, file string) string {
	if p.Repository == nil || p.Repository.Dirty || !hexCommit(p.Repository.Commit) {
		return ""
	}
	base, kind := forge(p.Repository.URL)
	if kind == "" {
		return ""
	}
	sep := "/"
	if kind == "gitlab" {
		sep = "/-/"
	}
	u := base + sep + what + "/" + p.Repository.Commit
	if file != "" {
		u += "/" + (&url.URL{Path: file}).EscapedPath()
	}
	return u
}

// hardware sums up a record's host: "linux/amd64, 16 CPUs, 62.7 GB, 1 GPU (NVIDIA A100 80 GB)".
func hardware(h host.Host) string {
	if h.OS == "" && h.CPUs == 0 {
		return ""
	}
	s := h.OS + "/" + h.Arch
	if h.CPUs > 0 {
		s += fmt.Sprintf(", %d CPUs", h.CPUs)
	}
	if h.MemoryBytes > 0 {
		s += fmt.Sprintf(", %.1f GB memory", float64(h.MemoryBytes)/(1<<30))
	}
	if len(h.GPUs) == 0 {
		return s + ", no GPU"
	}
	var gs []string
	for _, g := range h.GPUs {
		gs = append(gs, fmt.Sprintf("%s %.0f GB", g.Name, float64(g.MemoryBytes)/(1<<30)))
	}
	return s + fmt.Sprintf(", %d GPU (%s)", len(h.GPUs), strings.Join(gs, "; "))
}

// Date is the day the record was started, or "".
func (p Paper) Date() string {
	if len(p.Started) >= 10 {
		return p.Started[:10]
	}
	return ""
}

// ToleranceText shows a claim's tolerance with its unit: a tolerance on a
// claim in % without its own % is in percentage points ("0.5 pp"); one
// with % is relative to the claimed value.
func (c Claim) ToleranceText() string {
	t := strings.TrimSpace(c.Tolerance)
	switch {
	case t == "":
		return ""
	case strings.HasSuffix(t, "%"):
		return t + " (relative)"
	case c.Unit == "%":
		return t + " pp"
	case c.Unit != "":
		return t + " " + c.Unit
	}
	return t
}
