package cli

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/repro-harness/repro/internal/artifact"
)

// artifactCache builds the artifact cache under the repository cache
// folder. Mirrors from flags come first, so they win over
// REPRO_ARTIFACT_MIRRORS for the same prefix; REPRO_OFFLINE=1 forbids the
// network. HF_TOKEN is read by the cache when it makes a request, and is
// never stored.
func (w *workspace) artifactCache(e *env, prog *progress) (*artifact.Cache, error) {
	ms, err := mirrorRules(e, w.artifactMirrors, "REPRO_ARTIFACT_MIRRORS", artifact.ParseMirror)
	if err != nil {
		return nil, err
	}
	offline, err := offlineMode(e)
	if err != nil {
		return nil, err
	}
	c := &artifact.Cache{
		Dir: filepath.Join(w.cache, "artifacts"), Mirrors: ms, Offline: offline,
		Getenv: e.getenv, UserAgent: "repro/" + Version,
	}
	if prog != nil {
		c.Progress = prog.artifact
	}
	return c, nil
}

func offlineMode(e *env) (bool, error) {
	switch v := e.getenv("REPRO_OFFLINE"); v {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, fmt.Errorf("REPRO_OFFLINE=%q: use 1 (no network) or 0", v)
	}
}

// artState is one download as the progress display follows it.
type artState struct {
	start      time.Time
	resumed    int64
	lastPlain  time.Time
	downloaded bool
}

// artifact is artifact.Cache.Progress: bytes, rate and ETA of each
// download on a terminal, redrawn in place; plain lines in CI logs (the
// start, every ten seconds, the end); nothing when off.
func (p *progress) artifact(ev artifact.Event) {
	if p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.arts == nil {
		p.arts = map[string]*artState{}
	}
	key := "artifact " + ev.Name
	st := p.arts[ev.Name]
	now := time.Now()
	var line string
	plain := true
	switch ev.Phase {
	case artifact.PhaseStart:
		st = &artState{start: now, resumed: -1, lastPlain: now}
		p.arts[ev.Name] = st
		line = "fetching " + ev.Source
		if ev.Total > 0 {
			line += " (" + bytesText(ev.Total) + ")"
		}
	case artifact.PhaseDownload:
		if st == nil {
			return
		}
		if st.resumed < 0 {
			st.resumed = ev.Resumed
		}
		st.downloaded = true
		line = transferText(ev, st, now)
		// A terminal is redrawn ten times a second, a log every ten.
		if p.live && now.Sub(p.last) < 100*time.Millisecond && ev.Done != ev.Total {
			p.stages[key] = line
			return
		}
		plain = now.Sub(st.lastPlain) >= 10*time.Second
	case artifact.PhaseVerify:
		line = "verifying sha256"
		plain = false
	case artifact.PhaseUnpack:
		line = "unpacking"
	case artifact.PhaseDone:
		line = "ready, " + bytesText(ev.Total)
		if st != nil && st.downloaded {
			secs := now.Sub(st.start).Seconds()
			line += fmt.Sprintf(" in %.1fs", secs)
		}
		delete(p.arts, ev.Name)
	}
	if !p.live {
		if plain {
			if st != nil {
				st.lastPlain = now
			}
			fmt.Fprintf(p.e.stderr, "%s %s: %s\n", now.UTC().Format("15:04:05"), key, line)
		}
		return
	}
	p.stages[key] = line
	p.redraw()
}

func transferText(ev artifact.Event, st *artState, now time.Time) string {
	s := bytesText(ev.Done)
	if ev.Total > 0 {
		s += " / " + bytesText(ev.Total)
	}
	secs := now.Sub(st.start).Seconds()
	if secs <= 0 {
		return s
	}
	rate := float64(ev.Done-st.resumed) / secs
	s += " · " + bytesText(int64(rate)) + "/s"
	if ev.Total > 0 && rate > 0 && ev.Done < ev.Total {
		eta := time.Duration(float64(ev.Total-ev.Done) / rate * float64(time.Second))
		s += " · ETA " + eta.Round(time.Second).String()
	}
	return s
}

// bytesText writes n in binary units with one decimal: 1.5 GiB.
func bytesText(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}
