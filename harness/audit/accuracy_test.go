package audit

import (
	"archive/tar"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// truth is one hand-checked audit of a real repository, as kept in
// docs/audit-truth/<id>.yaml.
type truth struct {
	ID           string `yaml:"id"`
	Repo         string `yaml:"repo"`
	Commit       string `yaml:"commit"`
	Dependencies bool   `yaml:"dependencies"`
	Training     bool   `yaml:"training"`
	Evaluation   bool   `yaml:"evaluation"`
	Pretrained   bool   `yaml:"pretrained"`
	Results      bool   `yaml:"results"`
	License      string `yaml:"license"`
}

func (tr truth) item(name string) bool {
	switch name {
	case Dependencies:
		return tr.Dependencies
	case Training:
		return tr.Training
	case Evaluation:
		return tr.Evaluation
	case Pretrained:
		return tr.Pretrained
	case Results:
		return tr.Results
	}
	panic("unknown item " + name)
}

// mirrorRoot is REPRO_AUDIT_MIRRORS: a folder of bare copies of the real
// repositories, named <owner>+<name>/repo; "" when unset.
func mirrorRoot() string { return os.Getenv("REPRO_AUDIT_MIRRORS") }

// TestAccuracyOnMirrors measures the audit against hand-checked truth on
// real research repositories. It is a measurement: disagreements are
// logged, not failures. It fails only when mirrors exist but nothing
// could be compared, and skips where the mirrors or git are absent (CI).
//
// A truth licence of the form LicenseRef-* (a custom licence) agrees with
// "unknown", which is what the report's contract calls an unrecognised
// licence file.
func TestAccuracyOnMirrors(t *testing.T) {
	if testing.Short() {
		t.Skip("extracting the mirrors takes a while")
	}
	root := mirrorRoot()
	if root == "" {
		t.Skip("set REPRO_AUDIT_MIRRORS to a folder of mirrors (OWNER+NAME/repo) to measure the audit on real repositories")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no mirrors at %s", root)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	truths, err := filepath.Glob(filepath.Join("..", "..", "docs", "audit-truth", "*.yaml"))
	if err != nil || len(truths) == 0 {
		t.Skipf("no truth files: %v", err)
	}
	sort.Strings(truths)

	type disagreement struct{ repo, item, want, got, evidence string }
	type outcome struct {
		tr  truth
		rep *Report
	}
	// Extracting the trees dominates the time; do it a few at a time.
	outcomes := make([]*outcome, len(truths))
	sem := make(chan struct{}, max(2, runtime.NumCPU()/2))
	var wg sync.WaitGroup
	for i, file := range truths {
		tr, err := readTruth(file)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		gitDir := findGitDir(filepath.Join(root, strings.Replace(tr.Repo, "/", "+", 1)))
		if gitDir == "" {
			continue
		}
		dir := t.TempDir()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			missing, gitlinks, err := extract(gitDir, tr.Commit, dir)
			if err != nil {
				t.Errorf("%s: extract %s: %v", tr.ID, tr.Repo, err)
				return
			}
			rep, err := Tree(dir, Options{Missing: missing, Submodules: gitlinks})
			if err != nil {
				t.Errorf("%s: Tree: %v", tr.ID, err)
				return
			}
			outcomes[i] = &outcome{tr, rep}
		}()
	}
	wg.Wait()

	agreed := map[string]int{}
	total := map[string]int{}
	var wrong []disagreement
	compared := 0
	for _, o := range outcomes {
		if o == nil {
			continue
		}
		tr, rep := o.tr, o.rep
		compared++
		if os.Getenv("REPRO_AUDIT_DETAIL") != "" {
			var d strings.Builder
			for _, it := range Items {
				fmt.Fprintf(&d, " %s=%v(%s)", it, rep.Checklist[it].Found, rep.Checklist[it].Evidence)
			}
			t.Logf("%s: license=%s(%s)%s warnings=%q", tr.Repo, rep.License, rep.LicenseFile, d.String(), rep.Warnings)
		}
		for _, it := range Items {
			total[it]++
			got := rep.Checklist[it]
			if got.Found == tr.item(it) {
				agreed[it]++
				continue
			}
			wrong = append(wrong, disagreement{tr.Repo, it, fmt.Sprint(tr.item(it)), fmt.Sprint(got.Found), got.Evidence})
		}
		total["license"]++
		if licenseAgrees(tr.License, rep.License) {
			agreed["license"]++
		} else {
			wrong = append(wrong, disagreement{tr.Repo, "license", tr.License, rep.License, rep.LicenseFile})
		}
	}
	if compared == 0 {
		t.Fatalf("mirrors exist at %s but no truth file's repository could be compared", root)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "audit agreement with hand-checked truth on %d repositories:\n", compared)
	all, allTotal := 0, 0
	for _, it := range append(append([]string(nil), Items...), "license") {
		fmt.Fprintf(&b, "  %-13s %2d/%2d\n", it, agreed[it], total[it])
		all += agreed[it]
		allTotal += total[it]
	}
	fmt.Fprintf(&b, "  %-13s %2d/%2d\n", "all", all, allTotal)
	if len(wrong) > 0 {
		fmt.Fprintf(&b, "disagreements (repo, item, truth, got, evidence):\n")
		for _, w := range wrong {
			fmt.Fprintf(&b, "  %s\t%s\t%s\t%s\t%s\n", w.repo, w.item, w.want, w.got, w.evidence)
		}
	}
	t.Log(b.String())
}

func licenseAgrees(want, got string) bool {
	if strings.HasPrefix(want, "LicenseRef-") {
		return got == LicenseUnknown
	}
	return want == got
}

func readTruth(file string) (truth, error) {
	var tr truth
	b, err := os.ReadFile(file)
	if err != nil {
		return tr, err
	}
	if err := yaml.Unmarshal(b, &tr); err != nil {
		return tr, fmt.Errorf("decode: %w", err)
	}
	if tr.Repo == "" {
		return tr, errors.New("no repo")
	}
	return tr, nil
}

// findGitDir returns the git directory of a mirror (a bare repo/ or a
// clone's repo/.git), or "" when there is none.
func findGitDir(mirror string) string {
	for _, d := range []string{filepath.Join(mirror, "repo", ".git"), filepath.Join(mirror, "repo")} {
		if st, err := os.Stat(filepath.Join(d, "HEAD")); err == nil && !st.IsDir() {
			return d
		}
	}
	return ""
}

// extract writes the tree of commit (HEAD when the mirror lacks it) into
// dir with git archive, leaving out blobs the mirror does not have, which
// it returns as missing, and returns the submodule gitlink paths.
func extract(gitDir, commit, dir string) (missing, gitlinks []string, err error) {
	git := func(stdin io.Reader, args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"--git-dir=" + gitDir}, args...)...)
		cmd.Stdin = stdin
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(stderr.String()))
		}
		return out, nil
	}
	rev := "HEAD"
	if commit != "" {
		if _, err := git(nil, "cat-file", "-e", commit+"^{commit}"); err == nil {
			rev = commit
		}
	}
	ls, err := git(nil, "ls-tree", "-r", "-z", "--full-tree", rev)
	if err != nil {
		return nil, nil, err
	}
	var oids, paths []string
	for _, rec := range strings.Split(string(ls), "\x00") {
		meta, p, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta)
		if len(f) != 3 {
			continue
		}
		switch f[1] {
		case "commit":
			gitlinks = append(gitlinks, p)
		case "blob":
			oids = append(oids, f[2])
			paths = append(paths, p)
		}
	}
	check, err := git(strings.NewReader(strings.Join(oids, "\n")+"\n"), "cat-file", "--batch-check")
	if err != nil {
		return nil, nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(check))
	for i := 0; sc.Scan() && i < len(paths); i++ {
		if strings.HasSuffix(sc.Text(), " missing") {
			missing = append(missing, paths[i])
		}
	}
	args := []string{"archive", "--format=tar", rev, "--", "."}
	for _, p := range missing {
		args = append(args, ":(exclude,literal)"+p)
	}
	cmd := exec.Command("git", append([]string{"--git-dir=" + gitDir}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	uerr := untar(out, dir)
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, nil, fmt.Errorf("git archive: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return missing, gitlinks, uerr
}

// untar writes a tar stream's directories, files and symbolic links under
// dir, refusing names that would leave it.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(filepath.FromSlash(h.Name))
		if name == "." || filepath.IsAbs(name) || name == ".." || strings.HasPrefix(name, ".."+string(filepath.Separator)) {
			continue
		}
		p := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case tar.TypeSymlink:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.Symlink(h.Linkname, p); err != nil {
				return err
			}
		}
	}
}
