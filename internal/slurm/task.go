package slurm

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/check"
)

// TaskSchema is the version of the task file's format.
const TaskSchema = 1

// Task is what the client hands a job: a paper prepared on the submitting
// side, with every path absolute, as the compute node sees the shared
// folders.
type Task struct {
	Schema   int    `json:"schema"`
	Paper    string `json:"paper"`
	SpecPath string `json:"spec_path"`
	// Spec is the spec's text as submitted, so that editing the spec while
	// the job waits does not change what it runs.
	Spec     string `json:"spec"`
	Results  string `json:"results"`
	KeepTree bool   `json:"keep_tree,omitempty"`
	LogCap   int64  `json:"log_cap,omitempty"`
	// Runtime is the runtime asked for on the submitting side (--runtime
	// or REPRO_RUNTIME); "" lets the node detect one.
	Runtime  string          `json:"runtime,omitempty"`
	Prepared *check.Prepared `json:"prepared"`
}

// WriteTask stores t atomically at path.
func WriteTask(path string, t *Task) error {
	t.Schema = TaskSchema
	data, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return err
	}
	if err := results.WriteFileAtomic(path, append(data, '\n')); err != nil {
		return fmt.Errorf("write task %s: %w", path, err)
	}
	return nil
}

// ReadTask loads a task file.
func ReadTask(path string) (*Task, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read task: %w", err)
	}
	var t Task
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("read task %s: %w", path, err)
	}
	if t.Schema != TaskSchema {
		return nil, fmt.Errorf("read task %s: schema %d, this repro reads %d", path, t.Schema, TaskSchema)
	}
	if t.Prepared == nil || t.Prepared.Record == nil || t.Prepared.Record.Paper != t.Paper {
		return nil, fmt.Errorf("read task %s: no prepared record of %q", path, t.Paper)
	}
	return &t, nil
}

// Work runs a task inside its job. The node decides what to do with the
// paper as a local check would (check.Decide): its requirements against
// the node (o.Host, o.Getenv), the runtime from o.Runtimes (chosen with
// the task's Runtime) and the spec's environment. Then the steps run and
// the claims are measured by the same code as a local check, and the
// record is written to the task's results folder under the id the client
// reserved. The error is for a task or record that cannot be read or
// written.
func Work(ctx context.Context, t *Task, o check.Options) (*results.Record, error) {
	s, err := spec.Decode(t.SpecPath, []byte(t.Spec))
	if err != nil {
		return nil, fmt.Errorf("task of %s: spec: %w", t.Paper, err)
	}
	if s.ID != t.Paper {
		return nil, fmt.Errorf("task of %s: its spec is for paper %q", t.Paper, s.ID)
	}
	o.Store = results.Store{Dir: t.Results}
	o.KeepTree = t.KeepTree
	if t.LogCap > 0 {
		o.LogCap = t.LogCap
	}
	p := t.Prepared
	// The record's host is where the steps ran.
	p.Record.Host = o.Host
	o.AuditOnly, o.StepsElsewhere = false, false
	check.Run(ctx, check.Decide(ctx, s, o), p, o)
	p.Close(o)
	return check.Finish(ctx, s, p, o)
}
