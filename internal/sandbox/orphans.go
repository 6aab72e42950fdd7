package sandbox

import (
	"context"
	"os"
	"strconv"
	"strings"
)

// RemoveOrphans removes the containers that a repro process on this host
// started and left behind when it was killed (kill -9 gives it no chance
// to clean up): those whose owner label names a process that no longer
// runs, and the client folders of those containers. It returns the
// names of the containers it removed.
func (o *OCI) RemoveOrphans(ctx context.Context) ([]string, error) {
	// podman's ps template has the labels as a map, docker's a Label
	// method (its .Labels is one comma-joined string).
	format := `{{.Names}} {{index .Labels "` + LabelOwner + `"}}`
	if o.Kind == "docker" {
		format = `{{.Names}} {{.Label "` + LabelOwner + `"}}`
	}
	out, err := o.run(ctx, "ps", "--all", "--filter", "label="+LabelOwner, "--format", format)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	var removed []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		h, p, ok := strings.Cut(f[1], ":")
		pid, err := strconv.Atoi(p)
		if !ok || err != nil || h != host || alivePid(pid) {
			continue
		}
		if err := o.remove(ctx, f[0]); err == nil {
			removed = append(removed, f[0])
			// The client's folder: the container is named after its job.
			os.RemoveAll(clientDir(&Job{ID: f[0]}))
		}
	}
	return removed, nil
}
