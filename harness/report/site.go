package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/results"
)

//go:embed site
var siteFS embed.FS

var siteTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"rank":     func(s string) int { return results.Status(s).Rank() },
	"scoreNum": scoreNum,
	"ratio":    ratio,
}).ParseFS(siteFS, "site/*.tmpl"))

// SiteOptions says where the site's inputs live besides the report.
type SiteOptions struct {
	// Results is the results folder the records were read from; step logs
	// found there are copied into the site's logs/ folder and linked.
	// Empty means logs are named but not published.
	Results string
}

// Site writes the report as a static site into dir: index.html (the
// catalogue, sortable and filterable by inline script, no network),
// papers/<id>.html (claims, evidence, audit checklist, steps and their
// logs), badges/<id>.svg and logs/<paper>/… (the step logs, copied).
// Everything is escaped by html/template.
func Site(dir string, r *Report, o SiteOptions) error {
	files, logs, err := SiteFiles(r, o)
	if err != nil {
		return err
	}
	for _, name := range sortedFiles(files) {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), files[name]); err != nil {
			return err
		}
	}
	for _, l := range logs {
		if err := copyLog(filepath.Join(o.Results, filepath.FromSlash(l)), filepath.Join(dir, "logs", filepath.FromSlash(l))); err != nil {
			return err
		}
	}
	return nil
}

// SiteFiles renders the site's pages and badges by slash-separated path,
// and lists the log files (relative to o.Results) the pages link to.
func SiteFiles(r *Report, o SiteOptions) (map[string][]byte, []string, error) {
	files := map[string][]byte{}
	var logs []string
	css, err := siteFS.ReadFile("site/style.css")
	if err != nil {
		return nil, nil, err
	}
	js, err := siteFS.ReadFile("site/index.js")
	if err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	err = siteTemplates.ExecuteTemplate(&b, "index.html.tmpl", map[string]any{
		"CSS": template.CSS(css), "JS": template.JS(js), "Summary": SummaryLine(r), "Papers": r.Papers,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("render index.html: %w", err)
	}
	files["index.html"] = b.Bytes()
	for _, p := range r.Papers {
		if !safeName(p.ID) {
			return nil, nil, fmt.Errorf("render site: paper id %q is not a file name", p.ID)
		}
		page := paperPage{P: p, CSS: template.CSS(css)}
		if o.Results != "" {
			h, err := claimHistory(o.Results, p.ID)
			if err != nil {
				return nil, nil, fmt.Errorf("render page of %s: history: %w", p.ID, err)
			}
			for _, c := range p.Claims {
				if svg := chartSVG(c, h[c.ID]); svg != "" {
					page.Charts = append(page.Charts, pageChart{Claim: c, SVG: svg, Points: len(h[c.ID])})
				}
			}
		}
		for _, item := range audit.Items {
			if p.Audit != nil {
				it := p.Audit.Checklist[item]
				page.Checklist = append(page.Checklist, checkItem{Name: item, Found: it.Found, Evidence: it.Evidence})
			}
		}
		for _, s := range p.Steps {
			ps := pageStep{Step: s}
			for _, l := range []struct{ name, path string }{{"stdout", s.Stdout}, {"stderr", s.Stderr}} {
				if l.path == "" {
					continue
				}
				lg := pageLog{Name: l.name, Path: l.path}
				if rel := path.Clean(filepath.ToSlash(l.path)); o.Results != "" && filepath.IsLocal(filepath.FromSlash(rel)) && isFile(filepath.Join(o.Results, filepath.FromSlash(rel))) {
					lg.Href = "../logs/" + rel
					logs = append(logs, rel)
				}
				ps.Logs = append(ps.Logs, lg)
			}
			page.Steps = append(page.Steps, ps)
		}
		var b bytes.Buffer
		if err := siteTemplates.ExecuteTemplate(&b, "paper.html.tmpl", page); err != nil {
			return nil, nil, fmt.Errorf("render page of %s: %w", p.ID, err)
		}
		files["papers/"+p.ID+".html"] = b.Bytes()
		b = bytes.Buffer{}
		if err := Badge(&b, p.Status); err != nil {
			return nil, nil, err
		}
		files["badges/"+p.ID+".svg"] = b.Bytes()
	}
	return files, logs, nil
}

type paperPage struct {
	P         Paper
	CSS       template.CSS
	Checklist []checkItem
	Steps     []pageStep
	Charts    []pageChart
}

// pageChart is one numeric claim's measured values over the records.
type pageChart struct {
	Claim  Claim
	SVG    template.HTML
	Points int
}

type checkItem struct {
	Name     string
	Found    bool
	Evidence string
}

type pageStep struct {
	Step
	Logs []pageLog
}

type pageLog struct {
	Name, Path, Href string
}

// scoreNum is the checklist score for sorting; -1 without an audit.
func scoreNum(p Paper) int {
	if p.Audit == nil {
		return -1
	}
	return p.Audit.Score
}

// ratio sorts papers by the share of claims verified, then by their number.
func ratio(p Paper) string {
	if len(p.Claims) == 0 {
		return "-1"
	}
	return fmt.Sprintf("%.4f", float64(p.Verified())/float64(len(p.Claims))+float64(p.Verified())/1e6)
}

// safeName says whether id can be a file name in the site.
func safeName(id string) bool {
	return id != "" && !strings.ContainsAny(id, `/\`) && filepath.IsLocal(id) && !strings.HasPrefix(id, ".")
}

func isFile(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode().IsRegular()
}

func sortedFiles(m map[string][]byte) []string {
	var ns []string
	for n := range m {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	return nil
}

// copyLog copies one step log; logs are capped when written (4 MiB), and
// the copy caps them again in case the results folder was edited.
func copyLog(src, dst string) error {
	const maxLog = 8 << 20
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy log: %w", err)
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("copy log: %w", err)
	}
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("copy log: %w", err)
	}
	if _, err := io.Copy(out, io.LimitReader(in, maxLog)); err != nil {
		out.Close()
		return fmt.Errorf("copy log %s: %w", src, err)
	}
	return out.Close()
}
