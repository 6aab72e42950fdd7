package spec

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/repro-harness/repro/harness/claim"
)

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	commitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)
	metricPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	scpURL        = regexp.MustCompile(`^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[A-Za-z0-9_./~-]+$`)
)

// ValidID reports whether id is a valid paper or claim id. Ids become file
// and folder names, so this is also what keeps them from traversing.
func ValidID(id string) bool { return idPattern.MatchString(id) }

func (d *decoder) validate(s *Spec) {
	if s.Schema != SchemaVersion {
		d.at("schema", "schema must be %d (this repro reads spec format %d), got %d", SchemaVersion, SchemaVersion, s.Schema)
	}
	switch {
	case s.ID == "":
		d.at("id", "id is required: use the file name without .yaml (%q)", Stem(d.file))
	case !ValidID(s.ID):
		d.at("id", "id %q is not valid: use lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters", s.ID)
	case s.ID != Stem(d.file) && !strings.HasPrefix(Stem(d.file), "-"):
		d.at("id", "id %q does not match the file name %q: rename the file to %s.yaml or set id: %s", s.ID, path.Base(d.file), s.ID, Stem(d.file))
	}
	if strings.TrimSpace(s.Title) == "" {
		d.at("title", "title is required")
	}
	if s.Published != "" {
		if _, err := time.Parse(time.DateOnly, s.Published); err != nil {
			d.at("published", "published %q is not a date: write YYYY-MM-DD", s.Published)
		}
	}
	for key, u := range map[string]string{"paper": s.Links.Paper, "project": s.Links.Project, "pdf": s.Links.PDF} {
		if u != "" && !isHTTP(u) {
			d.at("links."+key, "links.%s %q is not an http(s) URL", key, u)
		}
	}
	d.validateRepository(s)
	claims := d.validateClaims(s)
	if s.Reproduce != nil {
		d.validateReproduce(s.Reproduce, claims)
	}
}

func isHTTP(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != ""
}

func (d *decoder) validateRepository(s *Spec) {
	r := s.Repository
	if _, present := d.pos["repository"]; !present {
		d.at("", "repository is required: give {url, commit}, or `repository: null` with `no_code: \"why\"`")
		return
	}
	if r == nil {
		if strings.TrimSpace(s.NoCode) == "" {
			d.at("repository", "repository is null but no_code does not say why: add no_code: \"<what you checked>\"")
		}
		return
	}
	if s.NoCode != "" {
		d.at("no_code", "no_code is set but so is repository: keep one")
	}
	switch {
	case r.URL == "":
		d.at("repository", "repository.url is required")
	case !validRepoURL(r.URL):
		d.at("repository.url", "repository.url %q is not a git URL: use https://host/owner/name, git@host:owner/name or file:///path", r.URL)
	default:
		if seg := dotSegment(r.URL); seg != "" {
			d.at("repository.url", "repository.url %q has a %q segment in its path: write the repository's own URL, without \".\" or \"..\"", r.URL, seg)
		}
	}
	if r.Commit != "" && !commitPattern.MatchString(r.Commit) {
		d.at("repository.commit", "repository.commit %q is not a full commit id: write the 40 lower-case hex digits (git rev-parse HEAD)", r.Commit)
	}
	if r.Subdir != "" {
		if msg := checkRelPath(r.Subdir); msg != "" {
			d.at("repository.subdir", "repository.subdir %q %s", r.Subdir, msg)
		}
	}
}

func validRepoURL(u string) bool {
	if scpURL.MatchString(u) {
		return true
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch p.Scheme {
	case "https", "http", "ssh", "git":
		return p.Host != "" && strings.Trim(p.Path, "/") != ""
	case "file":
		return p.Path != ""
	}
	return false
}

// dotSegment returns the first "." or ".." segment of the URL's path (after
// percent-decoding, with \ read as /), or "". A mirror maps the path onto
// a folder or another URL, where such a segment would climb out of it.
func dotSegment(u string) string {
	p := u
	if scpURL.MatchString(u) {
		_, p, _ = strings.Cut(u, ":")
	} else if parsed, err := url.Parse(u); err == nil {
		p = parsed.Path
	}
	for _, part := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		if part == "." || part == ".." {
			return part
		}
	}
	return ""
}

