package sandbox

import (
	"context"
	"fmt"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Job is one step as a runtime sees it.
type Job struct {
	// ID names the step's container and is unique per step run; RunID is
	// the run it belongs to, put on a label so orphans can be found.
	ID    string
	RunID string
	// Command runs with /bin/sh -c.
	Command string
	// Dir is the checkout on the host: the step's working folder,
	// writable. Out, when set, is a writable output folder.
	Dir string
	Out string
	// Home and Tmp are private host folders that become the step's HOME
	// and temporary folder.
	Home string
	Tmp  string
	// Env holds KEY=VALUE pairs declared by the spec and by repro; the
	// runtime adds PATH (host runtimes), HOME, TMPDIR and LANG and nothing
	// else of the host's environment.
	Env     []string
	Network bool
	Mounts  []Mount
	Limits  Limits
	// Image is the image reference for container runtimes.
	Image string

	mu      sync.Mutex
	seen    Ended // what the runtime observed before the step ended
	watch   chan struct{}
	watched chan struct{}
	gate    *pidsGate // holds a host step until its pids limit applies
}

// started lets a gated step run once its first process, pid, is limited.
func (j *Job) started(pid int) error {
	if j.gate == nil {
		return nil
	}
	return j.gate.open(pid)
}

// Mount makes a host path visible to a step at Target (the same path
// when Target is empty).
type Mount struct {
	Source   string
	Target   string
	ReadOnly bool
}

// target is where the step sees the mount.
func (m Mount) target() string {
	if m.Target == "" {
		return m.Source
	}
	return m.Target
}

// volume is the mount as podman's, docker's and apptainer's bind
// options write it: SOURCE:TARGET[:ro].
func (m Mount) volume() string {
	v := m.Source + ":" + m.target()
	if m.ReadOnly {
		v += ":ro"
	}
	return v
}

// Limits are the resources a step may use; zero means the runtime's
// default (DefaultPids for the pids limit, which host runtimes enforce
// too where they can: see PidsLimit).
type Limits struct {
	Memory int64 // bytes
	CPUs   int
	Pids   int
	GPUs   int
}

// DefaultPids caps the processes of one step: enough for a build with
// parallel jobs, few enough that a fork bomb stays small.
const DefaultPids = 4096

// Ended says what a runtime saw of a step that ended.
type Ended struct {
	// OutOfMemory is set when the step was killed for exceeding its
	// memory limit, PidsLimit when it tried to run more processes than
	// allowed.
	OutOfMemory bool
	PidsLimit   bool
}

// Runtime runs steps.
type Runtime interface {
	// Name is none, bwrap, podman, docker or apptainer.
	Name() string
	// Command returns the process that runs j; the caller sets its
	// output, starts it and then calls Started.
	Command(j *Job) (*exec.Cmd, error)
	// Started is called once the command has started: a host runtime
	// limits the step's processes now and only then lets it run. On an
	// error the step has run nothing; the caller kills it and calls
	// Finish.
	Started(j *Job, cmd *exec.Cmd) error
	// Signal delivers sig to everything the step runs.
	Signal(j *Job, cmd *exec.Cmd, sig syscall.Signal)
	// Finish is called once the command has ended or been killed (or
	// failed to start): it
	// kills and removes whatever the step left behind and reports what
	// stopped it.
	Finish(j *Job, cmd *exec.Cmd) Ended
	// Sandbox says in words how steps are contained, for the record.
	Sandbox() string
	// Version is the runtime's version, or "" when it cannot say.
	Version(ctx context.Context) string
}

// Images is what a container runtime offers besides running: images
// found or pulled by reference, and built from a Containerfile.
type Images interface {
	Resolve(ctx context.Context, ref string) (*Image, error)
	Build(ctx context.Context, paper, commit, file, context string) (*Image, error)
}

// Names are the runtime names --runtime accepts.
var Names = []string{"podman", "docker", "apptainer", "bwrap", "none"}

// Valid reports whether name is a runtime name.
func Valid(name string) bool {
	for _, n := range Names {
		if n == name {
			return true
		}
	}
	return false
}

// MissingError says a runtime is not installed, with the way to install it.
type MissingError struct {
	Runtime string
	Hint    string
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("runtime %s is not installed: %s", e.Runtime, e.Hint)
}

var hints = map[string]string{
	"podman":    "apt-get install podman runc uidmap (or see podman.io)",
	"docker":    "install Docker Engine (docs.docker.com/engine/install)",
	"apptainer": "install apptainer (apptainer.org/docs)",
	"bwrap":     "apt-get install bubblewrap",
}

// New returns the runtime called name, or a MissingError when its program
// is not on PATH. lookPath is exec.LookPath outside tests.
func New(name string, lookPath func(string) (string, error)) (Runtime, error) {
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	prog := map[string]string{"podman": "podman", "docker": "docker", "apptainer": "apptainer", "bwrap": "bwrap"}[name]
	switch name {
	case "none":
		return Bare{}, nil
	case "podman", "docker", "apptainer", "bwrap":
	default:
		return nil, fmt.Errorf("unknown runtime %q: use %s", name, strings.Join(Names, ", "))
	}
	path, err := lookPath(prog)
	if err != nil {
		return nil, &MissingError{Runtime: name, Hint: hints[name]}
	}
	switch name {
	case "podman", "docker":
		return &OCI{Program: path, Kind: name}, nil
	case "apptainer":
		return &Apptainer{Program: path}, nil
	}
	return &Bwrap{Program: path}, nil
}

// hostEnv is the environment of a step on the host: the declared pairs
// plus PATH, HOME, TMPDIR and LANG, sorted, later keys winning.
func hostEnv(j *Job, path string) []string {
	m := map[string]string{}
	for _, kv := range j.Env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	if path != "" {
		m["PATH"] = path
	}
	if _, ok := m["LANG"]; !ok {
		m["LANG"] = "C.UTF-8"
	}
	m["HOME"] = j.Home
	m["TMPDIR"] = j.Tmp
	env := make([]string, 0, len(m))
	for k, v := range m {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}

// DefaultPath is the PATH of a step on the host when repro's own PATH is
// empty.
const DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
