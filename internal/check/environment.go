package check

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/run"
	"github.com/repro-harness/repro/internal/sandbox"
)

// runtimeFor says which runtime runs the paper's steps, or why none can
// (the paper is then skipped): papers with an image or a build need the
// container runtime, the others the host sandbox.
func runtimeFor(ctx context.Context, s *spec.Spec, c *sandbox.Choice) (sandbox.Runtime, error) {
	if c == nil {
		return nil, errors.New("no runtime chosen for the steps")
	}
	if needsContainer(s) {
		rt, err := c.Container(ctx)
		if err != nil {
			return nil, err
		}
		if _, ok := rt.(sandbox.Images); !ok {
			return nil, fmt.Errorf("runtime %s cannot run images", rt.Name())
		}
		return rt, nil
	}
	if c.Host == nil {
		if c.HostErr == nil {
			return nil, sandbox.ErrNoSandbox
		}
		return nil, c.HostErr
	}
	return c.Host, nil
}

// needsContainer says the paper's environment is an image or a build.
func needsContainer(s *spec.Spec) bool {
	if s.Reproduce == nil {
		return false
	}
	e := s.Reproduce.Environment
	return e != nil && (e.Image != "" || e.Build != nil)
}

// limits turns the spec's requirements into the steps' limits.
func limits(r spec.Requires) sandbox.Limits {
	l := sandbox.Limits{CPUs: r.CPUs, GPUs: r.GPUs, Pids: sandbox.DefaultPids}
	if r.Memory != "" {
		l.Memory, _ = spec.ParseSize(r.Memory)
	}
	return l
}

// environment prepares the image the steps run in (found, pulled or
// built) and fills in the record's environment. A false return means the
// paper stops here, with the record's status and reason set.
func environment(ctx context.Context, d Decision, o *Options, r *results.Record, tree string) (string, bool) {
	s, rt := d.Spec, d.Runtime
	if rt == nil {
		r.Status, r.Reason = results.Failed, "no runtime was decided for the steps on this machine"
		return "", false
	}
	lim := limits(s.Reproduce.Requires)
	env := &results.Environment{
		Runtime: rt.Name(), RuntimeVersion: rt.Version(ctx), Sandbox: rt.Sandbox(),
	}
	if o.Runtimes != nil {
		env.Warning = o.Runtimes.Warning
	}
	if rt.Name() != "none" && rt.Name() != "bwrap" {
		env.Memory, env.CPUs = s.Reproduce.Requires.Memory, lim.CPUs
	}
	env.Pids, env.PidsEnforcement = sandbox.PidsLimit(rt, lim.Pids)
	r.Environment = env
	e := s.Reproduce.Environment
	if d.Image == "" && d.Build == "" {
		return "", true // the host, in its sandbox
	}
	images := rt.(sandbox.Images)
	var im *sandbox.Image
	var err error
	if d.Image != "" {
		o.progress(s.ID, "resolving image %s", e.Image)
		env.Image = e.Image
		im, err = images.Resolve(ctx, e.Image)
		if err != nil {
			r.Status, r.Reason = results.Unreachable, fmt.Sprintf("image %s: %v", e.Image, err)
			return "", false
		}
	} else {
		file, context, err := buildInputs(s, tree)
		if err != nil {
			r.Status, r.Reason = results.Failed, err.Error()
			return "", false
		}
		o.progress(s.ID, "building image from %s", e.Build.File)
		commit := ""
		if r.Repository != nil {
			commit = r.Repository.Commit
		}
		im, err = images.Build(ctx, s.ID, commit, file, context)
		if err != nil {
			r.Status, r.Reason = results.Failed, err.Error()
			return "", false
		}
		env.Build = im.Build
	}
	env.Digest, env.ImageID = im.Digest, im.ID
	return im.Ref, true
}

// buildInputs finds the build file and context: in the checked-out tree,
// or beside the spec in specs/<id>/. Both must resolve inside the folder
// they are read from; a link out of it is refused.
func buildInputs(s *spec.Spec, tree string) (file, context string, err error) {
	b := s.Reproduce.Environment.Build
	ctxRel := b.Context
	if ctxRel == "" {
		ctxRel = "."
	}
	roots := []string{tree}
	if s.Path != "" {
		roots = append(roots, filepath.Join(filepath.Dir(s.Path), s.ID))
	}
	for _, root := range roots {
		f, ferr := inside(root, b.File)
		if ferr != nil {
			if errors.Is(ferr, os.ErrNotExist) {
				continue
			}
			return "", "", fmt.Errorf("build file %s: %w", b.File, ferr)
		}
		c, cerr := inside(root, ctxRel)
		if cerr != nil {
			return "", "", fmt.Errorf("build context %s: %w", ctxRel, cerr)
		}
		return f, c, nil
	}
	return "", "", fmt.Errorf("build file %s is not in the repository nor beside the spec (specs/%s/)", b.File, s.ID)
}

// inside resolves rel below root, following links, and refuses a result
// outside root.
func inside(root, rel string) (string, error) {
	if err := spec.CheckRelPath(rel); err != nil {
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	p, err := filepath.EvalSymlinks(filepath.Join(realRoot, filepath.FromSlash(rel)))
	if err != nil {
		return "", err
	}
	if x, err := filepath.Rel(realRoot, p); err != nil || x == ".." || strings.HasPrefix(x, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%w: resolves outside the repository", run.ErrEscapes)
	}
	return p, nil
}

// RemoveOrphans removes the containers that repro processes killed on
// this host (kill -9 leaves no chance to clean up) left behind, when the
// plan runs steps in a container runtime that labels them. It returns
// their names.
func (p Plan) RemoveOrphans(ctx context.Context) []string {
	for _, d := range p.Decisions {
		if o, ok := d.Runtime.(*sandbox.OCI); ok && d.Action == ActionRun {
			removed, _ := o.RemoveOrphans(ctx)
			return removed
		}
	}
	return nil
}
