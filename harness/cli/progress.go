package cli

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// progress reports each paper's stage on stderr: a live multi-line display
// on a terminal, plain timestamped lines otherwise (CI logs).
type progress struct {
	e      *env
	off    bool
	live   bool
	mu     sync.Mutex
	stages map[string]string
	drawn  int
}

func newProgress(e *env, off bool) *progress {
	return &progress{e: e, off: off, live: e.stderrTTY, stages: map[string]string{}}
}

func (p *progress) update(paper, stage string) {
	if p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.live {
		fmt.Fprintf(p.e.stderr, "%s %s: %s\n", time.Now().UTC().Format("15:04:05"), paper, stage)
		return
	}
	p.stages[paper] = stage
	p.redraw()
}

func (p *progress) redraw() {
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
		fmt.Fprintf(&b, "\x1b[2K%-32s %s\n", n, p.stages[n])
	}
	p.drawn = len(names)
	fmt.Fprint(p.e.stderr, b.String())
}

func (p *progress) finish() {}
