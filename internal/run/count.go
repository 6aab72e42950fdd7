package run

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/repro-harness/repro/harness/spec"
)

// Caps on a count: a hostile repository must not make a static measure
// read without end.
const (
	maxCountFiles = 100_000
	maxCountBytes = 512 << 20
)

// Count applies a counting rule to the tree at root: the number of regular
// files whose slash-separated path (relative to root) matches c.Files, or,
// with c.Regexp, the number of distinct matches (the first group, or the
// whole match) across those files. Symbolic links are not followed and
// .git folders are not entered.
func Count(root string, c spec.Count) (int, error) {
	k, err := newCounter(c)
	if err != nil {
		return 0, err
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		return k.add(filepath.ToSlash(rel), func(left int64) ([]byte, error) { return readCapped(p, left) })
	})
	if err != nil {
		return 0, err
	}
	return k.result(), nil
}

// A counter applies one counting rule to the regular files of a tree, fed
// one at a time by whatever walks the tree (a folder, a commit's objects),
// so that both count by the same rule and the same caps.
type counter struct {
	c        spec.Count
	pattern  []string
	re       *regexp.Regexp
	files    int
	read     int64
	distinct map[string]bool
}

func newCounter(c spec.Count) (*counter, error) {
	if err := spec.CheckRelPath(c.Files); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEscapes, err)
	}
	k := &counter{c: c, pattern: strings.Split(c.Files, "/"), distinct: map[string]bool{}}
	if c.Regexp != "" {
		var err error
		if k.re, err = regexp.Compile(c.Regexp); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// add counts the regular file at rel (slash-separated, relative to the
// tree) when it matches; read returns its content, or errCountCap when it
// holds more than left bytes, and is called only when a regexp needs it.
func (k *counter) add(rel string, read func(left int64) ([]byte, error)) error {
	if !MatchGlob(k.pattern, strings.Split(rel, "/")) {
		return nil
	}
	k.files++
	if k.files > maxCountFiles {
		return fmt.Errorf("more than %d files match %q", maxCountFiles, k.c.Files)
	}
	if k.re == nil {
		return nil
	}
	data, err := read(maxCountBytes - k.read)
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	k.read += int64(len(data))
	countMatches(k.re, data, k.distinct)
	return nil
}

// result is the number of matching files, or of distinct matches with a
// regexp.
func (k *counter) result() int {
	if k.re != nil {
		return len(k.distinct)
	}
	return k.files
}

// countMatches adds the distinct matches of re in data (its first group,
// or the whole match) to distinct.
func countMatches(re *regexp.Regexp, data []byte, distinct map[string]bool) {
	for _, m := range re.FindAllSubmatch(data, -1) {
		key := m[0]
		if len(m) > 1 {
			key = m[1]
		}
		distinct[string(key)] = true
	}
}

var errCountCap = errors.New("the files matched by the count hold more than the byte cap")

func readCapped(p string, left int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, left+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > left {
		return nil, fmt.Errorf("%w (%d bytes)", errCountCap, maxCountBytes)
	}
	return data, nil
}

// MatchGlob matches a path's segments against a glob's: each segment by
// path.Match, and "**" for any number of segments (none included).
// It memoises by position, so patterns with many ** stay linear in
// pattern × path length.
func MatchGlob(pattern, name []string) bool {
	memo := map[[2]int]bool{}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		key := [2]int{i, j}
		if v, ok := memo[key]; ok {
			return v
		}
		var ok bool
		switch {
		case i == len(pattern):
			ok = j == len(name)
		case pattern[i] == "**":
			ok = match(i+1, j) || (j < len(name) && match(i, j+1))
		case j == len(name):
			ok = false
		default:
			m, err := path.Match(pattern[i], name[j])
			ok = err == nil && m && match(i+1, j+1)
		}
		memo[key] = ok
		return ok
	}
	return match(0, 0)
}

// CountRule describes a counting rule in words, as a claim's source.
func CountRule(c spec.Count) string {
	if c.Regexp != "" {
		return fmt.Sprintf("count of distinct matches of %q in files %s", c.Regexp, c.Files)
	}
	return "count of files " + c.Files
}
