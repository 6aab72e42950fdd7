package spec

import (
	"path"
	"strings"
)

// The evidence kinds of a measurement: how its value is obtained.
const (
	// Rerun: the paper's code was run by repro and printed or wrote the value.
	Rerun = "rerun"
	// Artefact: the value is read from a file the authors published in the
	// repository at the pinned commit (a log, a results CSV, a notebook's
	// cell outputs, a README results table).
	Artefact = "artefact"
	// Static: the value is computed from the repository's content without
	// running it (a count of files or of registered names).
	Static = "static"
)

// EvidenceKinds lists the evidence kinds, strongest first.
var EvidenceKinds = []string{Rerun, Artefact, Static}

// Kind is the measure's evidence kind: Evidence when set, else static for
// a counting rule and rerun for everything else.
func (m Measure) Kind() string {
	switch {
	case m.Evidence != "":
		return m.Evidence
	case m.Count != nil:
		return Static
	}
	return Rerun
}

// IsRerun says whether the measure reads what the steps produced, so it
// is only taken after the steps ran.
func (m Measure) IsRerun() bool { return m.Kind() == Rerun }

// IsNotebook says whether a measure's file is a Jupyter notebook.
func IsNotebook(file string) bool { return strings.EqualFold(path.Ext(file), ".ipynb") }

// IsMarkdown says whether a measure's file is Markdown (a results table).
func IsMarkdown(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// OnlyTreeEvidence says whether every measure of r is artefact or static
// evidence, which needs the checked-out tree and no steps.
func (r *Reproduce) OnlyTreeEvidence() bool {
	if len(r.Measure) == 0 {
		return false
	}
	for _, m := range r.Measure {
		if m.IsRerun() {
			return false
		}
	}
	return true
}

// Aggregates are the ways a repeated claim's values are folded into one.
var Aggregates = []string{"mean", "median", "min", "max"}
