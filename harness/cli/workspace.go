package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/gitrepo"
	"github.com/repro-harness/repro/harness/parallel"
	"github.com/repro-harness/repro/harness/spec"
)

// workspace holds the folders most commands share.
type workspace struct {
	specs   string
	results string
	cache   string
	mirrors listFlag
}

func (w *workspace) flags(fs *flag.FlagSet, e *env, withCache bool) {
	fs.StringVar(&w.specs, "specs", "specs", "folder of paper specs")
	fs.StringVar(&w.results, "results", "results", "folder of run records")
	if withCache {
		cache := e.getenv("REPRO_CACHE")
		if cache == "" {
			cache = gitrepo.DefaultDir()
		}
		fs.StringVar(&w.cache, "cache", cache, "repository cache folder (env REPRO_CACHE)")
		fs.Var(&w.mirrors, "mirror", "rewrite repository URLs: `FROM=TO`, TO a URL or local folder (repeatable; env REPRO_MIRRORS, comma separated)")
	}
}

// gitCache builds the repository cache from flags and environment; flags
// come first so they win over REPRO_MIRRORS for the same prefix.
func (w *workspace) gitCache(e *env) (*gitrepo.Cache, error) {
	var ms []gitrepo.Mirror
	for _, s := range w.mirrors {
		m, err := gitrepo.ParseMirror(s)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	envMs, err := gitrepo.ParseMirrors(e.getenv("REPRO_MIRRORS"))
	if err != nil {
		return nil, fmt.Errorf("REPRO_MIRRORS: %w", err)
	}
	for _, m := range envMs {
		dup := false
		for _, x := range ms {
			dup = dup || x.From == m.From
		}
		if !dup {
			ms = append(ms, m)
		}
	}
	return &gitrepo.Cache{Dir: w.cache, Mirrors: ms}, nil
}

// specPaths turns command-line papers into spec files: an argument ending
// in .yaml/.yml or naming an existing file is a path, a folder means every
// spec in it, anything else is a paper id under the specs folder.
func (w *workspace) specPaths(args []string, all bool) ([]string, error) {
	if all {
		args = append(args, w.specs)
	}
	var paths []string
	for _, a := range args {
		st, err := os.Stat(a)
		switch {
		case err == nil && st.IsDir():
			ps, err := specsIn(a)
			if err != nil {
				return nil, err
			}
			paths = append(paths, ps...)
		case err == nil || strings.HasSuffix(a, ".yaml") || strings.HasSuffix(a, ".yml"):
			paths = append(paths, a)
		case !spec.ValidID(a):
			return nil, fmt.Errorf("%q is neither a spec file nor a paper id (ids are lower-case letters, digits and dashes)", a)
		default:
			p := filepath.Join(w.specs, a+".yaml")
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("no spec for paper %q: %s does not exist (repro list shows the papers)", a, p)
			}
			paths = append(paths, p)
		}
	}
	return dedupe(paths), nil
}

func specsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read specs: %w", err)
	}
	var ps []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) && !strings.HasPrefix(n, ".") {
			ps = append(ps, filepath.Join(dir, n))
		}
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("no specs (*.yaml) in %s", dir)
	}
	sort.Strings(ps)
	return ps, nil
}

func dedupe(ps []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		c := filepath.Clean(p)
		if !seen[c] {
			seen[c] = true
			out = append(out, p)
		}
	}
	return out
}

// loadSpecs loads every path, returning the good specs and the problems
// of the bad ones, so one bad spec never hides the others.
func loadSpecs(paths []string) ([]*spec.Spec, spec.Problems) {
	// Decoding is CPU-bound (YAML parsing): spread it over the CPUs, then
	// collect in path order so the output stays deterministic.
	specs := make([]*spec.Spec, len(paths))
	errs := make([]error, len(paths))
	parallel.Do(len(paths), func(i int) { specs[i], errs[i] = spec.Load(paths[i]) })
	var good []*spec.Spec
	var bad spec.Problems
	for i, err := range errs {
		if err == nil {
			good = append(good, specs[i])
			continue
		}
		var ps spec.Problems
		if errors.As(err, &ps) {
			bad = append(bad, ps...)
		} else {
			bad = append(bad, spec.Problem{File: paths[i], Msg: err.Error()})
		}
	}
	return good, bad
}
