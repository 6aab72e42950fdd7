package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// OCI runs steps in containers through the podman or docker CLI. Each
// step is one container named after the job, labelled with the run and
// the repro process that owns it (so RemoveOrphans finds what a killed
// repro left), with the checkout at /repro/work, a private HOME and
// /tmp, only the declared environment, no capabilities, no new
// privileges, the memory, CPU and pids limits, and no network unless the
// step declares it.
type OCI struct {
	Program string
	// Kind is podman or docker.
	Kind string
}

// Labels put on every container repro starts.
const (
	LabelRun   = "io.repro.run"
	LabelOwner = "io.repro.owner" // HOSTNAME:PID of the repro process
)

// WorkDir is the checkout's path inside a container; HomeDir the HOME.
const (
	WorkDir = "/repro/work"
	OutDir  = "/repro/out"
	HomeDir = "/home/repro"
)

// Name implements Runtime.
func (o *OCI) Name() string { return o.Kind }

// Sandbox implements Runtime.
func (o *OCI) Sandbox() string {
	return o.Kind + " container: checkout at " + WorkDir + ", private HOME and /tmp, declared environment only, no capabilities, memory/CPU/pids limits"
}

// Owner is this process's owner label value.
func Owner() string {
	h, _ := os.Hostname()
	return h + ":" + strconv.Itoa(os.Getpid())
}

// Args returns the run arguments for j.
func (o *OCI) Args(j *Job) []string {
	a := []string{"run", "--name", j.ID,
		"--label", LabelRun + "=" + j.RunID, "--label", LabelOwner + "=" + Owner(),
		"--cap-drop", "ALL", "--security-opt", "no-new-privileges",
		"-v", j.Dir + ":" + WorkDir, "-w", WorkDir,
		"-v", j.Home + ":" + HomeDir, "-v", j.Tmp + ":/tmp",
	}
	if o.Kind == "podman" {
		// Without it podman hands the host's proxy variables to the step.
		a = append(a, "--http-proxy=false")
	}
	if j.Out != "" {
		a = append(a, "-v", j.Out+":"+OutDir)
	}
	for _, m := range j.Mounts {
		a = append(a, "-v", m.volume())
	}
	if !j.Network {
		a = append(a, "--network", "none")
	}
	pids := j.Limits.Pids
	if pids <= 0 {
		pids = DefaultPids
	}
	a = append(a, "--pids-limit", strconv.Itoa(pids))
	if j.Limits.Memory > 0 {
		m := strconv.FormatInt(j.Limits.Memory, 10)
		a = append(a, "--memory", m, "--memory-swap", m)
	}
	if j.Limits.CPUs > 0 {
		a = append(a, "--cpus", strconv.Itoa(j.Limits.CPUs))
	}
	a = append(a, GPUArgs(o.Kind, j.Limits.GPUs)...)
	for _, kv := range containerEnv(j) {
		a = append(a, "-e", kv)
	}
	return append(a, j.Image, "/bin/sh", "-c", j.Command)
}

// GPUArgs maps a GPU count to a runtime's own flags: podman uses CDI
// device names, docker its --gpus flag, apptainer --nv.
func GPUArgs(runtime string, gpus int) []string {
	if gpus <= 0 {
		return nil
	}
	switch runtime {
	case "podman":
		var a []string
		for i := 0; i < gpus; i++ {
			a = append(a, "--device", "nvidia.com/gpu="+strconv.Itoa(i))
		}
		return a
	case "docker":
		return []string{"--gpus", strconv.Itoa(gpus)}
	case "apptainer":
		return []string{"--nv"}
	}
	return nil
}

// containerEnv is the declared environment plus HOME, TMPDIR and LANG;
// PATH is the image's own.
func containerEnv(j *Job) []string {
	env := hostEnv(&Job{Env: j.Env, Home: HomeDir, Tmp: "/tmp"}, "")
	return env
}

