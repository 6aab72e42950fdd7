package report

import (
	"time"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
)

func f(v float64) *float64 { return &v }

// fixtures is a fixed catalogue that covers every paper status and every
// claim verdict, with text that needs escaping in every format.
func fixtures() []*results.Record {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	full := &audit.Report{
		Score: 4, License: "MIT", LicenseFile: "LICENSE",
		Checklist: map[string]audit.Item{
			audit.Dependencies: {Found: true, Evidence: "requirements.txt"},
			audit.Training:     {Found: true, Evidence: "train.py"},
			audit.Evaluation:   {Found: true, Evidence: "eval.py"},
			audit.Pretrained:   {Found: false},
			audit.Results:      {Found: true, Evidence: "README.md:42"},
		},
		ClaimsInReadme: map[string]string{"ratio": "README.md:42"},
		Warnings:       []string{"large file weights.bin (120 MiB)"},
	}
	thin := &audit.Report{Score: 1, License: "none", Checklist: map[string]audit.Item{audit.Dependencies: {Found: true, Evidence: "setup.py"}}}
	repo := func(name string) *results.Repository {
		return &results.Repository{URL: "https://github.com/example/" + name, Commit: "0123456789abcdef0123456789abcdef01234567", Pinned: "0123456789abcdef0123456789abcdef01234567", Source: "mirror", Transferred: true}
	}
	rec := func(paper string, st results.Status, min int) *results.Record {
		return &results.Record{
			Schema: 1, Paper: paper, Title: "The " + paper + " paper", Status: st, Harness: "0.1.0",
			ID:      t0.Add(time.Duration(min) * time.Minute).Format("20060102T150405Z"),
			Started: t0.Add(time.Duration(min) * time.Minute), Seconds: float64(min) + 0.25,
			Claims: []results.Claim{},
			Host:   host.Host{OS: "linux", Arch: "amd64", CPUs: 8, MemoryBytes: 32 << 30},
		}
	}
	ratio := func(v claim.Verdict, measured *float64, reason string) results.Claim {
		c := results.Claim{ID: "ratio", Metric: "compression_ratio", Quote: `ratios "up to" 2187x, <b>&</b> more`, Claimed: "up to 2187x", Bound: "up-to", Value: f(2187), Unit: "x", Tolerance: "5%", Verdict: v, Reason: reason, Measured: measured}
		if measured != nil {
			c.Delta = f(*measured - 2187)
		}
		return c
	}
	speed := func(v claim.Verdict, reason string) results.Claim {
		return results.Claim{ID: "speed", Metric: "throughput", Quote: "over 10 GB/s, | fast", Claimed: ">= 10 GB/s", Bound: "at-least", Value: f(10), Unit: "GB/s", Verdict: v, Reason: reason}
	}

	var rs []*results.Record

	r := rec("reproduced-paper", results.Reproduced, 1)
	r.Repository, r.Audit = repo("reproduced"), full
	r.Claims = []results.Claim{ratio(claim.Verified, f(2100), ""), {ID: "beats", Metric: "compression_ratio", Claimed: "beats gzip", Bound: "beats", Unit: "x", Baseline: "gzip", Measured: f(3.5), BaselineMeasured: f(2.75), Delta: f(0.75), Verdict: claim.Verified}}
	r.Steps = []results.Step{{Name: "eval", Command: "python eval.py --out metrics.json", Seconds: 12.5, Stdout: "reproduced-paper/20260301T120100Z/eval.stdout.log", Stderr: "reproduced-paper/20260301T120100Z/eval.stderr.log"}}
	rs = append(rs, r)

	r = rec("partial-paper", results.Partial, 2)
	r.Repository, r.Audit = repo("partial"), full
	r.Claims = []results.Claim{ratio(claim.Verified, f(2187), ""), speed(claim.Unverified, "no measure for this claim")}
	rs = append(rs, r)

	r = rec("refuted-paper", results.Refuted, 3)
	r.Repository, r.Audit = repo("refuted"), full
	r.Claims = []results.Claim{ratio(claim.Refuted, f(1000), "1000x is below 2187x by more than 5%"), speed(claim.Verified, "")}
	rs = append(rs, r)

	r = rec("failed-paper", results.Failed, 4)
	r.Repository, r.Audit = repo("failed"), thin
	r.Reason = "step eval exited 1"
	r.Claims = []results.Claim{ratio(claim.Error, nil, "metrics.json: no such file")}
	r.Steps = []results.Step{{Name: "eval", Command: "python eval.py", ExitCode: 1, Seconds: 0.5, Stdout: "failed-paper/20260301T120400Z/eval.stdout.log", Stderr: "failed-paper/20260301T120400Z/eval.stderr.log", Tail: "Traceback (most recent call last):\nImportError: no module named torch"}}
	rs = append(rs, r)

	r = rec("skipped-paper", results.Skipped, 5)
	r.Repository, r.Audit = repo("skipped"), thin
	r.Reason = "needs 1 GPU with 24GB; this machine has none"
	r.Claims = []results.Claim{ratio(claim.Skipped, nil, "requirements unmet")}
	rs = append(rs, r)

	r = rec("functional-paper", results.Functional, 6)
	r.Repository, r.Audit = repo("functional"), full
	r.Claims = []results.Claim{speed(claim.Unverified, "")}
	rs = append(rs, r)

	r = rec("available-paper", results.Available, 7)
	r.Repository, r.Audit = repo("available"), full
	r.Repository.Pinned, r.Repository.Dirty = "", true
	r.Claims = []results.Claim{speed(claim.Unverified, "")}
	rs = append(rs, r)

	r = rec("no-code-paper", results.NoCode, 8)
	r.NoCode = "the authors released no code"
	r.Reason = "no code"
	r.Claims = []results.Claim{speed(claim.Unverified, "")}
	rs = append(rs, r)

	r = rec("unreachable-paper", results.Unreachable, 9)
	r.Repository = repo("unreachable")
	r.Repository.Commit = ""
	r.Reason = "clone https://github.com/example/unreachable: repository not found"
	r.Claims = []results.Claim{speed(claim.Unverified, "")}
	rs = append(rs, r)

	r = rec("interrupted-paper", results.Interrupted, 10)
	r.Repository, r.Audit = repo("interrupted"), thin
	r.Reason = "interrupted by signal"
	rs = append(rs, r)

	r = rec("invalid-paper", results.Invalid, 11)
	r.Reason = "specs/invalid-paper.yaml:3:1: unknown field \"tolerence\""
	rs = append(rs, r)

	// Steps skipped for lack of a GPU, one claim judged from a README
	// table, read from an incomplete mirror; the plan never ran.
	r = rec("consistent-paper", results.Consistent, 12)
	r.Repository, r.Audit = repo("consistent"), full
	r.Repository.Location = "https://github.com/=<local>"
	r.Checkout = &results.Checkout{Files: 40, Missing: []string{"weights/a.bin", "weights/b.bin", "data/c.npz", "data/d.npz"}}
	r.PlannedSteps, r.StepsNotRun = 2, "needs 1 GPU with 24GB; this machine has none"
	r.Reason = "steps not run (needs 1 GPU with 24GB; this machine has none); judged from artefact evidence: 1 of 2 claims agree, 0 contradict"
	art := ratio(claim.Verified, f(2187), "")
	art.Evidence, art.Source = "artefact", "README.md:42"
	r.Claims = []results.Claim{art, speed(claim.Skipped, "requirements unmet")}
	rs = append(rs, r)

	// A plan without steps: a static count contradicts the claim.
	r = rec("inconsistent-paper", results.Inconsistent, 13)
	r.Repository, r.Audit = repo("inconsistent"), thin
	r.StepsNotRun = results.NotRunNoSteps
	r.Reason = "steps not run (the plan has no steps); judged from static evidence: 0 of 1 claims agree, 1 contradict"
	r.Claims = []results.Claim{{ID: "methods", Metric: "methods", Quote: "12 compression methods", Claimed: ">= 12", Bound: "at-least", Value: f(12), Unit: "count", Tolerance: "0", Measured: f(9), Delta: f(-3), Verdict: claim.Refuted, Reason: "9 is below 12", Evidence: "static", Source: `count of distinct matches of "register\\('(\\w+)'\\)" in files src/**/*.py`}}
	rs = append(rs, r)

	// A local mirror lacked the repository: not checked here.
	r = rec("not-checked-paper", results.NotChecked, 14)
	r.Repository = repo("not-checked")
	r.Repository.Commit = ""
	r.Reason = "not checked: no mirror of this repository here: mirror https://github.com/=<local> has no example/not-checked or example/not-checked.git"
	r.Claims = []results.Claim{speed(claim.Unverified, "")}
	rs = append(rs, r)

	// A repeated timing claim: every value, the median, its spread and
	// the machine.
	r = rs[2] // refuted-paper
	r.Host = host.Host{OS: "linux", Arch: "amd64", CPUs: 8, CPUModel: "AMD EPYC 7B13"}
	r.Claims[1].Measured, r.Claims[1].Values, r.Claims[1].Aggregate, r.Claims[1].SD = f(10.4), []float64{9.8, 10.4, 11.2}, "median", f(0.702377)
	r.Claims[1].Evidence, r.Claims[1].Source = "rerun", "step encode"
	r.PlannedSteps = 1
	r.Steps = []results.Step{{Name: "encode", Command: "go run .", Seconds: 3, Run: 1}, {Name: "encode", Command: "go run .", Seconds: 3, Run: 2}, {Name: "encode", Command: "go run .", Seconds: 3, Run: 3}}
	return rs
}
