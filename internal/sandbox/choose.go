package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
)

// Choice is the runtimes a check may use: the container runtime for
// papers whose environment is an image or a build (found on first use:
// asking podman or docker takes a second), Host for the rest. Where one
// is missing its error says why, with the install hint, and those papers
// are skipped.
type Choice struct {
	Host    Runtime
	HostErr error
	// Warning is set when steps run bare (--runtime none); it goes into
	// every record and the report.
	Warning string

	name         string
	lookPath     func(string) (string, error)
	usable       func(context.Context, Runtime) bool
	once         sync.Once
	container    Runtime
	containerErr error
}

// WarningBare is the warning of --runtime none.
const WarningBare = "steps ran bare (--runtime none): no filesystem, network, memory or CPU isolation; only their processes (their number too, where a pids limit could be enforced) and environment were contained"

// ErrNoSandbox says the host has no sandbox for host steps.
var ErrNoSandbox = errors.New("no sandbox for host steps: install bubblewrap (apt-get install bubblewrap), or run bare with --runtime none")

// Choose picks the runtimes for name (podman, docker, apptainer, bwrap,
// none, or "" to detect). Its error is only for an unknown name.
// lookPath is exec.LookPath outside tests; usable says whether an
// installed container runtime can start containers (nil: Usable).
func Choose(name string, lookPath func(string) (string, error), usable func(context.Context, Runtime) bool) (*Choice, error) {
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	if usable == nil {
		usable = Usable
	}
	if name != "" && !Valid(name) {
		return nil, fmt.Errorf("unknown runtime %q: use %s", name, strings.Join(Names, ", "))
	}
	c := &Choice{name: name, lookPath: lookPath, usable: usable}
	if name == "none" {
		c.Host, c.Warning = Bare{}, WarningBare
		return c, nil
	}
	if rt, err := New("bwrap", lookPath); err == nil {
		c.Host = rt
	} else if name == "bwrap" {
		c.HostErr = err
	} else {
		c.HostErr = ErrNoSandbox
	}
	return c, nil
}

// Container returns the container runtime, or why there is none.
func (c *Choice) Container(ctx context.Context) (Runtime, error) {
	c.once.Do(func() {
		switch c.name {
		case "":
			for _, n := range []string{"podman", "docker", "apptainer"} {
				if rt, err := New(n, c.lookPath); err == nil && c.usable(ctx, rt) {
					c.container = rt
					return
				}
			}
			c.containerErr = errors.New("no container runtime found for the image: install podman (apt-get install podman runc uidmap), docker or apptainer")
		case "podman", "docker", "apptainer":
			rt, err := New(c.name, c.lookPath)
			switch {
			case err != nil:
				c.containerErr = err
			case !c.usable(ctx, rt):
				c.containerErr = fmt.Errorf("runtime %s is installed but cannot start containers here (is its service running?)", c.name)
			default:
				c.container = rt
			}
		default:
			c.containerErr = fmt.Errorf("--runtime %s runs no images: use podman, docker or apptainer for this paper", c.name)
		}
	})
	return c.container, c.containerErr
}

// Usable is Choose's default usable: it asks podman and docker whether
// they can start containers.
func Usable(ctx context.Context, rt Runtime) bool {
	if o, ok := rt.(*OCI); ok {
		return o.Usable(ctx)
	}
	return true
}
