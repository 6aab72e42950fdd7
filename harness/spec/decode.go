package spec

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"gopkg.in/yaml.v3"
)

// MaxFileSize caps a spec file: real specs are a few kilobytes, and a huge
// file in a pull request is an attack or a mistake.
const MaxFileSize = 1 << 20

// maxDepth caps YAML nesting; the format itself is at most five deep.
const maxDepth = 12

// Problem is one thing wrong with a spec, at a position in its file.
type Problem struct {
	File      string
	Line, Col int
	Msg       string
}

func (p Problem) Error() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in one or more specs; it is an error.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Load reads and decodes the spec at path. Only a regular file is read:
// a FIFO or device named like a spec would block the read forever.
func Load(path string) (*Spec, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, Problems{{File: path, Msg: notRegular(st.Mode())}}
	}
	// O_NONBLOCK: a path swapped for a FIFO after the check above still
	// opens at once, and the check after the open refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("read spec: %v", unwrapPath(err))}}
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("read spec: %v", unwrapPath(err))}}
	} else if !st.Mode().IsRegular() {
		return nil, Problems{{File: path, Msg: notRegular(st.Mode())}}
	}
	// Read one byte past the cap so an oversized file is detected without
	// reading all of it into memory.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("read spec: %v", err)}}
	}
	return Decode(path, data)
}

