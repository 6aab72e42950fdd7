package audit

import (
	"bufio"
	"bytes"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
)

// lfsPointers lists the files that are Git LFS pointers rather than the
// content they stand for. Only files small enough to be a pointer are read,
// and only their first bytes.
func (t *tree) lfsPointers(r *Report) []string {
	var out []string
	for _, f := range t.files {
		if t.ctx.Err() != nil {
			break
		}
		if f.size < lfsMin || f.size >= lfsCandidate {
			continue
		}
		b, _ := t.read(r, f.path, lfsHead)
		if IsLFSPointer(b) {
			out = append(out, f.path)
		}
	}
	return out
}

// IsLFSPointer reports whether b, the start of a file, is a Git LFS
// pointer.
func IsLFSPointer(b []byte) bool {
	return bytes.HasPrefix(b, []byte(lfsPointerHead))
}

// submodules reads .gitmodules and says, for each submodule, whether its
// content is there: the checkout found its gitlink (listed), or its folder
// holds files.
func (t *tree) submodules(r *Report, listed []string) []Module {
	if !t.byKey[".gitmodules"] {
		return nil
	}
	b, cut := t.read(r, ".gitmodules", maxGitmodules)
	if b == nil {
		return nil
	}
	if cut {
		r.Warnings = append(r.Warnings, fmt.Sprintf(".gitmodules: longer than %d bytes; read the first %d", maxGitmodules, maxGitmodules))
	}
	have := map[string]bool{}
	for _, p := range listed {
		have[strings.Trim(path.Clean(p), "/")] = true
	}
	mods := ParseGitmodules(b)
	for i := range mods {
		p := mods[i].Path
		mods[i].Resolved = have[p] || t.nonEmpty(p)
	}
	return mods
}

// nonEmpty reports whether the folder dir holds any file.
func (t *tree) nonEmpty(dir string) bool {
	if !t.dirs[dir] {
		return false
	}
	prefix := dir + "/"
	i := sort.Search(len(t.files), func(i int) bool { return t.files[i].path >= prefix })
	return i < len(t.files) && strings.HasPrefix(t.files[i].path, prefix)
}

var sectionRe = regexp.MustCompile(`^\[\s*submodule\s+"(.*)"\s*\]$`)

// ParseGitmodules reads the submodules a .gitmodules file declares, in
// the order of their paths. A section without a path uses its name, as git
// does when it was written by hand; malformed lines are skipped.
func ParseGitmodules(b []byte) []Module {
	var mods []Module
	cur := -1 // index into mods of the section being read
	names := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if strings.HasPrefix(line, "[") {
			cur = -1
			if m := sectionRe.FindStringSubmatch(line); m != nil {
				i, ok := names[m[1]]
				if !ok {
					i = len(mods)
					names[m[1]] = i
					mods = append(mods, Module{Path: m[1]})
				}
				cur = i
			}
			continue
		}
		if cur < 0 {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "path":
			mods[cur].Path = strings.Trim(path.Clean(v), "/")
		case "url":
			mods[cur].URL = v
		}
	}
	sort.SliceStable(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return mods
}
