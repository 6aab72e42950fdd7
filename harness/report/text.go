package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
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
// Statuses, commits and verdicts are never cut. When even that table is
// wider than the terminal, the commit and diff columns are left out;
// when that is still too wide, each paper is written as a block of
// "key: value" lines, wrapped at words, so that nothing is cut. The
// notes and the summary line below are wrapped at words too.
func TextWidth(w io.Writer, r *Report, width int) error {
	var out bytes.Buffer
	whole, err := writeTable(&out, r, width, nil)
	if err != nil {
		return err
	}
	if width > 0 && (!whole || blockWidth(out.String()) > width) {
		out.Reset()
		if whole, err = writeTable(&out, r, width, map[string]bool{"COMMIT": true, "DIFF": true}); err != nil {
			return err
		}
	}
	if width > 0 && (!whole || blockWidth(out.String()) > width) {
		out.Reset()
		writeBlocks(&out, r)
	}
	writeNotes(&out, r)
	if width <= 0 {
		_, err := w.Write(out.Bytes())
		return err
	}
	for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		lead := line[:len(line)-len(strings.TrimLeft(line, " "))]
		for _, l := range fold(line, width, "", lead+"  ") {
			if _, err := fmt.Fprintln(w, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// textColumns are the table's columns; shrinkOrder is which of them
// fitColumns wraps first, each down to its minimum width.
var (
	textColumns = []string{"PAPER", "STATUS", "COMMIT", "CLAIM", "CLAIMED", "MEASURED", "DIFF", "VERDICT", "EVIDENCE"}
	shrinkOrder = []string{"CLAIMED", "MEASURED", "STATUS", "PAPER", "CLAIM"}
	shrinkMin   = map[string]int{"CLAIMED": 16, "MEASURED": 10, "STATUS": 14, "PAPER": 12, "CLAIM": 8}
)

// textRows is the table's rows, all columns, every cell cleaned: a
// record is data from elsewhere.
func textRows(r *Report) [][]string {
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
			rows = append(rows, []string{Printable(paper), Printable(status), Printable(commit), Printable(c.ID), Printable(c.Claimed),
				Printable(c.MeasuredText()), Printable(c.DeltaText()), Printable(c.VerdictText()), Printable(c.EvidenceKind())})
		}
	}
	return rows
}

// writeTable writes the table without the columns in drop, fitted to
// width (0: no limit). whole is false when fitting it cut a paper or
// claim id, which a reader must be able to copy.
func writeTable(w io.Writer, r *Report, width int, drop map[string]bool) (whole bool, err error) {
	var header []string
	var keep []int
	for i, h := range textColumns {
		if !drop[h] {
			header = append(header, h)
			keep = append(keep, i)
		}
	}
	var rows [][]string
	for _, full := range textRows(r) {
		row := make([]string, len(keep))
		for j, i := range keep {
			row[j] = full[i]
		}
		rows = append(rows, row)
	}
	if width > 0 {
		var shrink, mins []int
		for _, name := range shrinkOrder {
			if i := slices.Index(header, name); i >= 0 {
				shrink = append(shrink, i)
				mins = append(mins, shrinkMin[name])
			}
		}
		var ids [][]string
		for _, row := range rows {
			ids = append(ids, slices.Clone(row))
		}
		fitColumns(header, rows, width, shrink, mins)
		for i, row := range rows {
			for _, name := range []string{"PAPER", "CLAIM"} {
				// An id is wrapped after its dashes, so joined back it is whole unless cut.
				if c := slices.Index(header, name); c >= 0 && strings.ReplaceAll(row[c], "\n", "") != ids[i][c] {
					return false, nil
				}
			}
		}
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
			return false, err
		}
	}
	return true, t.Render()
}

// writeBlocks is the table for a terminal too narrow for it: one block
// per paper, one per claim, of "key: value" lines (empty values left
// out), separated by blank lines. TextWidth wraps the long lines.
func writeBlocks(w io.Writer, r *Report) {
	for i, p := range r.Papers {
		if i > 0 {
			fmt.Fprintln(w)
		}
		keyValues(w, "", "paper", p.ID, "status", p.StatusText(), "commit", p.ShortCommit())
		for _, c := range p.Claims {
			keyValues(w, "  ", "claim", c.ID, "verdict", c.VerdictText(), "claimed", c.Claimed,
				"measured", c.MeasuredText(), "diff", c.DeltaText(), "evidence", c.EvidenceKind())
		}
	}
	fmt.Fprintln(w)
}

// keyValues writes "key: value" lines for the non-empty values of kv
// (key, value, key, value, …), each line indented by indent.
func keyValues(w io.Writer, indent string, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if v := Printable(kv[i+1]); v != "" {
			fmt.Fprintf(w, "%s%s: %s\n", indent, kv[i], v)
		}
	}
}

// writeNotes writes the failure details and the summary line.
func writeNotes(w io.Writer, r *Report) {
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
	fmt.Fprintln(w, SummaryLine(r))
}

// blockWidth is the display width of the widest line of s.
func blockWidth(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, displaywidth.String(l))
	}
	return n
}

// fold breaks line into lines of at most width display columns at
// spaces, the first kept as it is up to its first word, the others
// starting with rest; a word wider than a line is split, not cut, so
// that an id or a number is never lost. A line that fits is returned
// as it is.
func fold(line string, width int, first, rest string) []string {
	if displaywidth.String(line) <= width {
		return []string{line}
	}
	lead := line[:len(line)-len(strings.TrimLeft(line, " "))]
	if displaywidth.String(rest)*2 > width {
		rest = ""
	}
	var lines []string
	cur, curW := first+lead, displaywidth.String(first+lead)
	fresh := true // cur holds no word yet
	flush := func() {
		lines = append(lines, strings.TrimRight(cur, " "))
		cur, curW, fresh = rest, displaywidth.String(rest), true
	}
	for _, word := range strings.Fields(line) {
		ww := displaywidth.String(word)
		if !fresh && curW+1+ww > width {
			flush()
		}
		if !fresh {
			cur, curW = cur+" ", curW+1
		}
		for curW+ww > width {
			// Split the word at the column where the line ends.
			n, taken := 0, 0
			for _, r := range word {
				rw := displaywidth.String(string(r))
				if curW+n+rw > width {
					break
				}
				n += rw
				taken += len(string(r))
			}
			if taken == 0 {
				if fresh {
					taken = len(string([]rune(word)[0])) // a line of one wide rune
				} else {
					flush()
					continue
				}
			}
			cur += word[:taken]
			word = word[taken:]
			ww = displaywidth.String(word)
			flush()
		}
		if word != "" {
			cur, curW, fresh = cur+word, curW+ww, false
		}
	}
	if !fresh {
		lines = append(lines, strings.TrimRight(cur, " "))
	}
	return lines
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
