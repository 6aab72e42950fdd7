package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/repro-harness/repro/harness/claim"
)

// labelledSet is one of testdata/abstracts_*.yaml: public abstracts
// with the numeric claims labelled by hand before the extractor was run on
// them (docs/importer-labels.md).
type labelledSet struct {
	Papers []labelledPaper `yaml:"papers"`
}

type labelledPaper struct {
	URL      string         `yaml:"url"`
	Title    string         `yaml:"title"`
	Abstract string         `yaml:"abstract"`
	Context  []string       `yaml:"context"`
	Claims   []labelledItem `yaml:"claims"`
}

type labelledItem struct {
	Quote  string   `yaml:"quote"`
	Value  *float64 `yaml:"value"`
	Min    *float64 `yaml:"min"`
	Max    *float64 `yaml:"max"`
	Unit   string   `yaml:"unit"`
	Bound  string   `yaml:"bound"`
	Better string   `yaml:"better"`
	Metric string   `yaml:"metric"` // alternatives separated by "|"
}

func loadLabelled(t *testing.T, path string) labelledSet {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var set labelledSet
	if err := yaml.Unmarshal(raw, &set); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	for _, p := range set.Papers {
		if !strings.HasPrefix(p.URL, "https://arxiv.org/abs/") {
			t.Errorf("%s: %q: url %q is not an arXiv abstract page", path, p.Title, p.URL)
		}
		for _, c := range p.Claims {
			if strings.TrimSpace(c.Quote) == "" || !strings.Contains(p.Abstract, c.Quote) {
				t.Errorf("%s: %q: label quote %q is not in the abstract", path, p.Title, c.Quote)
			}
			if (c.Value == nil) == (c.Min == nil || c.Max == nil) {
				t.Errorf("%s: %q: label %q needs value, or min and max", path, p.Title, c.Quote)
			}
			if c.Better != "higher" && c.Better != "lower" {
				t.Errorf("%s: %q: label %q: better %q", path, p.Title, c.Quote, c.Better)
			}
			if c.Metric == "" {
				t.Errorf("%s: %q: label %q has no metric", path, p.Title, c.Quote)
			}
			if !knownBound(claim.Bound(c.Bound)) {
				t.Errorf("%s: %q: label %q: bound %q is not one of %v", path, p.Title, c.Quote, c.Bound, claim.Bounds)
			}
			if _, ok := claim.Units[c.Unit]; !ok {
				t.Errorf("%s: %q: label %q: unit %q is not a unit of docs/spec.md (write a known unit, or \"\" for a bare number)", path, p.Title, c.Quote, c.Unit)
			}
		}
	}
	return set
}

// score is what evaluate measures over a labelled set.
type score struct {
	papers, labelled, extracted, matched int
	sameMetric, sameBetter, sameBound    int
	sameMetricBefore11                   int // scored without the synonyms added in round 11
	wrong, wrongFlagged                  int
	rightFlagged                         int // right claims that carry review: the cost of flagging
	lines                                []string
}

// ratio is a/b, and 1 when there is nothing to divide by (no claim
// labelled or extracted: nothing was missed or wrong).
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) precision() float64 { return ratio(s.matched, s.extracted) }
func (s score) recall() float64    { return ratio(s.matched, s.labelled) }
func (s score) metricAcc() float64 { return ratio(s.sameMetric, s.matched) }
func (s score) betterAcc() float64 { return ratio(s.sameBetter, s.matched) }
func (s score) flagged() float64   { return ratio(s.wrongFlagged, s.wrong) }

func (s score) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: papers %d, labelled claims %d, extracted %d, matched %d", name, s.papers, s.labelled, s.extracted, s.matched)
	t.Logf("%s: precision %.3f, recall %.3f", name, s.precision(), s.recall())
	t.Logf("%s: metric-name accuracy %.3f (%d/%d), direction accuracy %.3f (%d/%d), bound agreement %d/%d",
		name, s.metricAcc(), s.sameMetric, s.matched, s.betterAcc(), s.sameBetter, s.matched, s.sameBound, s.matched)
	t.Logf("%s: metric-name accuracy as scored before round 11 (no retained/retention fold) %.3f (%d/%d)", name, ratio(s.sameMetricBefore11, s.matched), s.sameMetricBefore11, s.matched)
	t.Logf("%s: wrong claims (false positives, wrong metric or direction) %d, flagged review: %d (%.3f)", name, s.wrong, s.wrongFlagged, s.flagged())
	right := s.matched - (s.wrong - (s.extracted - s.matched))
	t.Logf("%s: right claims %d, flagged review: %d (%.3f), the reviews a reader checks for nothing", name, right, s.rightFlagged, ratio(s.rightFlagged, right))
}

// extractedNumbers are the claims Extract finds in an abstract that carry a
// number: the ones the figures count.
func extractedNumbers(abstract string) []Claim {
	var got []Claim
	for _, c := range Extract(abstract) {
		if c.Value != nil || c.Min != nil {
			got = append(got, c)
		}
	}
	return got
}

func claimNumeric(c Claim) numeric {
	return numeric{c.Value, c.Min, c.Max, c.Unit, c.Quote, string(c.Bound)}
}

func labelNumeric(l labelledItem) numeric {
	return numeric{l.Value, l.Min, l.Max, l.Unit, l.Quote, l.Bound}
}

// pairByNumber pairs each reference, in order, with the first candidate
// not yet paired whose number matches it (heldoutMatches): pair[i] is the
// index of reference i's candidate, or -1. Extracted claims and labels,
// and two labellings, are all paired this way.
func pairByNumber(refs, cands []numeric) []int {
	used := make([]bool, len(cands))
	pair := make([]int, len(refs))
	for i, ref := range refs {
		pair[i] = -1
		for j, c := range cands {
			if !used[j] && heldoutMatches(c, ref) {
				used[j], pair[i] = true, j
				break
			}
		}
	}
	return pair
}

// labelNumerics and claimNumerics are the numbers of labels and claims.
func labelNumerics(ls []labelledItem) []numeric {
	out := make([]numeric, len(ls))
	for i, l := range ls {
		out[i] = labelNumeric(l)
	}
	return out
}

func claimNumerics(cs []Claim) []numeric {
	out := make([]numeric, len(cs))
	for i, c := range cs {
		out[i] = claimNumeric(c)
	}
	return out
}

// evaluate runs Extract over every paper of the set and compares its
// numeric claims with the labels (see docs/importer-labels.md).
func evaluate(set labelledSet) score {
	var s score
	for _, p := range set.Papers {
		s.papers++
		id := ID(p.Title, nil)
		got := extractedNumbers(p.Abstract)
		s.extracted += len(got)
		pair := pairByNumber(labelNumerics(p.Claims), claimNumerics(got))
		used := make([]bool, len(got))
		for k, l := range p.Claims {
			s.labelled++
			ref := labelNumeric(l)
			hit := pair[k]
			if hit < 0 {
				s.lines = append(s.lines, fmt.Sprintf("%s: miss %s", id, ref))
				continue
			}
			used[hit] = true
			s.matched++
			g := got[hit]
			okMetric, okBetter := metricNames(l.Metric, g.Metric), g.Better == l.Better
			if okMetric {
				s.sameMetric++
			}
			if metricNamesFolded(l.Metric, g.Metric, false) {
				s.sameMetricBefore11++
			}
			if okBetter {
				s.sameBetter++
			}
			if string(g.Bound) == l.Bound {
				s.sameBound++
			} else {
				s.lines = append(s.lines, fmt.Sprintf("%s: bound %s, labelled %s for %s", id, g.Bound, l.Bound, ref))
			}
			if okMetric && okBetter && g.Review != "" {
				s.rightFlagged++
			}
			if !okMetric || !okBetter {
				s.wrong++
				if g.Review != "" {
					s.wrongFlagged++
				}
				s.lines = append(s.lines, fmt.Sprintf("%s: wrong metric %q better %s, labelled %q %s, for %s (review: %q)", id, g.Metric, g.Better, l.Metric, l.Better, ref, g.Review))
			}
		}
		for i, g := range got {
			if used[i] {
				continue
			}
			s.wrong++
			if g.Review != "" {
				s.wrongFlagged++
			}
			s.lines = append(s.lines, fmt.Sprintf("%s: false positive %s %q (review: %q)", id, claimNumeric(g), g.Metric, g.Review))
		}
	}
	sort.Strings(s.lines)
	return s
}

var (
	metricSplit    = regexp.MustCompile(`[^a-z0-9@]+`)
	metricSynonyms = map[string]string{
		"ppl": "perplexity", "acceleration": "speedup", "accelerate": "speedup", "faster": "speedup",
		"reduction": "down", "saving": "down", "decrease": "down", "drop": "down", "loss": "down",
		"degradation": "down", "decline": "down", "cut": "down", "lower": "down", "reduced": "down",
		"improvement": "up", "gain": "up", "increase": "up", "boost": "up", "higher": "up",
		"flop": "flops",
		// The same measure as a participle or a noun: "accuracy_retained"
		// and "accuracy_retention" (folded from round 11 on).
		"retained": "retention", "preserved": "retention",
	}
	// round11Synonyms are the folds added in round 11; figures scored
	// before it are reproduced without them.
	round11Synonyms = map[string]bool{"retained": true, "preserved": true}
)

// metricWords folds a metric name into the words that decide whether two
// names measure the same thing (docs/importer-labels.md).
func metricWords(name string) map[string]bool { return metricWordsFolded(name, true) }

// metricWordsFolded is metricWords, with or without the folds of round 11.
func metricWordsFolded(name string, round11 bool) map[string]bool {
	// "pass@1" and "pass_at_1" are one name: a cut-off after "@".
	ws := metricSplit.Split(strings.ReplaceAll(strings.ToLower(name), "@", "_at_"), -1)
	out := map[string]bool{}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w == "" {
			continue
		}
		if w == "speed" && i+1 < len(ws) && ws[i+1] == "up" {
			w, i = "speedup", i+1
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && w != "flops" {
			w = strings.TrimSuffix(w, "s")
		}
		if v, ok := metricSynonyms[w]; ok && (round11 || !round11Synonyms[w]) {
			w = v
		}
		out[w] = true
	}
	return out
}

// metricNames reports whether the extracted name names one of the labelled
// alternatives: every word of the alternative is among its words.
func metricNames(labelled, extracted string) bool {
	return metricNamesFolded(labelled, extracted, true)
}

