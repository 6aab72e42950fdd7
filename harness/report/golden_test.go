package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clipperhouse/displaywidth"

	"github.com/repro-harness/repro/harness/results"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", path, got)
	}
}

// TestTextFitsWidth: on a terminal of 100 columns the table fits, the
// claimed column wrapped at word boundaries (golden: report-140.txt),
// where unfitted it is over 200 columns wide.
func TestTextFitsWidth(t *testing.T) {
	recs := fixtures()
	for i := range recs {
		if recs[i].Paper == "reproduced-paper" {
			recs[i].Paper = "lossless-compression-probabilistic-circuits"
			recs[i].Claims[1].Claimed = "beats a wide range of existing learned and classical codecs (gzip, bzip2, xz, zstd) on every data set tested"
		}
	}
	var wide bytes.Buffer
	if err := Text(&wide, Build(recs)); err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(strings.Split(wide.String(), "\n")[0])); n <= 200 {
		t.Fatalf("unfitted table is %d columns; the test wants a table wider than 200", n)
	}
	var b bytes.Buffer
	if err := TextWidth(&b, Build(recs), 140); err != nil {
		t.Fatal(err)
	}
	golden(t, "report-140.txt", b.Bytes())
	for i, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		if n := len([]rune(line)); n > 140 && (strings.HasPrefix(line, "|") || strings.HasPrefix(line, "+")) {
			t.Errorf("line %d is %d columns wide; want at most 140:\n%s", i+1, n, line)
		}
	}
	if !strings.Contains(b.String(), "| beats a wide range |") && !strings.Contains(b.String(), "beats a wide") {
		t.Errorf("the claimed column is not wrapped at words:\n%s", b.String())
	}
}

// TestTextFitsEveryWidth: on terminals of 60 to 140 columns no line of
// the text report is wider than the terminal (the table narrows, then
// turns into one block per paper), and no claim id or verdict is lost.
func TestTextFitsEveryWidth(t *testing.T) {
	r := Build(fixtures())
	for _, width := range []int{60, 80, 100, 140} {
		var b bytes.Buffer
		if err := TextWidth(&b, r, width); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for i, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if n := displaywidth.String(line); n > width {
				t.Errorf("width %d: line %d is %d columns wide:\n%s", width, i+1, n, line)
			}
		}
		for _, p := range r.Papers {
			for _, c := range p.Claims {
				for _, want := range []string{c.ID, c.VerdictText()} {
					if !strings.Contains(out, want) {
						t.Errorf("width %d: %s claim %s: %q missing from:\n%s", width, p.ID, c.ID, want, out)
					}
				}
			}
		}
	}
	// At 60 columns a paper's claims are a block of "key: value" lines.
	var b bytes.Buffer
	if err := TextWidth(&b, r, 60); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "paper: refuted-paper\nstatus: refuted\n") || !strings.Contains(b.String(), "  verdict: refuted\n") {
		t.Errorf("60 columns: no per-paper block:\n%s", b.String())
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"short line", 20, []string{"short line"}},
		{"  claimed: beats every learned codec", 20, []string{"  claimed: beats", "    every learned", "    codec"}},
		{"id: 0123456789abcdef0123", 12, []string{"id:", "  0123456789", "  abcdef0123"}},
		{"日本語の文字列です", 8, []string{"日本語の", "  文字列", "  です"}},
	} {
		lead := tc.in[:len(tc.in)-len(strings.TrimLeft(tc.in, " "))]
		if got := fold(tc.in, tc.width, "", lead+"  "); !slices.Equal(got, tc.want) {
			t.Errorf("fold(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"beats run-length encoding", 12, "beats\nrun-length\nencoding"},
		{"up to 2187x for textured meshes", 20, "up to 2187x for\ntextured meshes"},
		{"supercalifragilistic word", 8, "superca…\nword"},
		{"short", 10, "short"},
		{"lossless-compression-probabilistic-circuits", 14, "lossless-\ncompression-\nprobabilistic-\ncircuits"},
	} {
		if got := wrapWords(tc.in, tc.n); got != tc.want {
			t.Errorf("wrapWords(%q, %d) = %q; want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestGoldenStreams(t *testing.T) {
	for _, tc := range []struct {
		file   string
		render func(io.Writer, *Report) error
	}{
		{"report.txt", Text},
		{"report.md", Markdown},
		{"report.json", JSON},
		{"report.csv", CSV},
		{"report.junit.xml", JUnit},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b, Build(fixtures())); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.file, b.Bytes())
		})
	}
}

// TestGoldenSince covers the --since marks in the formats that show them.
func TestGoldenSince(t *testing.T) {
	old := fixtures()[:3]
	old[0].Status = "partial"
	old[0].Claims = old[0].Claims[:1]
	old[0].Claims[0].Verdict = "refuted"
	r := Build(fixtures())
	MarkChanged(r, Build(old))
	var b bytes.Buffer
	if err := Markdown(&b, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "since.md", b.Bytes())
}

