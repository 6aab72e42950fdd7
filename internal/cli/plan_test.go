package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
	"github.com/repro-harness/repro/internal/sandbox"
)

// namedRuntime is a runtime that only has a name: the plan renderers
// never run anything.
type namedRuntime struct {
	sandbox.Runtime
	name string
}

func (r namedRuntime) Name() string { return r.name }

// TestPlanJSONAgreesWithText renders one plan of every kind of decision
// as JSON and as text and checks that each paper's line in the text says
// what its JSON entry says: the action, every reason, the steps, the
// runtime and image or build file, and the counts.
func TestPlanJSONAgreesWithText(t *testing.T) {
	s := func(id string) *spec.Spec { return &spec.Spec{ID: id, NoCode: "no code released"} }
	p := check.Plan{
		Host: host.Host{OS: "linux", Arch: "arm64", CPUs: 4, MemoryBytes: 8 << 30, GPUs: []host.GPU{{Name: "X", MemoryBytes: 1 << 30}}},
		Decisions: []check.Decision{
			{Spec: s("nocode"), Action: check.ActionNoCode},
			{Spec: s("audit"), Action: check.ActionAudit, NotRun: results.NotRunAuditOnly, Artefact: 2},
			{Spec: s("nosteps"), Action: check.ActionAudit, NotRun: results.NotRunNoSteps, Static: 1},
			{Spec: s("skip"), Action: check.ActionSkip, Reasons: []string{"needs 1 GPU; this machine has none", "needs data set D"},
				NotRun: "needs 1 GPU; this machine has none; needs data set D", Steps: []string{"train"}},
			{Spec: s("image"), Action: check.ActionRun, Steps: []string{"a", "b"}, Network: []string{"a"}, Runtime: namedRuntime{name: "podman"}, Image: "r/i@sha256:00"},
			{Spec: s("build"), Action: check.ActionRun, Steps: []string{"a"}, Runtime: namedRuntime{name: "docker"}, Build: "Dockerfile"},
			{Spec: s("host"), Action: check.ActionRun, Steps: []string{"a"}, Runtime: namedRuntime{name: "bwrap"}},
			{Spec: s("slurm"), Action: check.ActionRun, Steps: []string{"a"}, Elsewhere: true},
		},
	}
	bad := spec.Problems{{File: "specs/bad.yaml", Line: 2, Col: 1, Msg: "one"}, {File: "specs/bad.yaml", Line: 3, Col: 1, Msg: "two"}}
	var js, txt bytes.Buffer
	if err := renderPlanJSON(&js, p, bad); err != nil {
		t.Fatal(err)
	}
	if err := renderPlan(&txt, p, bad); err != nil {
		t.Fatal(err)
	}
	var doc planDoc
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatalf("plan JSON does not decode: %v\n%s", err, js.String())
	}
	lines := strings.Split(strings.TrimSuffix(txt.String(), "\n"), "\n")
	if len(lines) != len(doc.Papers)+2 {
		t.Fatalf("text has %d lines for %d papers:\n%s", len(lines), len(doc.Papers), txt.String())
	}
	if doc.Schema != 1 || doc.Machine.OS != "linux" || doc.Machine.CPUs != 4 || doc.Machine.MemoryBytes != 8<<30 || len(doc.Machine.GPUs) != 1 {
		t.Errorf("schema and machine = %d, %+v", doc.Schema, doc.Machine)
	}
	if want := "this machine: linux/arm64, 4 CPUs, 8.0 GB memory, 1 GPU(s)"; lines[0] != want {
		t.Errorf("text machine = %q; want %q", lines[0], want)
	}
	prefix := map[string]string{"no-code": "no code: ", "audit-only": "fetch and audit (", "skip": "skip: ", "run": "run "}
	for i, pp := range doc.Papers {
		line := lines[i+1]
		id, plan, _ := strings.Cut(line, " ")
		plan = strings.TrimLeft(plan, " ")
		if id != pp.ID || pp.ID != p.Decisions[i].Spec.ID {
			t.Errorf("paper %d: text %q, JSON %q; want %q", i, id, pp.ID, p.Decisions[i].Spec.ID)
		}
		if pp.Action != string(p.Decisions[i].Action) || !strings.HasPrefix(plan, prefix[pp.Action]) {
			t.Errorf("%s: JSON action %q, text %q", pp.ID, pp.Action, plan)
		}
		if pp.Action == "skip" && !strings.HasPrefix(plan, "skip: "+strings.Join(pp.Reasons, "; ")) {
			t.Errorf("%s: text %q does not give the JSON reasons %q", pp.ID, plan, pp.Reasons)
		}
		if pp.Action != "skip" && len(pp.Reasons) != 0 {
			t.Errorf("%s: reasons %q without a skip", pp.ID, pp.Reasons)
		}
		if pp.Action == "run" {
			if want := "(" + strings.Join(pp.Steps, ", ") + ")"; !strings.Contains(plan, want) {
				t.Errorf("%s: text %q lacks the steps %s", pp.ID, plan, want)
			}
			for _, want := range []string{pp.Runtime, pp.Image, pp.Build} {
				if !strings.Contains(plan, want) {
					t.Errorf("%s: text %q lacks %q", pp.ID, plan, want)
				}
			}
			if pp.Elsewhere != strings.Contains(plan, "in a slurm job") {
				t.Errorf("%s: elsewhere %v, text %q", pp.ID, pp.Elsewhere, plan)
			}
			if (len(pp.Network) > 0) != strings.Contains(plan, "; network for "+strings.Join(pp.Network, ", ")) {
				t.Errorf("%s: network %q, text %q", pp.ID, pp.Network, plan)
			}
		}
		if pp.ArtefactMeasures+pp.StaticMeasures > 0 != strings.Contains(plan, "from the tree") {
			t.Errorf("%s: %d artefact and %d static measures, text %q", pp.ID, pp.ArtefactMeasures, pp.StaticMeasures, plan)
		}
	}
	if doc.Papers[4].Runtime != "podman" || doc.Papers[4].Image != "r/i@sha256:00" || doc.Papers[5].Build != "Dockerfile" || doc.Papers[7].Runtime != "" || !doc.Papers[7].Elsewhere {
		t.Errorf("runtimes = %+v", doc.Papers)
	}
	if doc.Papers[1].StepsNotRun != results.NotRunAuditOnly || doc.Papers[2].StepsNotRun != results.NotRunNoSteps || doc.Papers[0].NoCode != "no code released" {
		t.Errorf("audit and no-code entries = %+v", doc.Papers[:3])
	}
	tot := doc.Totals
	if want := "4 would run, 1 would be skipped, 2 audit only, 1 without code"; lines[len(lines)-1] != want || tot.Run != 4 || tot.Skip != 1 || tot.AuditOnly != 2 || tot.NoCode != 1 {
		t.Errorf("totals: JSON %+v, text %q", tot, lines[len(lines)-1])
	}
	// Two problems in one file are one invalid spec with both errors.
	if len(doc.Invalid) != 1 || tot.Invalid != 1 || doc.Invalid[0].ID != "bad" || len(doc.Invalid[0].Errors) != 2 || doc.Invalid[0].Errors[1] != "specs/bad.yaml:3:1: two" {
		t.Errorf("invalid = %+v, total %d", doc.Invalid, tot.Invalid)
	}
}
