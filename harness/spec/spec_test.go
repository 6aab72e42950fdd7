package spec

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const good = `schema: 1
id: paper
title: A paper
published: 2025-06-09
links: {paper: "https://arxiv.org/abs/2506.07932"}
repository:
  url: https://github.com/owner/name
  commit: 0123456789abcdef0123456789abcdef01234567
  subdir: code
claims:
  - id: ratio
    quote: "compression ratios of up to 2187x"
    metric: compression_ratio
    value: 2187
    unit: x
    bound: up-to
    better: higher
    context: textured meshes
    tolerance: 5%
  - id: range
    quote: "2x-5x"
    metric: speedup
    min: 2
    max: 5
    unit: x
    bound: range
  - id: beats
    quote: "outperforms JPEG"
    metric: psnr
    unit: dB
    bound: beats
    better: higher
    baseline: JPEG
reproduce:
  requires: {gpus: 1, gpu_memory: 24GB, memory: 32GB, cpus: 4, time: 2h, data: [ShapeNet], commands: [python3]}
  env: {SEED: "0"}
  steps:
    - {name: setup, run: "pip install -r requirements.txt", timeout: 20m}
    - {name: eval, run: "python eval.py", timeout: 2h, env: {A: b}}
  measure:
    - {claim: ratio, file: metrics.json, json: compression.ratio}
    - {claim: range, file: results.csv, column: speedup, row: "model=ours"}
    - {claim: beats, step: eval, stdout: 'psnr=([0-9.]+)'}
    - {claim: beats, role: baseline, step: eval, stdout: 'jpeg=([0-9.]+)', scale: 1}
`

func TestDecodeGood(t *testing.T) {
	s, err := Decode("specs/paper.yaml", []byte(good))
	if err != nil {
		t.Fatalf("Decode(good) = %v", err)
	}
	if s.ID != "paper" || s.Repository.Subdir != "code" || len(s.Claims) != 3 || *s.Claims[1].Max != 5 || len(s.Reproduce.Measure) != 4 {
		t.Errorf("Decode(good) = %+v; fields lost", s)
	}
	if len(s.Hash) != 64 {
		t.Errorf("Decode(good).Hash = %q; want a sha256", s.Hash)
	}
}

