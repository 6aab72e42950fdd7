package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
// claimed column wrapped at word boundaries (golden: report-120.txt),
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
	if err := TextWidth(&b, Build(recs), 120); err != nil {
		t.Fatal(err)
	}
	golden(t, "report-120.txt", b.Bytes())
	for i, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		if n := len([]rune(line)); n > 120 && (strings.HasPrefix(line, "|") || strings.HasPrefix(line, "+")) {
			t.Errorf("line %d is %d columns wide; want at most 120:\n%s", i+1, n, line)
		}
	}
	if !strings.Contains(b.String(), "| beats a wide range |") && !strings.Contains(b.String(), "beats a wide") {
		t.Errorf("the claimed column is not wrapped at words:\n%s", b.String())
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
