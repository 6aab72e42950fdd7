package spec

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ArtifactPin is the content an artifact was found to have: what `repro
// pin` writes into a spec that did not say.
type ArtifactPin struct {
	SHA256 string
	Size   int64
}

// PinArtifacts returns data, the text of a spec, with sha256: and size:
// added to the artifacts named in pins that lack them. It edits the text
// line by line, so comments and layout stay as they were; an artifact
// written in flow style ({name: …}) or one whose values differ from the
// pin is an error, to be settled by hand. Fields already equal are left
// alone; changed lists the names of the artifacts that gained a field.
func PinArtifacts(data []byte, pins map[string]ArtifactPin) (out []byte, changed []string, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
		return nil, nil, fmt.Errorf("parse spec: %v", err)
	}
	items := lookup(lookup(doc.Content[0], "reproduce"), "artifacts")
	if items == nil || items.Kind != yaml.SequenceNode {
		return data, nil, nil
	}
	lines := strings.SplitAfter(string(data), "\n")
	// Insertions by line, applied from the bottom so earlier line numbers
	// stay valid.
	type insert struct {
		after int
		text  string
	}
	var ins []insert
	for _, it := range items.Content {
		name := lookup(it, "name")
		if it.Kind != yaml.MappingNode || name == nil {
			continue
		}
		pin, ok := pins[name.Value]
		if !ok {
			continue
		}
		var add []string
		if n := lookup(it, "sha256"); n == nil {
			add = append(add, "sha256: "+pin.SHA256)
		} else if n.Value != pin.SHA256 {
			return nil, nil, fmt.Errorf("line %d: artifact %s has sha256 %s, but %s was fetched: settle it by hand", n.Line, name.Value, n.Value, pin.SHA256)
		}
		if n := lookup(it, "size"); n == nil {
			add = append(add, "size: "+strconv.FormatInt(pin.Size, 10))
		} else if n.Value != strconv.FormatInt(pin.Size, 10) {
			return nil, nil, fmt.Errorf("line %d: artifact %s has size %s, but %d bytes were fetched: settle it by hand", n.Line, name.Value, n.Value, pin.Size)
		}
		if len(add) == 0 {
			continue
		}
		if it.Style&yaml.FlowStyle != 0 {
			return nil, nil, fmt.Errorf("line %d: artifact %s is written in flow style: add %s by hand", it.Line, name.Value, strings.Join(add, ", "))
		}
		u := lookup(it, "url")
		if u == nil || u.Line != keyLine(it, "url") {
			return nil, nil, fmt.Errorf("line %d: artifact %s has no one-line url: add %s by hand", it.Line, name.Value, strings.Join(add, ", "))
		}
		indent := strings.Repeat(" ", keyColumn(it, "url")-1)
		var b strings.Builder
		for _, a := range add {
			b.WriteString(indent + a + "\n")
		}
		ins = append(ins, insert{after: u.Line, text: b.String()})
		changed = append(changed, name.Value)
	}
	for i := len(ins) - 1; i >= 0; i-- {
		at := ins[i].after // 1-based line of url: insert after it
		if at > len(lines) {
			return nil, nil, fmt.Errorf("line %d is past the end of the spec", at)
		}
		if !strings.HasSuffix(lines[at-1], "\n") {
			lines[at-1] += "\n"
		}
		lines = append(lines[:at], append([]string{ins[i].text}, lines[at:]...)...)
	}
	var buf bytes.Buffer
	for _, l := range lines {
		buf.WriteString(l)
	}
	return buf.Bytes(), changed, nil
}

// lookup returns the value node of key in mapping n, or nil.
func lookup(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func keyNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

func keyLine(n *yaml.Node, key string) int   { return keyNode(n, key).Line }
func keyColumn(n *yaml.Node, key string) int { return keyNode(n, key).Column }
