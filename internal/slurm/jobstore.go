package slurm

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/repro-harness/repro/harness/results"
)

// JobFile is the name, inside results/<paper>/, of the file that holds the
// paper's submitted job while it is outstanding.
const JobFile = ".slurm-job.json"

// JobSchema is the version of the job file's format.
const JobSchema = 1

// Job is a paper's outstanding batch job.
type Job struct {
	Schema int    `json:"schema"`
	Paper  string `json:"paper"`
	// ID is Slurm's job id; "" while sbatch has not answered, in which
	// case the job is looked up by Name.
	ID   string `json:"job_id"`
	Name string `json:"job_name"`
	// Record is the id of the record the job writes.
	Record   string `json:"record"`
	SpecHash string `json:"spec_hash"`
	// Task is the task file the worker reads; its folder holds the job
	// script too.
	Task string `json:"task"`
	// Limit is the job's --time, for the reason of a TIMEOUT.
	Limit     string    `json:"time_limit,omitempty"`
	Submitted time.Time `json:"submitted"`
}

// JobPath is where paper's job is stored under the results folder dir.
func JobPath(dir, paper string) string { return filepath.Join(dir, paper, JobFile) }

// ReadJob loads paper's outstanding job; nil, nil when there is none.
func ReadJob(dir, paper string) (*Job, error) {
	p := JobPath(dir, paper)
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read slurm job of %s: %w", paper, err)
	}
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("read slurm job %s: %w", p, err)
	}
	if j.Schema != JobSchema {
		return nil, fmt.Errorf("read slurm job %s: schema %d, this repro reads %d", p, j.Schema, JobSchema)
	}
	if err := j.check(paper); err != nil {
		return nil, fmt.Errorf("read slurm job %s: %w", p, err)
	}
	return &j, nil
}

// check refuses a job file that could make the client touch paths
// outside its folders: the task must be an absolute
// .../<paper>-<record>/task.json and the record id a plain file name.
func (j *Job) check(paper string) error {
	switch {
	case j.Paper != paper:
		return fmt.Errorf("it is for paper %q", j.Paper)
	case j.Record == "" || j.Record != filepath.Base(j.Record) || strings.HasPrefix(j.Record, "."):
		return fmt.Errorf("bad record id %q", j.Record)
	case !filepath.IsAbs(j.Task) || filepath.Clean(j.Task) != j.Task ||
		filepath.Base(j.Task) != "task.json" || filepath.Base(filepath.Dir(j.Task)) != j.Paper+"-"+j.Record:
		// The task's folder is removed with the job: it must be the job's own.
		return fmt.Errorf("bad task path %q", j.Task)
	case strings.ContainsAny(j.ID, " ,/\n"):
		return fmt.Errorf("bad job id %q", j.ID)
	}
	return nil
}

// WriteJob stores j atomically, so a client killed at any point leaves
// the previous job file or the new one, never half of one.
func WriteJob(dir string, j *Job) error {
	j.Schema = JobSchema
	if err := j.check(j.Paper); err != nil {
		return fmt.Errorf("store slurm job of %s: %w", j.Paper, err)
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, j.Paper), 0o755); err != nil {
		return fmt.Errorf("store slurm job of %s: %w", j.Paper, err)
	}
	if err := results.WriteFileAtomic(JobPath(dir, j.Paper), append(data, '\n')); err != nil {
		return fmt.Errorf("store slurm job of %s: %w", j.Paper, err)
	}
	return nil
}

// RemoveJob forgets paper's job once its outcome is recorded.
func RemoveJob(dir, paper string) error {
	err := os.Remove(JobPath(dir, paper))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove slurm job of %s: %w", paper, err)
	}
	return nil
}

// Jobs lists the outstanding jobs of papers, or of every paper when
// papers is empty, sorted by paper.
func Jobs(dir string, papers []string) ([]*Job, error) {
	if len(papers) == 0 {
		entries, err := os.ReadDir(dir)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("read results: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				papers = append(papers, e.Name())
			}
		}
	}
	var js []*Job
	for _, p := range papers {
		j, err := ReadJob(dir, p)
		if err != nil {
			return nil, err
		}
		if j != nil {
			js = append(js, j)
		}
	}
	sort.Slice(js, func(a, b int) bool { return js[a].Paper < js[b].Paper })
	return js, nil
}