// Command implements Runtime. It also starts watching the container's
// cgroup, once the runtime has written its id, for memory and pids
// events: they vanish with the container, which may end on its own.
func (o *OCI) Command(j *Job) (*exec.Cmd, error) {
	if j.Image == "" {
		return nil, fmt.Errorf("%s: no image to run", o.Kind)
	}
	// The client runs in a private folder outside every folder the step
	// sees: the container id file goes there, and so do the files
	// podman's conmon writes into its working folder (an empty "oom"
	// when the container is killed for memory), which would otherwise
	// land wherever repro was started.
	priv := clientDir(j)
	os.RemoveAll(priv)
	if err := os.Mkdir(priv, 0o700); err != nil {
		return nil, fmt.Errorf("make the %s client's folder: %w", o.Kind, err)
	}
	cid := filepath.Join(priv, "cid")
	args := o.Args(j)
	args = append([]string{args[0], "--cidfile", cid}, args[1:]...)
	j.watch = make(chan struct{})
	j.watched = make(chan struct{})
	go watchCgroup(cid, j)
	cmd := exec.Command(o.Program, args...)
	cmd.Dir = priv
	cmd.Env = clientEnv()
	cmd.SysProcAttr = groupAttr()
	return cmd, nil
}

// clientDir is the private working folder of the client that runs j.
func clientDir(j *Job) string { return filepath.Join(os.TempDir(), "repro-oci-"+safeName(j.ID)) }

// clientEnv is the environment of the podman or docker client itself:
// what it needs to find its configuration, and no more.
func clientEnv() []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "CONTAINERS_CONF", "CONTAINERS_STORAGE_CONF", "CONTAINER_HOST", "DOCKER_HOST", "DOCKER_CONFIG", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// Started implements Runtime: the container runtime applies the limits
// itself.
func (o *OCI) Started(j *Job, cmd *exec.Cmd) error { return nil }

// Signal implements Runtime: the signal goes to the container's processes
// through the runtime; SIGKILL also ends the client.
func (o *OCI) Signal(j *Job, cmd *exec.Cmd, sig syscall.Signal) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Read the limits' counters first: the cgroup goes with the container.
	o.observe(ctx, j)
	o.run(ctx, "kill", "--signal", strconv.Itoa(int(sig)), j.ID)
	if sig == syscall.SIGKILL && cmd.Process != nil {
		signalGroup(cmd.Process.Pid, syscall.SIGKILL)
	}
}

// Finish implements Runtime: it reads the container's pids events while
// its cgroup still exists, asks whether it was killed for memory, and
// removes it.
func (o *OCI) Finish(j *Job, cmd *exec.Cmd) Ended {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	o.observe(ctx, j)
	if j.watch != nil {
		close(j.watch)
		<-j.watched
		// conmon leaves an "oom" file in its working folder when the
		// kernel killed the container for memory: the one record that
		// outlives a container whose cgroup went before any poll read it
		// and whose state says OOMKilled false (podman with runc).
		if oomFileWritten(clientDir(j), cmd) {
			j.mu.Lock()
			j.seen.OutOfMemory = true
			j.mu.Unlock()
		}
		os.RemoveAll(clientDir(j))
	}
	o.remove(ctx, j.ID)
	if cmd.Process != nil {
		signalGroup(cmd.Process.Pid, syscall.SIGKILL)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.seen
}

// oomFileWritten reports whether conmon wrote its "oom" file into dir. A
// client that died of SIGKILL (exit 137) may return before conmon has
// written it, so that case waits for it a little.
func oomFileWritten(dir string, cmd *exec.Cmd) bool {
	wait := time.Duration(0)
	if cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 137 {
		wait = 2 * time.Second
	}
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(dir, "oom")); err == nil {
			return true
		}
		if time.Since(start) >= wait {
			return false
		}
	}
}

