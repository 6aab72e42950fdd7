package check

import (
	"context"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/parallel"
)

// Fetch is what `repro fetch` brought into the caches for one paper.
type Fetch struct {
	Paper string `json:"paper"`
	// Repository is the code: its URL, the commit fetched and whether it
	// came from a mirror; nil for a paper without code.
	Repository *results.Repository `json:"repository,omitempty"`
	Artifacts  []results.Artifact  `json:"artifacts,omitempty"`
	// Errors say what could not be fetched; the rest was fetched anyway.
	Errors []string `json:"errors,omitempty"`
}

// FetchAll fetches the code and the artifacts of every paper ahead of a
// check, jobs papers at a time: what a cluster's login node does before
// compute nodes without network run the steps. Results are in the order
// of specs.
func FetchAll(ctx context.Context, specs []*spec.Spec, o Options, jobs int) []Fetch {
	out := make([]Fetch, len(specs))
	parallel.Limit(len(specs), jobs, func(i int) {
		out[i] = fetchOne(ctx, specs[i], &o)
	})
	return out
}

func fetchOne(ctx context.Context, s *spec.Spec, o *Options) Fetch {
	f := Fetch{Paper: s.ID}
	if s.Repository != nil && o.RepoDir == "" {
		o.progress(s.ID, "fetching %s", s.Repository.URL)
		rep := &results.Repository{URL: s.Repository.URL, Pinned: s.Repository.Commit, Source: "remote"}
		g, err := o.Cache.Fetch(ctx, s.Repository.URL, s.Repository.Commit)
		if err != nil {
			f.Errors = append(f.Errors, err.Error())
		} else {
			rep.Commit, rep.Transferred, rep.FetchSecond = g.Commit, g.Transferred, round(g.Duration.Seconds())
			if g.Mirrored {
				rep.Source = "mirror"
			}
			f.Repository = rep
		}
	}
	if s.Reproduce == nil {
		return f
	}
	for _, a := range s.Reproduce.Artifacts {
		o.progress(s.ID, "fetching artifact %s", a.Name)
		g, err := o.Artifacts.Fetch(ctx, want(a))
		if err != nil {
			f.Errors = append(f.Errors, err.Error())
			continue
		}
		f.Artifacts = append(f.Artifacts, results.Artifact{Name: a.Name, URL: a.URL, SHA256: g.SHA256, Size: g.Size, From: g.From, Seconds: round(g.Duration.Seconds())})
	}
	o.progress(s.ID, "fetched")
	return f
}