// TestDecodeProblems changes one field of the good spec at a time and
// expects one precise problem for it.
func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"schema version", "schema: 1", "schema: 2", ":1:9: schema must be 1 (this repro reads spec format 1), got 2"},
		{"schema type", "schema: 1", "schema: one", `:1:9: schema must be a whole number, not "one"`},
		{"id missing", "id: paper", "id: ''", `id is required: use the file name without .yaml ("paper")`},
		{"id invalid", "id: paper", "id: Paper_1", `:2:5: id "Paper_1" is not valid`},
		{"id traversal", "id: paper", "id: ../x", `:2:5: id "../x" is not valid`},
		{"id mismatch", "id: paper", "id: other", `:2:5: id "other" does not match the file name "paper.yaml"`},
		{"title", "title: A paper", "title: ''", ":3:8: title is required"},
		{"published", "published: 2025-06-09", "published: June 2025", `:4:12: published "June 2025" is not a date: write YYYY-MM-DD`},
		{"links", `links: {paper: "https://arxiv.org/abs/2506.07932"}`, `links: {paper: "arxiv 2506"}`, `links.paper "arxiv 2506" is not an http(s) URL`},
		{"links unknown", `links: {paper: "https://arxiv.org/abs/2506.07932"}`, `links: {papr: "https://x.org"}`, `unknown field "papr" (did you mean "paper"?)`},
		{"url", "url: https://github.com/owner/name", "url: github.com/owner/name", `repository.url "github.com/owner/name" is not a git URL`},
		{"commit short", "commit: 0123456789abcdef0123456789abcdef01234567", "commit: 0123456", `repository.commit "0123456" is not a full commit id`},
		{"commit upper", "commit: 0123456789abcdef0123456789abcdef01234567", "commit: 0123456789ABCDEF0123456789abcdef01234567", `is not a full commit id`},
		{"subdir traversal", "subdir: code", "subdir: ../other", `repository.subdir "../other" must stay inside the repository`},
		{"subdir absolute", "subdir: code", "subdir: /etc", `repository.subdir "/etc" must be relative to the repository root`},
		{"repository missing", "repository:\n  url: https://github.com/owner/name\n  commit: 0123456789abcdef0123456789abcdef01234567\n  subdir: code\n", "", "repository is required"},
		{"claim id", "id: ratio", "id: Ratio!", `claim id "Ratio!" is not valid`},
		{"claim quote", `quote: "compression ratios of up to 2187x"`, `quote: ""`, `claim "ratio" has no quote`},
		{"metric", "metric: compression_ratio", "metric: Compression Ratio", `metric "Compression Ratio" must be a snake_case name`},
		{"value type", "value: 2187", "value: lots", `claims[0].value must be a number, not "lots"`},
		{"unit", "unit: x\n    bound: up-to", "unit: fold\n    bound: up-to", `unknown unit "fold"`},
		{"bound", "bound: up-to", "bound: upto", `bound must be one of exact, about, up-to, at-least, at-most, range, beats, not "upto"`},
		{"up-to needs better", "    better: higher\n    context", "    context", `bound up-to needs better`},
		{"better", "better: higher\n    context", "better: more\n    context", `better must be higher or lower, not "more"`},
		{"tolerance", "tolerance: 5%", "tolerance: five", `tolerance "five" is not a number`},
		{"tolerance pp", "tolerance: 5%", "tolerance: 1pp", `percentage points only apply to unit %`},
		{"tolerance typo", "tolerance: 5%", "tolerence: 5%", `unknown field "tolerence" (did you mean "tolerance"?)`},
		{"range needs min max", "    min: 2\n", "", "bound range needs min and max"},
		{"range min > max", "min: 2", "min: 7", "min 7 is greater than max 5"},
		{"beats baseline", "    baseline: JPEG\n", "", "bound beats needs baseline"},
		{"gpu memory", "gpu_memory: 24GB", "gpu_memory: lots", `reproduce.requires.gpu_memory: "lots" is not a size`},
		{"time", "time: 2h", "time: forever", `"forever" is not a duration`},
		{"step name", "name: setup", "name: Set Up", `step name "Set Up" is not valid`},
		{"step timeout", "timeout: 20m", "timeout: soon", `step "setup": "soon" is not a duration`},
		{"step run", `run: "pip install -r requirements.txt"`, `run: ""`, `step "setup" has no run command`},
		{"measure claim", "{claim: ratio,", "{claim: nope,", `measure names claim "nope", which the spec does not have`},
		{"measure traversal", "file: metrics.json", "file: ../metrics.json", `measure file "../metrics.json" must stay inside the repository`},
		{"measure needs key", "json: compression.ratio}", "}", `needs exactly one of json (a dotted key path), column (a CSV column, or a Markdown table's header) or regexp (over the file's text)`},
		{"measure two keys", "json: compression.ratio}", "json: compression.ratio, regexp: 'r=([0-9]+)'}", `measure of file "metrics.json" needs exactly one of json`},
		{"evidence unknown", "{claim: ratio,", "{claim: ratio, evidence: paper,", `:41:32: evidence must be rerun, artefact or static, not "paper"`},
		{"stdout artefact", "{claim: beats, step", "{claim: beats, evidence: artefact, step", `measure stdout reads a step's output, which is rerun evidence, not artefact: read a file of the tree instead`},
		{"mixed evidence", "{claim: beats, role: baseline,", "{claim: beats, role: baseline, evidence: static, file: x.log, regexp: 'j=([0-9]+)',", `measure takes exactly one of file (with json, column, regexp or cell), stdout or count`},
		{"mixed evidence kinds", "{claim: beats, role: baseline, step: eval, stdout: 'jpeg=([0-9.]+)', scale: 1}", "{claim: beats, role: baseline, evidence: artefact, file: x.log, regexp: 'j=([0-9]+)'}", `claim "beats" is measured with artefact evidence here and rerun evidence in another measure`},
		{"file regexp group", "json: compression.ratio}", "regexp: 'ratio [0-9]+'}", `measure regexp "ratio [0-9]+" needs exactly one (group) around the number`},
		{"notebook needs cell", "file: metrics.json, json: compression.ratio}", "file: eval.ipynb, evidence: artefact}", `measure of notebook "eval.ipynb" needs cell (a 0-based cell index) or regexp (over the outputs), or both`},
		{"notebook json", "file: metrics.json, json: compression.ratio}", "file: eval.ipynb, json: a, cell: 3}", `measure of notebook "eval.ipynb" takes cell and/or regexp (over the cells' outputs), not json or column`},
		{"notebook negative cell", "file: metrics.json, json: compression.ratio}", "file: eval.ipynb, cell: -1}", `cell -1: cells are numbered from 0`},
		{"cell without notebook", "json: compression.ratio}", "json: compression.ratio, cell: 2}", `cell only goes with a notebook file (.ipynb)`},
		{"markdown needs row", "file: results.csv, column: speedup, row: \"model=ours\"}", "file: README.md, column: PSNR}", `measure of Markdown table "README.md" needs row: the text of the row's first cell`},
		{"count evidence", "{claim: ratio, file: metrics.json, json: compression.ratio}", "{claim: ratio, evidence: artefact, count: {files: 'src/**/*.py'}}", `a count is static evidence, not artefact: write evidence: static or leave it out`},
		{"count glob", "{claim: ratio, file: metrics.json, json: compression.ratio}", "{claim: ratio, count: {files: 'src/[a-/*.py'}}", `count files "src/[a-/*.py" has a malformed segment "[a-"`},
		{"count glob traversal", "{claim: ratio, file: metrics.json, json: compression.ratio}", "{claim: ratio, count: {files: '../**/*.py'}}", `count files "../**/*.py" must stay inside the repository`},
		{"count regexp groups", "{claim: ratio, file: metrics.json, json: compression.ratio}", "{claim: ratio, count: {files: '**/*.py', regexp: '(a)(b)'}}", `count regexp "(a)(b)" has 2 groups: use at most one`},
		{"count with file", "{claim: ratio, file: metrics.json, json: compression.ratio}", "{claim: ratio, file: a.py, count: {files: '**/*.py'}}", `measure takes exactly one of file (with json, column, regexp or cell), stdout or count`},
		{"steps needed for rerun", "  steps:\n    - {name: setup, run: \"pip install -r requirements.txt\", timeout: 20m}\n    - {name: eval, run: \"python eval.py\", timeout: 2h, env: {A: b}}\n", "  steps: []\n", `reproduce.steps is empty: give at least one step, or make every measure evidence: artefact or static, or drop the reproduce section`},
		{"repeat negative", "  env: {SEED: \"0\"}", "  repeat: -2\n  env: {SEED: \"0\"}", `reproduce.repeat -2: give the number of runs, 1 or more`},
		{"repeat cap", "  env: {SEED: \"0\"}", "  repeat: 1000\n  env: {SEED: \"0\"}", `reproduce.repeat 1000: at most 100 runs`},
		{"aggregate", "tolerance: 5%", "tolerance: 5%\n    aggregate: average", `claim "ratio": aggregate must be one of mean, median, min, max, not "average"`},
		{"measure regexp", `stdout: 'psnr=([0-9.]+)'`, `stdout: 'psnr=([0-9.]+'`, `is not a regular expression`},
		{"measure regexp group", `stdout: 'psnr=([0-9.]+)'`, `stdout: 'psnr=[0-9.]+'`, `needs exactly one (group) around the number`},
		{"measure step", "step: eval, stdout: 'psnr", "step: nope, stdout: 'psnr", `measure names step "nope"`},
		{"measure role", "role: baseline", "role: other", `role must be method or baseline, not "other"`},
		{"duplicate key", "title: A paper", "title: A paper\ntitle: Again", `duplicate field "title"`},
		{"list not mapping", "claims:\n  - id: ratio", "claims:\n  id: ratio\n  x:\n  - id: ratio", `claims must be a list, not a mapping`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(good, tt.old) {
				t.Fatalf("test bug: %q not in the good spec", tt.old)
			}
			src := strings.Replace(good, tt.old, tt.new, 1)
			_, err := Decode("specs/paper.yaml", []byte(src))
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Decode(%s) = %v; want Problems", tt.name, err)
			}
			found := false
			for _, p := range ps {
				if strings.Contains(p.Error(), tt.want) {
					found = true
				}
				if !strings.HasPrefix(p.Error(), "specs/paper.yaml:") {
					t.Errorf("problem %q does not name the file", p.Error())
				}
			}
			if !found {
				t.Errorf("Decode(%s) = %v; want a problem containing %q", tt.name, ps, tt.want)
			}
		})
	}
}

