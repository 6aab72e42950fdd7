// Package slurm runs papers' reproductions as Slurm batch jobs: Executor,
// the check.Executor behind `repro check --executor slurm`, and Cancel,
// behind `repro cancel`.
//
// The submitting side carries out the plan's decisions (made with
// check.Options.StepsElsewhere): it fetches, checks out and audits each
// paper (check.Prepare) into folders the compute nodes share, then submits
// one sbatch job per paper to run, with the spec's requirements as sbatch
// options. The job runs `repro worker` (Work), which decides on its node
// with the same code as a local check (check.Decide: requirements, and the
// runtime asked for on the submitting side), runs the steps and measures
// the claims (check.Run) and writes the record. The client polls squeue
// (then sacct, then scontrol where accounting is off) in one loop (watch,
// shared with Cancel), maps a job's end state to the paper's status, and
// keeps each submitted job in results/<paper>/.slurm-job.json so a rerun
// re-attaches instead of submitting twice.
//
// spec -> fetch -> audit (here) -> sbatch -> steps -> measure -> record (job)
package slurm
