package report

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium (Debian's chromium package in CI) or returns "".
func chromium() string {
	if p := os.Getenv("REPRO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifacts is where the test leaves its screenshots: $REPRO_ARTIFACTS
// when set (CI uploads it), else the test's artifact dir (go test
// -artifacts keeps it; otherwise it is removed afterwards).
func artifacts(t *testing.T) string {
	if d := os.Getenv("REPRO_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.ArtifactDir()
}

// TestSiteInBrowser opens the generated site in headless Chromium: the
// index lists every paper, the filter narrows the table, a header click
// sorts it, a paper's row opens its page, whose log link works.
func TestSiteInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("chromium not found (apt-get install chromium, or set REPRO_CHROMIUM): skipping the headless browser test")
	}
	if testing.Short() {
		t.Skip("-short: skipping the headless browser test")
	}
	site := t.TempDir()
	recs := fixtures()
	resultsDir := siteResults(t)
	writeHistory(t, resultsDir, recs)
	r := Build(recs)
	AttachSpecs(r, map[string]string{"reproduced-paper": "https://arxiv.org/abs/2501.00001"})
	if err := Site(site, r, SiteOptions{Results: resultsDir}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	out := artifacts(t)

	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), // small /dev/shm in containers
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelBrowser()

	// visible lists the ids of the rows the filter leaves shown, in order.
	visible := chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#catalogue tbody tr')).filter(r => !r.hidden).map(r => r.id.replace(/^paper-/, ''))`)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	get := func(what string, a chromedp.Action[[]string]) []string {
		t.Helper()
		v, err := chromedp.Run(bctx, a)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	text := func(what string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(bctx, a)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		writeArtifact(t, out, name, png)
	}

	// The index lists every paper.
	run("open index.html", chromedp.Navigate(srv.URL+"/index.html"), chromedp.WaitVisible(chromedp.ID("catalogue")))
	shot("index.png")
	var want []string
	for _, p := range r.Papers {
		want = append(want, p.ID)
	}
	if all := get("list the rows", visible); !slices.Equal(all, want) {
		t.Errorf("index lists %v; want every paper %v", all, want)
	}

	// Typing in the filter narrows the table.
	run("type in the filter", chromedp.SendKeys(chromedp.ID("filter"), "reproduced"))
	if got := get("list the filtered rows", visible); !slices.Equal(got, []string{"reproduced-paper"}) {
		t.Errorf("filter %q shows %v; want [reproduced-paper]", "reproduced", got)
	}
	if got, want := text("read the count", chromedp.Text(chromedp.ID("shown"))), fmt.Sprintf("1 of %d papers shown", len(r.Papers)); got != want {
		t.Errorf("filter count = %q; want %q", got, want)
	}
	shot("index-filtered.png")

	// Clearing it shows every row again; two clicks on Paper sort descending.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(f => { f.value = ''; return f.dispatchEvent(new Event('input')) })(document.getElementById('filter'))`)); err != nil {
		t.Fatalf("clear the filter: %v", err)
	}
	if got := get("list the rows again", visible); !slices.Equal(got, want) {
		t.Errorf("with the filter cleared the index lists %v; want %v", got, want)
	}
	run("sort by paper",
		chromedp.Click(chromedp.CSS("#catalogue thead th:nth-child(1)")),
		chromedp.Click(chromedp.CSS("#catalogue thead th:nth-child(1)")),
	)
	desc := slices.Clone(want)
	slices.Reverse(desc)
	if got := get("list the sorted rows", visible); !slices.Equal(got, desc) {
		t.Errorf("after two clicks on Paper the rows are %v; want %v", got, desc)
	}

	// A paper's row opens its page.
	run("open a paper from its row", chromedp.Click(chromedp.CSS("#paper-refuted-paper a")), chromedp.WaitVisible(chromedp.ID("claims")))
	loc := text("read the location", chromedp.Location())
	status := text("read the status", chromedp.Text(chromedp.ID("status")))
	if !strings.HasSuffix(loc, "/papers/refuted-paper.html") || status != "refuted" {
		t.Errorf("the row's link opened %s (status %q); want papers/refuted-paper.html (refuted)", loc, status)
	}
	shot("paper.png")

	// A step's log link opens the published log.
	run("follow a log link",
		chromedp.Navigate(srv.URL+"/papers/reproduced-paper.html"),
		chromedp.WaitVisible(chromedp.ID("steps")),
		chromedp.Click(chromedp.CSS("#steps a")),
		chromedp.WaitReady(chromedp.CSS("body")),
	)
	if log := text("read the log", chromedp.Text(chromedp.CSS("body"))); !strings.Contains(log, "ratio=2100") {
		t.Errorf("the step's log link shows %q; want the log", log)
	}
	// A numeric claim's history chart renders (it has a size on the page),
	// and the paper is linked.
	run("open a paper with history", chromedp.Navigate(srv.URL+"/papers/reproduced-paper.html"), chromedp.WaitVisible(chromedp.ID("chart-ratio")))
	box, err := chromedp.Run(bctx, chromedp.Evaluate[[]float64](`(b => [b.width, b.height])(document.querySelector('#chart-ratio svg polyline').getBoundingClientRect())`))
	if err != nil || len(box) != 2 || box[0] <= 0 || box[1] <= 0 {
		t.Errorf("the history chart's line has box %v (%v); want a drawn line", box, err)
	}
	if n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('#chart-ratio circle').length`)); err != nil || n != 3 {
		t.Errorf("the history chart has %d points (%v); want 3", n, err)
	}
	if href := text("read the paper link", chromedp.Evaluate[string](`document.getElementById('paper-link').href`)); href != "https://arxiv.org/abs/2501.00001" {
		t.Errorf("paper link = %q; want https://arxiv.org/abs/2501.00001", href)
	}
	shot("paper-history.png")

	// At phone width (400 px) no page runs off the screen sideways.
	run("narrow the window", chromedp.EmulateViewport(400, 900))
	for _, pg := range []string{"index.html", "papers/reproduced-paper.html", "papers/failed-paper.html"} {
		run("open "+pg+" at 400 px", chromedp.Navigate(srv.URL+"/"+pg), chromedp.WaitReady(chromedp.CSS("body")))
		sizes, err := chromedp.Run(bctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
		if err != nil || len(sizes) != 2 {
			t.Fatalf("measure %s: %v", pg, err)
		}
		if sizes[0] > sizes[1] {
			t.Errorf("%s at 400 px: scrollWidth %d > clientWidth %d: the page overflows sideways", pg, sizes[0], sizes[1])
		}
		shot(strings.NewReplacer("/", "-", ".html", "").Replace(pg) + "-400px.png")
	}
	t.Logf("screenshots in %s", out)
}

func writeArtifact(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
