package spec

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Placeholder is how repro new and repro import mark what a person must
// fill in: a value that starts with it is not a claim, a title or a
// baseline yet, and would otherwise reach reports as "beats TODO: who is
// beaten".
const Placeholder = "TODO"

// placeholders reports every scalar value (not key, not comment) that is
// still a placeholder, at its line and column.
func (d *decoder) placeholders(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			d.placeholders(n.Content[i])
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			d.placeholders(c)
		}
	case yaml.ScalarNode:
		if strings.HasPrefix(strings.TrimSpace(n.Value), Placeholder) {
			d.add(n, "unfilled placeholder %q: replace it with the real value (repro new and repro import leave %s where a person must fill in)", short(n.Value), Placeholder)
		}
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
