package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// JSON writes the report as indented JSON (the machine contract).
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // ">= 10 GB/s" stays readable for scripts
	return enc.Encode(r)
}

// Text writes the terminal table: one row per claim, grouped by paper,
// then the failure details and the summary line.
func Text(w io.Writer, r *Report) error { return TextWidth(w, r, 0) }

// TextWidth is Text fitted to a terminal of width columns (0: no limit):
// the free-text columns (claimed, then measured) are wrapped at word
// boundaries until the table fits, and a word longer than its column is
// cut with "…"; then paper and claim ids are wrapped after their dashes.
// Statuses, commits and verdicts are never cut. A terminal too narrow for
// even that gets the narrowest table there is.
func TextWidth(w io.Writer, r *Report, width int) error {
	header := []string{"PAPER", "STATUS", "COMMIT", "CLAIM", "CLAIMED", "MEASURED", "DIFF", "VERDICT", "EVIDENCE"}
	var rows [][]string
	for _, p := range r.Papers {
		if len(p.Claims) == 0 {
			rows = append(rows, []string{Printable(p.ID), Printable(p.StatusText()), Printable(p.ShortCommit()), "-", "", "", "", "", ""})
		}
		for i, c := range p.Claims {
			paper, status, commit := p.ID, p.StatusText(), p.ShortCommit()
			if i > 0 {
				paper, status, commit = "", "", ""
			}
			// Every cell is cleaned: a record is data from elsewhere.
			rows = append(rows, []string{Printable(paper), Printable(status), Printable(commit), Printable(c.ID), Printable(c.Claimed),
				Printable(c.MeasuredText()), Printable(c.DeltaText()), Printable(c.VerdictText()), Printable(c.EvidenceKind())})
		}
	}
	if width > 0 {
		fitColumns(header, rows, width, []int{4, 5, 1, 0, 3}, []int{16, 10, 14, 12, 8})
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRendition(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)}),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.On),
	)
	t.Header(header)
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, p := range r.Papers {
		if p.Reason != "" && p.Status != "no-code" {
			fmt.Fprintf(w, "%s: %s: %s\n", Printable(p.ID), Printable(p.Status), Printable(p.Reason))
		}
		for _, note := range []string{p.NeverRunText(), p.MissingText()} {
			if note != "" {
				fmt.Fprintf(w, "%s: %s\n", Printable(p.ID), Printable(note))
			}
		}
		if p.Environment != nil && p.Environment.Warning != "" {
			fmt.Fprintf(w, "%s: warning: %s\n", p.ID, p.Environment.Warning)
		}
		for _, s := range p.Steps {
			if s.Tail != "" {
				fmt.Fprintf(w, "%s: step %s (exit %d) output ends with:\n%s\n", Printable(p.ID), Printable(s.Name), s.ExitCode, indent(printableBlock(s.Tail)))
			}
		}
		for _, c := range p.Claims {
			if c.Reason != "" && (c.Verdict == "refuted" || c.Verdict == "error") {
				fmt.Fprintf(w, "%s: %s %s: %s\n", Printable(p.ID), Printable(c.ID), Printable(string(c.Verdict)), Printable(c.Reason))
			}
			if k := c.EvidenceKind(); k != "" && k != "rerun" && c.Source != "" {
				fmt.Fprintf(w, "%s: %s %s from %s evidence: %s\n", Printable(p.ID), Printable(c.ID), Printable(string(c.Verdict)), Printable(k), Printable(c.Source))
			}
		}
	}
	_, err := fmt.Fprintln(w, SummaryLine(r))
	return err
}

// fitColumns wraps the cells of the shrinkable columns (in order, each
// down to its minimum) until a table with ASCII borders fits in width.
func fitColumns(header []string, rows [][]string, width int, shrink, minWidth []int) {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = cellWidth(h)
	}
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	total := 1
	for _, w := range widths {
		total += w + 3 // "| " + cell + " "
	}
	natural := append([]int(nil), widths...)
	for k, col := range shrink {
		if total <= width {
			break
		}
		target := max(minWidth[k], widths[col]-(total-width))
		if target >= widths[col] {
			continue
		}
		total -= widths[col] - target
		widths[col] = target
	}
	// Give what a later column's minimum left spare back to the earlier
	// ones, the claimed text first.
	for _, col := range shrink {
		if total >= width {
			break
		}
		back := min(natural[col]-widths[col], width-total)
		widths[col] += back
		total += back
	}
	for _, col := range shrink {
		if widths[col] < natural[col] {
			for _, row := range rows {
				row[col] = wrapWords(row[col], widths[col])
			}
		}
	}
}

// cellWidth is the widest line of s, in runes.
func cellWidth(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}

// wrapWords breaks s into lines of at most n runes at spaces (and after
// the dashes of an id such as "lossless-compression-circuits"); a word
// longer than n is cut with "…".
func wrapWords(s string, n int) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if utf8.RuneCountInString(word) > n && strings.Contains(word, "-") && !strings.Contains(s, " ") {
			// An id: its dash-separated parts are the words, the dash kept.
			parts := strings.SplitAfter(word, "-")
			for _, part := range parts {
				if line != "" && utf8.RuneCountInString(line)+utf8.RuneCountInString(part) > n {
					lines = append(lines, line)
					line = ""
				}
				if utf8.RuneCountInString(part) > n {
					part = string([]rune(part)[:n-1]) + "…"
				}
				line += part
			}
			continue
		}
		if utf8.RuneCountInString(word) > n {
			word = string([]rune(word)[:n-1]) + "…"
		}
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// statusOrder is how the summary line lists statuses: best first.
var statusOrder = []string{"reproduced", "partial", "functional", "consistent", "available", "skipped", "not-checked", "no-code", "inconsistent", "refuted", "failed", "interrupted", "unreachable", "invalid"}

// SummaryLine is "N papers: x reproduced, y partial, …; M claims: a verified, …".
func SummaryLine(r *Report) string {
	var parts []string
	seen := map[string]bool{}
	for _, s := range statusOrder {
		if n := r.Summary.Statuses[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
		seen[s] = true
	}
	for _, s := range sortedKeys(r.Summary.Statuses) {
		if !seen[s] {
			parts = append(parts, fmt.Sprintf("%d %s", r.Summary.Statuses[s], s))
		}
	}
	var vs []string
	for _, v := range []string{"verified", "refuted", "error", "skipped", "unverified"} {
		if n := r.Summary.Verdicts[v]; n > 0 {
			vs = append(vs, fmt.Sprintf("%d %s", n, v)+byEvidence(r.Summary.Evidence[v], n))
		}
	}
	line := fmt.Sprintf("%d %s", r.Summary.Papers, plural(r.Summary.Papers, "paper"))
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	line += fmt.Sprintf("; %d %s", r.Summary.Claims, plural(r.Summary.Claims, "claim"))
	if len(vs) > 0 {
		line += ": " + strings.Join(vs, ", ")
	}
	if n := r.Summary.NeverRun; n > 0 {
		line += fmt.Sprintf("; %d %s never run", n, plural(n, "plan"))
	}
	if n := r.Summary.Incomplete; n > 0 {
		line += fmt.Sprintf("; %d %s on an incomplete tree", n, plural(n, "audit"))
	}
	return line
}

// byEvidence says how a verdict's claims were measured: " (2 rerun,
// 1 artefact)"; nothing when none was measured.
func byEvidence(kinds map[string]int, total int) string {
	var parts []string
	for _, k := range []string{"rerun", "artefact", "static"} {
		if n := kinds[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
