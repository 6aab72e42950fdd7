package check

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/run"
)

// readings are one claim's values over the runs, or the error that ended
// its measurement.
type readings struct {
	method, baseline []float64
	source, kind     string
	err              string
}

// measureRun takes the rerun measures after one run of the steps, adding
// each value to got.
func measureRun(s *spec.Spec, r *results.Record, tree string, outputs map[string][]byte, got map[string]*readings) {
	take(s, run.Dir(tree), outputs, spec.Measure.IsRerun, got)
}

func take(s *spec.Spec, tree run.Files, outputs map[string][]byte, want func(spec.Measure) bool, got map[string]*readings) {
	last := ""
	if n := len(s.Reproduce.Steps); n > 0 {
		last = s.Reproduce.Steps[n-1].Name
	}
	for _, m := range s.Reproduce.Measure {
		if !want(m) {
			continue
		}
		g := got[m.Claim]
		if g == nil {
			g = &readings{kind: m.Kind()}
			got[m.Claim] = g
		}
		if g.err != "" {
			continue
		}
		v, err := run.MeasureFiles(m, tree, outputs, last)
		if err != nil {
			g.err = err.Error()
			continue
		}
		if m.Role == "baseline" {
			g.baseline = append(g.baseline, v.Value)
		} else {
			g.method = append(g.method, v.Value)
			g.source = v.Source
		}
	}
}

// judge folds each claim's readings into its measured value and verdict.
func judge(s *spec.Spec, r *results.Record, got map[string]*readings) {
	for i := range r.Claims {
		rc, sc := &r.Claims[i], s.Claims[i]
		g := got[sc.ID]
		if g == nil {
			continue
		}
		rc.Evidence, rc.Source = g.kind, g.source
		if g.err != "" {
			rc.Verdict, rc.Reason = claim.Error, g.err
			continue
		}
		if len(g.method) == 0 {
			rc.Verdict, rc.Reason = claim.Error, "only the baseline was measured: add a measure with role method"
			continue
		}
		agg := sc.Aggregate
		if agg == "" {
			agg = "mean"
		}
		v := round(aggregate(agg, g.method))
		rc.Measured = &v
		if len(g.method) > 1 {
			rc.Values, rc.Aggregate = g.method, agg
			sd := round(stddev(g.method))
			rc.SD = &sd
		}
		if len(g.baseline) > 0 {
			b := round(aggregate(agg, g.baseline))
			rc.BaselineMeasured = &b
		}
		n, err := sc.Numeric()
		if err != nil {
			rc.Verdict, rc.Reason = claim.Error, err.Error()
			continue
		}
		out, err := claim.Judge(n, v, rc.BaselineMeasured)
		if err != nil {
			rc.Verdict, rc.Reason = claim.Error, err.Error()
			continue
		}
		rc.Verdict, rc.Reason = out.Verdict, out.Reason
		// Two huge finite values can differ by more than a float64 holds.
		if d := round(out.Delta); !math.IsInf(d, 0) && !math.IsNaN(d) {
			rc.Delta = &d
		}
	}
}

// judgeRepeats judges the rerun claims once every run is measured, and
// says which claims have no measure at all.
func judgeRepeats(s *spec.Spec, r *results.Record, got map[string]*readings) {
	judge(s, r, got)
	declared := map[string]bool{}
	for _, m := range s.Reproduce.Measure {
		declared[m.Claim] = true
	}
	for i := range r.Claims {
		if !declared[r.Claims[i].ID] {
			r.Claims[i].Reason = "no measure declared for this claim"
		}
	}
}

// aggregate folds repeated values: mean, median, min or max.
func aggregate(how string, vs []float64) float64 {
	s := append([]float64(nil), vs...)
	sort.Float64s(s)
	switch how {
	case "median":
		if n := len(s); n%2 == 1 {
			return s[n/2]
		} else {
			return (s[n/2-1] + s[n/2]) / 2
		}
	case "min":
		return s[0]
	case "max":
		return s[len(s)-1]
	}
	sum := 0.0
	for _, v := range s {
		sum += v
	}
	return sum / float64(len(s))
}

