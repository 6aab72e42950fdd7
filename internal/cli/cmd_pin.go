package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/sandbox"
)

func init() {
	register(command{name: "pin", args: "[flags] PAPER…|--all", summary: "write what fetch and check found into specs (artifacts' sha256 and size, images' digests)", run: runPin})
}

// runPin writes into each spec the sha256 and size of the artifacts that
// lack them (review:), as their first fetch recorded them: in the
// artifact cache, or else in the paper's latest record. The spec is
// edited in place, comments and layout kept, and validated before it is
// written. An environment image given as a tag is rewritten to the
// digest the latest record resolved it to.
func runPin(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "pin", "[flags] PAPER…|--all", "Write into each spec what fetching found: the sha256 and size of artifacts that\nlack them (declared with review:), as `repro fetch` or `repro check` recorded them,\nand the digest of an environment image given as a tag, as the latest `repro check`\nresolved it: image: NAME:TAG becomes NAME@sha256:DIGEST. The spec keeps its comments\nand layout. An artifact's review: stays for a person to remove; the environment's\nreview:, which only excused the missing digest, is removed when it is one line.")
	ws.flags(fs, e, true)
	all := fs.Bool("all", false, "pin every spec in the specs folder")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	specs, bad, ok := ws.papers(e, "pin", fs.Args(), *all)
	if !ok {
		return ExitUsage
	}
	arts, err := ws.artifactCache(e, nil)
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	store := results.Store{Dir: ws.results}
	code := ExitOK
	for _, s := range specs {
		if s.Reproduce == nil {
			continue
		}
		var rec *results.Record
		if r, err := store.Latest(s.ID); err == nil {
			rec = r
		}
		pins := map[string]spec.ArtifactPin{}
		for _, a := range s.Reproduce.Artifacts {
			if a.SHA256 != "" && a.Size != 0 {
				continue
			}
			if sha, size, ok := arts.Recorded(a.URL); ok {
				pins[a.Name] = spec.ArtifactPin{SHA256: sha, Size: size}
				continue
			}
			found := false
			if rec != nil {
				for _, ra := range rec.Artifacts {
					if ra.Name == a.Name && ra.URL == a.URL && ra.SHA256 != "" && (a.SHA256 == "" || a.SHA256 == ra.SHA256) {
						pins[a.Name] = spec.ArtifactPin{SHA256: ra.SHA256, Size: ra.Size}
						found = true
					}
				}
			}
			if !found {
				errorf(e, "%s: artifact %s was never fetched: run repro fetch %s first", s.ID, a.Name, s.ID)
				code = ExitInfra
			}
		}
		if len(pins) > 0 {
			if err := pinFile(s.Path, pins, e); err != nil {
				errorf(e, "%s: %v", s.Path, err)
				code = ExitInfra
			}
		}
		if env := s.Reproduce.Environment; env != nil && env.Image != "" {
			if st := pinImage(s, rec, e); st != ExitOK {
				code = st
			}
		}
	}
	if len(bad) > 0 {
		return ExitUsage
	}
	return code
}

// pinImage writes into the spec of s the digest that rec, its latest
// record, resolved the environment's image tag to.
func pinImage(s *spec.Spec, rec *results.Record, e *env) int {
	image := s.Reproduce.Environment.Image
	if r, err := sandbox.ParseImage(image); err != nil || r.Digest != "" {
		return ExitOK
	}
	// Only a record that resolved this very reference counts: one from
	// before the spec changed its image says nothing about it.
	if rec == nil || rec.Environment == nil || rec.Environment.Image != image || rec.Environment.Digest == "" {
		errorf(e, "%s: image %s was never resolved: run repro check %s first", s.ID, image, s.ID)
		return ExitInfra
	}
	var pin *spec.ImagePin
	err := rewriteSpec(s.Path, func(data []byte) (out []byte, changed bool, err error) {
		out, pin, err = spec.PinImage(data, rec.Environment.Digest)
		return out, pin != nil, err
	})
	if err != nil {
		errorf(e, "%s: %v", s.Path, err)
		return ExitInfra
	}
	if pin != nil {
		fmt.Fprintf(e.stdout, "%s: image %s: pinned as %s\n", s.Path, pin.From, pin.To)
		if pin.Review != "" {
			fmt.Fprintf(e.stdout, "%s: environment review: %s\n", s.Path, pin.Review)
		}
	}
	return ExitOK
}

// pinFile rewrites the spec at path, checked before it replaces the old.
func pinFile(path string, pins map[string]spec.ArtifactPin, e *env) error {
	var changed []string
	err := rewriteSpec(path, func(data []byte) (out []byte, ok bool, err error) {
		out, changed, err = spec.PinArtifacts(data, pins)
		return out, len(changed) > 0, err
	})
	if err != nil {
		return err
	}
	for _, name := range changed {
		p := pins[name]
		fmt.Fprintf(e.stdout, "%s: artifact %s: sha256 %s, size %d\n", path, name, p.SHA256, p.Size)
	}
	return nil
}

// rewriteSpec replaces the spec at path with what edit makes of its text,
// when edit changed it and the result is a valid spec.
func rewriteSpec(path string, edit func([]byte) ([]byte, bool, error)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, changed, err := edit(data)
	if err != nil || !changed {
		return err
	}
	if _, err := spec.Decode(path, out); err != nil {
		return fmt.Errorf("the pinned spec would not be valid:\n%w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pin-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil {
		os.Chmod(tmp.Name(), st.Mode().Perm())
	}
	return os.Rename(tmp.Name(), path)
}
