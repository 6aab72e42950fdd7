package check

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/artifact"
	"github.com/repro-harness/repro/internal/sandbox"
)

// planSpec decodes a spec whose reproduce section (and repository line)
// the test gives.
func planSpec(t *testing.T, id, repo, reproduce string) *spec.Spec {
	t.Helper()
	src := "schema: 1\nid: " + id + "\ntitle: T\n" + repo + "\nclaims:\n" +
		"  - {id: a, quote: \"2x\", metric: speedup, value: 2, unit: x, bound: exact}\n" + reproduce
	s, err := spec.Decode(filepath.Join(t.TempDir(), id+".yaml"), []byte(src))
	if err != nil {
		t.Fatalf("spec %s: %v", id, err)
	}
	return s
}

const withRepo = "repository: {url: https://github.com/o/r}"

// runtimes chooses name with the programs in have on PATH; container
// runtimes that are installed can start containers.
func runtimes(t *testing.T, name string, have ...string) *sandbox.Choice {
	t.Helper()
	look := func(p string) (string, error) {
		for _, h := range have {
			if h == p {
				return "/usr/bin/" + p, nil
			}
		}
		return "", errors.New("not found")
	}
	c, err := sandbox.Choose(name, look, func(context.Context, sandbox.Runtime) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDecide(t *testing.T) {
	const steps = `reproduce:
  steps:
    - {name: build, run: "make", network: true}
    - {name: eval, run: "./eval"}
  measure:
    - {claim: a, stdout: 'speedup=([0-9.]+)'}
`
	const image = `reproduce:
  environment:
    image: docker.io/library/busybox:1.36@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  steps:
    - {name: run, run: "true"}
`
	const build = `reproduce:
  environment:
    build: {file: Containerfile}
  steps:
    - {name: run, run: "true"}
`
	const gpu = `reproduce:
  requires: {gpus: 1}
  steps:
    - {name: train, run: "true"}
  measure:
    - {claim: a, evidence: artefact, file: README.md, regexp: 'x=([0-9.]+)'}
`
	const artifacts = `reproduce:
  artifacts:
    - name: data
      url: hf:o/model@0123456789abcdef0123456789abcdef01234567/data.txt
      sha256: 433c263335c0390fc49bc26df4ae9aef73e97149d59778811cd4c3a3dc144166
      size: 11
  steps:
    - {name: read, run: "true"}
`
	offline := &artifact.Cache{Dir: t.TempDir(), Offline: true}
	tests := []struct {
		name      string
		s         *spec.Spec
		o         Options
		action    Action
		notRun    string
		reasons   []string
		runtime   string // the runtime's name; "" for none
		image     string
		build     string
		steps     []string
		network   []string
		elsewhere bool
		artefact  int
	}{
		{name: "no code", s: planSpec(t, "nocode", "repository: null\nno_code: the authors did not release it", ""),
			action: ActionNoCode},
		{name: "no reproduce section", s: planSpec(t, "audit", withRepo, ""), action: ActionAudit},
		{name: "no steps", s: planSpec(t, "nosteps", withRepo, "reproduce:\n  measure:\n    - {claim: a, evidence: artefact, file: README.md, regexp: 'x=([0-9.]+)'}\n"),
			action: ActionAudit, notRun: results.NotRunNoSteps, artefact: 1},
		{name: "audit only", s: planSpec(t, "steps", withRepo, steps), o: Options{AuditOnly: true, Runtimes: runtimes(t, "", "bwrap")},
			action: ActionAudit, notRun: results.NotRunAuditOnly},
		{name: "run in bwrap", s: planSpec(t, "steps", withRepo, steps), o: Options{Runtimes: runtimes(t, "", "bwrap")},
			action: ActionRun, runtime: "bwrap", steps: []string{"build", "eval"}, network: []string{"build"}},
		{name: "run bare", s: planSpec(t, "steps", withRepo, steps), o: Options{Runtimes: runtimes(t, "none")},
			action: ActionRun, runtime: "none", steps: []string{"build", "eval"}, network: []string{"build"}},
		{name: "run an image in podman", s: planSpec(t, "image", withRepo, image), o: Options{Runtimes: runtimes(t, "", "bwrap", "podman")},
			action: ActionRun, runtime: "podman", steps: []string{"run"},
			image: "docker.io/library/busybox:1.36@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
		{name: "run a build in docker", s: planSpec(t, "build", withRepo, build), o: Options{Runtimes: runtimes(t, "", "docker")},
			action: ActionRun, runtime: "docker", steps: []string{"run"}, build: "Containerfile"},
		{name: "skip: no sandbox", s: planSpec(t, "steps", withRepo, steps), o: Options{Runtimes: runtimes(t, "")},
			action: ActionSkip, reasons: []string{sandbox.ErrNoSandbox.Error()}, steps: []string{"build", "eval"}, network: []string{"build"}},
		{name: "skip: runtime not installed", s: planSpec(t, "image", withRepo, image), o: Options{Runtimes: runtimes(t, "apptainer", "bwrap")},
			action: ActionSkip, reasons: []string{"needs runtime apptainer: runtime apptainer is not installed: install apptainer (apptainer.org/docs)"}, steps: []string{"run"},
			image: "docker.io/library/busybox:1.36@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
		{name: "skip: host sandbox runs no images", s: planSpec(t, "image", withRepo, image), o: Options{Runtimes: runtimes(t, "bwrap", "bwrap")},
			action: ActionSkip, reasons: []string{"--runtime bwrap runs no images: use podman, docker or apptainer for this paper"}, steps: []string{"run"},
			image: "docker.io/library/busybox:1.36@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
		{name: "skip: unmet requirement, tree measure kept", s: planSpec(t, "gpu", withRepo, gpu), o: Options{Host: host.Host{CPUs: 2}, Runtimes: runtimes(t, "", "bwrap")},
			action: ActionSkip, reasons: []string{"needs 1 GPU; this machine has none"}, steps: []string{"train"}, artefact: 1},
		{name: "skip: every reason", s: planSpec(t, "gpu", withRepo, gpu), o: Options{Host: host.Host{CPUs: 2}, Runtimes: runtimes(t, "")},
			action: ActionSkip, reasons: []string{"needs 1 GPU; this machine has none", sandbox.ErrNoSandbox.Error()}, steps: []string{"train"}, artefact: 1},
		{name: "skip: artifact missing offline", s: planSpec(t, "arts", withRepo, artifacts), o: Options{Artifacts: offline, Runtimes: runtimes(t, "", "bwrap")},
			action: ActionSkip, reasons: []string{"artifact data is not in the cache or a mirror"}, steps: []string{"read"}},
		{name: "online: artifact fetched later", s: planSpec(t, "arts", withRepo, artifacts), o: Options{Artifacts: &artifact.Cache{Dir: t.TempDir()}, Runtimes: runtimes(t, "", "bwrap")},
			action: ActionRun, runtime: "bwrap", steps: []string{"read"}},
		{name: "elsewhere: the node decides requirements and runtime", s: planSpec(t, "gpu", withRepo, gpu), o: Options{StepsElsewhere: true},
			action: ActionRun, steps: []string{"train"}, elsewhere: true, artefact: 1},
		{name: "elsewhere: an offline artifact is still missing here", s: planSpec(t, "arts", withRepo, artifacts), o: Options{StepsElsewhere: true, Artifacts: offline},
			action: ActionSkip, reasons: []string{"artifact data is not in the cache or a mirror"}, steps: []string{"read"}, elsewhere: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Decide(context.Background(), tt.s, tt.o)
			rt := ""
			if d.Runtime != nil {
				rt = d.Runtime.Name()
			}
			notRun := tt.notRun
			if tt.action == ActionSkip {
				notRun = strings.Join(tt.reasons, "; ")
			}
			if d.Spec != tt.s || d.Action != tt.action || d.NotRun != notRun || !reflect.DeepEqual(d.Reasons, tt.reasons) || rt != tt.runtime {
				t.Errorf("Decide(%s) = %s, not run %q, reasons %q, runtime %q; want %s, %q, %q, %q", tt.s.ID, d.Action, d.NotRun, d.Reasons, rt, tt.action, notRun, tt.reasons, tt.runtime)
			}
			if d.Image != tt.image || d.Build != tt.build || !reflect.DeepEqual(d.Steps, tt.steps) || !reflect.DeepEqual(d.Network, tt.network) || d.Elsewhere != tt.elsewhere || d.Artefact != tt.artefact {
				t.Errorf("Decide(%s): image %q, build %q, steps %q, network %q, elsewhere %v, artefact %d; want %q, %q, %q, %q, %v, %d",
					tt.s.ID, d.Image, d.Build, d.Steps, d.Network, d.Elsewhere, d.Artefact, tt.image, tt.build, tt.steps, tt.network, tt.elsewhere, tt.artefact)
			}
		})
	}
}

// The real run carries out the plan's decisions: a paper skipped for an
// unmet requirement has the plan's reason in its record, and a runnable
// one runs its steps in the runtime the plan named.
func TestPlanAndRunAgree(t *testing.T) {
	repo := t.TempDir()
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("# r\nx=2\n"), 0o644)
	skipped := planSpec(t, "gpu", withRepo, `reproduce:
  requires: {gpus: 1}
  steps:
    - {name: train, run: "echo speedup=2"}
  measure:
    - {claim: a, stdout: 'speedup=([0-9.]+)'}
`)
	runnable := planSpec(t, "cpu", withRepo, `reproduce:
  steps:
    - {name: run, run: "echo speedup=2"}
  measure:
    - {claim: a, stdout: 'speedup=([0-9.]+)'}
`)
	dir := t.TempDir()
	o := Options{
		Store: results.Store{Dir: filepath.Join(dir, "results")}, WorkDir: filepath.Join(dir, "work"), RepoDir: repo,
		Host: host.Host{OS: "test", CPUs: 2}, Getenv: func(string) string { return "" }, Version: "test",
		// Bare, so that the test runs its steps wherever go test runs;
		// the sandboxes have their own tests.
		Runtimes: runtimes(t, "none"),
	}
	plan := NewPlan(context.Background(), []*spec.Spec{skipped, runnable}, o)
	recs, errs := Local{Jobs: 2}.Check(context.Background(), plan, o)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	skip, run := plan.Decisions[0], plan.Decisions[1]
	if skip.Action != ActionSkip || recs[0].Status != results.Skipped || recs[0].Reason != skip.NotRun || recs[0].StepsNotRun != skip.NotRun {
		t.Errorf("gpu: plan %s (%q), record %s, reason %q, steps not run %q; want skipped with the plan's reason",
			skip.Action, skip.NotRun, recs[0].Status, recs[0].Reason, recs[0].StepsNotRun)
	}
	if len(recs[0].Steps) != 0 {
		t.Errorf("gpu: %d steps ran; want none", len(recs[0].Steps))
	}
	if run.Action != ActionRun || recs[1].Status != results.Reproduced || len(recs[1].Steps) != 1 {
		t.Fatalf("cpu: plan %s, record %s (%q), %d steps; want run, reproduced, 1 step", run.Action, recs[1].Status, recs[1].Reason, len(recs[1].Steps))
	}
	if env := recs[1].Environment; env == nil || env.Runtime != run.Runtime.Name() {
		t.Errorf("cpu: record's environment %+v; want runtime %s, as planned", env, run.Runtime.Name())
	}
}
