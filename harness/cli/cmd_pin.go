package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
)

func init() {
	register(command{name: "pin", args: "[flags] PAPER…|--all", summary: "write what fetch found (artifacts' sha256 and size) into specs", run: runPin})
}

// runPin writes into each spec the sha256 and size of the artifacts that
// lack them (review:), as their first fetch recorded them: in the
// artifact cache, or else in the paper's latest record. The spec is
// edited in place, comments and layout kept, and validated before it is
// written. Other things a fetch can pin (images) belong here too.
func runPin(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "pin", "[flags] PAPER…|--all", "Write into each spec what fetching found: the sha256 and size of artifacts that\nlack them (declared with review:), as `repro fetch` or `repro check` recorded them.\nThe spec keeps its comments and layout; review: stays for a person to remove.")
	ws.flags(fs, e, true)
	all := fs.Bool("all", false, "pin every spec in the specs folder")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 && !*all {
		errorf(e, "pin: name the papers to pin, or use --all")
		return ExitUsage
	}
	paths, err := ws.specPaths(fs.Args(), *all)
	if err != nil {
		errorf(e, "%v", err)
		return ExitUsage
	}
	specs, bad := loadSpecs(paths)
	for _, p := range bad {
		fmt.Fprintf(e.stderr, "repro: %s\n", p.Error())
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
		if len(pins) == 0 {
			continue
		}
		if err := pinFile(s.Path, pins, e); err != nil {
			errorf(e, "%s: %v", s.Path, err)
			code = ExitInfra
		}
	}
	if len(bad) > 0 {
		return ExitUsage
	}
	return code
}

// pinFile rewrites the spec at path, checked before it replaces the old.
func pinFile(path string, pins map[string]spec.ArtifactPin, e *env) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, changed, err := spec.PinArtifacts(data, pins)
	if err != nil {
		return err
	}
	if len(changed) == 0 {
		return nil
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	for _, name := range changed {
		p := pins[name]
		fmt.Fprintf(e.stdout, "%s: artifact %s: sha256 %s, size %d\n", path, name, p.SHA256, p.Size)
	}
	return nil
}