// notRegular says why a spec path that is not a regular file is refused.
func notRegular(m os.FileMode) string {
	what := "a " + strings.TrimPrefix(m.Type().String(), "-")
	switch {
	case m&os.ModeNamedPipe != 0:
		what = "a FIFO"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeDevice != 0:
		what = "a device"
	case m.IsDir():
		what = "a folder"
	}
	return fmt.Sprintf("read spec: %s, not a regular file: a spec is a YAML file", what)
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Decode parses data as the spec file path. It returns every problem found,
// as Problems, or the decoded spec.
func Decode(path string, data []byte) (*Spec, error) {
	return decode(path, data, false)
}

// DecodeDraft is Decode for a skeleton that repro new or repro import
// wrote: everything is checked except its TODO placeholders.
func DecodeDraft(path string, data []byte) (*Spec, error) {
	return decode(path, data, true)
}

func decode(path string, data []byte, draft bool) (*Spec, error) {
	d := &decoder{file: path, pos: map[string]*yaml.Node{}}
	if len(data) > MaxFileSize {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("spec is larger than %d bytes: a spec holds one paper's claims and fits in a few kilobytes", MaxFileSize)}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Problems{{File: path, Line: 1, Col: 1, Msg: "empty spec: start from `repro new` or docs/spec.md"}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Problems{d.yamlError(err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, Problems{{File: path, Line: 1, Col: 1, Msg: "spec must be a single YAML document"}}
	}
	root := doc.Content[0]
	if !d.safe(root, 0) {
		return nil, d.problems
	}
	var s Spec
	d.check(root, reflect.TypeOf(s), "")
	if !draft {
		d.placeholders(root)
	}
	if len(d.problems) > 0 {
		return nil, d.sorted()
	}
	if err := root.Decode(&s); err != nil {
		d.add(root, "decode: %v", err)
		return nil, d.sorted()
	}
	sum := sha256.Sum256(data)
	s.Path, s.Hash = path, hex.EncodeToString(sum[:])
	d.validate(&s)
	if len(d.problems) > 0 {
		return nil, d.sorted()
	}
	return &s, nil
}

type decoder struct {
	file     string
	problems Problems
	// pos maps a field path such as "claims[2].bound" to its value node,
	// so semantic checks can point at the right line.
	pos map[string]*yaml.Node
}

func (d *decoder) add(n *yaml.Node, format string, args ...any) {
	p := Problem{File: d.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
	}
	d.problems = append(d.problems, p)
}

// at reports a problem at the node recorded for path, or the nearest parent.
func (d *decoder) at(path string, format string, args ...any) {
	for p := path; ; {
		if n, ok := d.pos[p]; ok {
			d.add(n, format, args...)
			return
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			d.add(d.pos[""], format, args...)
			return
		}
		p = p[:i]
	}
}

func (d *decoder) sorted() Problems {
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return d.problems
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) yamlError(err error) Problem {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Problem{File: d.file, Line: line, Col: 1, Msg: "invalid YAML: " + m[2]}
	}
	return Problem{File: d.file, Line: 1, Col: 1, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// safe refuses anchors, aliases and deep nesting before anything walks the
// tree: an alias bomb expands exponentially only if someone follows aliases.
func (d *decoder) safe(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		d.add(n, "YAML nested deeper than %d levels: specs are flat, see docs/spec.md", maxDepth)
		return false
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.add(n, "YAML anchors and aliases are not allowed in specs: write the value out")
		return false
	}
	for _, c := range n.Content {
		if !d.safe(c, depth+1) {
			return false
		}
	}
	return true
}

// check walks n against the Go type t, recording positions and reporting
// unknown fields, duplicate keys and values of the wrong kind.
func (d *decoder) check(n *yaml.Node, t reflect.Type, path string) {
	d.pos[path] = n
	if n.Tag == "!!null" {
		if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			return
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.add(n, "%s must be a mapping of fields, not %s", name(path), describe(n))
			return
		}
		fields := yamlFields(t)
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := k.Value
			sub := join(path, key)
			if seen[key] {
				d.add(k, "duplicate field %q", key)
				continue
			}
			seen[key] = true
			f, ok := fields[key]
			if !ok {
				d.add(k, "unknown field %q%s", key, suggest(key, fields))
				continue
			}
			d.check(v, f, sub)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.add(n, "%s must be a list, not %s", name(path), describe(n))
			return
		}
		for i, c := range n.Content {
			d.check(c, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.add(n, "%s must be a mapping, not %s", name(path), describe(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			d.check(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value))
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.add(n, "%s must be a string, not %s", name(path), describe(n))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.add(n, "%s must be true or false, not %s", name(path), describe(n))
		}
	case reflect.Int, reflect.Int64, reflect.Float64:
		whole := t.Kind() != reflect.Float64
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && (whole || n.Tag != "!!float")) {
			want := "a number"
			if whole {
				want = "a whole number"
			}
			d.add(n, "%s must be %s, not %s", name(path), want, describe(n))
			return
		}
		// YAML spells NaN and infinity .nan and .inf; neither is a
		// claim a paper makes, and neither survives a JSON record.
		var f float64
		if t.Kind() == reflect.Float64 && n.Decode(&f) == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
			d.add(n, "%s must be a finite number, not %s: write the number the paper gives", name(path), describe(n))
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if n.Tag == "!!null" {
		return "null"
	}
	return strconv.Quote(n.Value)
}

func name(path string) string {
	if path == "" {
		return "the spec"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldCache holds yamlFields' answers: the spec has a handful of struct
// types and every mapping of every spec asks again.
var fieldCache sync.Map // reflect.Type -> map[string]reflect.Type

// yamlFields maps a struct's YAML field names to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	defer fieldCache.Store(t, m)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		m[tag] = f.Type
	}
	return m
}

// suggest offers the known field nearest to a misspelt one.
func suggest(key string, fields map[string]reflect.Type) string {
	best, bestD := "", 1<<30
	for f := range fields {
		dist := levenshtein(strings.ToLower(key), f)
		if dist < bestD || (dist == bestD && f < best) {
			best, bestD = f, dist
		}
	}
	if best != "" && bestD <= max(2, len(key)/3) {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	names := make([]string, 0, len(fields))
	for f := range fields {
		names = append(names, f)
	}
	sort.Strings(names)
	return " (known fields: " + strings.Join(names, ", ") + ")"
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Stem returns the id a spec file must carry: its base name without ".yaml".
func Stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
}
