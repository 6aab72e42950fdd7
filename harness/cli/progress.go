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

// progress reports each paper's stage on stderr: a live multi-line display
// on a terminal (one line per paper, redrawn in place, with the transfer
// progress of its fetch), plain timestamped lines otherwise (CI logs), and
// nothing when off (-q, --format json).
type progress struct {
	e     *env
	off   bool
	live  bool
	width int

	mu       sync.Mutex
	stages   map[string]string // paper -> stage
	transfer map[string]string // paper -> "Receiving objects 45%"
	papers   map[string][]string
	drawn    int
	last     time.Time
	arts     map[string]*artState // artifact name -> its download (artifacts.go)
}

func newProgress(e *env, off bool) *progress {
	return &progress{
		e: e, off: off, live: e.stderrTTY, width: termWidth(e.stderr),
		stages: map[string]string{}, transfer: map[string]string{}, papers: map[string][]string{},
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
	p.stages[paper] = stage
	p.redraw()
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

func (p *progress) redraw() {
	p.last = time.Now()
	var b strings.Builder
	if p.drawn > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", p.drawn) // back to the top of the display
	}
	names := make([]string, 0, len(p.stages))
	for n := range p.stages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		line := fmt.Sprintf("%-32s %s", n, p.stages[n])
		if t := p.transfer[n]; t != "" {
			line += " · " + t
		}
		// A wrapped line would throw the cursor arithmetic off.
		if r := []rune(line); len(r) > p.width-1 {
			line = string(r[:p.width-2]) + "…"
		}
		fmt.Fprintf(&b, "\x1b[2K%s\n", line)
	}
	p.drawn = len(names)
	fmt.Fprint(p.e.stderr, b.String())
}

// finish draws the final state once more, so the display ends with every
// paper's "done: status" whatever the last throttled update was.
func (p *progress) finish() {
	if p.off || !p.live {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.stages) > 0 {
		p.redraw()
	}
}
