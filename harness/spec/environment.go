package spec

import (
	"strings"

	"github.com/repro-harness/repro/internal/sandbox"
)

// validateEnvironment checks reproduce.environment: exactly one of an
// image pinned by digest (or reviewed), a build file inside the
// repository, or the host.
func (d *decoder) validateEnvironment(e *Environment) {
	if e == nil {
		return
	}
	const p = "reproduce.environment"
	n := 0
	if e.Image != "" {
		n++
	}
	if e.Build != nil {
		n++
	}
	if e.Host {
		n++
	}
	if n != 1 {
		d.at(p, "reproduce.environment takes exactly one of image (NAME@sha256:DIGEST), build ({file: Containerfile}) or host: true")
	}
	if e.Image != "" {
		r, err := sandbox.ParseImage(e.Image)
		switch {
		case err != nil:
			d.at(p+".image", "image %q: %v", e.Image, err)
		case r.Digest == "" && strings.TrimSpace(e.Review) == "":
			d.at(p+".image", "image %q has no digest: pin it as %s@sha256:DIGEST, or set review: to say why not yet (the first run records the digest it resolved; `repro pin` writes it here)", e.Image, r.String())
		}
	}
	if b := e.Build; b != nil {
		if b.File == "" {
			d.at(p+".build", "build has no file: name the Containerfile or Dockerfile in the repository")
		} else if msg := checkRelPath(b.File); msg != "" {
			d.at(p+".build.file", "build file %q %s", b.File, msg)
		}
		if b.Context != "" {
			if msg := checkRelPath(b.Context); msg != "" {
				d.at(p+".build.context", "build context %q %s", b.Context, msg)
			}
		}
	}
}
