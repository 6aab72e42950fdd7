package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// ImageRef is a parsed image reference NAME[:TAG][@sha256:DIGEST].
type ImageRef struct {
	Name   string
	Tag    string
	Digest string // sha256:<64 hex>, or ""
}

var (
	imageName = regexp.MustCompile(`^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*$`)
	imageTag  = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`)
	digestRe  = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
)

// ParseImage parses an image reference, saying what is wrong with a bad
// one.
func ParseImage(s string) (ImageRef, error) {
	var r ImageRef
	rest := s
	if i := strings.Index(rest, "@"); i >= 0 {
		r.Digest = rest[i+1:]
		rest = rest[:i]
		if !digestRe.MatchString(r.Digest) {
			return r, fmt.Errorf("digest %q is not sha256: and 64 lower-case hex digits", r.Digest)
		}
	}
	// A colon after the last slash starts the tag; one before it is a
	// registry's port.
	if i := strings.LastIndex(rest, ":"); i > strings.LastIndex(rest, "/") {
		r.Tag = rest[i+1:]
		rest = rest[:i]
		if !imageTag.MatchString(r.Tag) {
			return r, fmt.Errorf("tag %q is not valid (letters, digits, _ . -)", r.Tag)
		}
	}
	r.Name = rest
	if !imageName.MatchString(r.Name) {
		return r, fmt.Errorf("image name %q is not valid: lower-case [registry/]path components", r.Name)
	}
	return r, nil
}

// String is the reference as written.
func (r ImageRef) String() string {
	s := r.Name
	if r.Tag != "" {
		s += ":" + r.Tag
	}
	if r.Digest != "" {
		s += "@" + r.Digest
	}
	return s
}

// Image is an image ready to run.
type Image struct {
	// Ref is what the runtime is given to run: the reference pinned by
	// digest where one is known, or the built image's id.
	Ref    string
	Digest string
	ID     string
	// Build describes the build inputs of a built image.
	Build string
}

// ErrPull marks an image that could not be pulled.
var ErrPull = errors.New("pull image")

// Resolve finds ref locally, or pulls it, and returns its digest and id.
// A reference pinned by digest must resolve to that digest.
func (o *OCI) Resolve(ctx context.Context, ref string) (*Image, error) {
	r, err := ParseImage(ref)
	if err != nil {
		return nil, err
	}
	id, digest, err := o.inspect(ctx, ref)
	if err != nil {
		if out, perr := o.combined(ctx, "pull", "--quiet", ref); perr != nil {
			return nil, fmt.Errorf("%w %s: %s", ErrPull, ref, lastLine(out, perr))
		}
		if id, digest, err = o.inspect(ctx, ref); err != nil {
			return nil, fmt.Errorf("inspect image %s: %w", ref, err)
		}
	}
	if r.Digest != "" {
		digest = r.Digest
	}
	im := &Image{Ref: ref, Digest: digest, ID: id}
	if r.Digest == "" {
		// The step runs the image resolved now, whatever the tag points
		// to later: by digest where a registry gave one, else by id (podman
		// may not resolve a digest reference of an image never pushed;
		// docker has no digest for a local image at all).
		im.Ref = id
		if digest != "" && o.Kind != "podman" {
			im.Ref = r.Name + "@" + digest
		}
	}
	return im, nil
}

func (o *OCI) inspect(ctx context.Context, ref string) (id, digest string, err error) {
	out, err := o.run(ctx, "image", "inspect", "--format", "{{.Id}} {{.Digest}}", ref)
	if o.Kind == "docker" {
		// docker knows a digest only for an image pulled from or pushed
		// to a registry; a local build or import has none, only its id.
		out, err = o.run(ctx, "image", "inspect", "--format", "{{.Id}}{{range .RepoDigests}} {{.}}{{end}}", ref)
	}
	if err != nil {
		return "", "", fmt.Errorf("image %s is not here", ref)
	}
	f := strings.Fields(string(out))
	if len(f) == 0 {
		return "", "", fmt.Errorf("image %s is not here", ref)
	}
	id = f[0]
	if len(f) > 1 {
		digest = f[1]
		if i := strings.LastIndex(digest, "@"); i >= 0 {
			digest = digest[i+1:]
		}
	}
	return id, digest, nil
}

// Build builds file (a Containerfile inside context) and returns the
// image, tagged by a key over commit, the file's content and its base
// images, so an unchanged build is reused.
func (o *OCI) Build(ctx context.Context, paper, commit, file, context string) (*Image, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read build file: %w", err)
	}
	fileHash := sha256.Sum256(data)
	h := sha256.New()
	fmt.Fprintf(h, "commit %s\nfile %x\n", commit, fileHash)
	for _, base := range bases(data) {
		id, _, err := o.inspect(ctx, base)
		if err != nil {
			id = "absent"
		}
		fmt.Fprintf(h, "base %s %s\n", base, id)
	}
	key := hex.EncodeToString(h.Sum(nil))[:16]
	tag := "localhost/repro-build-" + paper + ":" + key
	desc := fmt.Sprintf("file %s (sha256:%x), context %s, commit %s", filepath.Base(file), fileHash, filepath.Base(context), commit)
	if id, _, err := o.inspect(ctx, tag); err == nil {
		return &Image{Ref: tag, ID: id, Build: desc + ", cached"}, nil
	}
	if out, err := o.combined(ctx, "build", "--quiet", "-f", file, "-t", tag, context); err != nil {
		return nil, fmt.Errorf("build image from %s: %s", filepath.Base(file), lastLine(out, err))
	}
	id, _, err := o.inspect(ctx, tag)
	if err != nil {
		return nil, fmt.Errorf("inspect built image %s: %w", tag, err)
	}
	return &Image{Ref: tag, ID: id, Build: desc}, nil
}

// bases lists the FROM images of a Containerfile.
func bases(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && strings.EqualFold(f[0], "FROM") {
			i := 1
			for i < len(f) && strings.HasPrefix(f[i], "--") {
				i++
			}
			if i < len(f) && f[i] != "scratch" {
				out = append(out, f[i])
			}
		}
	}
	return out
}

func (o *OCI) combined(ctx context.Context, args ...string) ([]byte, error) {
	c := exec.CommandContext(ctx, o.Program, args...)
	c.Env = clientEnv()
	return c.CombinedOutput()
}

func lastLine(out []byte, err error) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return l
	}
	return err.Error()
}
