package audit

import (
	"path"
	"regexp"
	"strings"
)

var (
	// scriptRe is a command that runs a script in the tree.
	scriptRe     = regexp.MustCompile(`(?i)(?:^|[\s$>(;&|` + "`" + `])(?:python3?(?:\s+-u)?|bash|sh|zsh|torchrun|deepspeed|accelerate\s+launch|julia|rscript|srun|sbatch|jupyter\s+nbconvert[^\n]*?|\.)(?:\s+--?[\w-]+(?:[= ][^\s-][^\s]*)?)*\s+\.?/?([\w./-]+\.(?:py|sh|jl|r|ipynb))\b`)
	inlineCodeRe = regexp.MustCompile("`[^`]*`")
	trainCtxRe   = regexp.MustCompile(`(?i)\btrain|fine-?tun|pre-?train|distill`)
	evalCtxRe    = regexp.MustCompile(`(?i)\beval|\btest|inference|\binfer\b|benchmark|validat|predict|measure`)
)

// readmeScript returns a script of the tree that a README command runs,
// where the command is about ctx, and the README line. The script's own
// name saying so ranks first ("python eval.py"), then the prose next to the
// command ("Step 3: start training and evaluating"), then its heading
// ("## Training and Evaluation"). A preceding "cd dir" is honoured when
// resolving the script.
func (t *tree) readmeScript(rd *doc, ctx, nameCtx func(string) bool) (string, int) {
	if rd == nil {
		return "", -1
	}
	bestPath, bestLine, bestTier := "", -1, 4
	cd := ""
	for i, l := range rd.lines {
		if strings.Contains(l.text, "cd ") {
			if m := cdRe.FindStringSubmatch(l.text); m != nil {
				cd = strings.Trim(m[1], "/;")
			}
		}
		if !containsFold(l.text, scriptExts) {
			continue
		}
		m := scriptRe.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		// The command's own arguments (a "-s validation" split, a
		// train.json path) say nothing of what it does.
		words := scriptRe.ReplaceAllString(inlineCodeRe.ReplaceAllString(l.text, " "), " ")
		if l.code {
			words = ""
		}
		tier := 4
		switch {
		case nameCtx(m[1]):
			tier = 1
		case ctx(words) || ctx(rd.prose(i)):
			tier = 2
		case ctx(rd.sectionOf(i)):
			tier = 3
		}
		if tier >= bestTier {
			continue
		}
		p := ""
		if cd != "" {
			p = t.resolve(path.Join(cd, m[1]))
		}
		if p == "" {
			p = t.resolve(m[1])
		}
		if p != "" && !t.vendored(p) {
			bestPath, bestLine, bestTier = p, i, tier
		}
	}
	return bestPath, bestLine
}

// Words one of which a line must hold before the expressions that need
// them are tried: most README lines hold none.
var (
	installWords = []string{"install", "create", "add", "sync", "build", "pull", "pkg.", "instantiate"}
	scriptExts   = []string{".py", ".sh", ".jl", ".r", ".ipynb"}
)

// containsFold reports whether s contains any of words, ignoring ASCII
// case; words must be lower case.
func containsFold(s string, words []string) bool {
	var buf [256]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	l := string(b)
	for _, w := range words {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

var cdRe = regexp.MustCompile(`(?:^|[\s;&(])cd\s+([\w./-]+)`)

// prose returns the nearest non-blank prose line above line i, skipping
// the code block i is in.
func (d *doc) prose(i int) string {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		l := d.lines[j]
		t := strings.TrimSpace(l.text)
		if l.code && strings.HasPrefix(t, "# ") {
			return t // a comment in the block says what the next command does
		}
		if l.code || t == "" || fenceRe.MatchString(l.text) {
			continue
		}
		return l.text
	}
	return ""
}

// resolve finds the tree file a README names: the path itself, or the
// shallowest file whose path ends with it (commands often run after a cd).
func (t *tree) resolve(name string) string {
	name = strings.TrimPrefix(path.Clean(strings.TrimPrefix(name, "./")), "/")
	if t.byKey[name] {
		return name
	}
	best := ""
	for _, f := range t.files {
		if strings.HasSuffix(f.path, "/"+name) && (best == "" || strings.Count(f.path, "/") < strings.Count(best, "/")) {
			best = f.path
		}
	}
	return best
}