func TestDecodeReportsAllProblems(t *testing.T) {
	src := strings.NewReplacer("schema: 1", "schema: 2", "bound: up-to", "bound: upto", "tolerance: 5%", "tolerence: 5%").Replace(good)
	_, err := Decode("specs/paper.yaml", []byte(src))
	var ps Problems
	errors.As(err, &ps)
	// Unknown fields stop decoding before the semantic checks, so the
	// typo is reported; the others follow once it is fixed.
	if len(ps) == 0 {
		t.Fatalf("Decode = nil; want problems")
	}
	src = strings.NewReplacer("schema: 1", "schema: 2", "bound: up-to", "bound: upto", "title: A paper", "title: ''").Replace(good)
	_, err = Decode("specs/paper.yaml", []byte(src))
	errors.As(err, &ps)
	if len(ps) != 3 {
		t.Errorf("Decode(three problems) = %d problems %v; want 3", len(ps), ps)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Line < ps[i-1].Line {
			t.Errorf("problems not sorted by line: %v", ps)
		}
	}
}

func TestDecodeHostile(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	deep := strings.Repeat("[", 5000) + strings.Repeat("]", 5000)
	huge := "schema: 1\n" + strings.Repeat("# padding\n", MaxFileSize/10+1)
	for name, src := range map[string]string{"alias bomb": bomb, "deep nesting": deep, "huge": huge, "empty": "", "spaces": "  \n\t\n", "two docs": "a: 1\n---\nb: 2\n", "scalar": "hello", "binary": "\x00\x01\x02"} {
		_, err := Decode("specs/x.yaml", []byte(src))
		if err == nil {
			t.Errorf("Decode(%s) = nil; want an error", name)
		}
	}
}

