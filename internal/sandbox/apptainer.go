package sandbox

import (
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// Apptainer runs steps with apptainer exec, contained: no host HOME, /tmp
// or environment (--containall, --cleanenv), the checkout at /repro/work,
// a private HOME, no network unless declared (--net --network none), and
// the memory and CPU limits where apptainer may set cgroups.
type Apptainer struct {
	Program string
}

// Name implements Runtime.
func (*Apptainer) Name() string { return "apptainer" }

// Sandbox implements Runtime.
func (*Apptainer) Sandbox() string {
	return "apptainer: contained (no host HOME, /tmp or environment), checkout at " + WorkDir + ", private HOME, pid namespace"
}

// Args returns apptainer's arguments for j.
func (a *Apptainer) Args(j *Job) []string {
	args := []string{"exec", "--containall", "--cleanenv", "--pid", "--no-privs",
		"--home", j.Home + ":" + HomeDir,
		"--bind", j.Dir + ":" + WorkDir, "--bind", j.Tmp + ":/tmp",
		"--pwd", WorkDir,
	}
	if j.Out != "" {
		args = append(args, "--bind", j.Out+":"+OutDir)
	}
	for _, m := range j.Mounts {
		args = append(args, "--bind", m.volume())
	}
	if !j.Network {
		args = append(args, "--net", "--network", "none")
	}
	if j.Limits.Memory > 0 {
		args = append(args, "--memory", strconv.FormatInt(j.Limits.Memory, 10))
	}
	if j.Limits.CPUs > 0 {
		args = append(args, "--cpus", strconv.Itoa(j.Limits.CPUs))
	}
	if j.Limits.Pids > 0 {
		args = append(args, "--pids-limit", strconv.Itoa(j.Limits.Pids))
	}
	args = append(args, GPUArgs("apptainer", j.Limits.GPUs)...)
	for _, kv := range containerEnv(j) {
		args = append(args, "--env", kv)
	}
	image := j.Image
	if !strings.Contains(image, "://") && !strings.HasSuffix(image, ".sif") {
		image = "docker://" + image
	}
	return append(args, image, "/bin/sh", "-c", j.Command)
}

// Version implements Runtime.
func (a *Apptainer) Version(ctx context.Context) string {
	return programVersion(ctx, a.Program, "--version")
}

// Resolve implements Images: apptainer pulls what it runs itself, so
// the image is the reference as given.
func (a *Apptainer) Resolve(ctx context.Context, ref string) (*Image, error) {
	r, err := ParseImage(ref)
	if err != nil {
		return nil, err
	}
	return &Image{Ref: ref, Digest: r.Digest}, nil
}

// Build implements Images: apptainer does not build Containerfiles.
func (a *Apptainer) Build(ctx context.Context, paper, commit, file, context string) (*Image, error) {
	return nil, errors.New("apptainer does not build Containerfiles: use podman or docker for this paper")
}

// Command implements Runtime.
func (a *Apptainer) Command(j *Job) (*exec.Cmd, error) {
	cmd := exec.Command(a.Program, a.Args(j)...)
	cmd.Env = clientEnv()
	cmd.SysProcAttr = groupAttr()
	return cmd, nil
}

// Started implements Runtime: apptainer applies the limits itself.
func (a *Apptainer) Started(j *Job, cmd *exec.Cmd) error { return nil }

// Signal implements Runtime: apptainer's processes share its group.
func (a *Apptainer) Signal(j *Job, cmd *exec.Cmd, sig syscall.Signal) {
	if cmd.Process != nil {
		signalGroup(cmd.Process.Pid, sig)
	}
}

// Finish implements Runtime: with --pid the step's processes end with
// apptainer's.
func (a *Apptainer) Finish(j *Job, cmd *exec.Cmd) Ended { return Ended{} }
