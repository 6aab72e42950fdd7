package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/repro-harness/repro/internal/artifact"
)

// downloadEvents is what a cache reports for one 1 GiB download that
// resumed at 256 MiB and has reached 512 MiB.
func downloadEvents(p *progress) {
	p.artifact(artifact.Event{Name: "weights", Phase: artifact.PhaseStart, Source: "https://data.example/w.bin", Total: 1 << 30})
	time.Sleep(120 * time.Millisecond) // past the terminal's redraw throttle
	p.artifact(artifact.Event{Name: "weights", Phase: artifact.PhaseDownload, Done: 512 << 20, Total: 1 << 30, Resumed: 256 << 20})
	p.artifact(artifact.Event{Name: "weights", Phase: artifact.PhaseVerify, Total: 1 << 30})
	p.artifact(artifact.Event{Name: "weights", Phase: artifact.PhaseDone, Done: 1 << 30, Total: 1 << 30})
}

func TestArtifactProgress(t *testing.T) {
	t.Run("log", func(t *testing.T) {
		var b bytes.Buffer
		downloadEvents(newProgress(&env{stderr: &b}, false))
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		want := []string{
			`^\d\d:\d\d:\d\d artifact weights: fetching https://data.example/w.bin \(1.0 GiB\)$`,
			`^\d\d:\d\d:\d\d artifact weights: ready, 1.0 GiB in [0-9.]+s$`,
		}
		if len(lines) != len(want) {
			t.Fatalf("plain progress = %q; want %d lines (start and end; no redraws in a log)", b.String(), len(want))
		}
		for i, re := range want {
			if !regexp.MustCompile(re).MatchString(lines[i]) {
				t.Errorf("line %d = %q; want %s", i+1, lines[i], re)
			}
		}
	})
	t.Run("terminal", func(t *testing.T) {
		var b bytes.Buffer
		p := newProgress(&env{stderr: &b}, false)
		p.live = true
		p.last = time.Time{}
		downloadEvents(p)
		// The transfer line: bytes of total, rate of this run's bytes, ETA.
		re := regexp.MustCompile(`artifact weights +512\.0 MiB / 1\.0 GiB · [0-9.]+ [KMGT]iB/s · ETA [0-9hms.]+`)
		if !re.MatchString(b.String()) {
			t.Errorf("terminal progress = %q; want a line matching %s", b.String(), re)
		}
		if !strings.Contains(b.String(), "artifact weights                 ready, 1.0 GiB in") {
			t.Errorf("terminal progress = %q; want it to end ready", b.String())
		}
	})
	t.Run("off", func(t *testing.T) {
		var b bytes.Buffer
		downloadEvents(newProgress(&env{stderr: &b}, true))
		if b.Len() != 0 {
			t.Errorf("progress with --format json or -q = %q; want nothing", b.String())
		}
	})
}

func TestBytesText(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 1 << 30: "1.0 GiB", 5 << 40: "5.0 TiB"} {
		if got := bytesText(n); got != want {
			t.Errorf("bytesText(%d) = %q; want %q", n, got, want)
		}
	}
}
