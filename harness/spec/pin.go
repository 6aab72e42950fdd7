package spec

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/repro-harness/repro/internal/sandbox"
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

// ImagePin says what PinImage did: the reference written, and what
// became of the environment's review: line.
type ImagePin struct {
	From, To string
	// Review is "removed", "" when there was none, or else why it was
	// left for a person to remove.
	Review string
}

// PinImage returns data, the text of a spec, with reproduce.environment's
// image, given as a tag, replaced by NAME@sha256:DIGEST, digest being
// what a run resolved the tag to. The review: of the environment, whose
// only role was to excuse the missing digest, is removed when it is one
// line of a block mapping; otherwise it is left and Review says so. The
// text is edited in place, so comments and layout stay. An image that
// already has a digest is left alone (pin is nil); one with another
// digest than digest is never rewritten.
func PinImage(data []byte, digest string) (out []byte, pin *ImagePin, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
		return nil, nil, fmt.Errorf("parse spec: %v", err)
	}
	env := lookup(lookup(doc.Content[0], "reproduce"), "environment")
	img := lookup(env, "image")
	if img == nil || img.Kind != yaml.ScalarNode {
		return data, nil, nil
	}
	ref, err := sandbox.ParseImage(img.Value)
	if err != nil {
		return nil, nil, fmt.Errorf("line %d: image %q: %w", img.Line, img.Value, err)
	}
	if ref.Digest != "" {
		return data, nil, nil
	}
	pinned := sandbox.ImageRef{Name: ref.Name, Digest: digest}
	if _, err := sandbox.ParseImage(pinned.String()); err != nil || digest == "" {
		return nil, nil, fmt.Errorf("image %s: resolved digest %q is not sha256: and 64 lower-case hex digits", img.Value, digest)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if img.Line < 1 || img.Line > len(lines) {
		return nil, nil, fmt.Errorf("line %d is past the end of the spec", img.Line)
	}
	l := lines[img.Line-1]
	col := img.Column - 1
	var quote string
	switch img.Style {
	case 0:
	case yaml.DoubleQuotedStyle:
		quote = `"`
	case yaml.SingleQuotedStyle:
		quote = "'"
	default:
		return nil, nil, fmt.Errorf("line %d: image %s is not written on one line: write %s by hand", img.Line, img.Value, pinned.String())
	}
	token := quote + img.Value + quote
	if col < 0 || col > len(l) || !strings.HasPrefix(l[col:], token) {
		return nil, nil, fmt.Errorf("line %d: image %s is not written on one line: write %s by hand", img.Line, img.Value, pinned.String())
	}
	lines[img.Line-1] = l[:col] + quote + pinned.String() + quote + l[col+len(token):]
	pin = &ImagePin{From: img.Value, To: pinned.String()}
	if rv := lookup(env, "review"); rv != nil {
		pin.Review = "removed"
		if line, ok := oneLineKey(env, "review", lines); ok {
			lines = append(lines[:line-1], lines[line:]...)
		} else {
			pin.Review = "left: it is not one line of a block mapping; remove it by hand"
		}
	}
	return []byte(strings.Join(lines, "")), pin, nil
}

// oneLineKey reports the 1-based line holding key of block mapping n and
// its whole value, when that line holds nothing else but a comment.
func oneLineKey(n *yaml.Node, key string, lines []string) (int, bool) {
	k, v := keyNode(n, key), lookup(n, key)
	if n.Style&yaml.FlowStyle != 0 || k == nil || v == nil || v.Kind != yaml.ScalarNode || k.Line != v.Line || k.Line > len(lines) {
		return 0, false
	}
	if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, false
	}
	// The line alone must decode to the same key and value: then the
	// value does not run on into the next lines.
	var m map[string]string
	if err := yaml.Unmarshal([]byte(strings.TrimSpace(lines[k.Line-1])), &m); err != nil || len(m) != 1 || m[key] != v.Value {
		return 0, false
	}
	return k.Line, true
}