// metricNamesFolded is metricNames, with or without the folds of round 11.
func metricNamesFolded(labelled, extracted string, round11 bool) bool {
	have := metricWordsFolded(extracted, round11)
	for _, alt := range strings.Split(labelled, "|") {
		ok := true
		for w := range metricWordsFolded(alt, round11) {
			if !have[w] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestMetricNames(t *testing.T) {
	tests := []struct {
		labelled, extracted string
		want                bool
	}{
		{"latency_reduction", "cuda_latency_reduction", true},
		{"latency_reduction", "latency", false},
		{"latency_reduction", "retrieved_passage_reduction", false},
		{"perplexity", "wikitext2_ppl", true},
		{"speedup", "prefill_speed_up", true},
		{"accuracy_drop", "accuracy_loss", true},
		{"memory_reduction", "peak_memory_usage_decrease", true},
		{"accuracy_improvement", "accuracy_gains", true},
		{"vram|memory", "cpu_memory", true},
		{"token", "visual_tokens_retained", true},
		{"flops_reduction", "flops_reduction", true},
		{"performance_retention", "teacher_performance_retained", true},
		{"accuracy_retention", "accuracy", false},
		{"pass@1|swe_bench_verified_pass@1", "pass_at_1", true},
		{"recall@5", "recall_at_5", true},
		{"recall@5", "recall_at_10", false},
	}
	for _, tt := range tests {
		if got := metricNames(tt.labelled, tt.extracted); got != tt.want {
			t.Errorf("metricNames(%q, %q) = %v; want %v", tt.labelled, tt.extracted, got, tt.want)
		}
	}
}

// TestImportDev measures Extract on the development material, the sets the
// rules are tuned on: testdata/abstracts_dev.yaml (rounds 1-5),
// testdata/abstracts_fresh.yaml, "dev round 6" (it was held out, measured
// once after the rules of rounds 4-5 were frozen, then read, so it no
// longer says anything about unseen text) and testdata/abstracts_heldout3.yaml,
// "dev round 7" (likewise, measured once after the round-6 rules were
// frozen) and testdata/abstracts_heldout4a.yaml with abstracts_heldout4b.yaml,
// "dev round 8" (measured once after the round-7 rules were frozen) and
// testdata/abstracts_heldout5a.yaml with abstracts_heldout5b.yaml, "dev
// round 9" (measured once after the round-8 rules were frozen) and
// testdata/abstracts_heldout6a.yaml with abstracts_heldout6b.yaml, "dev
// round 10" (measured once after the round-9 rules were frozen) and the
// seventh and eighth sets (abstracts_heldout7a/7b and 8a/8b), "dev round
// 11" (each measured once with the round-10 rules), and the ninth set
// (abstracts_heldout9a/9b), "dev round 12" (measured once with the
// round-11 rules), and the tenth set (abstracts_heldout10a/10b), "dev
// round 13" (measured once with the round-12 rules), and the eleventh set
// (abstracts_heldout11a/11b), "dev round 14" (measured once with the
// round-13 rules), and the twelfth set (abstracts_heldout12a/12b), "dev
// round 15" (measured once with the round-14 rules), and the thirteenth
// set (abstracts_heldout13a/13b/13c), "dev round 16" (measured once with
// the round-15 rules), and the fourteenth set (abstracts_heldout14a/14b/
// 14c), "dev round 17" (measured once with the round-16 rules), and the
// fifteenth set (abstracts_heldout15a/15b/15c), "dev round 18" (measured
// once with the round-17 rules), and the sixteenth set
// (abstracts_heldout16a/16b/16c), "dev round 19" (measured once with the
// round-18 rules). It logs
// every miss, false positive and wrong metric or direction, and guards
// against regressions.
func TestImportDev(t *testing.T) {
	for _, ds := range []struct {
		name  string
		paths []string
		floor [4]float64 // precision, recall, metric, direction
	}{
		{"dev", []string{"testdata/abstracts_dev.yaml"}, [4]float64{0.97, 0.97, 0.97, 0.97}},
		{"dev-round-6", []string{"testdata/abstracts_fresh.yaml"}, [4]float64{0.8, 0.85, 0.85, 0.9}},
		{"dev-round-7", []string{"testdata/abstracts_heldout3.yaml"}, [4]float64{0.93, 0.95, 0.95, 0.95}},
		{"dev-round-8", []string{"testdata/abstracts_heldout4a.yaml", "testdata/abstracts_heldout4b.yaml"}, [4]float64{0.95, 0.95, 0.95, 0.95}},
		// Floors just below the round-9 rules' figures on it
		// (docs/importer-labels.md).
		{"dev-round-9", []string{"testdata/abstracts_heldout5a.yaml", "testdata/abstracts_heldout5b.yaml"}, [4]float64{0.87, 0.85, 0.86, 0.97}},
		// Measured once as the sixth held-out set with the round-9 rules
		// (0.825, 0.917, 0.742, 0.955); floors just below the round-10
		// rules' figures on it (docs/importer-labels.md).
		{"dev-round-10", []string{"testdata/abstracts_heldout6a.yaml", "testdata/abstracts_heldout6b.yaml"}, [4]float64{0.97, 0.98, 0.87, 0.98}},
		// Measured once each with the round-10 rules, as the seventh and
		// eighth held-out sets (pooled 0.890, 0.811, 0.775, 0.961); floors
		// just below the round-11 rules' figures on them (0.942, 0.918,
		// 0.884, 0.972; docs/importer-labels.md).
		{"dev-round-11", []string{"testdata/abstracts_heldout7a.yaml", "testdata/abstracts_heldout7b.yaml", "testdata/abstracts_heldout8a.yaml", "testdata/abstracts_heldout8b.yaml"}, [4]float64{0.93, 0.92, 0.88, 0.96}},
		// Measured once as the ninth held-out set with the round-11 rules
		// (0.839, 0.788, 0.795, 1.000); floors just below the round-12
		// rules' figures on it (0.946, 0.889, 0.864, 1.000;
		// docs/importer-labels.md).
		{"dev-round-12", []string{"testdata/abstracts_heldout9a.yaml", "testdata/abstracts_heldout9b.yaml"}, [4]float64{0.93, 0.87, 0.85, 0.98}},
		// Measured once as the tenth held-out set with the round-12 rules
		// (0.966, 0.896, 0.741, 0.929); floors just below the round-13
		// rules' figures on it (0.992, 0.960, 0.875, 0.958;
		// docs/importer-labels.md).
		{"dev-round-13", []string{"testdata/abstracts_heldout10a.yaml", "testdata/abstracts_heldout10b.yaml"}, [4]float64{0.98, 0.95, 0.86, 0.95}},
		// Measured once as the eleventh held-out set with the round-13
		// rules (0.939, 0.778, 0.649, 0.974), then a source of the
		// vocabulary of measures; floors just below the round-14 figures
		// (metric 0.76 from round 16: a share used is named "_share",
		// which the labels write 12 times to "_fraction"'s 2, and one of
		// the two is here).
		{"dev-round-14", []string{"testdata/abstracts_heldout11a.yaml", "testdata/abstracts_heldout11b.yaml"}, [4]float64{0.93, 0.77, 0.76, 0.95}},
		// Measured once as the twelfth held-out set with the round-14
		// rules (0.949, 0.852, 0.747, 0.960), then read and a source of the
		// vocabulary; floors just below the round-15 figures (0.962,
		// 0.864, 0.842, 0.961).
		{"dev-round-15", []string{"testdata/abstracts_heldout12a.yaml", "testdata/abstracts_heldout12b.yaml"}, [4]float64{0.95, 0.85, 0.83, 0.95}},
		// Measured once as the thirteenth held-out set with the round-15
		// rules (0.922, 0.943, 0.783, 0.952), then read and a source of
		// the vocabulary; floors just below the round-16 figures (0.922,
		// 0.943, 0.892, 0.976).
		{"dev-round-16", []string{"testdata/abstracts_heldout13a.yaml", "testdata/abstracts_heldout13b.yaml", "testdata/abstracts_heldout13c.yaml"}, [4]float64{0.91, 0.93, 0.88, 0.96}},
		// Measured once as the fourteenth held-out set with the round-16
		// rules (0.864, 0.864, 0.800, 0.968), then read; floors just
		// below the round-17 figures (0.911, 0.927, 0.873, 0.971).
		{"dev-round-17", []string{"testdata/abstracts_heldout14a.yaml", "testdata/abstracts_heldout14b.yaml", "testdata/abstracts_heldout14c.yaml"}, [4]float64{0.9, 0.92, 0.86, 0.96}},
		// Measured once as the fifteenth held-out set with the round-17
		// rules (0.886, 0.757, 0.761, 0.945), then read; floors just
		// below the round-18 figures (0.908, 0.819, 0.814, 0.958).
		{"dev-round-18", []string{"testdata/abstracts_heldout15a.yaml", "testdata/abstracts_heldout15b.yaml", "testdata/abstracts_heldout15c.yaml"}, [4]float64{0.9, 0.81, 0.8, 0.95}},
		// Measured once as the sixteenth held-out set with the round-18
		// rules (0.912, 0.877, 0.789, 0.974), then read; floors just
		// below the round-19 figures (0.921, 0.892, 0.836, 0.974).
		{"dev-round-19", []string{"testdata/abstracts_heldout16a.yaml", "testdata/abstracts_heldout16b.yaml", "testdata/abstracts_heldout16c.yaml"}, [4]float64{0.91, 0.88, 0.82, 0.96}},
		// Measured once as the seventeenth held-out set with the round-20
		// rules (0.925, 0.860, 0.789, 0.919), then read; floors just
		// below the round-25 figures (0.950, 0.930, 0.902, 0.985).
		{"dev-round-21", []string{"testdata/abstracts_heldout17a.yaml", "testdata/abstracts_heldout17b.yaml", "testdata/abstracts_heldout17c.yaml"}, [4]float64{0.94, 0.92, 0.89, 0.98}},
		// Measured once as the forty-fifth held-out set with the round-48
		// rules (0.901, 0.888, 0.866, 0.953), then read; the round-49
		// rules were written on it (0.932, 0.958, 0.905, 0.971); floors
		// just below those figures.
		{"dev-round-49", []string{"testdata/abstracts_heldout45a.yaml", "testdata/abstracts_heldout45b.yaml", "testdata/abstracts_heldout45c.yaml"}, [4]float64{0.93, 0.95, 0.9, 0.97}},
		// Measured once as the forty-sixth held-out set with the round-49
		// rules (0.939, 0.891, 0.863, 0.957), then read; the round-50
		// rules were written on it (0.949, 0.955, 0.899, 0.973); floors
		// just below those figures.
		{"dev-round-50", []string{"testdata/abstracts_heldout46a.yaml", "testdata/abstracts_heldout46b.yaml", "testdata/abstracts_heldout46c.yaml"}, [4]float64{0.94, 0.95, 0.89, 0.97}},
		// Measured once as the forty-seventh held-out set with the round-50
		// rules (0.931, 0.924, 0.828, 0.963), then read; the round-51
		// rules were written on it (0.938, 0.931, 0.896, 0.993); floors
		// just below those figures.
		{"dev-round-51", []string{"testdata/abstracts_heldout47a.yaml", "testdata/abstracts_heldout47b.yaml", "testdata/abstracts_heldout47c.yaml"}, [4]float64{0.93, 0.93, 0.89, 0.99}},
		// Measured once as the forty-eighth held-out set with the round-51
		// rules (0.901, 0.906, 0.832, 0.994), then read; the round-52
		// rules were written on it (0.934, 0.906, 0.865, 0.994); floors
		// just below those figures. The round-81 rules read one more of
		// its claims, "mAP@0.5=0.609", named map50 where its labeller
		// wrote map_50 (metric names 134/156, 0.859): that floor 0.85.
		{"dev-round-52", []string{"testdata/abstracts_heldout48a.yaml", "testdata/abstracts_heldout48b.yaml", "testdata/abstracts_heldout48c.yaml"}, [4]float64{0.93, 0.9, 0.85, 0.99}},
		// Measured once as the forty-ninth held-out set (54 abstracts) with
		// the round-52 rules (0.821, 0.810, 0.852, 0.965), then read; the
		// round-53 rules were written on it (0.847, 0.859, 0.861, 0.967);
		// floors just below those figures.
		{"dev-round-53", []string{"testdata/abstracts_heldout49a.yaml", "testdata/abstracts_heldout49b.yaml", "testdata/abstracts_heldout49c.yaml"}, [4]float64{0.84, 0.85, 0.86, 0.96}},
		// Measured once as the fiftieth held-out set (48 abstracts) with
		// the round-53 rules (0.915, 0.843, 0.845, 0.979), then read; the
		// round-54 rules were written on it (0.930, 0.930, 0.879, 1.000);
		// floors just below those figures.
		{"dev-round-54", []string{"testdata/abstracts_heldout50a.yaml", "testdata/abstracts_heldout50b.yaml", "testdata/abstracts_heldout50c.yaml"}, [4]float64{0.92, 0.92, 0.87, 0.99}},
		// Measured once as the fifty-first held-out set (47 abstracts) with
		// the round-54 rules (0.876, 0.898, 0.783, 0.925), then read; the
		// round-55 rules were written on it (0.900, 0.915, 0.843, 0.954);
		// floors just below those figures.
		{"dev-round-55", []string{"testdata/abstracts_heldout51a.yaml", "testdata/abstracts_heldout51b.yaml", "testdata/abstracts_heldout51c.yaml"}, [4]float64{0.89, 0.91, 0.84, 0.95}},
		// Measured once as the fifty-second held-out set (51 abstracts)
		// with the round-55 rules (0.968, 0.931, 0.785, 0.959), then read;
		// the round-56 rules were written on it (0.976, 0.931, 0.876,
		// 0.992); floors just below those figures.
		{"dev-round-56", []string{"testdata/abstracts_heldout52a.yaml", "testdata/abstracts_heldout52b.yaml", "testdata/abstracts_heldout52c.yaml"}, [4]float64{0.97, 0.93, 0.87, 0.99}},
		// Measured once as the fifty-third held-out set (53 abstracts)
		// with the round-56 rules (0.888, 0.895, 0.892, 0.946), then read;
		// the round-57 rules were written on it (0.919, 0.911, 0.947,
		// 0.973); floors just below those figures.
		{"dev-round-57", []string{"testdata/abstracts_heldout53a.yaml", "testdata/abstracts_heldout53b.yaml", "testdata/abstracts_heldout53c.yaml"}, [4]float64{0.91, 0.91, 0.94, 0.97}},
		// Measured once as the fifty-fourth held-out set (60 abstracts)
		// with the round-57 rules (0.911, 0.964, 0.835, 0.925), then read;
		// the round-58 rules were written on it (0.911, 0.964, 0.895,
		// 0.970); floors just below those figures.
		{"dev-round-58", []string{"testdata/abstracts_heldout54a.yaml", "testdata/abstracts_heldout54b.yaml", "testdata/abstracts_heldout54c.yaml"}, [4]float64{0.91, 0.96, 0.89, 0.96}},
		// Measured once as the fifty-fifth held-out set (60 abstracts)
		// with the round-58 rules (0.965, 0.885, 0.906, 0.957), then read;
		// the round-59 rules were written on it (0.966, 0.897, 0.936,
		// 0.986); floors just below those figures.
		{"dev-round-59", []string{"testdata/abstracts_heldout55a.yaml", "testdata/abstracts_heldout55b.yaml", "testdata/abstracts_heldout55c.yaml"}, [4]float64{0.96, 0.89, 0.93, 0.98}},
		// Measured once as the fifty-sixth held-out set (57 abstracts)
		// with the round-59 rules (0.873, 0.807, 0.803, 0.983), then read;
		// the round-60 rules were written on it (0.884, 0.841, 0.844,
		// 1.000); floors just below those figures.
		{"dev-round-60", []string{"testdata/abstracts_heldout56a.yaml", "testdata/abstracts_heldout56b.yaml", "testdata/abstracts_heldout56c.yaml"}, [4]float64{0.88, 0.84, 0.84, 0.99}},
		// Measured once as the fifty-seventh held-out set (60 abstracts)
		// with the round-60 rules (0.938, 0.882, 0.837, 0.985), then read;
		// the round-61 rules were written on it (0.939, 0.902, 0.855,
		// 0.993); floors just below those figures.
		{"dev-round-61", []string{"testdata/abstracts_heldout57a.yaml", "testdata/abstracts_heldout57b.yaml", "testdata/abstracts_heldout57c.yaml"}, [4]float64{0.93, 0.9, 0.85, 0.99}},
		// Measured once as the fifty-eighth held-out set (60 abstracts)
		// with the round-61 rules (0.936, 0.942, 0.821, 0.988), then read;
		// the round-62 rules were written on it (0.937, 0.953, 0.841,
		// 0.988); floors just below those figures.
		{"dev-round-62", []string{"testdata/abstracts_heldout58a.yaml", "testdata/abstracts_heldout58b.yaml", "testdata/abstracts_heldout58c.yaml"}, [4]float64{0.93, 0.95, 0.84, 0.98}},
		// Measured once as the fifty-ninth held-out set (60 abstracts)
		// with the round-62 rules (0.948, 0.936, 0.782, 0.939), then read;
		// the round-63 rules were written on it (0.948, 0.936, 0.823,
		// 0.952); floors just below those figures. When the sixty-third
		// set joined the vocabulary of measures, "turns" became a measure
		// and names one claim of this set wrongly (metric 0.816): the
		// metric floor is 0.81 since.
		{"dev-round-63", []string{"testdata/abstracts_heldout59a.yaml", "testdata/abstracts_heldout59b.yaml", "testdata/abstracts_heldout59c.yaml"}, [4]float64{0.94, 0.93, 0.81, 0.95}},
		// Measured once as the sixtieth held-out set (60 abstracts) with
		// the round-63 rules (0.875, 0.926, 0.795, 0.973), then read; the
		// round-64 rules were written on it (0.875, 0.926, 0.812, 0.991);
		// floors just below those figures. Round 117 reads a multiple in
		// one word after "by up to" ("reduces error ratios by up to
		// sevenfold"), a result its labels leave out: one false positive
		// more, the precision floor 0.86.
		{"dev-round-64", []string{"testdata/abstracts_heldout60a.yaml", "testdata/abstracts_heldout60b.yaml", "testdata/abstracts_heldout60c.yaml"}, [4]float64{0.86, 0.92, 0.81, 0.99}},
		// Measured once as the sixty-first held-out set (29 abstracts)
		// with the round-64 rules (0.879, 0.879, 0.810, 0.966), then read;
		// the round-65 rules were written on it (0.892, 0.879, 0.810,
		// 0.966); floors just below those figures.
		{"dev-round-65", []string{"testdata/abstracts_heldout61a.yaml", "testdata/abstracts_heldout61b.yaml", "testdata/abstracts_heldout61c.yaml"}, [4]float64{0.89, 0.87, 0.8, 0.96}},
		// Measured once as the sixty-third held-out set (60 abstracts)
		// with the round-65 rules (0.913, 0.962, 0.833, 0.952), then read;
		// the round-66 rules were written on it (0.914, 0.969, 0.850,
		// 0.969); floors just below those figures.
		{"dev-round-66", []string{"testdata/abstracts_heldout63a.yaml", "testdata/abstracts_heldout63b.yaml", "testdata/abstracts_heldout63c.yaml"}, [4]float64{0.91, 0.96, 0.85, 0.96}},
		// Measured once as the sixty-second held-out set (59 abstracts)
		// with the round-66 rules (0.973, 0.940, 0.880, 0.965), then read;
		// the round-67 rules were written on it (0.980, 0.954, 0.903,
		// 0.965); floors just below those figures.
		{"dev-round-67", []string{"testdata/abstracts_heldout62a.yaml", "testdata/abstracts_heldout62b.yaml", "testdata/abstracts_heldout62c.yaml"}, [4]float64{0.97, 0.95, 0.9, 0.96}},
		// Measured once as the sixty-fourth held-out set (60 abstracts)
		// with the round-67 rules (0.955, 0.933, 0.841, 0.976), then read;
		// the round-68 rules were written on it (0.956, 0.956, 0.853,
		// 0.977); floors just below those figures.
		{"dev-round-68", []string{"testdata/abstracts_heldout64a.yaml", "testdata/abstracts_heldout64b.yaml", "testdata/abstracts_heldout64c.yaml"}, [4]float64{0.95, 0.95, 0.85, 0.97}},
		// Measured once as the sixty-fifth held-out set (52 abstracts)
		// with the round-68 rules (0.912, 0.868, 0.856, 0.960), then read;
		// the round-69 rules were written on it (0.931, 0.931, 0.866, 0.970);
		// floors just below those figures.
		{"dev-round-69", []string{"testdata/abstracts_heldout65a.yaml", "testdata/abstracts_heldout65b.yaml", "testdata/abstracts_heldout65c.yaml"}, [4]float64{0.93, 0.93, 0.86, 0.97}},
		// Measured once as the sixty-sixth held-out set (59 abstracts)
		// with the round-69 rules (0.955, 0.894, 0.810, 0.929), then read;
		// the round-70 rules were written on it (0.955, 0.908, 0.836, 0.930);
		// floors just below those figures.
		{"dev-round-70", []string{"testdata/abstracts_heldout66a.yaml", "testdata/abstracts_heldout66b.yaml", "testdata/abstracts_heldout66c.yaml"}, [4]float64{0.95, 0.9, 0.83, 0.92}},
		// Measured once as the sixty-seventh held-out set (52 abstracts)
		// with the round-70 rules (0.896, 0.911, 0.830, 0.955), then read;
		// the round-71 rules were written on it (0.896, 0.911, 0.857, 0.955);
		// floors just below those figures.
		{"dev-round-71", []string{"testdata/abstracts_heldout67a.yaml", "testdata/abstracts_heldout67b.yaml", "testdata/abstracts_heldout67c.yaml"}, [4]float64{0.89, 0.91, 0.85, 0.95}},
		// Measured once as the sixty-eighth held-out set (60 abstracts)
		// with the round-71 rules (0.946, 0.879, 0.799, 0.971), then read;
		// the round-72 rules were written on it (0.948, 0.914, 0.812, 0.983);
		// floors just below those figures. Round 113 reads "an error <30cm"
		// as a level of the error, as the labels of later sets do; part c's
		// labels call it context (a unit the spec lacks): precision 183/194
		// -> 183/195 (0.938), its floor 0.94 -> 0.93.
		{"dev-round-72", []string{"testdata/abstracts_heldout68a.yaml", "testdata/abstracts_heldout68b.yaml", "testdata/abstracts_heldout68c.yaml"}, [4]float64{0.93, 0.91, 0.81, 0.98}},
		// Measured once as the sixty-ninth held-out set (60 abstracts)
		// with the round-72 rules (0.904, 0.934, 0.738, 0.986), then read;
		// the round-73 rules were written on it (0.904, 0.934, 0.752, 0.986);
		// floors just below those figures.
		{"dev-round-73", []string{"testdata/abstracts_heldout69a.yaml", "testdata/abstracts_heldout69b.yaml", "testdata/abstracts_heldout69c.yaml"}, [4]float64{0.9, 0.93, 0.75, 0.98}},
		// Measured once as the seventieth held-out set (60 abstracts)
		// with the round-73 rules (0.879, 0.924, 0.745, 0.966), then read;
		// the round-74 rules were written on it (0.879, 0.924, 0.759, 0.966);
		// floors just below those figures.
		{"dev-round-74", []string{"testdata/abstracts_heldout70a.yaml", "testdata/abstracts_heldout70b.yaml", "testdata/abstracts_heldout70c.yaml"}, [4]float64{0.87, 0.92, 0.75, 0.96}},
		// Measured once as the seventy-first held-out set (60 abstracts)
		// with the round-74 rules (0.905, 0.881, 0.752, 0.977), then read;
		// the round-75 rules were written on it (0.905, 0.887, 0.776, 0.978);
		// floors just below those figures.
		{"dev-round-75", []string{"testdata/abstracts_heldout71a.yaml", "testdata/abstracts_heldout71b.yaml", "testdata/abstracts_heldout71c.yaml"}, [4]float64{0.9, 0.88, 0.77, 0.97}},
		// Measured once as the seventy-second held-out set (55 abstracts)
		// with the round-75 rules (0.908, 0.896, 0.761, 0.986), then read;
		// the round-76 rules were written on it (0.915, 0.909, 0.800, 0.986);
		// the round-77 rules were written on it (0.856, 0.856, 0.784, 0.944);
		// floors just below those figures.
		{"dev-round-76", []string{"testdata/abstracts_heldout72a.yaml", "testdata/abstracts_heldout72b.yaml", "testdata/abstracts_heldout72c.yaml"}, [4]float64{0.91, 0.9, 0.79, 0.98}},
		// Measured once as the seventy-fourth held-out set (60 abstracts)
		// with the round-76 rules (0.845, 0.856, 0.776, 0.952), then read;
		// floors just below those figures. When the set joined the
		// vocabulary of measures, its "crack-area fraction" became a measure,
		// named right but, as a fraction, better small, where its labellers
		// took it as better close to the truth, higher (direction 0.944):
		// the direction floor is 0.94.
		{"dev-round-77", []string{"testdata/abstracts_heldout74a.yaml", "testdata/abstracts_heldout74b.yaml", "testdata/abstracts_heldout74c.yaml"}, [4]float64{0.85, 0.85, 0.78, 0.94}},
		// Measured once as the seventy-third held-out set (59 abstracts)
		// with the round-77 rules (0.852, 0.878, 0.870, 0.983), then read;
		// the round-78 rules were written on it (0.872, 0.885, 0.888, 0.991);
		// floors just below those figures.
		{"dev-round-78", []string{"testdata/abstracts_heldout73a.yaml", "testdata/abstracts_heldout73b.yaml", "testdata/abstracts_heldout73c.yaml"}, [4]float64{0.87, 0.88, 0.88, 0.99}},
		// Measured once as the seventy-fifth held-out set (42 abstracts)
		// with the round-78 rules (0.774, 0.842, 0.812, 0.885), then read;
		// the round-79 rules were written on it (0.817, 0.904, 0.825, 0.893);
		// floors just below those figures.
		{"dev-round-79", []string{"testdata/abstracts_heldout75a.yaml", "testdata/abstracts_heldout75b.yaml", "testdata/abstracts_heldout75c.yaml"}, [4]float64{0.81, 0.9, 0.82, 0.89}},
		// Measured once as the seventy-sixth held-out set (60 abstracts)
		// with the round-79 rules (0.910, 0.917, 0.719, 0.992), then read;
		// the round-80 rules were written on it (0.932, 0.939, 0.734, 0.992);
		// floors just below those figures.
		{"dev-round-80", []string{"testdata/abstracts_heldout76a.yaml", "testdata/abstracts_heldout76b.yaml", "testdata/abstracts_heldout76c.yaml"}, [4]float64{0.93, 0.93, 0.73, 0.99}},
		// Measured once as the seventy-seventh held-out set (59 abstracts)
		// with the round-80 rules (0.872, 0.878, 0.752, 0.946), then read;
		// the round-81 rules were written on it (0.873, 0.891, 0.771, 0.947);
		// floors just below those figures. The round-94 rule that reads a
		// number written with a plus sign as a gain takes one baseline's
		// "(gap: +9.4 bpt ...)" too, flagged (precision 0.868).
		{"dev-round-81", []string{"testdata/abstracts_heldout77a.yaml", "testdata/abstracts_heldout77b.yaml", "testdata/abstracts_heldout77c.yaml"}, [4]float64{0.86, 0.89, 0.77, 0.94}},
		// Measured once as the seventy-eighth held-out set (60 abstracts)
		// with the round-81 rules (0.842, 0.805, 0.773, 0.953), then read;
		// the round-82 rules were written on it (0.865, 0.805, 0.773, 0.953);
		// floors just below those figures.
		{"dev-round-82", []string{"testdata/abstracts_heldout78a.yaml", "testdata/abstracts_heldout78b.yaml", "testdata/abstracts_heldout78c.yaml"}, [4]float64{0.86, 0.8, 0.77, 0.95}},
		// Measured once as the seventy-ninth held-out set (56 abstracts)
		// with the round-82 rules (0.897, 0.865, 0.771, 0.979), then read;
		// the round-83 rules were written on it (0.924, 0.874, 0.784, 0.979);
		// floors just below those figures.
		{"dev-round-83", []string{"testdata/abstracts_heldout79a.yaml", "testdata/abstracts_heldout79b.yaml", "testdata/abstracts_heldout79c.yaml"}, [4]float64{0.92, 0.87, 0.78, 0.97}},
		// Measured once as the eightieth held-out set (53 abstracts)
		// with the round-83 rules (0.928, 0.899, 0.704, 0.951), then read;
		// the round-84 rules were written on it (0.942, 0.918, 0.752, 0.952);
		// floors just below those figures. Direction 0.95 -> 0.94 in round
		// 108: a score's acronym after "an overall" ("an overall TWR of
		// 1.240") became a match, a token-to-word ratio whose direction
		// (better low) is guessed high.
		{"dev-round-84", []string{"testdata/abstracts_heldout80a.yaml", "testdata/abstracts_heldout80b.yaml", "testdata/abstracts_heldout80c.yaml"}, [4]float64{0.94, 0.91, 0.75, 0.94}},
		// Measured once as the eighty-first held-out set (40 abstracts)
		// with the round-84 rules (0.898, 0.957, 0.818, 0.989), then read;
		// the round-85 rules were written on it (0.900, 0.978, 0.844, 0.989);
		// floors just below those figures.
		{"dev-round-85", []string{"testdata/abstracts_heldout81a.yaml", "testdata/abstracts_heldout81b.yaml"}, [4]float64{0.9, 0.97, 0.84, 0.98}},
		// Measured once as the eighty-second held-out set (60 abstracts)
		// with the round-85 rules (0.938, 0.865, 0.713, 0.982), then read;
		// the round-86 rules were written on it (0.939, 0.881, 0.724, 0.982);
		// floors just below those figures.
		{"dev-round-86", []string{"testdata/abstracts_heldout82a.yaml", "testdata/abstracts_heldout82b.yaml", "testdata/abstracts_heldout82c.yaml"}, [4]float64{0.93, 0.88, 0.72, 0.98}},
		// Measured once as the eighty-third held-out set (60 abstracts)
		// with the round-86 rules (0.933, 0.848, 0.691, 0.971), then read;
		// the round-87 rules were written on it (0.933, 0.848, 0.712, 0.971);
		// floors just below those figures.
		{"dev-round-87", []string{"testdata/abstracts_heldout83a.yaml", "testdata/abstracts_heldout83b.yaml", "testdata/abstracts_heldout83c.yaml"}, [4]float64{0.93, 0.84, 0.71, 0.97}},
		// Measured once as the eighty-fourth held-out set (60 abstracts)
		// with the round-87 rules (0.912, 0.793, 0.821, 0.970), then read;
		// the round-88 rules were written on it (0.916, 0.834, 0.858, 0.979);
		// floors just below those figures. In round 118 its metric floor
		// went 0.85 to 0.84: two new matches ('from 0.305 to 0.524', the
		// GMean's new level, and 'from 0.09 to 0.05') brought 122/144, the
		// second named 'average' where its label says average_relative_loss.
		{"dev-round-88", []string{"testdata/abstracts_heldout84a.yaml", "testdata/abstracts_heldout84b.yaml", "testdata/abstracts_heldout84c.yaml"}, [4]float64{0.91, 0.83, 0.84, 0.97}},
		// Measured once as the eighty-fifth held-out set (60 abstracts)
		// with the round-88 rules (0.896, 0.870, 0.817, 0.983), then read;
		// the round-89 rules were written on it (0.899, 0.906, 0.848, 0.984);
		// floors just below those figures.
		{"dev-round-89", []string{"testdata/abstracts_heldout85a.yaml", "testdata/abstracts_heldout85b.yaml", "testdata/abstracts_heldout85c.yaml"}, [4]float64{0.89, 0.9, 0.84, 0.98}},
		// Measured once as the eighty-sixth held-out set (60 abstracts)
		// with the round-89 rules (0.882, 0.808, 0.791, 0.907), then read;
		// the round-90 rules were written on it (0.887, 0.808, 0.797, 0.913);
		// floors just below those figures. The round-94 rule on numbers
		// written with a plus sign matches nine more claims (recall 0.850),
		// four more of them named right (141 of 181) but five not, the
		// per-suite gains of a robot benchmark among them (0.779).
		{"dev-round-90", []string{"testdata/abstracts_heldout86a.yaml", "testdata/abstracts_heldout86b.yaml", "testdata/abstracts_heldout86c.yaml"}, [4]float64{0.88, 0.84, 0.77, 0.91}},
		// Measured once as the eighty-seventh held-out set (60 abstracts)
		// with the round-90 rules (0.959, 0.952, 0.780, 0.932), then read;
		// the round-91 rules were written on it (0.959, 0.952, 0.805, 0.958);
		// floors just below those figures.
		{"dev-round-91", []string{"testdata/abstracts_heldout87a.yaml", "testdata/abstracts_heldout87b.yaml", "testdata/abstracts_heldout87c.yaml"}, [4]float64{0.95, 0.95, 0.8, 0.95}},
		// Measured once as the eighty-eighth held-out set (60 abstracts)
		// with the round-91 rules (0.928, 0.911, 0.753, 0.974), then read;
		// the round-92 rules were written on it (0.929, 0.923, 0.782, 0.987);
		// floors just below those figures.
		{"dev-round-92", []string{"testdata/abstracts_heldout88a.yaml", "testdata/abstracts_heldout88b.yaml", "testdata/abstracts_heldout88c.yaml"}, [4]float64{0.92, 0.92, 0.78, 0.98}},
		// Measured once as the eighty-ninth held-out set (60 abstracts)
		// with the round-92 rules (0.978, 0.903, 0.786, 0.969), then read;
		// the round-93 rules were written on it (0.978, 0.910, 0.795, 0.970);
		// floors just below those figures.
		{"dev-round-93", []string{"testdata/abstracts_heldout89a.yaml", "testdata/abstracts_heldout89b.yaml", "testdata/abstracts_heldout89c.yaml"}, [4]float64{0.97, 0.91, 0.79, 0.96}},
		// Measured once as the ninetieth held-out set (60 abstracts)
		// with the round-93 rules (0.909, 0.843, 0.727, 0.953), then read;
		// the round-94 rules were written on it (0.918, 0.876, 0.756, 0.955);
		// floors just below those figures.
		{"dev-round-94", []string{"testdata/abstracts_heldout90a.yaml", "testdata/abstracts_heldout90b.yaml", "testdata/abstracts_heldout90c.yaml"}, [4]float64{0.91, 0.87, 0.75, 0.95}},
		// Measured once as the ninety-first held-out set (60 abstracts)
		// with the round-94 rules (0.906, 0.815, 0.818, 0.968), then read;
		// the round-95 rules were written on it (0.915, 0.852, 0.826, 0.969);
		// floors just below those figures.
		{"dev-round-95", []string{"testdata/abstracts_heldout91a.yaml", "testdata/abstracts_heldout91b.yaml", "testdata/abstracts_heldout91c.yaml"}, [4]float64{0.91, 0.85, 0.82, 0.96}},
		// Measured once as the ninety-second held-out set (60 abstracts)
		// with the round-95 rules (0.914, 0.903, 0.723, 0.950), then read;
		// the round-96 rules were written on it (0.921, 0.932, 0.756, 0.945);
		// floors just below those figures.
		{"dev-round-96", []string{"testdata/abstracts_heldout92a.yaml", "testdata/abstracts_heldout92b.yaml", "testdata/abstracts_heldout92c.yaml"}, [4]float64{0.92, 0.93, 0.75, 0.94}},
		// Measured once as the ninety-third held-out set (60 abstracts)
		// with the round-96 rules (0.881, 0.847, 0.793, 0.928), then read;
		// the round-97 rules were written on it (0.891, 0.878, 0.800, 0.930);
		// floors just below those figures.
		{"dev-round-97", []string{"testdata/abstracts_heldout93a.yaml", "testdata/abstracts_heldout93b.yaml", "testdata/abstracts_heldout93c.yaml"}, [4]float64{0.89, 0.87, 0.8, 0.93}},
		// Measured once as the ninety-fourth held-out set (59 abstracts)
		// with the round-97 rules (0.881, 0.923, 0.756, 0.929), then read;
		// the round-98 rules were written on it (0.887, 0.929, 0.783, 0.943);
		// floors just below those figures.
		{"dev-round-98", []string{"testdata/abstracts_heldout94a.yaml", "testdata/abstracts_heldout94b.yaml", "testdata/abstracts_heldout94c.yaml"}, [4]float64{0.88, 0.92, 0.78, 0.94}},
		// Measured once as the ninety-fifth held-out set (60 abstracts)
		// with the round-98 rules (0.882, 0.900, 0.800, 0.993), then read;
		// the round-99 rules were written on it (0.893, 0.947, 0.824, 0.993);
		// floors just below those figures.
		{"dev-round-99", []string{"testdata/abstracts_heldout95a.yaml", "testdata/abstracts_heldout95b.yaml", "testdata/abstracts_heldout95c.yaml"}, [4]float64{0.89, 0.94, 0.82, 0.99}},
		// Measured once as the ninety-sixth held-out set (60 abstracts)
		// with the round-99 rules (0.862, 0.911, 0.722, 0.959), then read;
		// the round-100 rules were written on it (0.867, 0.920, 0.724, 0.959);
		// floors just below those figures.
		{"dev-round-100", []string{"testdata/abstracts_heldout96a.yaml", "testdata/abstracts_heldout96b.yaml", "testdata/abstracts_heldout96c.yaml"}, [4]float64{0.86, 0.91, 0.72, 0.95}},
		// Measured once as the ninety-seventh held-out set (60 abstracts)
		// with the round-100 rules (0.961, 0.920, 0.819, 0.993), then read;
		// the round-101 rules were written on it (0.974, 0.932, 0.815, 0.993);
		// floors just below those figures.
		{"dev-round-101", []string{"testdata/abstracts_heldout97a.yaml", "testdata/abstracts_heldout97b.yaml", "testdata/abstracts_heldout97c.yaml"}, [4]float64{0.97, 0.93, 0.81, 0.99}},
		// Measured once as the ninety-eighth held-out set (60 abstracts)
		// with the round-101 rules (0.896, 0.918, 0.781, 0.945), then read;
		// the round-102 rules were written on it (0.899, 0.950, 0.808, 0.947);
		// floors just below those figures.
		{"dev-round-102", []string{"testdata/abstracts_heldout98a.yaml", "testdata/abstracts_heldout98b.yaml", "testdata/abstracts_heldout98c.yaml"}, [4]float64{0.89, 0.94, 0.8, 0.94}},
		// Measured once as the ninety-ninth held-out set (60 abstracts)
		// with the round-102 rules (0.949, 0.909, 0.762, 0.985), then read;
		// floors just below those figures.
		{"dev-round-103", []string{"testdata/abstracts_heldout99a.yaml", "testdata/abstracts_heldout99b.yaml", "testdata/abstracts_heldout99c.yaml"}, [4]float64{0.94, 0.9, 0.76, 0.98}},
		// Measured once as the hundredth held-out set (60 abstracts), in
		// the ninety-ninth's run, with the round-102 rules (0.924, 0.878,
		// 0.843, 0.975), then read; the round-103 rules were written on
		// it (0.925, 0.890, 0.851, 0.975); floors just below those figures.
		{"dev-round-104", []string{"testdata/abstracts_heldout100a.yaml", "testdata/abstracts_heldout100b.yaml", "testdata/abstracts_heldout100c.yaml"}, [4]float64{0.92, 0.88, 0.85, 0.97}},
		// Measured once as the hundred-and-first held-out set (60
		// abstracts) with the round-103 rules (0.936, 0.957, 0.818,
		// 0.992), then read;
		// floors just below those figures.
		{"dev-round-105", []string{"testdata/abstracts_heldout101a.yaml", "testdata/abstracts_heldout101b.yaml", "testdata/abstracts_heldout101c.yaml"}, [4]float64{0.93, 0.95, 0.81, 0.99}},
		// Measured once as the hundred-and-second held-out set (60
		// abstracts), in the hundred-and-first's run, with the round-103
		// rules (0.813, 0.808, 0.778, 0.960), then read; the round-105
		// rules were written on it (0.821, 0.821, 0.781, 0.961); floors
		// just below those figures.
		{"dev-round-106", []string{"testdata/abstracts_heldout102a.yaml", "testdata/abstracts_heldout102b.yaml", "testdata/abstracts_heldout102c.yaml"}, [4]float64{0.82, 0.82, 0.78, 0.96}},
		// Measured once as the hundred-and-third held-out set (60
		// abstracts) with the round-105 rules (0.894, 0.834, 0.786,
		// 0.960), then read; the round-106 rules were written on it
		// (0.896, 0.854, 0.822, 0.969); floors just below those figures.
		// Round 116 found a rating it missed ("rating our approach
		// 4.14/5.0"), named "rating" where the label says "expert_rating":
		// one more match, none more named right, the metric floor 0.81.
		{"dev-round-107", []string{"testdata/abstracts_heldout103a.yaml", "testdata/abstracts_heldout103b.yaml", "testdata/abstracts_heldout103c.yaml"}, [4]float64{0.89, 0.85, 0.81, 0.96}},
		// Measured once as the hundred-and-fourth held-out set (60
		// abstracts), in the hundred-and-third's run, with the round-105
		// rules (0.768, 0.781, 0.597, 0.871; metric names below the 0.6
		// floor chosen before the run, which failed that run), then read;
		// the round-106 rules were written on it (0.783, 0.809, 0.653,
		// 0.875); floors just below those figures.
		{"dev-round-108", []string{"testdata/abstracts_heldout104a.yaml", "testdata/abstracts_heldout104b.yaml", "testdata/abstracts_heldout104c.yaml"}, [4]float64{0.78, 0.8, 0.65, 0.87}},
		// Measured once as the hundred-and-fifth held-out set (60
		// abstracts) with the round-106 rules (0.940, 0.770, 0.780,
		// 0.979), then read; the round-107 rules were written on it
		// (0.944, 0.836, 0.804, 0.980); floors just below those figures.
		{"dev-round-109", []string{"testdata/abstracts_heldout105a.yaml", "testdata/abstracts_heldout105b.yaml", "testdata/abstracts_heldout105c.yaml"}, [4]float64{0.94, 0.83, 0.8, 0.98}},
		// Measured once as the hundred-and-sixth held-out set (60
		// abstracts), in the hundred-and-fifth's run, with the round-106
		// rules (0.884, 0.787, 0.868, 0.969), then read; the round-107
		// rules were written on it (0.893, 0.811, 0.880, 0.970); floors just
		// below those figures.
		{"dev-round-110", []string{"testdata/abstracts_heldout106a.yaml", "testdata/abstracts_heldout106b.yaml", "testdata/abstracts_heldout106c.yaml"}, [4]float64{0.89, 0.81, 0.87, 0.96}},
		// Measured once as the hundred-and-seventh held-out set (60
		// abstracts) with the round-107 rules (0.909, 0.876, 0.792,
		// 0.975), then read; the round-108 rules were written on it
		// (0.909, 0.876, 0.792, 0.983); floors just below those figures.
		// Round 111 found two more of its claims ('Box mAP@0.5 ~ 0.769',
		// 'Mask mAP@0.5 ~ 0.800'), named map50 where the labels say which
		// mAP (box_map50, mask_map50): recall 0.876 -> 0.891, metric names
		// 95/120 -> 95/122 (0.779); the metric floor went 0.79 -> 0.77.
		{"dev-round-111", []string{"testdata/abstracts_heldout107a.yaml", "testdata/abstracts_heldout107b.yaml", "testdata/abstracts_heldout107c.yaml"}, [4]float64{0.9, 0.87, 0.77, 0.98}},
		// Measured once as the hundred-and-eighth held-out set (60
		// abstracts), in the hundred-and-seventh's run, with the round-107
		// rules (0.892, 0.851, 0.685, 0.919), then read; the round-108
		// rules were written on it (0.893, 0.863, 0.722, 0.947); floors
		// just below those figures.
		{"dev-round-112", []string{"testdata/abstracts_heldout108a.yaml", "testdata/abstracts_heldout108b.yaml", "testdata/abstracts_heldout108c.yaml"}, [4]float64{0.89, 0.86, 0.72, 0.94}},
		// Measured once as the hundred-and-ninth held-out set (60
		// abstracts) with the round-108 rules (0.932, 0.958, 0.891,
		// 0.978), then read; floors just below those figures.
		{"dev-round-113", []string{"testdata/abstracts_heldout109a.yaml", "testdata/abstracts_heldout109b.yaml", "testdata/abstracts_heldout109c.yaml"}, [4]float64{0.93, 0.95, 0.89, 0.97}},
		// Measured once as the hundred-and-tenth held-out set (60
		// abstracts), in the hundred-and-ninth's run, with the round-108
		// rules (0.842, 0.785, 0.664, 0.883), then read; the round-109
		// rules were written on it (0.843, 0.791, 0.674, 0.907); floors just
		// below those figures.
		{"dev-round-114", []string{"testdata/abstracts_heldout110a.yaml", "testdata/abstracts_heldout110b.yaml", "testdata/abstracts_heldout110c.yaml"}, [4]float64{0.84, 0.79, 0.67, 0.9}},
		// Measured once as the hundred-and-eleventh held-out set (60
		// abstracts) with the round-109 rules (0.919, 0.872, 0.824,
		// 0.985), then read; the vocabulary of measures drawn from it
		// named 0.846; floors just below those figures.
		{"dev-round-115", []string{"testdata/abstracts_heldout111a.yaml", "testdata/abstracts_heldout111b.yaml", "testdata/abstracts_heldout111c.yaml"}, [4]float64{0.91, 0.87, 0.84, 0.98}},
		// Measured once as the hundred-and-twelfth held-out set (60
		// abstracts), in the hundred-and-eleventh's run, with the round-109
		// rules (0.925, 0.861, 0.805, 0.946), then read; the round-110
		// rules were written on it (0.933, 0.884, 0.817, 0.954); floors
		// just below those figures.
		{"dev-round-116", []string{"testdata/abstracts_heldout112a.yaml", "testdata/abstracts_heldout112b.yaml", "testdata/abstracts_heldout112c.yaml"}, [4]float64{0.93, 0.88, 0.81, 0.95}},
		// Measured once as the hundred-and-thirteenth held-out set (60
		// abstracts) with the round-110 rules (0.888, 0.832, 0.765,
		// 0.958), then read; the round-111 rules were written on it
		// (0.891, 0.860, 0.780, 0.959); floors just below those figures.
		{"dev-round-117", []string{"testdata/abstracts_heldout113a.yaml", "testdata/abstracts_heldout113b.yaml", "testdata/abstracts_heldout113c.yaml"}, [4]float64{0.89, 0.86, 0.78, 0.95}},
		// Measured once as the hundred-and-fourteenth held-out set (60
		// abstracts), in the hundred-and-thirteenth's run, with the round-110
		// rules (0.899, 0.816, 0.632, 0.925), then read; the vocabulary
		// of measures drawn from it and the round-111 rules (0.899, 0.816,
		// 0.654, 0.932); floors just below those figures.
		{"dev-round-118", []string{"testdata/abstracts_heldout114a.yaml", "testdata/abstracts_heldout114b.yaml", "testdata/abstracts_heldout114c.yaml"}, [4]float64{0.89, 0.81, 0.65, 0.93}},
		// Measured once as the hundred-and-fifteenth held-out set (56
		// abstracts) with the round-111 rules (0.815, 0.855, 0.709,
		// 0.993), then read; the round-112 rules were written on it
		// (0.829, 0.855, 0.730, 0.993); floors just below those figures.
		{"dev-round-119", []string{"testdata/abstracts_heldout115a.yaml", "testdata/abstracts_heldout115b.yaml", "testdata/abstracts_heldout115c.yaml"}, [4]float64{0.82, 0.85, 0.73, 0.99}},
		// Measured once as the hundred-and-sixteenth held-out set (60
		// abstracts), in the hundred-and-fifteenth's run, with the round-111
		// rules (0.882, 0.937, 0.745, 0.993), then read; the vocabulary of
		// measures drawn from it and the round-112 rules (0.893, 0.943,
		// 0.767, 0.993); floors just below those figures.
		{"dev-round-120", []string{"testdata/abstracts_heldout116a.yaml", "testdata/abstracts_heldout116b.yaml", "testdata/abstracts_heldout116c.yaml"}, [4]float64{0.89, 0.94, 0.76, 0.99}},
		// Measured once as the hundred-and-seventeenth held-out set (60
		// abstracts) with the round-112 rules (0.948, 0.894, 0.736,
		// 0.936), then read; the round-113 rules were written on it
		// (0.949, 0.911, 0.741, 0.938); floors just below those figures.
		{"dev-round-121", []string{"testdata/abstracts_heldout117a.yaml", "testdata/abstracts_heldout117b.yaml", "testdata/abstracts_heldout117c.yaml"}, [4]float64{0.94, 0.91, 0.74, 0.93}},
		// Measured once as the hundred-and-eighteenth held-out set (60
		// abstracts), in the hundred-and-seventeenth's run, with the
		// round-112 rules (0.906, 0.857, 0.635, 0.976), then read; the
		// vocabulary of measures drawn from it and the round-113 rules
		// (0.908, 0.871, 0.664, 0.977); floors just below those figures.
		// In round 118 its metric floor went 0.66 to 0.65: a new match
		// ('outperforms existing methods with a 1.13 dB gain', read once
		// the methods beaten are only a kind) is named from the dataset
		// after it where its label says psnr_gain (0.656, 86/131).
		{"dev-round-122", []string{"testdata/abstracts_heldout118a.yaml", "testdata/abstracts_heldout118b.yaml", "testdata/abstracts_heldout118c.yaml"}, [4]float64{0.9, 0.87, 0.65, 0.97}},
		// Measured once as the hundred-and-nineteenth held-out set (60
		// abstracts) with the round-113 rules (0.911, 0.864, 0.735,
		// 0.980), then read; the vocabulary of measures drawn from it and
		// the round-114 and round-115 rules (0.920, 0.881, 0.740, 0.981);
		// floors just below those figures.
		{"dev-round-123", []string{"testdata/abstracts_heldout119a.yaml", "testdata/abstracts_heldout119b.yaml", "testdata/abstracts_heldout119c.yaml"}, [4]float64{0.91, 0.88, 0.74, 0.98}},
		// Measured once as the hundred-and-twentieth held-out set (60
		// abstracts), in the hundred-and-nineteenth's run, with the
		// round-113 rules (0.887, 0.849, 0.752, 0.972), then read; the
		// vocabulary of measures drawn from it and the round-114 and
		// round-115 rules (0.889, 0.867, 0.799, 0.986); floors just below
		// those figures.
		{"dev-round-124", []string{"testdata/abstracts_heldout120a.yaml", "testdata/abstracts_heldout120b.yaml", "testdata/abstracts_heldout120c.yaml"}, [4]float64{0.88, 0.86, 0.79, 0.98}},
		// Measured once as the hundred-and-twenty-first held-out set (57
		// abstracts) with the round-115 rules (0.828, 0.753, 0.792,
		// 0.968), then read; the round-116 rules were written on it
		// (0.832, 0.777, 0.798, 0.969); floors just below those figures.
		{"dev-round-125", []string{"testdata/abstracts_heldout121a.yaml", "testdata/abstracts_heldout121b.yaml", "testdata/abstracts_heldout121c.yaml"}, [4]float64{0.83, 0.77, 0.79, 0.96}},
		// Measured once as the hundred-and-twenty-second held-out set (60
		// abstracts), in the hundred-and-twenty-first's run, with the
		// round-115 rules (0.887, 0.736, 0.831, 0.972), then read; the
		// vocabulary of measures drawn from it and the round-116 rules
		// (0.890, 0.756, 0.836, 0.973); floors just below those figures.
		{"dev-round-126", []string{"testdata/abstracts_heldout122a.yaml", "testdata/abstracts_heldout122b.yaml", "testdata/abstracts_heldout122c.yaml"}, [4]float64{0.89, 0.75, 0.83, 0.97}},
		// Measured once as the hundred-and-twenty-third held-out set (60
		// abstracts) with the round-116 rules (0.950, 0.882, 0.746,
		// 0.933), then read; the round-117 rules were written on it
		// (0.951, 0.888, 0.748, 0.948); floors just below those figures.
		{"dev-round-127", []string{"testdata/abstracts_heldout123a.yaml", "testdata/abstracts_heldout123b.yaml", "testdata/abstracts_heldout123c.yaml"}, [4]float64{0.95, 0.88, 0.74, 0.94}},
		// Measured once as the hundred-and-twenty-fourth held-out set (60
		// abstracts), in the hundred-and-twenty-third's run, with the
		// round-116 rules (0.915, 0.861, 0.839, 0.975), then read; the
		// vocabulary of measures drawn from it and the round-117 rules
		// (0.922, 0.869, 0.857, 0.975); floors just below those figures.
		{"dev-round-128", []string{"testdata/abstracts_heldout124a.yaml", "testdata/abstracts_heldout124b.yaml", "testdata/abstracts_heldout124c.yaml"}, [4]float64{0.92, 0.86, 0.85, 0.97}},
		// Measured once as the hundred-and-twenty-fifth held-out set (60
		// abstracts) with the round-117 rules (0.924, 0.858, 0.794,
		// 0.979), then read; the vocabulary of measures drawn from it and
		// the round-118 rules (0.924, 0.858, 0.825, 0.979); floors just
		// below those figures.
		{"dev-round-129", []string{"testdata/abstracts_heldout125a.yaml", "testdata/abstracts_heldout125b.yaml", "testdata/abstracts_heldout125c.yaml"}, [4]float64{0.92, 0.85, 0.82, 0.97}},
		// Measured once as the hundred-and-twenty-sixth held-out set (60
		// abstracts), in the hundred-and-twenty-fifth's run, with the
		// round-117 rules (0.909, 0.807, 0.785, 0.962), then read; the
		// vocabulary of measures drawn from it and the round-118 rules
		// (0.912, 0.839, 0.793, 0.963); floors just below those figures.
		{"dev-round-130", []string{"testdata/abstracts_heldout126a.yaml", "testdata/abstracts_heldout126b.yaml", "testdata/abstracts_heldout126c.yaml"}, [4]float64{0.91, 0.83, 0.79, 0.96}},
		// Measured once as the hundred-and-twenty-seventh held-out set (54
		// abstracts) with the round-118 rules (0.919, 0.868, 0.808,
		// 0.976), then read; the vocabulary of measures drawn from it and
		// the round-119 rules (0.927, 0.882, 0.819, 0.976); floors just
		// below those figures.
		{"dev-round-131", []string{"testdata/abstracts_heldout127a.yaml", "testdata/abstracts_heldout127b.yaml", "testdata/abstracts_heldout127c.yaml"}, [4]float64{0.92, 0.88, 0.81, 0.97}},
		// Measured once as the hundred-and-twenty-eighth held-out set (60
		// abstracts), in the hundred-and-twenty-seventh's run, with the
		// round-118 rules (0.845, 0.809, 0.756, 0.969), then read; the
		// vocabulary of measures drawn from it and the round-119 rules
		// (0.856, 0.846, 0.766, 0.971); floors just below those figures.
		{"dev-round-132", []string{"testdata/abstracts_heldout128a.yaml", "testdata/abstracts_heldout128b.yaml", "testdata/abstracts_heldout128c.yaml"}, [4]float64{0.85, 0.84, 0.76, 0.97}},
		// Measured once as the hundred-and-twenty-ninth held-out set (57
		// abstracts) with the round-119 rules (0.974, 0.877, 0.702,
		// 0.982), then read; the vocabulary of measures drawn from it and
		// the round-120 rules (0.976, 0.923, 0.717, 0.983); floors just
		// below those figures.
		{"dev-round-133", []string{"testdata/abstracts_heldout129a.yaml", "testdata/abstracts_heldout129b.yaml", "testdata/abstracts_heldout129c.yaml"}, [4]float64{0.97, 0.92, 0.71, 0.98}},
		// Measured once as the hundred-and-thirtieth held-out set (54
		// abstracts), in the hundred-and-twenty-ninth's run, with the
		// round-119 rules (0.941, 0.914, 0.820, 0.977), then read; floors
		// just below those figures (its direction floor 0.96 while the
		// vocabulary drawn from it named a relative RMSE whose direction
		// was guessed, 0.97 again once round 120 made it better small).
		// Its recall floor went 0.91 to 0.90 in round 120: a share after
		// "top" became a cut-off, not a result (six false shares of other
		// sets went), and one labelled claim is such a share ("training
		// on the top 20% HES-ranked data matches full-dataset
		// performance", 0.907). With the round-120 rules (0.941, 0.907,
		// 0.835, 0.984), floors just below those figures.
		{"dev-round-134", []string{"testdata/abstracts_heldout130a.yaml", "testdata/abstracts_heldout130b.yaml", "testdata/abstracts_heldout130c.yaml"}, [4]float64{0.94, 0.9, 0.83, 0.98}},
		// Measured once as the hundred-and-thirty-first held-out set (60
		// abstracts) with the round-120 rules (0.935, 0.929, 0.683,
		// 0.966), then read; the vocabulary of measures drawn from it and
		// the round-121 rules (0.935, 0.929, 0.738, 0.966); floors just
		// below those figures.
		{"dev-round-135", []string{"testdata/abstracts_heldout131a.yaml", "testdata/abstracts_heldout131b.yaml", "testdata/abstracts_heldout131c.yaml"}, [4]float64{0.93, 0.92, 0.73, 0.96}},
		// Measured once as the hundred-and-thirty-second held-out set (60
		// abstracts), in the hundred-and-thirty-first's run, with the
		// round-120 rules (0.898, 0.904, 0.800, 0.967), then read; the
		// vocabulary of measures drawn from it and the round-121 rules
		// (0.899, 0.910, 0.801, 0.967); floors just below those figures.
		{"dev-round-136", []string{"testdata/abstracts_heldout132a.yaml", "testdata/abstracts_heldout132b.yaml", "testdata/abstracts_heldout132c.yaml"}, [4]float64{0.89, 0.9, 0.8, 0.96}},
		// Measured once as the hundred-and-thirty-third held-out set (60
		// abstracts) with the round-121 rules (0.893, 0.944, 0.752,
		// 0.974), then read; the vocabulary of measures drawn from it and
		// the round-122 rules (0.893, 0.944, 0.769, 0.974); floors just
		// below those figures.
		{"dev-round-137", []string{"testdata/abstracts_heldout133a.yaml", "testdata/abstracts_heldout133b.yaml", "testdata/abstracts_heldout133c.yaml"}, [4]float64{0.89, 0.94, 0.76, 0.97}},
		// Measured once as the hundred-and-thirty-fourth held-out set (53
		// abstracts), in the hundred-and-thirty-third's run, with the
		// round-121 rules (0.782, 0.895, 0.793, 0.955), then read; the
		// vocabulary of measures drawn from it and the round-122 rules
		// (0.806, 0.903, 0.795, 0.955); floors just below those figures.
		{"dev-round-138", []string{"testdata/abstracts_heldout134a.yaml", "testdata/abstracts_heldout134b.yaml", "testdata/abstracts_heldout134c.yaml"}, [4]float64{0.8, 0.9, 0.79, 0.95}},
		// Measured once as the hundred-and-thirty-fifth held-out set (60
		// abstracts) with the round-122 rules (0.840, 0.897, 0.702,
		// 0.931), then read; floors just below those figures.
		{"dev-round-139", []string{"testdata/abstracts_heldout135a.yaml", "testdata/abstracts_heldout135b.yaml", "testdata/abstracts_heldout135c.yaml"}, [4]float64{0.83, 0.89, 0.7, 0.93}},
		// Measured once as the hundred-and-thirty-sixth held-out set (52
		// abstracts), in the hundred-and-thirty-fifth's run, with the
		// round-122 rules (0.784, 0.938, 0.750, 0.975), then read; floors
		// just below those figures.
		{"dev-round-140", []string{"testdata/abstracts_heldout136a.yaml", "testdata/abstracts_heldout136b.yaml", "testdata/abstracts_heldout136c.yaml"}, [4]float64{0.78, 0.93, 0.74, 0.97}},
		// Measured once as the eighteenth held-out set with the round-21
		// rules (0.905, 0.805, 0.811, 0.958), then read; floors just
		// below the round-25 figures (0.954, 0.873, 0.883, 0.990).
		{"dev-round-22", []string{"testdata/abstracts_heldout18a.yaml", "testdata/abstracts_heldout18b.yaml", "testdata/abstracts_heldout18c.yaml"}, [4]float64{0.95, 0.87, 0.87, 0.98}},
		// Measured once as the nineteenth held-out set with the round-22
		// rules (0.924, 0.871, 0.727, 0.959), then read; floors just
		// below the round-25 figures (0.946, 0.885, 0.829, 0.984).
		{"dev-round-23", []string{"testdata/abstracts_heldout19a.yaml", "testdata/abstracts_heldout19b.yaml", "testdata/abstracts_heldout19c.yaml"}, [4]float64{0.94, 0.88, 0.82, 0.98}},
		// Measured once as the twentieth held-out set with the round-23
		// rules (0.893, 0.877, 0.824, 0.937), then read; floors just
		// below the round-25 figures (0.920, 0.926, 0.887, 0.967).
		{"dev-round-24", []string{"testdata/abstracts_heldout20a.yaml", "testdata/abstracts_heldout20b.yaml", "testdata/abstracts_heldout20c.yaml"}, [4]float64{0.91, 0.92, 0.88, 0.96}},
		// Measured once as the twenty-first held-out set with the round-24
		// rules (0.839, 0.918, 0.878, 0.987), then read; floors just
		// below the round-25 figures (0.969, 0.929, 0.887, 0.988).
		{"dev-round-25", []string{"testdata/abstracts_heldout21a.yaml", "testdata/abstracts_heldout21b.yaml", "testdata/abstracts_heldout21c.yaml"}, [4]float64{0.96, 0.92, 0.88, 0.98}},
		// Measured once as the twenty-second held-out set with the
		// round-25 rules (0.884, 0.884, 0.837, 0.953), then read; floors
		// just below the round-27 figures (0.934, 0.966, 0.915, 0.986).
		{"dev-round-26", []string{"testdata/abstracts_heldout22a.yaml", "testdata/abstracts_heldout22b.yaml", "testdata/abstracts_heldout22c.yaml"}, [4]float64{0.93, 0.96, 0.91, 0.98}},
		// Measured once as the twenty-third held-out set with the
		// round-26 rules (0.927, 0.854, 0.829, 0.928), then read; floors
		// just below the round-27 figures (0.929, 0.888, 0.880, 0.975).
		{"dev-round-27", []string{"testdata/abstracts_heldout23a.yaml", "testdata/abstracts_heldout23b.yaml", "testdata/abstracts_heldout23c.yaml"}, [4]float64{0.92, 0.88, 0.87, 0.97}},
		// Measured once as the twenty-fourth held-out set with the
		// round-27 rules (0.895, 0.886, 0.778, 0.982), then read; floors
		// just below the round-28 figures (0.907, 0.907, 0.846, 0.994).
		{"dev-round-28", []string{"testdata/abstracts_heldout24a.yaml", "testdata/abstracts_heldout24b.yaml", "testdata/abstracts_heldout24c.yaml"}, [4]float64{0.9, 0.9, 0.84, 0.99}},
		// Measured once as the twenty-fifth held-out set with the
		// round-28 rules (0.899, 0.924, 0.836, 0.978), then read; floors
		// just below the round-29 figures (0.926, 0.945, 0.876, 0.985).
		{"dev-round-29", []string{"testdata/abstracts_heldout25a.yaml", "testdata/abstracts_heldout25b.yaml", "testdata/abstracts_heldout25c.yaml"}, [4]float64{0.92, 0.94, 0.87, 0.98}},
		// Measured once as the twenty-sixth held-out set with the
		// round-29 rules (0.912, 0.852, 0.798, 0.962), then read; floors
		// just below the round-30 figures (0.932, 0.902, 0.818, 0.973).
		{"dev-round-30", []string{"testdata/abstracts_heldout26a.yaml", "testdata/abstracts_heldout26b.yaml", "testdata/abstracts_heldout26c.yaml"}, [4]float64{0.93, 0.9, 0.81, 0.97}},
		// Measured once as the twenty-seventh held-out set with the
		// round-30 rules (0.886, 0.921, 0.821, 0.957), then read; floors
		// just below the round-31 figures (0.904, 0.928, 0.865, 0.972).
		{"dev-round-31", []string{"testdata/abstracts_heldout27a.yaml", "testdata/abstracts_heldout27b.yaml", "testdata/abstracts_heldout27c.yaml"}, [4]float64{0.9, 0.92, 0.86, 0.97}},
		// Measured once as the twenty-eighth held-out set with the
		// round-31 rules (0.924, 0.871, 0.810, 0.983), then read; floors
		// just below the round-32 figures (0.926, 0.899, 0.832, 0.984).
		{"dev-round-32", []string{"testdata/abstracts_heldout28a.yaml", "testdata/abstracts_heldout28b.yaml", "testdata/abstracts_heldout28c.yaml"}, [4]float64{0.92, 0.89, 0.83, 0.98}},
		// Measured once as the twenty-ninth held-out set with the
		// round-32 rules (0.964, 0.888, 0.911, 0.970), then read; floors
		// just below the round-33 figures (0.966, 0.928, 0.943, 0.993).
		{"dev-round-33", []string{"testdata/abstracts_heldout29a.yaml", "testdata/abstracts_heldout29b.yaml", "testdata/abstracts_heldout29c.yaml"}, [4]float64{0.96, 0.92, 0.94, 0.99}},
		// Measured once as the thirtieth held-out set with the round-33
		// rules (0.899, 0.894, 0.846, 0.965), then read; floors just below
		// the round-34 figures (0.911, 0.956, 0.876, 0.974).
		{"dev-round-34", []string{"testdata/abstracts_heldout30a.yaml", "testdata/abstracts_heldout30b.yaml", "testdata/abstracts_heldout30c.yaml"}, [4]float64{0.91, 0.95, 0.87, 0.97}},
		// Measured once as the thirty-first held-out set with the round-34
		// rules (0.912, 0.862, 0.896, 0.968), then read; floors just below
		// the round-35 figures (0.937, 0.917, 0.925, 0.992).
		{"dev-round-35", []string{"testdata/abstracts_heldout31a.yaml", "testdata/abstracts_heldout31b.yaml", "testdata/abstracts_heldout31c.yaml"}, [4]float64{0.93, 0.91, 0.92, 0.99}},
		// Measured once as the thirty-second held-out set with the
		// round-35 rules (0.874, 0.915, 0.881, 0.992), then read; floors
		// just below the round-36 figures (0.896, 0.930, 0.908, 0.992).
		{"dev-round-36", []string{"testdata/abstracts_heldout32a.yaml", "testdata/abstracts_heldout32b.yaml", "testdata/abstracts_heldout32c.yaml"}, [4]float64{0.89, 0.92, 0.9, 0.99}},
		// Measured once as the thirty-third held-out set with the
		// round-36 rules (0.917, 0.890, 0.701, 0.948), then read; floors
		// just below the round-37 figures (0.919, 0.913, 0.759, 0.968).
		{"dev-round-37", []string{"testdata/abstracts_heldout33a.yaml", "testdata/abstracts_heldout33b.yaml", "testdata/abstracts_heldout33c.yaml"}, [4]float64{0.91, 0.91, 0.75, 0.96}},
		// Measured once as the thirty-fourth held-out set with the
		// round-37 rules (0.942, 0.874, 0.861, 0.944), then read; floors
		// just below the round-38 figures (0.946, 0.932, 0.896, 0.958).
		{"dev-round-38", []string{"testdata/abstracts_heldout34a.yaml", "testdata/abstracts_heldout34b.yaml", "testdata/abstracts_heldout34c.yaml"}, [4]float64{0.94, 0.93, 0.89, 0.95}},
		// Measured once as the thirty-fifth held-out set with the round-38
		// rules (0.839, 0.813, 0.770, 0.970), then read; floors just below
		// the round-39 figures (0.870, 0.849, 0.830, 0.972).
		{"dev-round-39", []string{"testdata/abstracts_heldout35a.yaml", "testdata/abstracts_heldout35b.yaml", "testdata/abstracts_heldout35c.yaml"}, [4]float64{0.86, 0.84, 0.82, 0.97}},
		// Measured once as the thirty-sixth held-out set with the round-39
		// rules (0.964, 0.899, 0.897, 0.963), then read; floors just below
		// the round-40 figures (1.000, 0.941, 0.938, 0.964).
		{"dev-round-40", []string{"testdata/abstracts_heldout36a.yaml", "testdata/abstracts_heldout36b.yaml", "testdata/abstracts_heldout36c.yaml"}, [4]float64{0.99, 0.94, 0.93, 0.96}},
		// Measured once as the thirty-seventh held-out set with the
		// round-40 rules (0.871, 0.855, 0.791, 0.926), then read; floors
		// just below the round-41 figures (0.874, 0.884, 0.804, 0.935).
		{"dev-round-41", []string{"testdata/abstracts_heldout37a.yaml", "testdata/abstracts_heldout37b.yaml", "testdata/abstracts_heldout37c.yaml"}, [4]float64{0.87, 0.88, 0.8, 0.93}},
		// Measured once as the thirty-eighth held-out set with the
		// round-41 rules (0.890, 0.895, 0.897, 0.966), then read; floors
		// just below the round-42 figures (0.896, 0.901, 0.897, 0.966).
		{"dev-round-42", []string{"testdata/abstracts_heldout38a.yaml", "testdata/abstracts_heldout38b.yaml", "testdata/abstracts_heldout38c.yaml"}, [4]float64{0.89, 0.9, 0.89, 0.96}},
		// Measured once as the thirty-ninth held-out set with the
		// round-42 rules (0.896, 0.846, 0.818, 0.983), then read; floors
		// just below its figures once it joined the vocabulary (0.896,
		// 0.846, 0.835, 0.975: a FLOPs reduction's name changed, and with
		// it a direction that had been right by chance); now just below
		// the round-43 figures (0.921, 0.895, 0.875, 0.977).
		{"dev-round-43", []string{"testdata/abstracts_heldout39a.yaml", "testdata/abstracts_heldout39b.yaml", "testdata/abstracts_heldout39c.yaml"}, [4]float64{0.92, 0.89, 0.87, 0.97}},
		// Measured once as the fortieth held-out set with the round-43
		// rules (0.896, 0.862, 0.759, 0.991), then read; floors just below
		// the round-44 figures (0.898, 0.885, 0.826, 0.991).
		{"dev-round-44", []string{"testdata/abstracts_heldout40a.yaml", "testdata/abstracts_heldout40b.yaml", "testdata/abstracts_heldout40c.yaml"}, [4]float64{0.89, 0.88, 0.82, 0.99}},
		// Measured once as the forty-first held-out set with the round-44
		// rules (0.939, 0.885, 0.878, 0.935), then read; floors just below
		// the round-45 figures (0.942, 0.928, 0.876, 0.938).
		{"dev-round-45", []string{"testdata/abstracts_heldout41a.yaml", "testdata/abstracts_heldout41b.yaml", "testdata/abstracts_heldout41c.yaml"}, [4]float64{0.94, 0.92, 0.87, 0.93}},
		// Measured once as the forty-second held-out set (50 abstracts)
		// with the round-45 rules (0.877, 0.838, 0.925, 0.946), then read;
		// floors just below the round-46 figures (0.882, 0.874, 0.918,
		// 0.979: metric names fell in share as the claims newly found were
		// not all named right).
		{"dev-round-46", []string{"testdata/abstracts_heldout42a.yaml", "testdata/abstracts_heldout42b.yaml", "testdata/abstracts_heldout42c.yaml"}, [4]float64{0.88, 0.87, 0.91, 0.97}},
		// Measured once as the forty-third held-out set (46 abstracts)
		// with the round-46 rules (0.886, 0.856, 0.762, 0.950), then read;
		// the round-47 rules were written on it (0.903, 0.949, 0.830,
		// 0.955); floors just below those figures.
		{"dev-round-47", []string{"testdata/abstracts_heldout43a.yaml", "testdata/abstracts_heldout43b.yaml", "testdata/abstracts_heldout43c.yaml"}, [4]float64{0.9, 0.94, 0.82, 0.95}},
		// Measured once as the forty-fourth held-out set with the round-47
		// rules (0.935, 0.921, 0.822, 0.961), then read; the round-48
		// rules were written on it (0.942, 0.921, 0.899, 0.984); floors
		// just below those figures.
		{"dev-round-48", []string{"testdata/abstracts_heldout44a.yaml", "testdata/abstracts_heldout44b.yaml", "testdata/abstracts_heldout44c.yaml"}, [4]float64{0.94, 0.92, 0.89, 0.98}},
	} {
		var set labelledSet
		for _, path := range ds.paths {
			set.Papers = append(set.Papers, loadLabelled(t, path).Papers...)
		}
		s := evaluate(set)
		for _, l := range s.lines {
			t.Log(ds.name + ": " + l)
		}
		s.log(t, ds.name)
		f := ds.floor
		if s.precision() < f[0] || s.recall() < f[1] || s.metricAcc() < f[2] || s.betterAcc() < f[3] {
			t.Errorf("%s: precision %.3f, recall %.3f, metric %.3f, direction %.3f; want >= %v",
				ds.name, s.precision(), s.recall(), s.metricAcc(), s.betterAcc(), f)
		}
	}
}

// TestLabelledSetsWellFormed checks every labelled set against the
// labelling rules (arXiv URL, quotes in the abstract, a value or a range, a
// direction and a metric) without running the extractor, so that a new
// held-out set can be validated before anyone measures on it.
func TestLabelledSetsWellFormed(t *testing.T) {
	// Every labelled set, including one just added, so a new held-out set is
	// checked without anyone having to list it here first.
	paths, err := filepath.Glob("testdata/abstracts_*.yaml")
	if err != nil || len(paths) < 14 {
		t.Fatalf("labelled sets: %v, %d files found", err, len(paths))
	}
	// Second labellings of a set (testdata/second) follow the same rules.
	second, err := filepath.Glob("testdata/second/abstracts_*.yaml")
	if err != nil {
		t.Fatalf("second labellings: %v", err)
	}
	paths = append(paths, second...)
	for _, path := range paths {
		set := loadLabelled(t, path)
		if len(set.Papers) == 0 {
			t.Errorf("%s: no papers", path)
		}
	}
}

// arxivID is the paper's arXiv identifier without its version, so that two
// versions of one paper count as one paper.
var arxivID = regexp.MustCompile(`(\d{4}\.\d{4,5})(v\d+)?$`)

// TestLabelledSetsDisjoint checks that no paper is in two labelled sets (a
// second labelling, testdata/second, repeats its set's papers on purpose):
// a held-out set that shares a paper with a development set is not unseen.
func TestLabelledSetsDisjoint(t *testing.T) {
	paths, err := filepath.Glob("testdata/abstracts_*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	where := map[string]string{}
	titles := map[string]string{}
	for _, path := range paths {
		for _, p := range loadLabelled(t, path).Papers {
			m := arxivID.FindStringSubmatch(strings.TrimSuffix(p.URL, "/"))
			if m == nil {
				t.Errorf("%s: %q: no arXiv id in url %q", path, p.Title, p.URL)
				continue
			}
			if other, ok := where[m[1]]; ok {
				t.Errorf("%s: %q: arXiv %s is also in %s; remove it from the newer set", path, p.Title, m[1], other)
			}
			where[m[1]] = path
			title := strings.Join(strings.Fields(strings.ToLower(p.Title)), " ")
			if other, ok := titles[title]; ok {
				t.Errorf("%s: %q: the same title is also in %s; remove it from the newer set", path, p.Title, other)
			}
			titles[title] = path
		}
	}
}
