package check

import (
	"math"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
)

func TestAggregate(t *testing.T) {
	vs := []float64{4, 1, 10, 3}
	for _, tt := range []struct {
		how  string
		want float64
	}{{"mean", 4.5}, {"median", 3.5}, {"min", 1}, {"max", 10}, {"", 4.5}} {
		if got := aggregate(tt.how, vs); got != tt.want {
			t.Errorf("aggregate(%q, %v) = %v; want %v", tt.how, vs, got, tt.want)
		}
	}
	if got := aggregate("median", []float64{5, 1, 3}); got != 3 {
		t.Errorf("aggregate(median, odd) = %v; want 3", got)
	}
	if got, want := stddev([]float64{2, 4, 4, 4, 5, 5, 7, 9}), math.Sqrt(32.0/7); math.Abs(got-want) > 1e-12 {
		t.Errorf("stddev = %v; want %v (sample, n-1)", got, want)
	}
	if got := stddev([]float64{3}); got != 0 {
		t.Errorf("stddev(one value) = %v; want 0", got)
	}
}

func TestStatusOf(t *testing.T) {
	c := func(v claim.Verdict, ev string) results.Claim { return results.Claim{Verdict: v, Evidence: ev} }
	tests := []struct {
		name   string
		claims []results.Claim
		notRun string
		want   results.Status
	}{
		{"all rerun verified", []results.Claim{c(claim.Verified, "rerun"), c(claim.Verified, "")}, "", results.Reproduced},
		{"artefact never reproduces", []results.Claim{c(claim.Verified, "rerun"), c(claim.Verified, "artefact")}, "", results.Partial},
		{"artefact refutation is not a rerun refutation", []results.Claim{c(claim.Verified, "rerun"), c(claim.Refuted, "static")}, "", results.Partial},
		{"rerun refuted", []results.Claim{c(claim.Refuted, "rerun"), c(claim.Verified, "artefact")}, "", results.Refuted},
		{"ran, only artefacts judged", []results.Claim{c(claim.Verified, "artefact"), c(claim.Unverified, "")}, "", results.Functional},
		{"ran, every claim errs", []results.Claim{c(claim.Error, "rerun"), c(claim.Error, "artefact")}, "", results.Failed},
		{"not run, artefacts agree", []results.Claim{c(claim.Verified, "artefact"), c(claim.Skipped, "")}, "needs 1 GPU", results.Consistent},
		{"not run, static contradicts", []results.Claim{c(claim.Verified, "artefact"), c(claim.Refuted, "static")}, "needs 1 GPU", results.Inconsistent},
		{"not run, nothing judged", []results.Claim{c(claim.Error, "artefact")}, "--audit-only", ""},
	}
	for _, tt := range tests {
		if got, _ := statusOf(tt.claims, tt.notRun); got != tt.want {
			t.Errorf("statusOf(%s) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// Two checks of one paper started in the same second get distinct
// container names for the same step.
func TestContainerNameUnique(t *testing.T) {
	a := containerName("p", "20261129T180000Z", "eval", 1)
	b := containerName("p", "20261129T180000Z", "eval", 1)
	if a == b {
		t.Errorf("containerName twice = %q, %q; want distinct names", a, b)
	}
	if want := "repro-p-20261129T180000Z-eval-"; !strings.HasPrefix(a, want) || len(a) != len(want)+16 {
		t.Errorf("containerName = %q; want %s and 16 hex digits", a, want)
	}
	if n := containerName("a/b c", "r", "s:1", 2); !strings.HasPrefix(n, "repro-a-b-c-r-s-1-2-") {
		t.Errorf("containerName with odd characters = %q", n)
	}
}