// observe adds to j.seen what the container's state says: killed for
// memory, forks refused at the pids limit.
func (o *OCI) observe(ctx context.Context, j *Job) {
	out, _ := o.run(ctx, "inspect", "--format", "{{.Id}} {{.State.OOMKilled}}", j.ID)
	if f := strings.Fields(string(out)); len(f) == 2 {
		oom, pids := cgroupEvents(f[0])
		j.mu.Lock()
		j.seen.OutOfMemory = j.seen.OutOfMemory || f[1] == "true" || oom
		j.seen.PidsLimit = j.seen.PidsLimit || pids
		j.mu.Unlock()
	}
}

// watchCgroup polls the container's cgroup counters until j.watch is
// closed.
func watchCgroup(cidfile string, j *Job) {
	defer close(j.watched)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	id := ""
	for {
		select {
		case <-j.watch:
			return
		case <-tick.C:
		}
		if id == "" {
			b, err := os.ReadFile(cidfile)
			if err != nil || len(bytes.TrimSpace(b)) == 0 {
				continue
			}
			id = string(bytes.TrimSpace(b))
		}
		oom, pids := cgroupEvents(id)
		j.mu.Lock()
		j.seen.OutOfMemory = j.seen.OutOfMemory || oom
		j.seen.PidsLimit = j.seen.PidsLimit || pids
		j.mu.Unlock()
	}
}

// remove force-removes the container name, killing it at once if it
// still runs.
func (o *OCI) remove(ctx context.Context, name string) error {
	args := []string{"rm", "--force", "--time", "0", name}
	if o.Kind == "docker" {
		args = []string{"rm", "--force", name} // docker rm has no --time: --force kills at once
	}
	_, err := o.run(ctx, args...)
	return err
}

func (o *OCI) run(ctx context.Context, args ...string) ([]byte, error) {
	c := exec.CommandContext(ctx, o.Program, args...)
	c.Env = clientEnv()
	var out bytes.Buffer
	c.Stdout = &out
	err := c.Run()
	return out.Bytes(), err
}

// Version returns the runtime's version, or "" when it cannot say.
func (o *OCI) Version(ctx context.Context) string {
	out, err := o.run(ctx, "version", "--format", "{{.Client.Version}}")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// Usable reports whether the runtime can start containers here (docker's
// CLI without a daemon cannot).
func (o *OCI) Usable(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := o.run(ctx, "info", "--format", "{{.Host.Arch}}")
	if o.Kind == "docker" {
		_, err = o.run(ctx, "info", "--format", "{{.ServerVersion}}")
	}
	return err == nil
}

// cgroupEvents reads the event counters of a container's cgroup (v1 or
// v2 layout, cgroupfs or systemd names): an OOM kill, and forks refused at
// the pids limit.
func cgroupEvents(id string) (oom, pids bool) {
	read := func(controller, file, key string) bool {
		for _, pattern := range []string{
			"/sys/fs/cgroup/" + controller + "/*/*" + id + "*/" + file,
			"/sys/fs/cgroup/" + controller + "/*" + id + "*/" + file,
			"/sys/fs/cgroup/" + controller + "/*/*/*" + id + "*/" + file,
			"/sys/fs/cgroup/*/*" + id + "*/" + file,
			"/sys/fs/cgroup/*/*/*" + id + "*/" + file,
		} {
			files, _ := filepath.Glob(pattern)
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				for _, line := range strings.Split(string(b), "\n") {
					if n, ok := strings.CutPrefix(line, key+" "); ok && strings.TrimSpace(n) != "0" {
						return true
					}
				}
			}
		}
		return false
	}
	oom = read("memory", "memory.oom_control", "oom_kill") || read("memory", "memory.events", "oom_kill")
	pids = read("pids", "pids.events", "max")
	return oom, pids
}

// programVersion runs PROGRAM ARG and returns the first line it prints.
func programVersion(ctx context.Context, program, arg string) string {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, program, arg)
	c.Env = clientEnv()
	out, err := c.Output()
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}
