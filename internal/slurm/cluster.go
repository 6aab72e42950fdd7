package slurm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync/atomic"
	"time"
)

// Cluster is what the executor needs of Slurm.
type Cluster interface {
	// Submit runs sbatch with args and returns the job id.
	Submit(ctx context.Context, args []string) (string, error)
	// Query says what Slurm knows of the jobs; a job absent from the map
	// is unknown to Slurm (finished long ago, or never submitted). An
	// error means Slurm could not be asked, not that jobs are gone.
	Query(ctx context.Context, ids []string) (map[string]Info, error)
	// Lookup finds a job by name; "" when there is none.
	Lookup(ctx context.Context, name string) (string, error)
	// Cancel asks Slurm to cancel the jobs.
	Cancel(ctx context.Context, ids []string) error
}

// Commands is the Cluster behind Slurm's command-line tools: sbatch,
// squeue, sacct, scontrol and scancel on PATH.
type Commands struct {
	// Timeout bounds each command; 0 means 60 s.
	Timeout time.Duration
	// noAccounting remembers that sacct said accounting is off, so it is
	// not asked again.
	noAccounting atomic.Bool
}

// ErrUnknownJob is what Slurm's tools answer about job ids they do not know.
var errUnknownJob = errors.New("invalid job id")

func (c *Commands) run(ctx context.Context, name string, args ...string) (string, error) {
	t := c.Timeout
	if t <= 0 {
		t = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, t)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil {
		msg := strings.TrimSpace(errOut.String())
		if strings.Contains(strings.ToLower(msg), "invalid job id") {
			return out.String(), errUnknownJob
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("%s: no answer within %s", name, t)
		}
		if msg == "" {
			msg = err.Error()
		}
		// "sbatch: error: invalid partition" reads "sbatch: invalid partition".
		msg = strings.TrimPrefix(strings.TrimPrefix(firstLine(msg), name+": "), "error: ")
		return "", fmt.Errorf("%s: %s", name, msg)
	}
	return out.String(), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// Submit runs sbatch --parsable ... and returns the job id.
func (c *Commands) Submit(ctx context.Context, args []string) (string, error) {
	out, err := c.run(ctx, "sbatch", args...)
	if err != nil {
		return "", err
	}
	// --parsable prints "id" or "id;cluster".
	id, _, _ := strings.Cut(strings.TrimSpace(out), ";")
	if id == "" || strings.ContainsAny(id, " \n") {
		return "", fmt.Errorf("sbatch: unexpected answer %q", out)
	}
	return id, nil
}

// Query asks squeue about live jobs, then sacct about the ones that ended
// or are gone from squeue, then scontrol show job where accounting is off.
func (c *Commands) Query(ctx context.Context, ids []string) (map[string]Info, error) {
	m := map[string]Info{}
	if len(ids) == 0 {
		return m, nil
	}
	out, err := c.run(ctx, "squeue", "-h", "-t", "all", "-j", strings.Join(ids, ","), "-o", SqueueFormat)
	if err != nil && !errors.Is(err, errUnknownJob) {
		return nil, err
	}
	var rest []string
	for id, in := range ParseSqueue(out) {
		if !in.State.Terminal() {
			m[id] = in
		}
	}
	for _, id := range ids {
		if _, ok := m[id]; !ok {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return m, nil
	}
	// An ended job: its exit code and final state come from accounting,
	// or from the controller's memory of it (MinJobAge) without.
	if !c.noAccounting.Load() {
		out, err := c.run(ctx, "sacct", "-n", "-P", "-X", "-j", strings.Join(rest, ","), "-o", SacctFields)
		switch {
		case err == nil:
			for id, in := range ParseSacct(out) {
				m[id] = in
			}
		case strings.Contains(err.Error(), "accounting storage is disabled"):
			c.noAccounting.Store(true)
		}
	}
	for _, id := range rest {
		if _, ok := m[id]; ok {
			continue
		}
		out, err := c.run(ctx, "scontrol", "-o", "show", "job", id)
		if errors.Is(err, errUnknownJob) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for k, in := range ParseScontrol(out) {
			if k == id {
				m[id] = in
			}
		}
	}
	return m, nil
}

// Lookup finds the job named name among the jobs the controller knows.
func (c *Commands) Lookup(ctx context.Context, name string) (string, error) {
	out, err := c.run(ctx, "squeue", "-h", "-t", "all", "--name="+name, "-o", "%i")
	if err != nil {
		return "", err
	}
	if ls := lines(out); len(ls) > 0 {
		return ls[0], nil
	}
	return "", nil
}

// Cancel runs scancel on the jobs.
func (c *Commands) Cancel(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := c.run(ctx, "scancel", ids...)
	if errors.Is(err, errUnknownJob) {
		return nil
	}
	return err
}

// Ping asks sinfo whether a controller answers, within timeout.
func Ping(ctx context.Context, timeout time.Duration) error {
	c := &Commands{Timeout: timeout}
	_, err := c.run(ctx, "sinfo", "-h", "-o", "%T")
	return err
}
