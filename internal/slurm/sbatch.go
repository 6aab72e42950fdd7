package slurm

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/repro-harness/repro/harness/spec"
)

// Submission is one paper's batch job, before sbatch sees it.
type Submission struct {
	Name   string // the job name: repro-<paper>-<record id>
	Output string // the job's stdout and stderr file (%j is the job id)
	Dir    string // the job's working folder
	Script string // the job script
}

// JobName is the name of a paper's job, unique per record, so a job whose
// id was never stored can still be found by name.
func JobName(paper, record string) string { return "repro-" + paper + "-" + record }

// Args builds sbatch's arguments: the spec's requirements as resources,
// then the configured partition, account and QoS, then the configured
// extra options, which therefore win over ours.
func Args(r spec.Requires, c Config, s Submission) ([]string, error) {
	args := []string{
		"--parsable",
		"--job-name=" + s.Name,
		"--output=" + s.Output,
		"--chdir=" + s.Dir,
		"--nodes=1",
		"--ntasks=1",
		// A job that failed its node is reported, not rerun behind our back.
		"--no-requeue",
	}
	if r.CPUs > 0 {
		args = append(args, "--cpus-per-task="+strconv.Itoa(r.CPUs))
	}
	if r.Memory != "" {
		m, err := Megabytes(r.Memory)
		if err != nil {
			return nil, fmt.Errorf("requires.memory: %w", err)
		}
		args = append(args, "--mem="+m)
	}
	if r.GPUs > 0 {
		args = append(args, "--gres=gpu:"+strconv.Itoa(r.GPUs))
	}
	if r.Time != "" {
		t, err := Minutes(r.Time)
		if err != nil {
			return nil, fmt.Errorf("requires.time: %w", err)
		}
		args = append(args, "--time="+t)
	}
	for _, o := range []struct{ flag, v string }{{"partition", c.Partition}, {"account", c.Account}, {"qos", c.QOS}} {
		if o.v != "" {
			args = append(args, "--"+o.flag+"="+o.v)
		}
	}
	for _, x := range c.Extra {
		if !strings.HasPrefix(x, "-") {
			return nil, fmt.Errorf("slurm.extra: %q is not an sbatch option (options start with -)", x)
		}
		args = append(args, x)
	}
	return append(args, s.Script), nil
}

// Megabytes writes a spec size as sbatch --mem wants it: whole MiB,
// rounded up ("24GB" -> "24576M").
func Megabytes(size string) (string, error) {
	b, err := spec.ParseSize(size)
	if err != nil {
		return "", err
	}
	mb := (b + 1<<20 - 1) >> 20
	if mb < 1 {
		mb = 1
	}
	return strconv.FormatInt(mb, 10) + "M", nil
}

// Minutes writes a spec duration as sbatch --time wants it: whole
// minutes, rounded up, at least one (Slurm's granularity).
func Minutes(d string) (string, error) {
	t, err := spec.ParseDuration(d)
	if err != nil {
		return "", err
	}
	m := int64((t + time.Minute - 1) / time.Minute)
	if m < 1 {
		m = 1
	}
	return strconv.FormatInt(m, 10), nil
}

// Script is the job script: it runs the repro binary's worker on the task
// file. Both paths are quoted for the shell.
func Script(repro, task, paper, record string) string {
	return "#!/bin/sh\n" +
		"# repro: the steps of paper " + paper + ", record " + record + " (repro check --executor slurm)\n" +
		"exec " + shellQuote(repro) + " worker " + shellQuote(task) + "\n"
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
