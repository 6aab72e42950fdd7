package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// Backends: go-git (the default, needs nothing installed) and the git CLI,
// which fetches into the same bare entries and is measurably faster on
// large repositories (docs/benchmarks.md). Reading (Checkout) is go-git
// either way.
const (
	BackendGoGit = "go-git"
	BackendCLI   = "cli"
)

// backend is the fetch backend in use: c.Backend, else REPRO_GIT, else
// go-git; cli only where a git binary is installed.
func (c *Cache) backend() string {
	b := c.Backend
	if b == "" {
		b = os.Getenv("REPRO_GIT")
	}
	if b == BackendCLI {
		if _, err := exec.LookPath("git"); err == nil {
			return BackendCLI
		}
	}
	return BackendGoGit
}

// fetchCLI runs strategy s with the git CLI. Shallow: the commit alone
// (depth 1, by hash: protocol v2 servers, GitHub and git-upload-pack
// alike, allow it). History: the commit with its history, else every
// branch, for servers that refuse a want by hash.
func (c *Cache) fetchCLI(ctx context.Context, s strategy, dir, url, src, commit string) error {
	if strings.HasPrefix(src, "-") {
		return fmt.Errorf("git fetch: source %q starts with \"-\": refused, git would read it as an option", src)
	}
	want, dst := commit, "refs/repro/pins/"+commit
	if commit == "" {
		want, dst = "HEAD", "refs/remotes/origin/HEAD"
	}
	args := []string{"fetch", "--no-tags", "--no-write-fetch-head", "--force"}
	if s == shallowFetch {
		args = append(args, "--depth", "1")
	}
	// "--" ends the options: the source and refspec come from a spec and
	// a mirror, and must never be read as options such as --upload-pack.
	err := c.git(ctx, dir, url, append(args, "--", src, "+"+want+":"+dst)...)
	if err == nil || ctx.Err() != nil || s == shallowFetch {
		return err
	}
	return c.git(ctx, dir, url, "fetch", "--no-tags", "--no-write-fetch-head", "--force", "--", src, "+refs/heads/*:refs/heads/*")
}

func (c *Cache) git(ctx context.Context, dir, url string, args ...string) error {
	var stderr bytes.Buffer
	w := io.Writer(&stderr)
	if p := c.progress(url); p != nil {
		args = append(args[:1:1], append([]string{"--progress"}, args[1:]...)...)
		w = io.MultiWriter(&stderr, p)
	}
	// No automatic maintenance after the fetch: git fetch otherwise starts
	// `git maintenance run --auto` (a seventh process per fetch, after
	// git, sh, git-upload-pack, pack-objects, index-pack and the
	// connectivity check), and a cache entry is written once and then
	// only read.
	cmd := exec.CommandContext(ctx, "git", append([]string{"-c", "maintenance.auto=false", "-c", "gc.auto=0", "-C", dir}, args...)...)
	cmd.Stderr = w
	// No prompts, no user or system config that could change what is fetched.
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, remoteCorruption) {
			// git's last line is then index-pack's ("invalid index-pack
			// output"); say what went wrong instead.
			return fmt.Errorf("git %s: %v: %w (%s)", args[0], err, errRemoteBroken, remoteCorruption)
		}
		if i := strings.LastIndex(msg, "\n"); i >= 0 {
			msg = msg[i+1:]
		}
		return fmt.Errorf("git %s: %v: %s", args[0], err, msg)
	}
	return nil
}
