package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/importer"
)

func init() {
	register(command{name: "import", args: "[--out DIR] [--force] [--dry-run] FILE|-", summary: "write spec skeletons, claims extracted, from a listing of abstracts", run: runImport})
	register(command{name: "new", args: "[--out DIR] [--force] ID TITLE", summary: "write a spec skeleton for one paper", run: runNew})
}

func runImport(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "import", "[--out DIR] [--force] [--dry-run] FILE|-", "Read a listing of paper abstracts (a daily-papers page, or one plain abstract;\n- reads stdin) and write one spec skeleton per paper, with the repository link\nand the quantitative claims found in the abstract. Claims the extractor is\nunsure of carry a review: note. Existing specs are never overwritten\nwithout --force.")
	out := fs.String("out", "specs", "folder to write the specs to")
	force := fs.Bool("force", false, "overwrite existing specs")
	dry := fs.Bool("dry-run", false, "print the specs instead of writing them")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 1 {
		errorf(e, "import: name one listing file, or - for stdin")
		return ExitUsage
	}
	var r io.Reader = os.Stdin
	name := fs.Arg(0)
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			errorf(e, "import: %v", err)
			return ExitUsage
		}
		defer f.Close()
		r = f
	}
	papers, err := importer.Parse(r)
	if err != nil {
		errorf(e, "import %s: %v", name, err)
		return ExitUsage
	}
	taken, byTitle := existingIDs(*out)
	var wrote, kept, review int
	for _, p := range papers {
		// A paper imported before keeps its id (and its reviewed spec);
		// a new one gets an id no other spec has.
		id, seen := byTitle[normTitle(p.Title)]
		if !seen {
			id = importer.ID(p.Title, taken)
		}
		taken[id] = true
		claims := importer.Extract(p.Abstract)
		for _, c := range claims {
			if c.Review != "" {
				review++
			}
		}
		data := importer.Skeleton(p, id, claims)
		path := filepath.Join(*out, id+".yaml")
		if *dry {
			fmt.Fprintf(e.stdout, "# %s (from %s:%d)\n%s\n", path, name, p.Line, data)
			continue
		}
		switch n, err := writeSpec(path, data, *force); {
		case err != nil:
			errorf(e, "import: %v", err)
			return ExitInfra
		case n:
			wrote++
			fmt.Fprintf(e.stdout, "wrote %s: %d %s\n", path, len(claims), plural(len(claims), "claim"))
		default:
			kept++
			fmt.Fprintf(e.stderr, "kept %s: it exists (use --force to overwrite)\n", path)
		}
	}
	fmt.Fprintf(e.stdout, "%d %s read; %d written, %d kept; %d %s marked for review\n", len(papers), plural(len(papers), "paper"), wrote, kept, review, plural(review, "claim"))
	return ExitOK
}

func runNew(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "new", "[--out DIR] [--force] ID TITLE", "Write specs/ID.yaml, a skeleton for one paper to fill in.")
	out := fs.String("out", "specs", "folder to write the spec to")
	force := fs.Bool("force", false, "overwrite an existing spec")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 2 {
		errorf(e, "new: give an id and a title: repro new gdnet \"Decoupling Fine Detail …\"")
		return ExitUsage
	}
	id := fs.Arg(0)
	if !spec.ValidID(id) {
		errorf(e, "new: id %q is not valid: use lower-case letters, digits and dashes", id)
		return ExitUsage
	}
	path := filepath.Join(*out, id+".yaml")
	ok, err := writeSpec(path, importer.NewSkeleton(fs.Arg(1), id), *force)
	if err != nil {
		errorf(e, "new: %v", err)
		return ExitInfra
	}
	if !ok {
		errorf(e, "new: %s exists (use --force to overwrite)", path)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s: replace its TODO placeholders, then run repro validate %s\n", path, path)
	return ExitOK
}

// existingIDs returns the spec ids already in dir, and their titles, read
// leniently: a half-edited spec still claims its id and title.
func existingIDs(dir string) (taken map[string]bool, byTitle map[string]string) {
	taken, byTitle = map[string]bool{}, map[string]string{}
	ps, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, p := range ps {
		id := spec.Stem(p)
		taken[id] = true
		data, err := os.ReadFile(p)
		if err != nil || len(data) > spec.MaxFileSize {
			continue
		}
		var head struct {
			Title string `yaml:"title"`
		}
		if yaml.Unmarshal(data, &head) == nil && head.Title != "" {
			byTitle[normTitle(head.Title)] = id
		}
	}
	return taken, byTitle
}

func normTitle(t string) string { return strings.ToLower(strings.Join(strings.Fields(t), " ")) }

// writeSpec writes data to path atomically; it reports false without
// writing when the file exists and force is off.
func writeSpec(path string, data []byte, force bool) (bool, error) {
	if _, err := os.Stat(path); err == nil && !force {
		return false, nil
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	return true, results.WriteFileAtomic(path, data)
}
