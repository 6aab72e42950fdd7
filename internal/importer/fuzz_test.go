package importer

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/spec"
)

// addSeeds adds the table inputs and the seed abstracts to a fuzz corpus.
func addSeeds(f *testing.F) {
	for _, tt := range extractTests {
		f.Add(tt.in)
	}
	if data, err := os.ReadFile("testdata/seed.txt"); err == nil {
		if papers, err := Parse(strings.NewReader(string(data))); err == nil {
			for _, p := range papers {
				f.Add(p.Abstract)
			}
		}
	}
}

// checkClaims asserts what every claim of Extract(in) must satisfy, and
// that a skeleton built from them decodes.
func checkClaims(t *testing.T, in string, cs []Claim) {
	t.Helper()
	for _, c := range cs {
		if c.Offset < 0 || c.Offset+len(c.Quote) > len(in) || in[c.Offset:c.Offset+len(c.Quote)] != c.Quote {
			t.Fatalf("Extract(%q): quote %q is not at offset %d", in, c.Quote, c.Offset)
		}
		if strings.TrimSpace(c.Quote) == "" {
			t.Fatalf("Extract(%q): empty quote in %+v", in, c)
		}
		if _, ok := claim.Units[c.Unit]; !ok {
			t.Fatalf("Extract(%q): unknown unit %q", in, c.Unit)
		}
		if !knownBound(c.Bound) || c.Better != "higher" && c.Better != "lower" || !metricPattern.MatchString(c.Metric) {
			t.Fatalf("Extract(%q): bad claim %+v", in, c)
		}
		for _, p := range []*float64{c.Value, c.Min, c.Max} {
			if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
				t.Fatalf("Extract(%q): non-finite number in %+v", in, c)
			}
		}
		switch {
		case c.Bound == claim.Range && (c.Min == nil || c.Max == nil || *c.Min > *c.Max):
			t.Fatalf("Extract(%q): bad range %+v", in, c)
		case c.Bound == claim.Beats && c.Baseline == "":
			t.Fatalf("Extract(%q): beats without baseline %+v", in, c)
		case c.Bound != claim.Range && c.Bound != claim.Beats && c.Value == nil:
			t.Fatalf("Extract(%q): %s without value %+v", in, c.Bound, c)
		}
	}
	out := Skeleton(Paper{Title: "T", Abstract: in}, "fuzz", cs)
	if _, err := spec.DecodeDraft("fuzz.yaml", out); err != nil {
		t.Fatalf("Skeleton for %q does not decode: %v\n%s", in, err, out)
	}
}

func FuzzExtract(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkClaims(t, in, Extract(in))
		Repository(in)
	})
}

func FuzzParse(f *testing.F) {
	f.Add(listing)
	f.Add("Title\n\nAbstract with 3x speedup.\n\n  • 2 authors\n·\nMar 3, 2020 5\n")
	f.Add("Subscribe\n\nJan 8\n\nA: B\n\nShort one.\n\n  • 1 authors\n·\nFeb 29, 2024\n")
	f.Fuzz(func(t *testing.T, in string) {
		papers, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(papers) == 0 {
			t.Fatalf("Parse(%q) = no papers and no error", in)
		}
		taken := map[string]bool{}
		for _, p := range papers {
			if strings.TrimSpace(p.Abstract) == "" || strings.ContainsAny(p.Title, "\n") || p.Line < 1 || p.Authors < 0 {
				t.Fatalf("Parse(%q) = bad paper %+v", in, p)
			}
			if p.Published != "" {
				if _, err := time.Parse(time.DateOnly, p.Published); err != nil {
					t.Fatalf("Parse(%q): published %q is not a date", in, p.Published)
				}
			}
			id := ID(p.Title, taken)
			taken[id] = true
			out := Skeleton(p, id, Extract(p.Abstract))
			if _, err := spec.DecodeDraft(id+".yaml", out); err != nil {
				t.Fatalf("Skeleton for %+v does not decode: %v\n%s", p, err, out)
			}
		}
	})
}

func FuzzID(f *testing.F) {
	for _, s := range []string{"SpQR: A Sparse-Quantized Representation", "Deep Interest Network for Click-Through Rate Prediction", "LLMC+: x", "", "---", "A: B: C", "Ünïcödé: тест"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		taken := map[string]bool{}
		for i := 0; i < 3; i++ {
			id := ID(title, taken)
			if !spec.ValidID(id) || taken[id] {
				t.Fatalf("ID(%q, %v) = %q; want a valid new id", title, taken, id)
			}
			taken[id] = true
		}
	})
}