// checkRelPath returns why p may not be used as a path inside a checkout,
// or "" when it is fine.
func checkRelPath(p string) string {
	switch {
	case strings.ContainsRune(p, 0):
		return "contains a NUL byte"
	case path.IsAbs(p) || strings.HasPrefix(p, `\`) || (len(p) > 1 && p[1] == ':'):
		return "must be relative to the repository root"
	}
	for _, part := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		if part == ".." {
			return "must stay inside the repository: remove \"..\""
		}
	}
	return ""
}

// CheckRelPath is checkRelPath for other packages: it returns an error when p
// would leave the tree it is relative to.
func CheckRelPath(p string) error {
	if msg := checkRelPath(p); msg != "" {
		return fmt.Errorf("path %q %s", p, msg)
	}
	return nil
}

func (d *decoder) validateClaims(s *Spec) map[string]*Claim {
	byID := map[string]*Claim{}
	if len(s.Claims) == 0 {
		d.at("claims", "claims is empty: a spec states at least one claim (a comparative one, bound: beats, where the paper gives no number)")
	}
	for i := range s.Claims {
		c := &s.Claims[i]
		p := fmt.Sprintf("claims[%d]", i)
		switch {
		case c.ID == "":
			d.at(p, "claim %d has no id", i+1)
		case !ValidID(c.ID):
			d.at(p+".id", "claim id %q is not valid: use lower-case letters, digits and dashes", c.ID)
		case byID[c.ID] != nil:
			d.at(p+".id", "duplicate claim id %q: each claim needs its own id", c.ID)
		default:
			byID[c.ID] = c
		}
		if strings.TrimSpace(c.Quote) == "" {
			d.at(p, "claim %q has no quote: copy the sentence from the paper verbatim", c.ID)
		}
		if !metricPattern.MatchString(c.Metric) {
			d.at(p+".metric", "claim %q: metric %q must be a snake_case name such as compression_ratio", c.ID, c.Metric)
		}
		if _, ok := claim.Units[c.Unit]; !ok {
			d.at(p+".unit", "claim %q: unknown unit %q (known: %s)", c.ID, c.Unit, knownUnits())
		}
		d.validateBound(c, p)
		if c.Better != "" && c.Better != "higher" && c.Better != "lower" {
			d.at(p+".better", "claim %q: better must be higher or lower, not %q", c.ID, c.Better)
		}
		if c.Aggregate != "" && !slices.Contains(Aggregates, c.Aggregate) {
			d.at(p+".aggregate", "claim %q: aggregate must be one of %s, not %q", c.ID, strings.Join(Aggregates, ", "), c.Aggregate)
		}
		if c.Tolerance != "" {
			if _, err := claim.ParseTolerance(c.Tolerance, c.Unit); err != nil {
				d.at(p+".tolerance", "claim %q: %v", c.ID, err)
			}
		}
	}
	return byID
}

func (d *decoder) validateBound(c *Claim, p string) {
	b := claim.Bound(c.Bound)
	known := false
	for _, k := range claim.Bounds {
		known = known || k == b
	}
	if !known {
		names := make([]string, len(claim.Bounds))
		for i, k := range claim.Bounds {
			names[i] = string(k)
		}
		d.at(p+".bound", "claim %q: bound must be one of %s, not %q", c.ID, strings.Join(names, ", "), c.Bound)
		return
	}
	switch b {
	case claim.Range:
		if c.Min == nil || c.Max == nil {
			d.at(p+".bound", "claim %q: bound range needs min and max", c.ID)
		} else if *c.Min > *c.Max {
			d.at(p+".min", "claim %q: min %v is greater than max %v", c.ID, *c.Min, *c.Max)
		}
		if c.Value != nil {
			d.at(p+".value", "claim %q: bound range takes min and max, not value", c.ID)
		}
	case claim.Beats:
		if strings.TrimSpace(c.Baseline) == "" {
			d.at(p+".bound", "claim %q: bound beats needs baseline: the method or result it beats", c.ID)
		}
		if c.Better == "" {
			d.at(p+".bound", "claim %q: bound beats needs better: higher or lower", c.ID)
		}
	default:
		if c.Value == nil {
			d.at(p+".bound", "claim %q: bound %s needs value (use min and max with bound: range)", c.ID, c.Bound)
		}
		if c.Min != nil || c.Max != nil {
			d.at(p+".bound", "claim %q: min and max only go with bound: range", c.ID)
		}
		if b == claim.UpTo && c.Better == "" {
			d.at(p+".bound", "claim %q: bound up-to needs better: higher or lower (is %v the best case from above or below?)", c.ID, *c.Value)
		}
	}
	if b != claim.Beats && c.Baseline != "" {
		d.at(p+".baseline", "claim %q: baseline only goes with bound: beats", c.ID)
	}
}

func knownUnits() string {
	var us []string
	for u := range claim.Units {
		if u != "" {
			us = append(us, u)
		}
	}
	sort.Strings(us)
	return strings.Join(us, " ") + ` or ""`
}

func (d *decoder) validateReproduce(r *Reproduce, claims map[string]*Claim) {
	if r.Requires.GPUMemory != "" {
		if _, err := ParseSize(r.Requires.GPUMemory); err != nil {
			d.at("reproduce.requires.gpu_memory", "reproduce.requires.gpu_memory: %v", err)
		}
	}
	if r.Requires.Memory != "" {
		if _, err := ParseSize(r.Requires.Memory); err != nil {
			d.at("reproduce.requires.memory", "reproduce.requires.memory: %v", err)
		}
	}
	if r.Requires.Time != "" {
		if _, err := ParseDuration(r.Requires.Time); err != nil {
			d.at("reproduce.requires.time", "reproduce.requires.time: %v", err)
		}
	}
	if r.Requires.GPUs < 0 || r.Requires.CPUs < 0 {
		d.at("reproduce.requires", "reproduce.requires: counts cannot be negative")
	}
	for i, name := range r.Requires.Data {
		if !ValidID(strings.ToLower(name)) {
			d.at(fmt.Sprintf("reproduce.requires.data[%d]", i), "data set name %q: use letters, digits and dashes", name)
		}
	}
	d.validateArtifacts(r.Artifacts)
	d.validateEnvironment(r.Environment)
	steps := map[string]bool{}
	if len(r.Steps) == 0 && !r.OnlyTreeEvidence() {
		d.at("reproduce", "reproduce.steps is empty: give at least one step, or make every measure evidence: artefact or static, or drop the reproduce section")
	}
	if r.Repeat < 0 {
		d.at("reproduce.repeat", "reproduce.repeat %d: give the number of runs, 1 or more", r.Repeat)
	} else if r.Repeat > maxRepeat {
		d.at("reproduce.repeat", "reproduce.repeat %d: at most %d runs", r.Repeat, maxRepeat)
	} else if r.Repeat > 1 && len(r.Steps) == 0 {
		d.at("reproduce.repeat", "reproduce.repeat %d repeats the steps, but there are none", r.Repeat)
	}
	for i, st := range r.Steps {
		p := fmt.Sprintf("reproduce.steps[%d]", i)
		switch {
		case !ValidID(st.Name):
			d.at(p+".name", "step name %q is not valid: use lower-case letters, digits and dashes (it names the log file)", st.Name)
		case steps[st.Name]:
			d.at(p+".name", "duplicate step name %q", st.Name)
		}
		steps[st.Name] = true
		if strings.TrimSpace(st.Run) == "" {
			d.at(p, "step %q has no run command", st.Name)
		}
		if st.Timeout != "" {
			if _, err := ParseDuration(st.Timeout); err != nil {
				d.at(p+".timeout", "step %q: %v", st.Name, err)
			}
		}
	}
	kinds := map[string]string{}
	for i, m := range r.Measure {
		p := fmt.Sprintf("reproduce.measure[%d]", i)
		c := claims[m.Claim]
		if c == nil {
			d.at(p+".claim", "measure names claim %q, which the spec does not have", m.Claim)
		}
		switch m.Role {
		case "", "method":
		case "baseline":
			if c != nil && c.Bound != string(claim.Beats) {
				d.at(p+".role", "role baseline only goes with a claim whose bound is beats")
			}
		default:
			d.at(p+".role", "role must be method or baseline, not %q", m.Role)
		}
		d.validateMeasure(m, p, steps)
		if k, seen := kinds[m.Claim]; seen && k != m.Kind() && validEvidence(m.Evidence) {
			d.at(p+".evidence", "claim %q is measured with %s evidence here and %s evidence in another measure: a claim's method and baseline take the same kind", m.Claim, m.Kind(), k)
		} else {
			kinds[m.Claim] = m.Kind()
		}
	}

}

// maxRepeat caps reproduce.repeat: a spec from a pull request must not
// occupy a runner for ever.
const maxRepeat = 100

func validEvidence(e string) bool {
	return e == "" || e == Rerun || e == Artefact || e == Static
}

// validateMeasure checks that m names exactly one source of a value and
// that the source fits its evidence kind.
func (d *decoder) validateMeasure(m Measure, p string, steps map[string]bool) {
	if !validEvidence(m.Evidence) {
		d.at(p+".evidence", "evidence must be rerun, artefact or static, not %q", m.Evidence)
	}
	sources := 0
	for _, set := range []bool{m.File != "", m.Stdout != "", m.Count != nil} {
		if set {
			sources++
		}
	}
	if sources != 1 {
		d.at(p, "measure takes exactly one of file (with json, column, regexp or cell), stdout or count")
		return
	}
	switch {
	case m.Stdout != "":
		if !m.IsRerun() {
			d.at(p+".stdout", "measure stdout reads a step's output, which is rerun evidence, not %s: read a file of the tree instead", m.Kind())
		}
		d.regexpOneGroup(p+".stdout", "measure stdout", m.Stdout)
		if m.Step != "" && !steps[m.Step] {
			d.at(p+".step", "measure names step %q, which the spec does not have", m.Step)
		}
	case m.Count != nil:
		if m.Kind() != Static {
			d.at(p+".evidence", "a count is static evidence, not %s: write evidence: static or leave it out", m.Kind())
		}
		d.validateCount(m.Count, p+".count")
	default:
		d.validateFileMeasure(m, p)
	}
	if m.Step != "" && m.Stdout == "" {
		d.at(p+".step", "step only goes with stdout")
	}
	if m.Row != "" && m.Column == "" {
		d.at(p+".row", "row only goes with column")
	}
	if m.Cell != nil && (m.File == "" || !IsNotebook(m.File)) {
		d.at(p+".cell", "cell only goes with a notebook file (.ipynb)")
	}
	if m.Regexp != "" && m.File == "" {
		d.at(p+".regexp", "regexp goes with file (a log or a notebook); a count takes count.regexp")
	}
}

func (d *decoder) validateFileMeasure(m Measure, p string) {
	if msg := checkRelPath(m.File); msg != "" {
		d.at(p+".file", "measure file %q %s", m.File, msg)
	}
	switch {
	case IsNotebook(m.File):
		if m.JSON != "" || m.Column != "" {
			d.at(p, "measure of notebook %q takes cell and/or regexp (over the cells' outputs), not json or column", m.File)
		}
		if m.Cell == nil && m.Regexp == "" {
			d.at(p, "measure of notebook %q needs cell (a 0-based cell index) or regexp (over the outputs), or both", m.File)
		}
		if m.Cell != nil && *m.Cell < 0 {
			d.at(p+".cell", "cell %d: cells are numbered from 0", *m.Cell)
		}
		if m.Regexp != "" {
			d.regexpOneGroup(p+".regexp", "measure regexp", m.Regexp)
		}
	default:
		n := 0
		for _, set := range []bool{m.JSON != "", m.Column != "", m.Regexp != ""} {
			if set {
				n++
			}
		}
		if n != 1 {
			d.at(p, "measure of file %q needs exactly one of json (a dotted key path), column (a CSV column, or a Markdown table's header) or regexp (over the file's text)", m.File)
		}
		if m.Regexp != "" {
			d.regexpOneGroup(p+".regexp", "measure regexp", m.Regexp)
		}
		if IsMarkdown(m.File) && m.Column != "" && m.Row == "" {
			d.at(p+".column", "measure of Markdown table %q needs row: the text of the row's first cell", m.File)
		}
	}
}

func (d *decoder) regexpOneGroup(at, what, expr string) {
	re, err := regexp.Compile(expr)
	if err != nil {
		d.at(at, "%s %q is not a regular expression: %v", what, expr, err)
	} else if re.NumSubexp() != 1 {
		d.at(at, "%s %q needs exactly one (group) around the number", what, expr)
	}
}

func (d *decoder) validateCount(c *Count, p string) {
	if c.Files == "" {
		d.at(p+".files", "count needs files: a glob of tree paths such as src/**/*.py")
	} else if msg := checkGlob(c.Files); msg != "" {
		d.at(p+".files", "count files %q %s", c.Files, msg)
	}
	if c.Regexp != "" {
		re, err := regexp.Compile(c.Regexp)
		if err != nil {
			d.at(p+".regexp", "count regexp %q is not a regular expression: %v", c.Regexp, err)
		} else if re.NumSubexp() > 1 {
			d.at(p+".regexp", "count regexp %q has %d groups: use at most one (the name to count distinct values of)", c.Regexp, re.NumSubexp())
		}
	}
}

// checkGlob returns why pattern is not a glob of tree paths, or "".
func checkGlob(pattern string) string {
	if msg := checkRelPath(pattern); msg != "" {
		return msg
	}
	for _, seg := range strings.Split(pattern, "/") {
		if seg == "" {
			return "has an empty path segment (a doubled or trailing /)"
		}
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Sprintf("has a malformed segment %q: %v", seg, err)
		}
	}
	return ""
}
