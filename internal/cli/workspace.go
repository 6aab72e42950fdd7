package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/gitrepo"
	"github.com/repro-harness/repro/internal/mirror"
	"github.com/repro-harness/repro/internal/parallel"
)

// workspace holds the folders most commands share.
type workspace struct {
	specs   string
	results string
	cache   string
	mirrors listFlag
	// outside is the folder the search for a project started from, when it
	// found none and --specs was not given: naming a paper by id then fails.
	outside string
	// artifactMirrors rewrite artifact URLs (--artifact-mirror).
	artifactMirrors listFlag
}

// readsResults are the commands that only read records: outside a project
// and without --results they have nothing to read, which is an error
// rather than an empty table.
var readsResults = map[string]bool{"list": true, "show": true, "history": true, "report": true, "cancel": true}

// discover resolves the specs and results folders after flag parsing.
// Given folders must exist (results only for commands that read it).
// Otherwise the project root is the nearest folder, from the current one
// upwards, that holds a specs/ folder, as git finds .git: specs and
// results are its specs/ and results/, named relative to the current
// folder so that messages stay short.
func (w *workspace) discover(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["specs"] && !isDir(w.specs) {
		return fmt.Errorf("--specs %s: no such folder", w.specs)
	}
	if set["results"] && readsResults[fs.Name()] && !isDir(w.results) {
		return fmt.Errorf("--results %s: no such folder", w.results)
	}
	if set["specs"] && set["results"] {
		return nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("find the project: %w", err)
	}
	root := projectRoot(cwd)
	if root == "" {
		if !set["specs"] {
			w.outside = cwd
		}
		// A folder of records alone (a CI artefact, say) is enough to
		// read them.
		if !set["results"] && readsResults[fs.Name()] && !isDir(w.results) {
			return w.notInProject()
		}
		if fs.Name() == "matrix" && !set["specs"] {
			return w.notInProject()
		}
		return nil
	}
	rel, err := filepath.Rel(cwd, root)
	if err != nil {
		rel = root
	}
	if !set["specs"] {
		w.specs = filepath.Join(rel, "specs")
	}
	if !set["results"] {
		w.results = filepath.Join(rel, "results")
	}
	return nil
}

func (w *workspace) notInProject() error {
	return fmt.Errorf("not in a repro project (no specs/ folder found here or above): %s; run repro in the project, or name the folders with --specs and --results", w.outside)
}

// projectRoot is the nearest folder from dir upwards that holds a specs/
// folder, or "".
func projectRoot(dir string) string {
	for {
		if isDir(filepath.Join(dir, "specs")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func (w *workspace) flags(fs *flag.FlagSet, e *env, withCache bool) {
	fs.StringVar(&w.specs, "specs", "specs", "`DIR` of paper specs (default: specs/ of the project: here or the nearest folder above that has one)")
	fs.StringVar(&w.results, "results", "results", "`DIR` of run records (default: results/ beside the project's specs/)")
	afterParse(fs, func() error { return w.discover(fs) })
	if withCache {
		cache := e.getenv("REPRO_CACHE")
		if cache == "" {
			cache = gitrepo.DefaultDir()
		}
		fs.StringVar(&w.cache, "cache", cache, "repository cache `DIR` (env REPRO_CACHE)")
		fs.Var(&w.mirrors, "mirror", "rewrite repository URLs: `FROM=TO`, TO a URL or local folder (repeatable; env REPRO_MIRRORS, comma separated)")
		fs.Var(&w.artifactMirrors, "artifact-mirror", "rewrite artifact URLs: `FROM=TO`, TO a URL or local folder (repeatable; env REPRO_ARTIFACT_MIRRORS, comma separated)")
	}
}

// gitCache builds the repository cache from flags and environment; flags
// come first so they win over REPRO_MIRRORS for the same prefix.
func (w *workspace) gitCache(e *env) (*gitrepo.Cache, error) {
	ms, err := mirrorRules(e, w.mirrors, "REPRO_MIRRORS", gitrepo.ParseMirror)
	if err != nil {
		return nil, err
	}
	return &gitrepo.Cache{Dir: w.cache, Mirrors: ms}, nil
}

// mirrorRules reads FROM=TO rules from the flags, then from the
// environment variable named envName; a flag wins over the variable for
// the same FROM. Repositories and artifacts share the convention.
func mirrorRules(e *env, flags []string, envName string, parse func(string) (mirror.Rule, error)) ([]mirror.Rule, error) {
	var fromFlags []mirror.Rule
	for _, s := range flags {
		m, err := parse(s)
		if err != nil {
			return nil, err
		}
		fromFlags = append(fromFlags, m)
	}
	fromEnv, err := mirror.ParseList(e.getenv(envName), parse)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", envName, err)
	}
	return mirror.Merge(fromFlags, fromEnv), nil
}

// specPaths turns command-line papers into spec files: an argument ending
// in .yaml/.yml or naming an existing file is a path, a folder means every
// spec in it, anything else is a paper id under the specs folder.
func (w *workspace) specPaths(args []string, all bool) ([]string, error) {
	if all {
		if w.outside != "" {
			return nil, w.notInProject()
		}
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
		case w.outside != "":
			return nil, fmt.Errorf("paper %q: %w", a, w.notInProject())
		default:
			p := filepath.Join(w.specs, a+".yaml")
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("no spec for paper %q: %s does not exist%s", a, p, w.suggestPaper(a))
			}
			paths = append(paths, p)
		}
	}
	return dedupe(paths), nil
}

// suggestPaper is a did-you-mean for a paper id that has no spec, or the
// remedy when none is near.
func (w *workspace) suggestPaper(id string) string {
	var ids []string
	if ps, err := specsIn(w.specs); err == nil {
		for _, p := range ps {
			ids = append(ids, spec.Stem(p))
		}
	}
	if s := didYouMean(id, ids); s != "" {
		return s
	}
	return " (repro list shows the papers)"
}

// suggestRecord is a did-you-mean for a paper id that has no records.
func (w *workspace) suggestRecord(id string) string {
	entries, _ := os.ReadDir(w.results)
	var ids []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			ids = append(ids, e.Name())
		}
	}
	return didYouMean(id, ids)
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

// papers loads the specs of the papers a command names (or of every one,
// with --all), printing the problem of each invalid spec; the command
// goes on with the good ones and exits 2 at the end. ok is false after a
// usage error, already printed.
func (w *workspace) papers(e *env, cmd string, args []string, all bool) (specs []*spec.Spec, bad spec.Problems, ok bool) {
	if len(args) == 0 && !all {
		errorf(e, "%s: name the papers to %s, or use --all", cmd, cmd)
		return nil, nil, false
	}
	paths, err := w.specPaths(args, all)
	if err != nil {
		errorf(e, "%v", err)
		return nil, nil, false
	}
	specs, bad = loadSpecs(paths)
	for _, p := range bad {
		fmt.Fprintf(e.stderr, "repro: %s\n", p.Error())
	}
	return specs, bad, true
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