func TestNumericDefaults(t *testing.T) {
	v := 2.8
	n, err := Claim{Bound: "about", Value: &v, Unit: "%"}.Numeric()
	if err != nil || n.Tolerance.Value != 1 || n.Tolerance.Relative {
		t.Errorf("Numeric(%% claim) tolerance = %v, %v; want 1pp absolute", n.Tolerance, err)
	}
	n, _ = Claim{Bound: "beats", Unit: "x", Better: "higher", Baseline: "b"}.Numeric()
	if n.Tolerance.Value != 0 {
		t.Errorf("Numeric(beats).Tolerance = %v; want 0 (no default for beats)", n.Tolerance)
	}
}

func TestSchemaInSync(t *testing.T) {
	// Every field of every struct appears in the JSON Schema, and the
	// schema's required lists match what validate enforces.
	var walk func(t reflect.Type, s map[string]any, path string)
	walk = func(rt reflect.Type, s map[string]any, path string) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct {
			return
		}
		if one, ok := s["oneOf"].([]any); ok {
			s = one[1].(map[string]any)
		}
		if items, ok := s["items"].(map[string]any); ok {
			s = items
		}
		props, _ := s["properties"].(map[string]any)
		for name, ft := range yamlFields(rt) {
			p, ok := props[name].(map[string]any)
			if !ok {
				t.Errorf("schema lacks %s.%s", path, name)
				continue
			}
			walk(ft, p, path+"."+name)
		}
	}
	var s map[string]any
	if err := yaml.Unmarshal(JSONSchema(), &s); err != nil {
		t.Fatal(err)
	}
	walk(reflect.TypeOf(Spec{}), s, "spec")
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("schema: 1\nid: paper\n"))
	f.Add([]byte("a: &a [1]\nb: *a\n"))
	f.Add([]byte("claims: [{id: a, value: 1e400}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode("specs/paper.yaml", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("Decode error %v is not Problems", err)
			}
			return
		}
		// What decodes round-trips: encode it and decode it again.
		out, err := yaml.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal(decoded spec): %v", err)
		}
		s2, err := Decode("specs/paper.yaml", out)
		if err != nil {
			t.Fatalf("round trip of\n%s\nfailed: %v", out, err)
		}
		s.Hash, s2.Hash = "", ""
		if !reflect.DeepEqual(s, s2) {
			t.Fatalf("round trip changed the spec:\n%+v\n%+v", s, s2)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	data := []byte(good)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Decode("specs/paper.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLParse is the floor: yaml.v3 parsing the same bytes into a
// node tree, which Decode must do anyway.
func BenchmarkYAMLParse(b *testing.B) {
	data := []byte(good)
	for i := 0; i < b.N; i++ {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	}
}

// A plan that only reads the authors' published files needs no steps.
func TestDecodeTreeEvidenceWithoutSteps(t *testing.T) {
	src := `schema: 1
id: paper
title: A paper
repository: {url: "https://github.com/owner/name"}
claims:
  - {id: ratio, quote: "2x", metric: ratio, value: 2, unit: x, bound: exact}
  - {id: methods, quote: "12 methods", metric: methods, value: 12, unit: count, bound: at-least}
  - {id: psnr, quote: "32 dB", metric: psnr, value: 32, unit: dB, bound: exact}
  - {id: acc, quote: "90%", metric: acc, value: 90, unit: "%", bound: exact}
reproduce:
  measure:
    - {claim: ratio, evidence: artefact, file: logs/train.log, regexp: 'ratio=([0-9.]+)'}
    - {claim: methods, count: {files: "src/**/*.py", regexp: 'register\("(\w+)"\)'}}
    - {claim: psnr, evidence: artefact, file: README.md, row: Ours, column: PSNR}
    - {claim: acc, evidence: artefact, file: eval.ipynb, cell: 4, regexp: 'acc ([0-9.]+)'}
`
	s, err := Decode("specs/paper.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Decode(artefact and static measures, no steps) = %v; want no problem", err)
	}
	var kinds []string
	for _, m := range s.Reproduce.Measure {
		kinds = append(kinds, m.Kind())
	}
	if want := []string{Artefact, Static, Artefact, Artefact}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("measure kinds = %v; want %v", kinds, want)
	}
}
