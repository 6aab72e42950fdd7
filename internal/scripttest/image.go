package scripttest

import (
	"context"
	"debug/elf"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/repro-harness/repro/internal/sandbox"
)

// ErrNoImage says why no test image can be made here (podman missing or
// unable to start containers, no static busybox); tests skip on it.
var ErrNoImage = errors.New("no test image")

// BusyboxImage returns the tag of a local image holding only the host's
// static busybox, importing it into o's engine (podman or docker) once
// per busybox binary: the container tests need no registry. Its error
// wraps ErrNoImage where the machine cannot make or run one.
func BusyboxImage(o *sandbox.OCI) (string, error) {
	if !o.Usable(context.Background()) {
		return "", fmt.Errorf("%w: %s is installed but cannot start containers here", ErrNoImage, o.Kind)
	}
	program := o.Program
	bb, err := exec.LookPath("busybox")
	if err != nil {
		return "", fmt.Errorf("%w: busybox not found: install busybox-static to build the test image", ErrNoImage)
	}
	if f, err := elf.Open(bb); err == nil {
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				return "", fmt.Errorf("%w: busybox is dynamically linked: install busybox-static to build the test image", ErrNoImage)
			}
		}
	}
	st, err := os.Stat(bb)
	if err != nil {
		return "", err
	}
	tag := fmt.Sprintf("localhost/repro-test-busybox:%d", st.Size())
	if exec.Command(program, "image", "inspect", tag).Run() == nil {
		return tag, nil
	}
	root, err := os.MkdirTemp("", "repro-busybox-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(root)
	for _, d := range []string{"bin", "tmp", "etc", "proc", "sys", "dev"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	data, err := os.ReadFile(bb)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(root, "bin", "busybox"), data, 0o755); err != nil {
		return "", err
	}
	for _, c := range []string{"sh", "cat", "echo", "sleep", "ls", "nc", "wget", "head", "tr", "touch", "env", "true", "false", "id", "setsid"} {
		os.Symlink("busybox", filepath.Join(root, "bin", c))
	}
	tar := exec.Command("tar", "-C", root, "-c", ".")
	imp := exec.Command(program, "import", "-", tag)
	pipe, err := tar.StdoutPipe()
	if err != nil {
		return "", err
	}
	imp.Stdin = pipe
	if err := tar.Start(); err != nil {
		return "", fmt.Errorf("tar the busybox root: %w", err)
	}
	out, err := imp.CombinedOutput()
	tar.Wait()
	if err != nil {
		return "", fmt.Errorf("%s import: %v: %s", o.Kind, err, out)
	}
	return tag, nil
}

var (
	podmanOnce sync.Once
	podmanTag  string
	podmanErr  error
)

// podmanImage makes the busybox test image once per test binary.
func podmanImage() (string, error) {
	podmanOnce.Do(func() {
		program, err := exec.LookPath("podman")
		if err != nil {
			podmanErr = fmt.Errorf("%w: podman is not installed", ErrNoImage)
			return
		}
		podmanTag, podmanErr = BusyboxImage(&sandbox.OCI{Program: program, Kind: "podman"})
	})
	return podmanTag, podmanErr
}

// Condition holds the scripts' own conditions, for
// testscript.Params.Condition: [podman] is true where podman can start
// containers and the busybox test image can be made, [pidscgroup] where
// host steps get a pids cgroup of their own (root).
func Condition(cond string) (bool, error) {
	switch cond {
	case "pidscgroup":
		_, how := sandbox.PidsLimit(sandbox.Bare{}, 0)
		return how == sandbox.PidsCgroup, nil
	case "podman":
		_, err := podmanImage()
		if err != nil && !errors.Is(err, ErrNoImage) {
			return false, err
		}
		return err == nil, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// cmdBusyboximage FILE... makes (or finds) the busybox test image, sets
// $BUSYBOX_IMAGE to its reference pinned by digest
// (localhost/repro-test-busybox@sha256:…) and $BUSYBOX_DIGEST to the
// digest, and writes the reference in place of the word BUSYBOX_IMAGE in
// each FILE. Guard it with [podman].
func cmdBusyboximage(ts *testscript.TestScript, neg bool, args []string) {
	tag, err := podmanImage()
	ts.Check(err)
	program, err := exec.LookPath("podman")
	ts.Check(err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, program, "image", "inspect", "--format", "{{.Digest}}", tag).Output()
	ts.Check(err)
	digest := strings.TrimSpace(string(out))
	if !strings.HasPrefix(digest, "sha256:") {
		ts.Fatalf("image %s has no digest: %q", tag, digest)
	}
	name := tag
	if i := strings.LastIndex(tag, ":"); i > strings.LastIndex(tag, "/") {
		name = tag[:i]
	}
	ref := name + "@" + digest
	ts.Setenv("BUSYBOX_IMAGE", ref)
	ts.Setenv("BUSYBOX_DIGEST", digest)
	for _, f := range args {
		p := ts.MkAbs(f)
		b, err := os.ReadFile(p)
		ts.Check(err)
		ts.Check(os.WriteFile(p, []byte(strings.ReplaceAll(string(b), "BUSYBOX_IMAGE", ref)), 0o644))
	}
}