// stddev is the sample standard deviation (n-1), 0 for fewer than two.
func stddev(vs []float64) float64 {
	if len(vs) < 2 {
		return 0
	}
	m := aggregate("mean", vs)
	ss := 0.0
	for _, v := range vs {
		ss += (v - m) * (v - m)
	}
	return math.Sqrt(ss / float64(len(vs)-1))
}

// notRun settles a paper whose steps did not run: why is "" for a plan
// without steps, else the reason. Claims to be measured by rerun are
// skipped when requirements are unmet (skip) and stay unverified
// otherwise; artefact and static verdicts stand.
func notRun(s *spec.Spec, r *results.Record, why string, skip bool) {
	rerun := map[string]bool{}
	for _, m := range s.Reproduce.Measure {
		if m.IsRerun() {
			rerun[m.Claim] = true
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		if skip && (rerun[c.ID] || c.Evidence == "") {
			c.Verdict, c.Reason = claim.Skipped, "requirements unmet"
		}
	}
	r.StepsNotRun = why
	if why == "" {
		r.StepsNotRun = results.NotRunNoSteps
	}
	if st, reason := statusOf(r.Claims, r.StepsNotRun); st != "" {
		r.Status, r.Reason = st, reason
		return
	}
	if skip {
		r.Status, r.Reason = results.Skipped, why
	}
}

// statusOf computes the paper's rung from its claims. Only rerun evidence
// makes a paper reproduced, partial or refuted. With notRun set (the steps
// did not run, and why), artefact and static verdicts make it consistent
// or inconsistent, and "" is returned when there are none.
func statusOf(cs []results.Claim, notRun string) (results.Status, string) {
	var verified, refuted, treeVerified, treeRefuted, errs int
	kinds := map[string]bool{}
	for _, c := range cs {
		rerun := c.Evidence == "" || c.Evidence == spec.Rerun
		if c.Verdict == claim.Error {
			errs++
		}
		switch {
		case c.Verdict == claim.Verified && rerun:
			verified++
		case c.Verdict == claim.Refuted && rerun:
			refuted++
		case c.Verdict == claim.Verified:
			treeVerified++
			kinds[c.Evidence] = true
		case c.Verdict == claim.Refuted:
			treeRefuted++
			kinds[c.Evidence] = true
		}
	}
	var tree string
	if treeVerified+treeRefuted > 0 {
		var ks []string
		for _, k := range spec.EvidenceKinds {
			if kinds[k] {
				ks = append(ks, k)
			}
		}
		tree = fmt.Sprintf("judged from %s evidence: %d of %d %s agree, %d contradict", strings.Join(ks, " and "), treeVerified, len(cs), plural(len(cs), "claim"), treeRefuted)
	}
	if notRun != "" {
		switch {
		case treeRefuted > 0:
			return results.Inconsistent, "steps not run (" + notRun + "); " + tree
		case treeVerified > 0:
			return results.Consistent, "steps not run (" + notRun + "); " + tree
		}
		return "", ""
	}
	switch {
	case refuted > 0:
		return results.Refuted, tree
	case verified > 0 && verified == len(cs):
		return results.Reproduced, ""
	case verified > 0:
		return results.Partial, tree
	case errs > 0 && errs == len(cs):
		// Steps that ran but left not one claim measurable did not show
		// the code works as the paper says: that is failed, not functional.
		return results.Failed, fmt.Sprintf("no claim could be measured: all %d ended in error (see each claim's reason)", errs)
	}
	return results.Functional, tree
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

// ofRun names the run of a repeated plan in a reason: " (run 2 of 5)".
func ofRun(rep, repeat int) string {
	if repeat <= 1 {
		return ""
	}
	return fmt.Sprintf(" (run %d of %d)", rep, repeat)
}
