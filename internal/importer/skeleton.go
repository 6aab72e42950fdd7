package importer

import (
	"bytes"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/repro-harness/repro/harness/claim"
)

// NoCode is what a skeleton says when the abstract links no repository.
const NoCode = "no repository link in the abstract: find it and pin the commit"

var metricPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// Skeleton writes the spec skeleton (docs/spec.md, schema 1) for a paper:
// id (use ID), title, published date, the project link and repository that
// Repository finds in the abstract (or `repository: null` with no_code), and
// claims, normally Extract(p.Abstract), with ids c1-<metric>, c2-…. Claims
// the importer is unsure of keep their review note. Without claims it
// writes one placeholder comparative claim for a person to replace. The
// skeleton decodes with spec.Decode as <id>.yaml; the commit is left for a
// person to pin.
func Skeleton(p Paper, id string, claims []Claim) []byte {
	var b bytes.Buffer
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("# Written by repro import. Check every claim (those marked review: first),")
	line("# fill in links.paper, pin repository.commit, then run repro validate.")
	line("schema: 1")
	line("id: %s", id)
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = "TODO: the paper's title"
	}
	line("title: %s", yamlQuote(title))
	if p.Published != "" {
		line("published: %s", p.Published)
	}
	repo, project := Repository(p.Abstract)
	if project != "" && isHTTPURL(project) {
		line("links:")
		line("  project: %s", yamlQuote(project))
	}
	if repo != "" {
		line("repository:")
		line("  url: %s", yamlQuote(repo))
		line("  # commit: the 40-hex commit to check (git rev-parse HEAD), once the code is confirmed official")
	} else {
		line("repository: null")
		line("no_code: %s", yamlQuote(NoCode))
	}
	if len(claims) == 0 {
		claims = []Claim{placeholder(p)}
	}
	line("claims:")
	seen := map[string]bool{}
	for i, c := range claims {
		metric := c.Metric
		if !metricPattern.MatchString(metric) {
			metric = "value"
		}
		cid := cut(fmt.Sprintf("c%d-%s", i+1, strings.ReplaceAll(metric, "_", "-")), maxID)
		for n := 2; seen[cid]; n++ {
			cid = cut(fmt.Sprintf("c%d-%d", i+1, n), maxID)
		}
		seen[cid] = true
		line("  - id: %s", cid)
		quote := c.Quote
		if strings.TrimSpace(quote) == "" {
			quote = "TODO: quote the sentence"
		}
		line("    quote: %s", yamlQuote(quote))
		line("    metric: %s", metric)
		bound := c.Bound
		switch {
		case bound == claim.Range && c.Min != nil && c.Max != nil && finite(*c.Min) && finite(*c.Max) && *c.Min <= *c.Max:
			line("    min: %s", formatNumber(*c.Min))
			line("    max: %s", formatNumber(*c.Max))
		case c.Value != nil && finite(*c.Value) && bound != claim.Range:
			line("    value: %s", formatNumber(*c.Value))
		default:
			bound = claim.Beats
		}
		if _, ok := claim.Units[c.Unit]; ok && c.Unit != "" {
			line("    unit: %s", yamlQuote(c.Unit))
		}
		if !knownBound(bound) {
			bound = claim.Exact
		}
		line("    bound: %s", bound)
		better := c.Better
		if better != "higher" && better != "lower" {
			better = "higher"
		}
		line("    better: %s", better)
		if bound == claim.Beats {
			baseline := strings.TrimSpace(c.Baseline)
			if baseline == "" {
				baseline = "TODO: who is beaten"
			}
			line("    baseline: %s", yamlQuote(baseline))
		}
		if strings.TrimSpace(c.Context) != "" {
			line("    context: %s", yamlQuote(c.Context))
		}
		if c.Review != "" {
			line("    review: %s", yamlQuote(c.Review))
		}
	}
	return b.Bytes()
}

// placeholder is the claim a skeleton carries when none was found: the
// abstract's last sentence, for a person to rewrite.
func placeholder(p Paper) Claim {
	quote := strings.TrimSpace(p.Abstract)
	if k := strings.LastIndex(strings.TrimRight(quote, ". "), ". "); k >= 0 {
		quote = strings.TrimSpace(quote[k+2:])
	}
	if len(quote) > 200 {
		quote = quote[:200]
		for len(quote) > 0 && !utf8.ValidString(quote) {
			quote = quote[:len(quote)-1]
		}
	}
	return Claim{
		Quote:    quote,
		Metric:   "performance",
		Bound:    claim.Beats,
		Better:   "higher",
		Baseline: "TODO: who is beaten",
		Review:   "no claim found by the importer: write the paper's claims by hand",
	}
}

func knownBound(b claim.Bound) bool {
	for _, k := range claim.Bounds {
		if k == b {
			return true
		}
	}
	return false
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func isHTTPURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != ""
}

// formatNumber writes a claimed number exactly, as YAML reads it back.
func formatNumber(v float64) string {
	if a := math.Abs(v); v == 0 || a >= 1e-6 && a < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// yamlQuote writes s as a YAML double-quoted scalar on one line, escaping
// what YAML does not allow raw. Invalid UTF-8 becomes U+FFFD.
func yamlQuote(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// NewSkeleton is the spec repro new writes: the id and title it was given
// and, for everything else, a TODO placeholder that says what belongs
// there. Nothing in it comes from the paper, and its header says so;
// repro validate refuses it until every placeholder is filled in (it
// decodes with spec.DecodeDraft).
func NewSkeleton(title, id string) []byte {
	var b bytes.Buffer
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("# Written by repro new: a skeleton, not yet a spec. Nothing below comes from")
	line("# the paper. Replace every TODO (repro validate refuses them): the paper's")
	line("# link, the repository and the commit to check (or repository: null and why,")
	line("# in no_code), and each claim quoted verbatim. See docs/spec.md.")
	line("schema: 1")
	line("id: %s", id)
	title = strings.TrimSpace(title)
	if title == "" {
		title = "TODO: the paper's title"
	}
	line("title: %s", yamlQuote(title))
	line("links:")
	line("  paper: %s", yamlQuote("TODO: the paper's URL (https://arxiv.org/abs/…)"))
	line("repository:")
	line("  url: %s", yamlQuote("TODO: the code's URL (https://github.com/OWNER/NAME)"))
	line("  commit: %s", yamlQuote("TODO: the 40-hex commit to check (git rev-parse HEAD)"))
	line("claims:")
	line("  - id: c1")
	line("    quote: %s", yamlQuote("TODO: the paper's sentence that states the claim, verbatim"))
	line("    metric: %s", yamlQuote("TODO: what is measured, e.g. compression_ratio"))
	line("    value: 0 # the number claimed")
	line("    unit: x")
	line("    bound: at-least")
	line("    better: higher")
	return b.Bytes()
}
