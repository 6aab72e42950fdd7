package results

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// machinePath matches an absolute path that names a folder of the machine
// that made a file rather than something a reader can repeat: the usual
// work, home and temporary roots, at the start of a path (not inside a URL
// such as https://host/work/…).
var machinePath = regexp.MustCompile(`(^|[^A-Za-z0-9_.~/-])(/work/|/root/|/tmp/|/home/runner/)`)

var quotedRoot = regexp.MustCompile("`/(work|root|tmp)/`")

// TestCommittedFilesHoldNoMachinePaths keeps the published catalogue free of
// paths of the machine that made it: specs, records, logs, reports and docs
// are read by people on other machines, and a record names a local mirror
// by its URL rule, not by its folder.
func TestCommittedFilesHoldNoMachinePaths(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// The checkout's own folder and this user's home and temporary folders,
	// wherever they are, besides the fixed roots above.
	own := []string{root + string(filepath.Separator)}
	if home, err := os.UserHomeDir(); err == nil && len(home) > 1 {
		own = append(own, home+string(filepath.Separator))
	}
	if tmp := os.TempDir(); len(tmp) > 1 {
		own = append(own, strings.TrimSuffix(tmp, string(filepath.Separator))+string(filepath.Separator))
	}
	checked := 0
	check := func(path string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Error(err)
			return
		}
		checked++
		rel, _ := filepath.Rel(root, path)
		for i, line := range strings.Split(string(b), "\n") {
			// A root named on its own in code quotes (docs listing what
			// is refused) is a mention, not a path.
			line = quotedRoot.ReplaceAllString(line, "")
			hit := ""
			if m := machinePath.FindStringSubmatch(line); m != nil {
				hit = m[2]
			}
			for _, p := range own {
				if hit == "" && strings.Contains(line, p) {
					hit = p
				}
			}
			if hit != "" {
				t.Errorf("%s:%d: names a path of this machine (%s…): cite the public source, or name a mirror by its rule", rel, i+1, hit)
			}
		}
	}
	for _, dir := range []string{"specs", "results", "docs"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() {
				check(path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check(filepath.Join(root, "STATUS.md"))
	if checked < 43 {
		t.Fatalf("checked %d files; want at least the 42 specs and STATUS.md", checked)
	}
}

func TestMachinePathPattern(t *testing.T) {
	for _, s := range []string{
		`"location": "/work/mirrors/a/b"`,
		`mirror https://github.com/=/tmp/m`,
		`cache at /root/.cache/repro`,
		`/work/x at the start`,
	} {
		if !machinePath.MatchString(s) {
			t.Errorf("%q: not flagged", s)
		}
	}
	for _, s := range []string{
		`"location": "https://github.com/=<local>"`,
		`https://example.org/work/page`,
		`see docs/spec.md and ./tmp/ in the tree`,
		`<cache>work/ is not a path of this machine`,
		"the roots `/work/`, `/root/` and `/tmp/` are refused",
	} {
		if machinePath.MatchString(quotedRoot.ReplaceAllString(s, "")) {
			t.Errorf("%q: flagged", s)
		}
	}
}
