package mirror

import (
	"fmt"
	"strings"
)

// Rule rewrites URLs that start with From to start with To, like git's
// url.<To>.insteadOf = <From>.
type Rule struct {
	From, To string
}

// Parse reads "FROM=TO". What names the kind of rule and example shows
// a valid one in the error.
func Parse(s, what, example string) (Rule, error) {
	from, to, ok := strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return Rule{}, fmt.Errorf("%s %q: write FROM=TO, e.g. %s", what, s, example)
	}
	return Rule{From: from, To: to}, nil
}

// ParseList reads a comma-separated list of rules with parse, as in
// REPRO_MIRRORS; empty items are skipped.
func ParseList(list string, parse func(string) (Rule, error)) ([]Rule, error) {
	var rs []Rule
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		r, err := parse(s)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// Longest returns the rule whose From is the longest prefix of url, or
// nil when none applies.
func Longest(url string, rules []Rule) *Rule {
	var best *Rule
	for i := range rules {
		r := &rules[i]
		if strings.HasPrefix(url, r.From) && (best == nil || len(r.From) > len(best.From)) {
			best = r
		}
	}
	return best
}

// Merge returns first, then the rules of second whose From no rule of
// first has: flags win over the environment for the same prefix.
func Merge(first, second []Rule) []Rule {
	seen := map[string]bool{}
	for _, r := range first {
		seen[r.From] = true
	}
	out := append([]Rule(nil), first...)
	for _, r := range second {
		if !seen[r.From] {
			out = append(out, r)
		}
	}
	return out
}
