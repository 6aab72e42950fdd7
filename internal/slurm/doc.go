// Package slurm runs papers' reproductions as Slurm batch jobs: the
// executor behind `repro check --executor slurm`.
//
// The submitting side fetches, checks out and audits each paper
// (check.Prepare) into folders the compute nodes share, then submits one
// sbatch job per paper whose spec has steps, with the spec's requirements
// as sbatch options. The job runs `repro worker`, which runs the steps and
// measures the claims with the same code as a local check (check.Run) and
// writes the record. The client polls squeue (then sacct, then scontrol
// where accounting is off), maps a job's end state to the paper's status,
// and keeps each submitted job in results/<paper>/.slurm-job.json so a
// rerun re-attaches instead of submitting twice.
//
// spec -> fetch -> audit (here) -> sbatch -> steps -> measure -> record (job)
package slurm
