package importer

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Paper is one entry of a listing: a title and its abstract.
type Paper struct {
	Title     string
	Abstract  string
	Published string // YYYY-MM-DD, or "" when the listing gives no year
	Authors   int    // 0 when the listing does not say
	// Line is the 1-based line of the title in the input (of the abstract
	// when there is no title).
	Line int
}

// MaxInput caps what Parse reads: a listing of a few hundred abstracts is
// a megabyte.
const MaxInput = 16 << 20

// ErrNoAbstract is returned by Parse for input without any text.
var ErrNoAbstract = errors.New("no abstract found: give a daily-papers listing or one abstract, optionally after its title line")

// paragraph is a run of non-blank lines.
type paragraph struct {
	line  int // 1-based line of the first line
	lines []string
}

func (p paragraph) text() string {
	parts := make([]string, len(p.lines))
	for i, l := range p.lines {
		parts[i] = strings.TrimSpace(l)
	}
	return strings.Join(parts, " ")
}

var (
	authorsLine = regexp.MustCompile(`^\s*[•·*-]?\s*(\d+)\s+authors?\s*$`)
	dateLine    = regexp.MustCompile(`^\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+\d+)?\s*$`)
	chromeLine  = regexp.MustCompile(`(?i)^\s*(?:new|subscribe|daily papers|get trending papers.*|by\s*ak and the research community|submitted by.*|upvote|\d+)\s*$`)
	months      = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
)

// isMeta reports whether a paragraph is listing metadata: the author
// count, the "·" separator and the date, or an organisation line with them.
func isMeta(p paragraph) bool {
	for _, l := range p.lines {
		t := strings.TrimSpace(l)
		if t == "·" || authorsLine.MatchString(l) {
			return true
		}
	}
	return len(p.lines) == 1 && dateLine.MatchString(p.lines[0])
}

func isChrome(p paragraph) bool {
	if len(p.lines) != 1 {
		return false
	}
	return chromeLine.MatchString(p.lines[0]) || dateLine.MatchString(p.lines[0])
}

// isAbstract reports whether a paragraph is long enough to be an abstract.
func isAbstract(p paragraph) bool {
	t := p.text()
	return len(t) >= 200 && len(strings.Fields(t)) >= 25 && !isMeta(p)
}

// isTitle reports whether a paragraph can be the title of the abstract
// after it.
func isTitle(p paragraph) bool {
	if len(p.lines) != 1 || isMeta(p) || isChrome(p) {
		return false
	}
	t := strings.TrimSpace(p.lines[0])
	return len(t) > 0 && len(t) <= 300 && len(strings.Fields(t)) <= 40
}

// Parse reads a daily-papers listing (title line, blank line, one-paragraph
// abstract, then "• N authors", "·" and a date such as "Nov 5, 2024") or a
// single plain abstract, optionally preceded by its title line. Page chrome
// ("Subscribe", "Daily Papers", a bare date) is ignored. It returns the
// papers in input order.
func Parse(r io.Reader) ([]Paper, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read listing: %w", err)
	}
	if len(data) > MaxInput {
		return nil, fmt.Errorf("read listing: larger than %d bytes", MaxInput)
	}
	s := strings.ToValidUTF8(string(data), "\uFFFD")
	s = strings.TrimPrefix(s, "\ufeff")
	paras := paragraphs(s)

	// An abstract is a long paragraph, or whatever comes right before the
	// metadata of a listing entry.
	abstract := make([]bool, len(paras))
	any := false
	for i, p := range paras {
		if isAbstract(p) {
			abstract[i], any = true, true
		}
		if isMeta(p) && i > 0 && !isMeta(paras[i-1]) && !abstract[i-1] {
			// a short abstract: only if a title stands before it
			if i > 1 && isTitle(paras[i-2]) && !isChrome(paras[i-1]) {
				abstract[i-1], any = true, true
			}
		}
	}
	if !any {
		// A short plain abstract: the last paragraph that is not chrome.
		for i := len(paras) - 1; i >= 0; i-- {
			if !isChrome(paras[i]) && !isMeta(paras[i]) {
				abstract[i], any = true, true
				break
			}
		}
	}
	if !any {
		return nil, ErrNoAbstract
	}
	var out []Paper
	for i, p := range paras {
		if !abstract[i] {
			continue
		}
		paper := Paper{Line: p.line}
		lines := p.lines
		// "Title\nAbstract…" without a blank line between them.
		if len(lines) >= 2 && (i == 0 || !isTitle(paras[i-1]) || abstract[i-1]) {
			first := strings.TrimSpace(lines[0])
			rest := strings.TrimSpace(lines[1])
			if len(first) <= 300 && len(rest) > 2*len(first) && len(rest) >= 200 && !strings.HasSuffix(first, ".") {
				paper.Title = first
				lines = lines[1:]
			}
		}
		paper.Abstract = paragraph{lines: lines}.text()
		if paper.Title == "" && i > 0 && isTitle(paras[i-1]) && !abstract[i-1] {
			paper.Title = strings.TrimSpace(paras[i-1].lines[0])
			paper.Line = paras[i-1].line
		}
		if i+1 < len(paras) && isMeta(paras[i+1]) {
			paper.Published, paper.Authors = meta(paras[i+1])
		}
		out = append(out, paper)
	}
	return out, nil
}

func paragraphs(s string) []paragraph {
	var out []paragraph
	var cur *paragraph
	for n, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, paragraph{line: n + 1})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, l)
	}
	return out
}

// meta reads the date and the author count of a listing entry.
func meta(p paragraph) (published string, authors int) {
	for _, l := range p.lines {
		if m := authorsLine.FindStringSubmatch(l); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n < 1e6 {
				authors = n
			}
		}
		if m := dateLine.FindStringSubmatch(l); m != nil && m[3] != "" {
			day, _ := strconv.Atoi(m[2])
			year, _ := strconv.Atoi(m[3])
			mon := months[strings.ToLower(m[1])]
			d := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
			if d.Day() == day && d.Month() == mon { // not Feb 31
				published = d.Format(time.DateOnly)
			}
		}
	}
	return published, authors
}
