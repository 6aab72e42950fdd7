package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// This file is a small validator for the subset of XML Schema that the
// vendored junit-10.xsd uses: global and local element declarations,
// element refs, named and anonymous complex types (mixed or not), nested
// sequence and choice particles with minOccurs/maxOccurs, attributes with
// use="required", and simple types restricted by a pattern. The standard
// library has no XSD support; interpreting the schema file itself (rather
// than restating it in Go structs) keeps the test honest if the schema is
// updated.

// node is a generic XML element.
type node struct {
	Name     string
	Attrs    map[string]string
	Children []*node
	Text     string // character data directly inside, concatenated
}

func parseNode(r io.Reader) (*node, error) {
	d := xml.NewDecoder(r)
	var stack []*node
	var root *node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{Name: t.Name.Local, Attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				n.Attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else if root != nil {
				return nil, fmt.Errorf("more than one root element")
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(t)
			} else if strings.TrimSpace(string(t)) != "" {
				return nil, fmt.Errorf("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

type xsdAttr struct {
	name, typ string
	required  bool
}

type xsdType struct {
	simple  bool // text only, no attributes (xs:string)
	mixed   bool
	attrs   []xsdAttr
	content *particle
}

type particle struct {
	kind     string // "element", "sequence", "choice"
	name     string // element name (for kind "element")
	decl     *xsdElem
	min, max int // max -1 = unbounded
	items    []*particle
}

type xsdElem struct {
	name    string
	typ     *xsdType
	typName string
	ref     string
}

type schema struct {
	elems    map[string]*xsdElem
	types    map[string]*xsdType
	patterns map[string]*regexp.Regexp
}

func loadSchema(path string) (*schema, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	root, err := parseNode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	s := &schema{elems: map[string]*xsdElem{}, types: map[string]*xsdType{}, patterns: map[string]*regexp.Regexp{}}
	for _, c := range root.Children {
		switch c.Name {
		case "simpleType":
			for _, r := range c.Children {
				for _, p := range r.Children {
					if p.Name == "pattern" {
						// XSD patterns are anchored; RE2 accepts this one as is.
						re, err := regexp.Compile("^(?:" + p.Attrs["value"] + ")$")
						if err != nil {
							return nil, err
						}
						s.patterns[c.Attrs["name"]] = re
					}
				}
			}
		case "complexType":
			t, err := s.complexType(c)
			if err != nil {
				return nil, err
			}
			s.types[c.Attrs["name"]] = t
		case "element":
			e, err := s.element(c)
			if err != nil {
				return nil, err
			}
			s.elems[e.name] = e
		default:
			return nil, fmt.Errorf("schema: unsupported top-level <%s>", c.Name)
		}
	}
	return s, nil
}

func (s *schema) element(n *node) (*xsdElem, error) {
	e := &xsdElem{name: n.Attrs["name"], typName: n.Attrs["type"], ref: n.Attrs["ref"]}
	for _, c := range n.Children {
		if c.Name != "complexType" {
			return nil, fmt.Errorf("schema: unsupported <%s> in element %s", c.Name, e.name)
		}
		t, err := s.complexType(c)
		if err != nil {
			return nil, err
		}
		e.typ = t
	}
	return e, nil
}

func (s *schema) complexType(n *node) (*xsdType, error) {
	t := &xsdType{mixed: n.Attrs["mixed"] == "true"}
	for _, c := range n.Children {
		switch c.Name {
		case "attribute":
			t.attrs = append(t.attrs, xsdAttr{name: c.Attrs["name"], typ: c.Attrs["type"], required: c.Attrs["use"] == "required"})
		case "sequence", "choice":
			p, err := s.particle(c)
			if err != nil {
				return nil, err
			}
			t.content = p
		default:
			return nil, fmt.Errorf("schema: unsupported <%s> in complexType", c.Name)
		}
	}
	return t, nil
}

func occurs(n *node) (int, int) {
	min, max := 1, 1
	if v, ok := n.Attrs["minOccurs"]; ok {
		min, _ = strconv.Atoi(v)
	}
	if v, ok := n.Attrs["maxOccurs"]; ok {
		if v == "unbounded" {
			max = -1
		} else {
			max, _ = strconv.Atoi(v)
		}
	}
	return min, max
}

func (s *schema) particle(n *node) (*particle, error) {
	p := &particle{kind: n.Name}
	p.min, p.max = occurs(n)
	if n.Name == "element" {
		e, err := s.element(n)
		if err != nil {
			return nil, err
		}
		p.decl = e
		p.name = e.name
		if e.ref != "" {
			p.name = e.ref
		}
		return p, nil
	}
	for _, c := range n.Children {
		q, err := s.particle(c)
		if err != nil {
			return nil, err
		}
		p.items = append(p.items, q)
	}
	return p, nil
}

// resolve returns the type an element declaration gives its content.
func (s *schema) resolve(e *xsdElem) (*xsdType, error) {
	if e.ref != "" {
		g, ok := s.elems[e.ref]
		if !ok {
			return nil, fmt.Errorf("schema: no element %q", e.ref)
		}
		return s.resolve(g)
	}
	if e.typ != nil {
		return e.typ, nil
	}
	if e.typName == "xs:string" {
		return &xsdType{simple: true}, nil
	}
	if t, ok := s.types[e.typName]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("schema: element %s has unknown type %q", e.name, e.typName)
}

// match returns every position the particle can end at when it starts at
// position i of names (an NFA walk: exact for any content model).
func (p *particle) match(names []string, i int) map[int]bool {
	one := func(start int) map[int]bool {
		switch p.kind {
		case "element":
			if start < len(names) && names[start] == p.name {
				return map[int]bool{start + 1: true}
			}
			return nil
		case "sequence":
			cur := map[int]bool{start: true}
			for _, q := range p.items {
				next := map[int]bool{}
				for j := range cur {
					for k := range q.match(names, j) {
						next[k] = true
					}
				}
				cur = next
			}
			return cur
		default: // choice
			out := map[int]bool{}
			for _, q := range p.items {
				for k := range q.match(names, start) {
					out[k] = true
				}
			}
			return out
		}
	}
	out := map[int]bool{}
	cur := map[int]bool{i: true}
	if p.min == 0 {
		out[i] = true
	}
	// Repetitions past min that consume nothing add nothing, so at most
	// min plus the names left (plus one) repetitions can matter.
	limit := p.min + len(names) - i + 1
	if p.max >= 0 && p.max < limit {
		limit = p.max
	}
	for n := 1; n <= limit && len(cur) > 0; n++ {
		next := map[int]bool{}
		for j := range cur {
			for k := range one(j) {
				next[k] = true
			}
		}
		if n >= p.min {
			for k := range next {
				out[k] = true
			}
		}
		cur = next
	}
	return out
}

// decls maps each element name a particle allows to its declaration.
func (p *particle) decls(m map[string]*xsdElem) {
	if p.kind == "element" {
		m[p.name] = p.decl
	}
	for _, q := range p.items {
		q.decls(m)
	}
}

// validate checks document against the schema: its root must be a global
// element, and every element its declaration.
func (s *schema) validate(document []byte) error {
	root, err := parseNode(bytes.NewReader(document))
	if err != nil {
		return err
	}
	e, ok := s.elems[root.Name]
	if !ok {
		return fmt.Errorf("<%s> is not a global element of the schema", root.Name)
	}
	return s.check(root, e, "/"+root.Name)
}

func (s *schema) check(n *node, e *xsdElem, at string) error {
	t, err := s.resolve(e)
	if err != nil {
		return err
	}
	if t.simple {
		if len(n.Children) > 0 || len(n.Attrs) > 0 {
			return fmt.Errorf("%s: a string element has no attributes or children", at)
		}
		return nil
	}
	declared := map[string]xsdAttr{}
	for _, a := range t.attrs {
		declared[a.name] = a
		if _, ok := n.Attrs[a.name]; a.required && !ok {
			return fmt.Errorf("%s: missing required attribute %q", at, a.name)
		}
	}
	for name, v := range n.Attrs {
		a, ok := declared[name]
		if !ok {
			return fmt.Errorf("%s: attribute %q is not allowed", at, name)
		}
		if re, ok := s.patterns[a.typ]; ok && !re.MatchString(v) {
			return fmt.Errorf("%s: attribute %s=%q does not match %s", at, name, v, a.typ)
		}
	}
	if !t.mixed && strings.TrimSpace(n.Text) != "" {
		return fmt.Errorf("%s: element does not allow text", at)
	}
	var names []string
	for _, c := range n.Children {
		names = append(names, c.Name)
	}
	if t.content == nil {
		if len(names) > 0 {
			return fmt.Errorf("%s: element allows no children, has <%s>", at, names[0])
		}
		return nil
	}
	if !t.content.match(names, 0)[len(names)] {
		return fmt.Errorf("%s: children %v are not allowed there", at, names)
	}
	m := map[string]*xsdElem{}
	t.content.decls(m)
	for i, c := range n.Children {
		if err := s.check(c, m[c.Name], fmt.Sprintf("%s/%s[%d]", at, c.Name, i+1)); err != nil {
			return err
		}
	}
	return nil
}

func TestJUnitValidatesAgainstSchema(t *testing.T) {
	s, err := loadSchema("testdata/junit-10.xsd")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := JUnit(&b, Build(fixtures())); err != nil {
		t.Fatal(err)
	}
	if err := s.validate(b.Bytes()); err != nil {
		t.Errorf("JUnit output does not validate against junit-10.xsd: %v", err)
	}
	b.Reset()
	if err := JUnit(&b, Build(nil)); err != nil {
		t.Fatal(err)
	}
	if err := s.validate(b.Bytes()); err != nil {
		t.Errorf("JUnit output of an empty report does not validate: %v", err)
	}
}

// TestSchemaValidatorRejects proves the validator is not vacuous: each
// document breaks one rule of the schema.
func TestSchemaValidatorRejects(t *testing.T) {
	s, err := loadSchema("testdata/junit-10.xsd")
	if err != nil {
		t.Fatal(err)
	}
	ok := `<testsuites tests="1"><testsuite name="a" tests="1" failures="0" errors="0" time="1.500"><properties><property name="k" value="v"/></properties><testcase name="t"><failure message="m">x</failure><system-out>o</system-out></testcase></testsuite></testsuites>`
	if err := s.validate([]byte(ok)); err != nil {
		t.Fatalf("validate(valid document) = %v; want nil", err)
	}
	for _, tc := range []struct{ doc, want string }{
		{`<testsuites><testsuite name="a" failures="0" errors="0"/></testsuites>`, `missing required attribute "tests"`},
		{`<testsuites><testsuite name="a" tests="1" failures="0" errors="0" time="1e-3"/></testsuites>`, "does not match SUREFIRE_TIME"},
		{`<testsuites skipped="1"/>`, `attribute "skipped" is not allowed`},
		{`<testsuites><testcase name="t"/></testsuites>`, "not allowed there"},
		{`<testsuites>text</testsuites>`, "does not allow text"},
		{`<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>`, `missing required attribute "name"`},
		{`<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><properties><property name="k"/></properties></testsuite></testsuites>`, `missing required attribute "value"`},
		{`<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t"><system-out><b/></system-out></testcase></testsuite></testsuites>`, "no attributes or children"},
		{`<testsuite name="a" tests="1" failures="0" errors="0"><testcase name="t"><passed/></testcase></testsuite>`, "not allowed there"},
		{`<report/>`, "not a global element"},
	} {
		err := s.validate([]byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("validate(%s) = %v; want an error containing %q", tc.doc, err, tc.want)
		}
	}
}
