package audit

import (
	"fmt"
	"html"
	"path"
	"regexp"
	"sort"
	"strings"
)

// doc is a README (or a page it links) split into lines, with what each
// line is: code, a heading, or prose under some heading.
type doc struct {
	path   string
	lines  []docLine
	tables []table
}

// docLine is one line of a doc.
type docLine struct {
	text    string
	code    bool   // inside a fenced (or, in reStructuredText, literal) block
	heading string // this line's heading text, when it is one
	section int    // index of the heading line this line falls under, or -1
	table   bool   // part of a table
}

// table is a markdown or HTML table: its rows of cells and where it starts.
type table struct {
	line int // 0-based index of its first line
	rows [][]string
}

var (
	atxRe       = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	setextRe    = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	rstUnderRe  = regexp.MustCompile("^(?:={3,}|-{3,}|~{3,}|\\^{3,}|\"{3,}|'{3,}|`{3,}|#{3,}|\\*{3,}|\\+{3,})\\s*$")
	htmlHeadRe  = regexp.MustCompile(`(?i)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	boldHeadRe  = regexp.MustCompile(`^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__):?\s*$`)
	fenceRe     = regexp.MustCompile("^\\s{0,3}(```+|~~~+)")
	tableSepRe  = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
	tagRe       = regexp.MustCompile(`<[^>]*>`)
	htmlRowRe   = regexp.MustCompile(`(?is)<tr[^>]*>(.*?)</tr>`)
	htmlCellRe  = regexp.MustCompile(`(?is)<t[dh][^>]*>(.*?)</t[dh]>`)
	htmlTableRe = regexp.MustCompile(`(?is)<table.*?</table>`)
)

// parseDoc splits text into lines and finds headings, code blocks and
// tables.
func parseDoc(name, text string) *doc {
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	d := &doc{path: name, lines: make([]docLine, len(raw))}
	rst := strings.HasSuffix(strings.ToLower(name), ".rst")
	fence := ""
	section := -1
	for i, s := range raw {
		l := &d.lines[i]
		l.text = s
		if fence != "" {
			l.code = true
			if m := fenceRe.FindStringSubmatch(s); m != nil && strings.HasPrefix(m[1], fence[:1]) && len(m[1]) >= len(fence) && strings.TrimSpace(s) == m[1] {
				fence = ""
			}
			l.section = section
			continue
		}
		if m := fenceRe.FindStringSubmatch(s); m != nil {
			fence = m[1]
			l.code = true
			l.section = section
			continue
		}
		if rst && (strings.HasPrefix(s, "    ") || strings.HasPrefix(s, "\t")) {
			l.code = true
		}
		heading := ""
		if m := atxRe.FindStringSubmatch(s); m != nil {
			heading = m[1]
		} else if m := htmlHeadRe.FindStringSubmatch(s); m != nil {
			heading = strings.TrimSpace(tagRe.ReplaceAllString(m[1], ""))
		} else if m := boldHeadRe.FindStringSubmatch(s); m != nil {
			heading = m[1]
		} else if i+1 < len(raw) && strings.TrimSpace(s) != "" && !strings.Contains(s, "|") &&
			(setextRe.MatchString(raw[i+1]) && !strings.Contains(raw[i+1], "|") || rst && rstUnderRe.MatchString(raw[i+1])) {
			heading = strings.TrimSpace(s)
		}
		if heading != "" {
			l.heading = heading
			section = i
		}
		l.section = section
	}
	d.findTables()
	return d
}

// findTables collects markdown pipe tables and HTML tables.
func (d *doc) findTables() {
	for i := 1; i < len(d.lines); i++ {
		if d.lines[i].code || d.lines[i-1].code || !strings.Contains(d.lines[i].text, "|") || !tableSepRe.MatchString(d.lines[i].text) || !strings.Contains(d.lines[i-1].text, "|") {
			continue
		}
		t := table{line: i - 1, rows: [][]string{splitRow(d.lines[i-1].text)}}
		d.lines[i-1].table, d.lines[i].table = true, true
		j := i + 1
		for ; j < len(d.lines) && !d.lines[j].code && strings.Contains(d.lines[j].text, "|"); j++ {
			t.rows = append(t.rows, splitRow(d.lines[j].text))
			d.lines[j].table = true
		}
		d.tables = append(d.tables, t)
		i = j
	}
	// HTML tables may span lines; find them in the joined text and map
	// their offsets back to lines.
	var b strings.Builder
	starts := make([]int, len(d.lines))
	for i, l := range d.lines {
		starts[i] = b.Len()
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	text := b.String()
	for _, loc := range htmlTableRe.FindAllStringIndex(text, -1) {
		first := sort.SearchInts(starts, loc[0]+1) - 1
		last := sort.SearchInts(starts, loc[1]) - 1
		t := table{line: first}
		for _, row := range htmlRowRe.FindAllStringSubmatch(text[loc[0]:loc[1]], -1) {
			var cells []string
			for _, c := range htmlCellRe.FindAllStringSubmatch(row[1], -1) {
				cells = append(cells, strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(c[1], " "))))
			}
			t.rows = append(t.rows, cells)
		}
		for k := first; k <= last && k < len(d.lines); k++ {
			d.lines[k].table = true
		}
		if len(t.rows) > 0 {
			d.tables = append(d.tables, t)
		}
	}
}

// splitRow returns the cells of a markdown table row.
func splitRow(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimSuffix(s, "|"), "|")
	cells := strings.Split(s, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// at returns "path:line" for the 0-based line i.
func (d *doc) at(i int) string {
	return fmt.Sprintf("%s:%d", d.path, i+1)
}

// sectionOf returns the heading that line i falls under, or "".
func (d *doc) sectionOf(i int) string {
	if s := d.lines[i].section; s >= 0 {
		return d.lines[s].heading
	}
	return ""
}

// tableHeader returns the header row of the table that line i is in, or "".
func (d *doc) tableHeader(i int) string {
	for _, t := range d.tables {
		if i >= t.line && i < t.line+len(t.rows)+1 && len(t.rows) > 0 {
			return strings.Join(t.rows[0], " | ")
		}
	}
	return ""
}

// readme finds the tree's top-level README and parses it; nil when there
// is none or it cannot be read.
func (t *tree) readme(r *Report) *doc {
	name := t.readmeName()
	if name == "" {
		return nil
	}
	b, cut := t.read(r, name, maxReadme)
	if b == nil {
		return nil
	}
	if cut {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: longer than 1 MiB; audited the first 1 MiB", name))
	}
	return parseDoc(name, string(b))
}

// readmeName picks the top-level README, preferring markdown.
func (t *tree) readmeName() string {
	best, rank := "", 99
	for _, f := range t.files {
		if strings.Contains(f.path, "/") {
			continue
		}
		l := strings.ToLower(f.path)
		if !strings.HasPrefix(l, "readme") {
			continue
		}
		k := 5
		switch path.Ext(l) {
		case ".md", ".markdown":
			k = 0
		case ".rst":
			k = 1
		case ".txt", "":
			k = 2
		case ".org", ".adoc":
			k = 3
		}
		if l != "readme"+path.Ext(l) {
			k += 5 // README_zh.md and the like come after README.md
		}
		if k < rank {
			best, rank = f.path, k
		}
	}
	return best
}
