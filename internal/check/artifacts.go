package check

import (
	"context"
	"errors"
	"fmt"

	"github.com/repro-harness/repro/harness/results"
	"github.com/repro-harness/repro/harness/spec"
	"github.com/repro-harness/repro/internal/artifact"
	"github.com/repro-harness/repro/internal/run"
)

// Fetched is an artifact in the cache, ready for the steps.
type Fetched struct {
	Name string `json:"name"`
	// Path is the verified file or its unpacked folder.
	Path string `json:"path"`
}

// FetchArtifacts brings a prepared paper's artifacts into the cache, so
// that its steps can run elsewhere without the network: the Slurm
// executor calls it on the submit host, before submitting. Run calls it
// itself when nobody did. It returns false when the paper stops here;
// its record then says why (skipped offline, unreachable, interrupted).
func FetchArtifacts(ctx context.Context, s *spec.Spec, p *Prepared, o Options) bool {
	if !p.Pending {
		return true
	}
	return fetchArtifacts(ctx, s, p, &o)
}

func fetchArtifacts(ctx context.Context, s *spec.Spec, p *Prepared, o *Options) bool {
	if p.ArtifactsFetched || s.Reproduce == nil || len(s.Reproduce.Artifacts) == 0 {
		return true
	}
	r := p.Record
	stop := func(status results.Status, reason string) bool {
		p.Pending = false
		if status == results.Skipped {
			// This machine lacks an input, as it might lack a GPU: the
			// rerun claims are skipped, artefact and static ones stand.
			notRun(s, r, reason, true)
			return false
		}
		r.Status, r.Reason = status, reason
		return false
	}
	if o.Artifacts == nil {
		return stop(results.Unreachable, "artifacts: no artifact cache configured")
	}
	for _, a := range s.Reproduce.Artifacts {
		o.progress(s.ID, "fetching artifact %s", a.Name)
		g, err := o.Artifacts.Fetch(ctx, want(a))
		if err != nil {
			var nc *artifact.NotCachedError
			switch {
			case ctx.Err() != nil:
				return stop(results.Interrupted, "interrupted: "+err.Error())
			case errors.As(err, &nc):
				// Offline without it: this machine lacks an input, as it
				// might lack a GPU.
				return stop(results.Skipped, nc.Error())
			}
			return stop(results.Unreachable, err.Error())
		}
		r.Artifacts = append(r.Artifacts, results.Artifact{
			Name: a.Name, URL: a.URL, SHA256: g.SHA256, Size: g.Size, From: g.From, Seconds: round(g.Duration.Seconds()),
		})
		p.Artifacts = append(p.Artifacts, Fetched{Name: a.Name, Path: g.Path})
	}
	p.ArtifactsFetched = true
	return true
}

// want is what the artifact cache is asked for a spec's artifact.
func want(a spec.Artifact) artifact.Want {
	return artifact.Want{Name: a.Name, URL: a.URL, SHA256: a.SHA256, Size: a.Size, Unpack: a.Unpack}
}

// artifactEnv names each artifact to the steps as REPRO_ARTIFACT_<NAME>
// and mounts it read-only at the same path.
func artifactEnv(fs []Fetched) (env []string, mounts []run.Mount) {
	for _, f := range fs {
		env = append(env, fmt.Sprintf("%s=%s", artifact.EnvName(f.Name), f.Path))
		mounts = append(mounts, run.Mount{Source: f.Path, ReadOnly: true})
	}
	return env, mounts
}
