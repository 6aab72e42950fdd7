package spec

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
)

// required lists each struct's mandatory fields; the decoder's rules in
// validate.go enforce the same, and a test keeps the two in step.
var required = map[reflect.Type][]string{
	reflect.TypeOf(Spec{}):       {"schema", "id", "title", "repository", "claims"},
	reflect.TypeOf(Repository{}): {"url"},
	reflect.TypeOf(Claim{}):      {"id", "quote", "metric", "bound"},
	reflect.TypeOf(Step{}):       {"name", "run"},
	reflect.TypeOf(Measure{}):    {"claim"},
	reflect.TypeOf(Reproduce{}):  {"steps"},
	reflect.TypeOf(Artifact{}):   {"name", "url"},
	reflect.TypeOf(Build{}):      {"file"},
}

// descriptions document fields for editors that show JSON Schema hints.
var descriptions = map[string]string{
	"schema":      "Spec format version; always 1.",
	"id":          "Lower-case letters, digits and dashes; equals the file name without .yaml.",
	"repository":  "The official code, pinned; null (with no_code) when there is none.",
	"no_code":     "Why there is no repository (what was checked).",
	"commit":      "Full 40-hex commit id; empty resolves the default branch head.",
	"subdir":      "Folder of the repository that the audit and steps are scoped to.",
	"quote":       "The claim as the paper words it, verbatim.",
	"metric":      "snake_case name of the measured quantity.",
	"bound":       "How the measured value must relate to the claimed one.",
	"better":      "Whether higher or lower values are better.",
	"tolerance":   `"5%" relative, "0.3" absolute in the unit, "0.5pp" percentage points.`,
	"baseline":    "For bound beats: the method or result that is beaten.",
	"review":      "Why a person should re-check this claim.",
	"role":        "method (default) or baseline, for beats claims.",
	"scale":       "Multiplies the measured value (e.g. 100 for a fraction as %).",
	"environment": "Where the steps run: exactly one of image, build or host.",
	"image":       "OCI image NAME@sha256:DIGEST; a tag without a digest needs review:.",
	"build":       "Build the image from a Containerfile in the repository.",
	"host":        "Run on the host, inside the bwrap sandbox.",
	"network":     "The step may reach the network (off by default).",
}

// JSONSchema returns the JSON Schema (draft 2020-12) of the spec format.
func JSONSchema() []byte {
	s := schemaOf(reflect.TypeOf(Spec{}))
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://github.com/repro-harness/repro/specs/schema.json"
	s["title"] = "repro paper spec, schema 1"
	props := s["properties"].(map[string]any)
	props["schema"] = map[string]any{"const": SchemaVersion, "description": descriptions["schema"]}
	props["id"].(map[string]any)["pattern"] = idPattern.String()
	props["published"].(map[string]any)["format"] = "date"
	props["repository"] = map[string]any{"description": descriptions["repository"], "oneOf": []any{map[string]any{"type": "null"}, props["repository"]}}
	repo := props["repository"].(map[string]any)["oneOf"].([]any)[1].(map[string]any)
	delete(repo, "description")
	repo["properties"].(map[string]any)["commit"].(map[string]any)["pattern"] = commitPattern.String()
	cl := props["claims"].(map[string]any)
	cl["minItems"] = 1
	cp := cl["items"].(map[string]any)["properties"].(map[string]any)
	cp["id"].(map[string]any)["pattern"] = idPattern.String()
	cp["metric"].(map[string]any)["pattern"] = metricPattern.String()
	var bounds []any
	for _, b := range claim.Bounds {
		bounds = append(bounds, string(b))
	}
	cp["bound"].(map[string]any)["enum"] = bounds
	cp["better"].(map[string]any)["enum"] = []any{"higher", "lower"}
	var units []string
	for u := range claim.Units {
		units = append(units, u)
	}
	sort.Strings(units)
	var us []any
	for _, u := range units {
		us = append(us, u)
	}
	cp["unit"].(map[string]any)["enum"] = us
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // only maps of strings and numbers: cannot fail
	}
	return append(out, '\n')
}

func schemaOf(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if name == "" || name == "-" {
				continue
			}
			p := schemaOf(f.Type)
			if d, ok := descriptions[name]; ok {
				p["description"] = d
			}
			props[name] = p
		}
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if req, ok := required[t]; ok {
			s["required"] = req
		}
		return s
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Float64:
		return map[string]any{"type": "number"}
	}
	return map[string]any{"type": "string"}
}
