package audit

import (
	"path"
	"regexp"
	"sort"
	"strings"
)

// best returns the file whose rank under rankOf is best (lowest, non-zero),
// shallower and shorter paths first: the evidence a reader checks most
// easily. Vendored code is skipped.
func (t *tree) best(rankOf func(string) int) string {
	type cand struct {
		path        string
		rank, depth int
	}
	var cs []cand
	for _, f := range t.files {
		k := rankOf(f.path)
		if k == 0 || t.vendored(f.path) || docsPath(f.path) {
			continue
		}
		cs = append(cs, cand{f.path, k, strings.Count(f.path, "/")})
	}
	if len(cs) == 0 {
		return ""
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.depth != b.depth {
			return a.depth < b.depth
		}
		return a.path < b.path
	})
	return cs[0].path
}

// docsPath reports whether rel lies in a documentation build (docs/,
// _build/, _sources/), where notebooks and scripts are rendered copies.
func docsPath(rel string) bool {
	for _, p := range strings.Split(path.Dir(rel), "/") {
		switch strings.ToLower(p) {
		case "docs", "doc", "_build", "_sources", "site":
			return true
		}
	}
	return false
}

// depFiles are the names of files that declare dependencies, matched on
// the lower-cased base name.
var depFileRe = regexp.MustCompile(`^(requirements?([-_.][\w.-]*)?\.(txt|in)|[\w.-]*[-_]requirements?\.(txt|in)|(environment|conda|env)([-_.][\w.-]*)?\.ya?ml|setup\.py|setup\.cfg|pyproject\.toml|pipfile(\.lock)?|poetry\.lock|uv\.lock|dockerfile([-_.][\w.-]*)?|[\w.-]+\.dockerfile|project\.toml|manifest\.toml|cargo\.toml|go\.mod|package\.json|description|renv\.lock|cog\.yaml|pom\.xml|build\.gradle(\.kts)?|gemfile)$`)

// depRank ranks a dependency file, 0 when rel is none: top-level files
// first, and among them the most direct (a requirements file before a
// package manifest before a Dockerfile).
func depRank(rel string) int {
	base := strings.ToLower(path.Base(rel))
	k := 0
	dir := strings.ToLower(path.Base(path.Dir(rel)))
	switch {
	case dir == "requirements" && path.Ext(base) == ".txt":
		k = 1 // requirements/runtime.txt and the like
	case base == "meta.yaml" && (dir == "conda" || strings.Contains(dir, "recipe")):
		k = 2 // a conda recipe
	case !depFileRe.MatchString(base):
		return 0
	case strings.HasPrefix(base, "requirement"):
		k = 1
	case strings.HasPrefix(base, "environment") || strings.HasPrefix(base, "conda") || strings.HasPrefix(base, "env"):
		k = 2
	case strings.Contains(base, "docker"):
		k = 4
	default:
		k = 3
	}
	if strings.Contains(rel, "/") {
		k += 10
	}
	return k
}

// dependencies finds a file that declares dependencies, or an install
// section in the README.
func (t *tree) dependencies(rd *doc) Item {
	if p := t.best(depRank); p != "" && depRank(p) < 10 {
		return Item{Found: true, Evidence: p}
	}
	if rd != nil {
		if i := rd.installLine(); i >= 0 {
			return Item{Found: true, Evidence: rd.at(i)}
		}
	}
	if p := t.best(depRank); p != "" {
		return Item{Found: true, Evidence: p}
	}
	return Item{}
}

var (
	installRe = regexp.MustCompile(`(?i)(\b(pip3?|conda|mamba|micromamba|pipenv|poetry|uv)\s+(install|env\s+create|create|add|sync)\b|python3?\s+-m\s+pip\s+install|python3?\s+setup\.py\s+(install|develop)|\bPkg\.(add|instantiate)\b|\bcargo\s+(install|build)\b|\bnpm\s+(install|ci)\b|\bgo\s+(install|get)\b|\bdocker\s+(build|pull)\b)`)
	depHeadRe = regexp.MustCompile(`(?i)requirement|dependenc|environment|install|prerequisite|setup|set up|getting started|packages`)
	// depItemRe is a list item naming a package with a version: "* Python >= 2.6",
	// "+ pytorch == 1.10.2", "- numpy 1.19".
	depItemRe = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+.*?[A-Za-z][\w.-]*[\s*:]*(==|>=|<=|~=|>|=|\s)\s*v?\d+(\.\d+)+`)
)

// installLine returns the first README line that installs dependencies
// (pip install, conda env create …) or lists versioned packages under a
// requirements heading, or -1.
func (d *doc) installLine() int {
	for i, l := range d.lines {
		if containsFold(l.text, installWords) && installRe.MatchString(l.text) {
			return i
		}
	}
	for i, l := range d.lines {
		if !l.code && depHeadRe.MatchString(d.sectionOf(i)) && depItemRe.MatchString(l.text) {
			return i
		}
	}
	return -1
}

// training finds training code: a file named for training, a training
// command in the README, source that runs an optimiser, or, last, an
// example named for training.
func (t *tree) training(rd *doc, r *Report) Item {
	own := func(p string) int {
		if k := trainingRank(p); k < 3 {
			return k
		}
		return 0
	}
	if p := t.best(own); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p, _ := t.readmeScript(rd, trainCtxRe.MatchString, func(p string) bool { return trainingRank(p) == 1 }); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p := t.scan(r, &trainSignal); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p := t.best(trainingRank); p != "" {
		return Item{Found: true, Evidence: p}
	}
	return Item{}
}

// evaluation finds evaluation code: a file named for evaluation or tests,
// an evaluation command in the README, or, failing both, source that
// computes a metric.
func (t *tree) evaluation(rd *doc, r *Report) Item {
	if p := t.best(evaluationRank); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p, _ := t.readmeScript(rd, evalCtxRe.MatchString, func(p string) bool { return evaluationRank(p) == 1 }); p != "" {
		return Item{Found: true, Evidence: p}
	}
	if p := t.scan(r, &evalSignal); p != "" {
		return Item{Found: true, Evidence: p}
	}
	return Item{}
}
