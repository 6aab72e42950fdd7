// Package check checks papers: it decides what to do with each, then
// carries that out.
//
// NewPlan makes a Plan, one Decision per paper, once and before anything is
// fetched: no code, audit only (and why), skip (every reason: unmet
// requirements, artifacts missing offline, a missing runtime), or run the
// steps in a named runtime. `repro check --dry-run` prints it; an Executor
// carries the same decisions out: Local, -j papers at a time on this
// machine, or the Slurm executor (internal/slurm), whose jobs decide the
// requirements and runtime on their node with Decide.
//
// For one paper (Paper, or Prepare, Run and Finish where a batch job runs
// the steps): spec -> fetch -> audit -> run -> measure -> verdict -> record.
// It returns the records it wrote; rendering them is the report package's
// job and choosing an exit code is the CLI's.
package check