// siteResults makes a results folder holding the log files that the
// fixtures' first paper names, so the site copies and links them.
func siteResults(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range []string{"eval.stdout.log", "eval.stderr.log"} {
		p := filepath.Join(dir, "reproduced-paper", "20260301T120100Z", f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("ratio=2100\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGoldenSite(t *testing.T) {
	files, logs, err := SiteFiles(Build(fixtures()), SiteOptions{Results: siteResults(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "papers/reproduced-paper.html", "papers/failed-paper.html", "badges/reproduced-paper.svg", "badges/refuted-paper.svg"} {
		got, ok := files[name]
		if !ok {
			t.Fatalf("SiteFiles has no %s", name)
		}
		golden(t, "site/"+name, got)
	}
	// index.html, a page and a badge per paper
	if want := 1 + 2*len(fixtures()); len(files) != want {
		t.Errorf("SiteFiles made %d files; want %d", len(files), want)
	}
	if got := strings.Join(logs, " "); got != "reproduced-paper/20260301T120100Z/eval.stdout.log reproduced-paper/20260301T120100Z/eval.stderr.log" {
		t.Errorf("SiteFiles logs = %q; want the two logs that exist", got)
	}
}

func TestSiteWritesFolder(t *testing.T) {
	res := siteResults(t)
	dir := t.TempDir()
	if err := Site(dir, Build(fixtures()), SiteOptions{Results: res}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "papers/invalid-paper.html", "badges/no-code-paper.svg", "logs/reproduced-paper/20260301T120100Z/eval.stdout.log"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("Site did not write %s: %v", p, err)
		}
	}
}

func TestSiteEscapes(t *testing.T) {
	files, _, err := SiteFiles(Build(fixtures()), SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files["papers/reproduced-paper.html"])
	if strings.Contains(page, "<b>&</b>") || !strings.Contains(page, "&lt;b&gt;&amp;&lt;/b&gt;") {
		t.Errorf("paper page does not escape the quote <b>&</b>")
	}
	if strings.Contains(page, `href="../logs/`) {
		t.Errorf("paper page links logs that were not published")
	}
}

func TestSiteRejectsUnsafeID(t *testing.T) {
	r := Build(fixtures()[:1])
	r.Papers[0].ID = "../escape"
	if _, _, err := SiteFiles(r, SiteOptions{}); err == nil {
		t.Errorf("SiteFiles(paper id ../escape) = nil error; want an error")
	}
}

// TestCSVRoundTrip reads the CSV back: RFC 4180 quoting keeps commas,
// quotes and bars inside their cells.
func TestCSVRoundTrip(t *testing.T) {
	var b bytes.Buffer
	r := Build(fixtures())
	if err := CSV(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("csv.ReadAll = %v", err)
	}
	want := 1
	for _, p := range r.Papers {
		want += max(1, len(p.Claims))
	}
	if len(rows) != want {
		t.Errorf("CSV has %d rows; want %d (header + one per claim, one per paper without)", len(rows), want)
	}
	found := false
	for _, row := range rows {
		found = found || row[8] == `ratios "up to" 2187x, <b>&</b> more`
	}
	if !found {
		t.Errorf("CSV lost the quote's commas and quotes")
	}
}

func TestBadgeColours(t *testing.T) {
	for _, tc := range []struct{ status, want string }{
		{"reproduced", "#4c1"}, {"partial", "#dfb317"}, {"refuted", "#e05d44"}, {"failed", "#e05d44"},
		{"unreachable", "#fe7d37"}, {"no-code", "#9f9f9f"}, {"available", "#007ec6"},
	} {
		if got := BadgeColor(tc.status); got != tc.want {
			t.Errorf("BadgeColor(%q) = %q; want %q", tc.status, got, tc.want)
		}
	}
}

// TestMarkdownReadable: no HTML entities in raw Markdown, long quotes cut
// at a word boundary with the full quote in a footnote, commits linked to
// the commit page.
func TestMarkdownReadable(t *testing.T) {
	recs := fixtures()
	long := "We compress the KV cache of a 7B model by 2x while keeping 99.3% of its accuracy on LongBench, and decoding is 1.6x faster"
	for _, r := range recs {
		if r.Paper == "refuted-paper" {
			r.Claims[0].Quote = long
		}
	}
	var b bytes.Buffer
	if err := Markdown(&b, Build(recs)); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, bad := range []string{"&gt;", "&lt;", "&amp;"} {
		if strings.Contains(got, bad) {
			t.Errorf("Markdown holds the HTML entity %s:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, "| >= 10 GB/s |") {
		t.Errorf("Markdown does not show >= as is:\n%s", got)
	}
	if !strings.Contains(got, "| We compress the KV cache of a 7B model by 2x while keeping 99.3% of its accuracy on …[^refuted-paper-ratio] |") {
		t.Errorf("the long quote is not cut at a word boundary with a footnote:\n%s", got)
	}
	if !strings.Contains(got, "\n[^refuted-paper-ratio]: "+long+"\n") {
		t.Errorf("the footnote does not hold the full quote:\n%s", got)
	}
	if !strings.Contains(got, "[`0123456789ab`](https://github.com/example/reproduced/commit/0123456789abcdef0123456789abcdef01234567)") {
		t.Errorf("the commit cell does not link to the commit:\n%s", got)
	}
}

func TestCutWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
		cut  bool
	}{
		{"compression ratios of up to 2187x for textured meshes", 30, "compression ratios of up to", true},
		{"short quote", 30, "short quote", false},
		{"supercalifragilistic", 5, "super", true},
	} {
		if got, cut := cutWords(tc.in, tc.n); got != tc.want || cut != tc.cut {
			t.Errorf("cutWords(%q, %d) = %q, %v; want %q, %v", tc.in, tc.n, got, cut, tc.want, tc.cut)
		}
	}
}

// TestSiteLinks: the paper page links the paper, the tree at the commit
// and each evidence file and line; shows the host, tolerances in pp and
// a history chart; the index has a date column.
func TestSiteLinks(t *testing.T) {
	dir := siteResults(t)
	recs := fixtures()
	writeHistory(t, dir, recs)
	r := Build(recs)
	AttachSpecs(r, map[string]string{"reproduced-paper": "https://arxiv.org/abs/2501.00001", "refuted-paper": "javascript:alert(1)"})
	files, _, err := SiteFiles(r, SiteOptions{Results: dir})
	if err != nil {
		t.Fatal(err)
	}
	siteLinksCheck(t, files)
}

// writeHistory stores three records of reproduced-paper (recs[0] the
// latest) in dir, for its history chart.
func writeHistory(t *testing.T, dir string, recs []*results.Record) {
	t.Helper()
	for i, v := range []float64{1900, 2050} {
		old := *recs[0]
		old.Started = old.Started.Add(-time.Duration(2-i) * 24 * time.Hour)
		old.ID = old.Started.Format("20060102T150405Z")
		old.Claims = []results.Claim{old.Claims[0]}
		old.Claims[0].Measured = &v
		if _, err := (results.Store{Dir: dir}).Write(t.Context(), &old, old.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := (results.Store{Dir: dir}).Write(t.Context(), recs[0], recs[0].ID); err != nil {
		t.Fatal(err)
	}
}

func siteLinksCheck(t *testing.T, files map[string][]byte) {
	t.Helper()
	page := string(files["papers/reproduced-paper.html"])
	for _, want := range []string{
		`<a id="paper-link" href="https://arxiv.org/abs/2501.00001">the paper</a>`,
		`<a id="tree-link" href="https://github.com/example/reproduced/tree/0123456789abcdef0123456789abcdef01234567">`,
		`href="https://github.com/example/reproduced/blob/0123456789abcdef0123456789abcdef01234567/README.md#L42"`,
		`<dd id="host">linux/amd64, 8 CPUs`,
		`tolerance 5% (relative)`,
		`<svg class="chart"`,
		`<polyline class="measured" points="`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("papers/reproduced-paper.html lacks %s", want)
		}
	}
	fig := page[strings.Index(page, `<figure id="chart-ratio">`):]
	fig = fig[:strings.Index(fig, "</figure>")]
	if n := strings.Count(fig, `<circle class="point`); n != 3 {
		t.Errorf("the ratio chart has %d points; want 3 (one per record)", n)
	}
	if strings.Contains(string(files["papers/refuted-paper.html"]), "javascript:") {
		t.Errorf("a javascript: paper link reached the page")
	}
	if index := string(files["index.html"]); !strings.Contains(index, "<th>Checked</th>") || !strings.Contains(index, "<td data-sort=\"2026-03-01T12:01:00Z\">2026-03-01</td>") {
		t.Errorf("index.html has no date column")
	}
	c := Claim{Claim: results.Claim{Unit: "%", Tolerance: "0.5", Delta: ptr(0.3)}}
	if got := c.ToleranceText(); got != "0.5 pp" {
		t.Errorf("ToleranceText of 0.5 on a %% claim = %q; want 0.5 pp", got)
	}
	if got := c.DeltaText(); got != "+0.3 pp" {
		t.Errorf("DeltaText of +0.3 on a %% claim = %q; want +0.3 pp", got)
	}
	for _, tc := range []struct{ repo, want string }{
		{"https://gitlab.com/o/n", "https://gitlab.com/o/n/-/blob/0123456789abcdef0123456789abcdef01234567/src/a.py#L7"},
		{"https://github.com/o/n.git", "https://github.com/o/n/blob/0123456789abcdef0123456789abcdef01234567/src/a.py#L7"},
		{"https://example.org/o/n", ""},
	} {
		p := Paper{Repository: &Repository{URL: tc.repo, Commit: "0123456789abcdef0123456789abcdef01234567"}}
		if got := p.EvidenceURL("src/a.py:7"); got != tc.want {
			t.Errorf("EvidenceURL(src/a.py:7) for %s = %q; want %q", tc.repo, got, tc.want)
		}
	}
}

func ptr(v float64) *float64 { return &v }
