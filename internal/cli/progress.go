package cli

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// progress reports each paper's stage on stderr, and nothing when off (-q,
// --format json). Through a pipe (CI logs) it writes one plain
// timestamped line per stage. On a terminal it works as cargo and docker
// compose do: a live region at the bottom, redrawn in place and never
// taller than the terminal, shows the papers in progress (with the
// transfer progress of their fetch) and an overall "n/N done, ETA" line;
// each finished paper is printed once, above the region, where it stays.
// The scrollback thus grows by one line per finished paper, not per redraw.
type progress struct {
	e     *env
	off   bool
	live  bool
	width int
	rows  int
	// total is the number of papers to check, for the n/N line.
	total int
	start time.Time
	now   func() time.Time

	mu       sync.Mutex
	stages   map[string]string // paper -> stage, while in progress
	began    map[string]time.Time
	transfer map[string]string // paper -> "Receiving objects 45%"
	papers   map[string][]string
	done     int
	drawn    int // lines of the live region on screen
	last     time.Time
	arts     map[string]*artState // artifact name -> its download (artifacts.go)
}

func newProgress(e *env, off bool) *progress {
	cols, rows, ok := termSize(e.stderr)
	if !ok || cols <= 20 {
		cols = 80
	}
	if !ok || rows < 3 {
		rows = 24
	}
	return &progress{
		e: e, off: off, live: e.stderrTTY, width: cols, rows: rows, start: time.Now(), now: time.Now,
		stages: map[string]string{}, began: map[string]time.Time{}, transfer: map[string]string{}, papers: map[string][]string{},
	}
}

func termWidth(w io.Writer) int {
	if cols, _, ok := termSize(w); ok && cols > 20 {
		return cols
	}
	return 80
}

// update is check.Options.Progress: paper entered stage.
func (p *progress) update(paper, stage string) {
	if p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if url, ok := strings.CutPrefix(stage, "fetching "); ok {
		p.papers[url] = append(p.papers[url], paper)
	}
	delete(p.transfer, paper)
	if !p.live {
		fmt.Fprintf(p.e.stderr, "%s %s: %s\n", time.Now().UTC().Format("15:04:05"), paper, stage)
		return
	}
	if _, ok := p.began[paper]; !ok {
		p.began[paper] = p.now()
	}
	if strings.HasPrefix(stage, "done: ") {
		// Finished: printed once above the region, then gone from it.
		p.done++
		line := fmt.Sprintf("%-32s %s (%s)", paper, stage, roundDuration(p.now().Sub(p.began[paper])))
		delete(p.stages, paper)
		delete(p.began, paper)
		p.redraw(line)
		return
	}
	p.stages[paper] = stage
	p.redraw()
}

// roundDuration shows a duration as a person reads it: 850ms, 12.3s, 4m05s.
func roundDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	default:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
}

// transferWriter is gitrepo.Cache.ProgressFor: the writer for the transfer
// progress of url's fetch, which go-git (sideband) and git (--progress)
// write as "Receiving objects:  45% (9/20)\r" updates. Only the live
// display shows them; CI logs get the stages alone.
func (p *progress) transferWriter(url string) io.Writer {
	if p.off || !p.live {
		return nil
	}
	return &transferWriter{p: p, url: url}
}

type transferWriter struct {
	p   *progress
	url string
	buf []byte
}

var transferLine = regexp.MustCompile(`(?:remote: )?([A-Za-z][A-Za-z ]*):\s+(\d+)%`)

func (w *transferWriter) Write(b []byte) (int, error) {
	w.buf = append(w.buf, b...)
	for {
		i := strings.IndexAny(string(w.buf), "\r\n")
		if i < 0 {
			break
		}
		line := string(w.buf[:i])
		w.buf = w.buf[i+1:]
		if m := transferLine.FindStringSubmatch(line); m != nil {
			w.p.setTransfer(w.url, m[1]+" "+m[2]+"%")
		}
	}
	if len(w.buf) > 4096 {
		w.buf = w.buf[:0]
	}
	return len(b), nil
}

func (p *progress) setTransfer(url, what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, paper := range p.papers[url] {
		if strings.HasPrefix(p.stages[paper], "fetching ") {
			p.transfer[paper] = what
		}
	}
	// A terminal need not be redrawn more than ten times a second.
	if time.Since(p.last) >= 100*time.Millisecond || strings.HasSuffix(what, " 100%") {
		p.redraw()
	}
}

// redraw erases the live region, prints the finished lines above where it
// was (they scroll into the terminal's history like any output), and draws
// the region again below them.
func (p *progress) redraw(finished ...string) {
	p.last = time.Now()
	var b strings.Builder
	if p.drawn > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", p.drawn) // back to the top of the region
	}
	b.WriteString("\r")
	for _, l := range finished {
		fmt.Fprintf(&b, "\x1b[2K%s\n", p.fit(l))
	}
	region := p.region()
	for _, l := range region {
		fmt.Fprintf(&b, "\x1b[2K%s\n", p.fit(l))
	}
	// Erase what is left of a taller region below. Only now: erasing to
	// the end of the screen from its top-left corner makes some terminals
	// (tmux) push the whole screen into the history.
	b.WriteString("\x1b[J")
	p.drawn = len(region)
	fmt.Fprint(p.e.stderr, b.String())
}

// region is the live lines: the papers in progress, as many as fit in the
// terminal with the summary line below them, then "… and k more".
func (p *progress) region() []string {
	names := make([]string, 0, len(p.stages))
	for n := range p.stages {
		names = append(names, n)
	}
	sort.Strings(names)
	// One row stays free for the cursor below the region: a region as tall
	// as the terminal would scroll its own top line into the history.
	room := p.rows - 2
	var lines []string
	for i, n := range names {
		if i == room-1 && len(names) > room {
			lines = append(lines, fmt.Sprintf("… and %d more in progress", len(names)-i))
			break
		}
		line := fmt.Sprintf("%-32s %s", n, p.stages[n])
		if t := p.transfer[n]; t != "" {
			line += " · " + t
		}
		lines = append(lines, line)
	}
	if p.total > 0 || p.done > 0 {
		lines = append(lines, p.summary())
	}
	return lines
}

// summary is "12/42 done, 4 running, ETA 1m20s": the ETA assumes the
// papers left take as long on average as those done so far.
func (p *progress) summary() string {
	total := max(p.total, p.done+len(p.stages))
	s := fmt.Sprintf("%d/%d done", p.done, total)
	if n := len(p.stages); n > 0 {
		s += fmt.Sprintf(", %d running", n)
	}
	elapsed := p.now().Sub(p.start)
	switch {
	case p.done == total:
		s += ", " + roundDuration(elapsed)
	case p.done > 0:
		left := time.Duration(float64(elapsed) / float64(p.done) * float64(total-p.done))
		s += ", ETA " + roundDuration(left)
	default:
		s += ", ETA unknown"
	}
	return s
}

// fit cuts a line to the terminal's width: a wrapped line would throw the
// cursor arithmetic off.
func (p *progress) fit(line string) string {
	if r := []rune(line); len(r) > p.width-1 {
		return string(r[:p.width-2]) + "…"
	}
	return line
}

// finish draws the final state once more, so the display ends with the
// overall count whatever the last throttled update was.
func (p *progress) finish() {
	if p.off || !p.live {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn > 0 || len(p.stages) > 0 {
		p.redraw()
	}
}
