package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
)

func init() {
	register(command{name: "matrix", args: "[--shards N]", summary: "the catalogue's shards as JSON, for a CI matrix job", run: runMatrix})
}

// shard is one entry of a GitHub Actions matrix include list.
type shard struct {
	Shard  int    `json:"shard"`
	Papers string `json:"papers"` // space separated, for a shell command line
}

func runMatrix(ctx context.Context, e *env, args []string) int {
	var ws workspace
	fs := newFlags(e, "matrix", "[--shards N]", `Print the papers of the specs folder split into N balanced shards, as one
line of JSON for a GitHub Actions matrix:

  {"include":[{"shard":1,"papers":"a c"},{"shard":2,"papers":"b d"}]}

Papers are dealt in turn in id order, so shards differ by at most one
paper; there are never empty shards.`)
	ws.flags(fs, e, false)
	n := fs.Int("shards", 4, "number of shards (at least 1)")
	if st := parse(e, fs, args); st >= 0 {
		return st
	}
	if fs.NArg() > 0 {
		errorf(e, "matrix: unexpected argument %q", fs.Arg(0))
		return ExitUsage
	}
	if *n < 1 {
		errorf(e, "matrix: --shards %d: need at least 1", *n)
		return ExitUsage
	}
	paths, err := specsIn(ws.specs)
	if err != nil {
		errorf(e, "matrix: %v", err)
		return ExitUsage
	}
	ids := make([]string, len(paths))
	for i, p := range paths {
		ids[i] = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(p), ".yaml"), ".yml")
	}
	json.NewEncoder(e.stdout).Encode(map[string][]shard{"include": shards(ids, *n)})
	return ExitOK
}

// shards deals ids (sorted) into at most n lists, in turn.
func shards(ids []string, n int) []shard {
	if n > len(ids) {
		n = len(ids)
	}
	lists := make([][]string, n)
	for i, id := range ids {
		lists[i%n] = append(lists[i%n], id)
	}
	out := []shard{}
	for i, l := range lists {
		out = append(out, shard{Shard: i + 1, Papers: strings.Join(l, " ")})
	}
	return out
}
