// Package gitgen generates large synthetic git repositories quickly, with
// the git CLI's fast-import, for the benchmarks of the fetch, checkout and
// check paths. The content is deterministic for a given Size, so two runs
// benchmark the same repository. It also writes raw trees with go-git's
// plumbing (WriteTree, RawCommit): the malformed trees a hostile server
// can serve, for the tests and fuzz target of the checkout.
package gitgen

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
)

// Size is the shape of a generated repository.
type Size struct {
	Commits int
	Files   int   // files in the tree of the first commit
	Bytes   int64 // blob bytes over the whole history, roughly
}

// Full is the catalogue-scale repository of issue 8: about 5,000 commits,
// 20,000 files and 200 MB of content.
var Full = Size{Commits: 5000, Files: 20000, Bytes: 200 << 20}

// Small is a repository that generates and fetches in a few seconds.
var Small = Size{Commits: 500, Files: 2000, Bytes: 20 << 20}

// Tiny is for smoke runs (b.N = 1 in go test).
var Tiny = Size{Commits: 20, Files: 50, Bytes: 256 << 10}

// ParseSize reads "full", "small", "tiny" or "COMMITS,FILES,MB"; def is
// used for "".
func ParseSize(s string, def Size) (Size, error) {
	switch s {
	case "":
		return def, nil
	case "full":
		return Full, nil
	case "small":
		return Small, nil
	case "tiny":
		return Tiny, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return Size{}, fmt.Errorf("size %q: want full, small, tiny or COMMITS,FILES,MB", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 1 {
			return Size{}, fmt.Errorf("size %q: %q is not a positive number", s, p)
		}
		n[i] = v
	}
	return Size{Commits: n[0], Files: n[1], Bytes: int64(n[2]) << 20}, nil
}

func (s Size) String() string {
	return fmt.Sprintf("%d commits, %d files, %d MB", s.Commits, s.Files, s.Bytes>>20)
}

// Generate creates a bare repository at dir (which must not exist) whose
// branch main holds s.Commits commits: the first adds s.Files files (60% of
// the bytes), each later one rewrites two of them (the rest). The tree
// also holds the files an audit looks for (README with a results table,
// requirements.txt, train.py, eval.py, LICENSE). It returns the id of the
// head commit.
func Generate(ctx context.Context, dir string, s Size) (string, error) {
	if s.Commits < 1 || s.Files < 1 {
		return "", fmt.Errorf("generate %s: need at least one commit and one file", s)
	}
	if out, err := exec.CommandContext(ctx, "git", "init", "-q", "--bare", "--initial-branch=main", dir).CombinedOutput(); err != nil {
		return "", fmt.Errorf("git init %s: %v: %s", dir, err, out)
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "fast-import", "--quiet", "--done")
	in, err := cmd.StdinPipe()
	if err != nil {
		return "", err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("git fast-import: %w", err)
	}
	w := bufio.NewWriterSize(in, 1<<20)
	werr := write(w, s)
	if werr == nil {
		werr = w.Flush()
	}
	in.Close()
	if err := cmd.Wait(); err != nil || werr != nil {
		return "", fmt.Errorf("git fast-import: %v %v: %s", err, werr, stderr.String())
	}
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "refs/heads/main").Output()
	if err != nil {
		return "", fmt.Errorf("git rev-parse: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

var audited = map[string]string{
	"README.md":        "# Synthetic paper\n\n| method | ratio |\n|---|---|\n| ours | 2.0x |\n\nRun `python train.py` then `python eval.py`.\n",
	"requirements.txt": "numpy==1.26.4\ntorch==2.3.0\n",
	"train.py":         "import torch\n\ndef train():\n    pass\n",
	"eval.py":          "import json\nprint(json.dumps({'ratio': 2.0}))\n",
	"LICENSE":          "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n",
}

func write(w *bufio.Writer, s Size) error {
	rng := rand.New(rand.NewPCG(uint64(s.Commits), uint64(s.Files)))
	first := s.Bytes * 6 / 10
	per := int(first / int64(s.Files))
	later := 0
	if s.Commits > 1 {
		later = int((s.Bytes - first) / int64(s.Commits-1) / 2)
	}
	buf := make([]byte, 0, max(per, later)+64)
	when := int64(1735689600) // 2025-01-01
	for c := 0; c < s.Commits; c++ {
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter Bench <bench@example.com> %d +0000\n", when+int64(c)*3600)
		msg := fmt.Sprintf("commit %d", c)
		fmt.Fprintf(w, "data %d\n%s\n", len(msg), msg)
		if c == 0 {
			for name, body := range audited {
				fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", name, len(body), body)
			}
			for i := 0; i < s.Files; i++ {
				buf = text(rng, buf[:0], per)
				fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", path(i), len(buf))
				w.Write(buf)
				w.WriteByte('\n')
			}
		} else {
			for k := 0; k < 2; k++ {
				buf = text(rng, buf[:0], later)
				fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", path(rng.IntN(s.Files)), len(buf))
				w.Write(buf)
				w.WriteByte('\n')
			}
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	_, err := w.WriteString("done\n")
	return err
}

func path(i int) string {
	return fmt.Sprintf("src/d%03d/f%05d.py", i/100, i)
}

// words makes the content compress about as well as source code (zlib
// about 3:1), so pack sizes are realistic.
var words = strings.Fields("def return self import for in if else elif while with as not and or None True False " +
	"tensor model layer batch loss optimizer config data loader encoder decoder compress ratio bits " +
	"x y z i j k n m = == + - * / ( ) [ ] : , . 0 1 2 3 4 5 6 7 8 9")

func text(rng *rand.Rand, b []byte, n int) []byte {
	col := 0
	for len(b) < n {
		if rng.IntN(50) == 0 {
			b = append(b, fmt.Sprintf("v%08x", rng.Uint32())...)
		}
		wd := words[rng.IntN(len(words))]
		b = append(b, wd...)
		col += len(wd) + 1
		if col > 72 {
			b = append(b, '\n')
			col = 0
		} else {
			b = append(b, ' ')
		}
	}
	return b
}
