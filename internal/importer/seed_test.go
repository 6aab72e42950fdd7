package importer

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/spec"
)

// seedPaths are where the seed listing lives: the copy in testdata (so the
// test runs in CI) and the shared original.
var seedPaths = []string{"testdata/seed.txt", "../../../shared/seeds/000_4228166958bb3c8f.txt"}

// numeric is a claimed number, as the seed test compares them.
type numeric struct {
	value, min, max *float64
	unit            string
	quote           string
	bound           string
}

func (n numeric) String() string {
	if n.min != nil {
		return fmt.Sprintf("%s-%s%s %q", claim.Format(*n.min), claim.Format(*n.max), n.unit, n.quote)
	}
	return fmt.Sprintf("%s%s %q", claim.Format(*n.value), n.unit, n.quote)
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*a))
}

// compatible reports whether two units measure the same kind of thing:
// equal, or % and pp (relative versus absolute is a review question).
func compatible(a, b string) bool {
	pct := func(u string) bool { return u == "%" || u == "pp" }
	return a == b || pct(a) && pct(b)
}

func (n numeric) matches(o numeric) bool {
	if !compatible(n.unit, o.unit) {
		return false
	}
	if n.min != nil || o.min != nil {
		return sameNumber(n.min, o.min) && sameNumber(n.max, o.max)
	}
	return sameNumber(n.value, o.value)
}

func normTitle(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// TestImportSeed runs the importer over the seed listing and compares the
// numeric claims it extracts with the reviewed specs in specs/. It logs
// per-paper misses and false positives and fails only when precision or
// recall falls below the targets of issue 16: precision 0.95, recall 0.9.
func TestImportSeed(t *testing.T) {
	var data []byte
	for _, p := range seedPaths {
		if b, err := os.ReadFile(p); err == nil {
			data = b
			break
		}
	}
	if data == nil {
		t.Skip("seed listing not found")
	}
	papers, err := Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("Parse(seed) error: %v", err)
	}
	if len(papers) != 42 {
		t.Errorf("Parse(seed) found %d papers; want 42", len(papers))
	}
	files, _ := filepath.Glob("../../specs/*.yaml")
	reviewed := map[string]*spec.Spec{}
	for _, f := range files {
		s, err := spec.Load(f)
		if err != nil {
			t.Logf("skip %s: %v", f, err)
			continue
		}
		reviewed[normTitle(s.Title)] = s
	}
	if len(reviewed) == 0 {
		t.Skip("no reviewed specs in ../../specs")
	}

	var tp, tpCount, extracted, want, wantCount, matched int
	var beatsWant, beatsGot, sameBound int
	var lines []string
	taken := map[string]bool{}
	for _, p := range papers {
		id := ID(p.Title, taken)
		taken[id] = true
		claims := Extract(p.Abstract)
		skel := Skeleton(p, id, claims)
		if _, err := spec.DecodeDraft(id+".yaml", skel); err != nil {
			t.Errorf("Skeleton(%q) does not decode: %v\n%s", p.Title, err, skel)
		}
		s := reviewed[normTitle(p.Title)]
		if s == nil {
			t.Logf("%s: no reviewed spec for %q", id, p.Title)
			continue
		}
		matched++
		var got, ref []numeric
		for _, c := range claims {
			if c.Value != nil || c.Min != nil {
				got = append(got, numeric{c.Value, c.Min, c.Max, c.Unit, c.Quote, string(c.Bound)})
			}
		}
		for _, c := range s.Claims {
			if c.Value != nil || c.Min != nil {
				ref = append(ref, numeric{c.Value, c.Min, c.Max, c.Unit, c.Quote, c.Bound})
			}
		}
		if len(ref) == 0 {
			beatsWant++
			has := false
			for _, c := range claims {
				if c.Bound == claim.Beats {
					has = true
				}
			}
			if has {
				beatsGot++
			} else {
				lines = append(lines, fmt.Sprintf("%s: no numeric claim and no beats candidate", s.ID))
			}
		}
		used := make([]bool, len(got))
		var misses []string
		for _, r := range ref {
			want++
			if r.unit != "count" {
				wantCount++
			}
			hit := false
			for i, g := range got {
				if !used[i] && g.matches(r) {
					used[i], hit = true, true
					if g.bound == r.bound {
						sameBound++
					} else {
						lines = append(lines, fmt.Sprintf("%s: bound %s, reviewed %s for %s", s.ID, g.bound, r.bound, r))
					}
					break
				}
			}
			if hit {
				tp++
				if r.unit != "count" {
					tpCount++
				}
			} else {
				misses = append(misses, r.String())
			}
		}
		extracted += len(got)
		var fps []string
		for i, g := range got {
			if !used[i] {
				fps = append(fps, g.String())
			}
		}
		for _, m := range misses {
			lines = append(lines, fmt.Sprintf("%s: miss %s", s.ID, m))
		}
		for _, f := range fps {
			lines = append(lines, fmt.Sprintf("%s: false positive %s", s.ID, f))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	precision, recall := ratio(tp, extracted), ratio(tp, want)
	t.Logf("papers %d, with a reviewed spec %d", len(papers), matched)
	t.Logf("numeric claims: reviewed %d, extracted %d, matched %d", want, extracted, tp)
	t.Logf("precision %.3f, recall %.3f", precision, recall)
	t.Logf("matched claims with the reviewed bound: %d/%d", sameBound, tp)
	t.Logf("recall without unit count claims (not extracted by design): %.3f (%d/%d)", ratio(tpCount, wantCount), tpCount, wantCount)
	t.Logf("papers without a reviewed numeric claim: %d, with a beats candidate: %d", beatsWant, beatsGot)
	if matched < 10 {
		t.Skipf("only %d reviewed specs match the listing: too few to judge", matched)
	}
	if matched < len(papers) {
		// The targets are figures over the whole listing; a spec that does
		// not decode is TestCatalogue's failure, so here only a loose guard.
		t.Logf("%d of %d papers have no decodable reviewed spec: the 0.95/0.9 targets need all of them", len(papers)-matched, len(papers))
		if precision < 0.75 || recall < 0.75 {
			t.Errorf("precision %.3f, recall %.3f; want both >= 0.75", precision, recall)
		}
		return
	}
	if precision < 0.95 || recall < 0.9 {
		t.Errorf("precision %.3f, recall %.3f; want precision >= 0.95 and recall >= 0.9", precision, recall)
	}
}
