package check

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/artifact"
	"github.com/repro-harness/repro/internal/run"
	"github.com/repro-harness/repro/internal/sandbox"
)

// Action is what a check does with a paper's steps.
type Action string

// The actions of a Decision.
const (
	// ActionNoCode: the paper has no repository; nothing is fetched.
	ActionNoCode Action = "no-code"
	// ActionAudit: fetch and audit only (--audit-only, or no steps).
	ActionAudit Action = "audit-only"
	// ActionSkip: fetch and audit; this machine cannot run the steps.
	ActionSkip Action = "skip"
	// ActionRun: fetch, audit and run the steps.
	ActionRun Action = "run"
)

// Decision is what a check will do with one paper, decided once, before
// anything is fetched, from the spec and the facts of the machine: the
// dry run prints it and the executors carry it out. Artefact and static
// measures are read from the checked-out tree whatever the action (but
// no code).
type Decision struct {
	Spec   *spec.Spec
	Action Action
	// NotRun says why the steps do not run, as the record's steps_not_run
	// says it: results.NotRunAuditOnly, results.NotRunNoSteps, or the
	// skip's reasons joined by "; ". "" for a spec without a reproduce
	// section, and for ActionRun and ActionNoCode.
	NotRun string
	// Reasons are a skip's reasons, one per missing thing: unmet
	// requirements, artifacts an offline check lacks, a missing runtime.
	Reasons []string
	// Steps names the steps, Network those of them that have the network.
	Steps   []string
	Network []string
	// Runtime contains the steps of ActionRun; nil when they run on
	// another machine (Elsewhere), which decides that for itself.
	Runtime sandbox.Runtime
	// Image is the image reference the steps run in, Build the build file
	// their image is built from (at most one is set; neither for the host).
	Image string
	Build string
	// Elsewhere says the steps run on another machine (a Slurm node),
	// which checks the requirements and picks the runtime with its own
	// facts (see Options.StepsElsewhere).
	Elsewhere bool
	// Artefact and Static count the measures read from the tree.
	Artefact, Static int
}

// Plan is the decisions of one check, one per paper in the order given,
// and the machine they were decided for.
type Plan struct {
	Host      host.Host
	Decisions []Decision
}

// NewPlan decides what a check does with each paper: from the specs and
// o's host facts, getenv, audit-only flag, artifact cache (an offline
// cache lacking an artifact skips its paper) and runtimes. Nothing is
// fetched; a container runtime is asked once whether it can start
// containers.
func NewPlan(ctx context.Context, specs []*spec.Spec, o Options) Plan {
	p := Plan{Host: o.Host, Decisions: make([]Decision, len(specs))}
	for i, s := range specs {
		p.Decisions[i] = Decide(ctx, s, o)
	}
	return p
}

// Decide is NewPlan for one paper; a Slurm job decides with it on its
// node, where the steps run.
func Decide(ctx context.Context, s *spec.Spec, o Options) Decision {
	d := Decision{Spec: s}
	d.Artefact, d.Static = treeMeasures(s)
	switch {
	case s.Repository == nil:
		d.Action = ActionNoCode
		return d
	case s.Reproduce == nil:
		d.Action = ActionAudit
		return d
	case len(s.Reproduce.Steps) == 0:
		d.Action, d.NotRun = ActionAudit, results.NotRunNoSteps
		return d
	case o.AuditOnly:
		d.Action, d.NotRun = ActionAudit, results.NotRunAuditOnly
		return d
	}
	for _, st := range s.Reproduce.Steps {
		d.Steps = append(d.Steps, st.Name)
		if st.Network {
			d.Network = append(d.Network, st.Name)
		}
	}
	if e := s.Reproduce.Environment; e != nil {
		d.Image = e.Image
		if e.Build != nil {
			d.Build = e.Build.File
		}
	}
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	var why []string
	if !o.StepsElsewhere {
		why = run.Unmet(s.Reproduce.Requires, o.Host, getenv)
	}
	if o.Artifacts != nil && o.Artifacts.Offline {
		why = append(why, missingOffline(s, o.Artifacts)...)
	}
	if o.StepsElsewhere {
		d.Elsewhere = true
	} else if rt, err := runtimeFor(ctx, s, o.Runtimes); err != nil {
		why = append(why, runtimeMissing(err))
	} else {
		d.Runtime = rt
	}
	if len(why) > 0 {
		d.Action, d.Reasons, d.NotRun, d.Runtime = ActionSkip, why, strings.Join(why, "; "), nil
		return d
	}
	d.Action = ActionRun
	return d
}

// runtimeMissing says why no runtime can contain the steps, with the
// install hint.
func runtimeMissing(err error) string {
	var miss *sandbox.MissingError
	if errors.As(err, &miss) {
		return fmt.Sprintf("needs runtime %s: %v", miss.Runtime, err)
	}
	return err.Error()
}

// missingOffline names the artifacts an offline check would lack.
func missingOffline(s *spec.Spec, arts *artifact.Cache) []string {
	var why []string
	for _, a := range s.Reproduce.Artifacts {
		if !arts.Has(want(a)) {
			why = append(why, (&artifact.NotCachedError{Name: a.Name}).Error())
		}
	}
	return why
}

// treeMeasures counts the artefact and static measures of s, which are
// read from the checked-out tree whatever happens to the steps.
func treeMeasures(s *spec.Spec) (artefact, static int) {
	if s.Reproduce == nil {
		return 0, 0
	}
	for _, m := range s.Reproduce.Measure {
		switch {
		case m.IsRerun():
		case m.Kind() == spec.Artefact:
			artefact++
		case m.Kind() == spec.Static:
			static++
		}
	}
	return artefact, static
}

// Counts says how many papers of the plan take each action.
func (p Plan) Counts() map[Action]int {
	n := map[Action]int{}
	for _, d := range p.Decisions {
		n[d.Action]++
	}
	return n
}

// Specs returns the plan's specs, in its order.
func (p Plan) Specs() []*spec.Spec {
	out := make([]*spec.Spec, len(p.Decisions))
	for i, d := range p.Decisions {
		out[i] = d.Spec
	}
	return out
}
