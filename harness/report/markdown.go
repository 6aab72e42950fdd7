package report

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes a GitHub-flavoured table fit for $GITHUB_STEP_SUMMARY or a
// README: the summary line, a catalogue table (one row per paper), then one
// row per claim.
func Markdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Reproduction status\n\n%s\n\n", SummaryLine(r))
	b.WriteString("| Paper | Status | Commit | Checklist | Licence | Claims |\n|---|---|---|---|---|---|\n")
	for _, p := range r.Papers {
		repo := "no code"
		if p.Repository != nil {
			target := p.CommitURL()
			if target == "" {
				target = p.Repository.URL
			}
			repo = fmt.Sprintf("[`%s`](%s)", p.ShortCommit(), mdURL(target))
		}
		status := strings.Join(append([]string{badge(p.Status)}, p.Qualifiers()...), ", ")
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", md(p.ID), status+was(p.Changed), repo, p.Score(), md(p.License()), p.VerifiedText())
	}
	b.WriteString("\n## Claims\n\n| Paper | Claim | Quote | Claimed | Measured | Diff | Verdict | Evidence |\n|---|---|---|---|---|---|---|---|\n")
	// A quote too long for a table cell is cut at a word boundary, and
	// given in full in a footnote, so the number claimed is never lost.
	var footnotes []string
	for _, p := range r.Papers {
		for _, c := range p.Claims {
			quote := md(c.Quote)
			if cut, ok := cutWords(c.Quote, quoteCell); ok {
				label := footnoteLabel(p.ID, c.ID)
				quote = md(cut) + " …[^" + label + "]"
				footnotes = append(footnotes, "[^"+label+"]: "+md(c.Quote))
			}
			ev := md(c.EvidenceKind())
			if c.Source != "" {
				ev += " `" + strings.ReplaceAll(c.Source, "`", "'") + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", md(p.ID), md(c.ID), quote, md(c.Claimed), md(c.MeasuredText()), md(c.DeltaText()), string(c.Verdict)+was(c.Changed), strings.ReplaceAll(ev, "|", `\|`))
		}
	}
	var notes []string
	for _, p := range r.Papers {
		if p.Reason != "" && p.Status != "no-code" && p.Status != "available" {
			notes = append(notes, fmt.Sprintf("- **%s** (%s): %s", md(p.ID), p.Status, md(p.Reason)))
		}
		for _, note := range []string{p.NeverRunText(), p.MissingText()} {
			if note != "" {
				notes = append(notes, fmt.Sprintf("- **%s**: %s", md(p.ID), md(note)))
			}
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n## Notes\n\n" + strings.Join(notes, "\n") + "\n")
	}
	if len(footnotes) > 0 {
		b.WriteString("\n" + strings.Join(footnotes, "\n") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// badge marks a status with a symbol so a summary can be scanned.
func badge(status string) string {
	switch status {
	case "reproduced":
		return "✅ reproduced"
	case "partial":
		return "🟡 partial"
	case "refuted", "failed", "invalid":
		return "❌ " + status
	case "unreachable", "interrupted":
		return "⚠️ " + status
	case "inconsistent":
		return "🔶 inconsistent"
	case "consistent":
		return "🔷 consistent"
	}
	return status
}

// was marks what --since found changed: " (was reproduced)".
func was(changed string) string {
	if changed == "" {
		return ""
	}
	if changed == "new" {
		return " (new)"
	}
	return " (was " + changed + ")"
}

// Replacers are built once: building one per cell was half the time of
// `repro report --format markdown` over 10,000 records.
var (
	// Backslash escapes, not HTML entities: the raw Markdown (STATUS.md)
	// stays readable (">= 10 GB/s", not "&gt;= 10 GB/s"); a "<" is
	// escaped so that no cell opens an HTML tag.
	mdCell = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "<", `\<`, "&", `\&`, "`", "'", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`)
	mdLink = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20")
)

// md escapes text for a Markdown table cell.
// Control characters and escape sequences go first (Printable): markdown
// is also read on terminals.
func md(s string) string { return mdCell.Replace(Printable(s)) }

// MarkdownCell escapes text for a cell of a Markdown table as the report
// does, for other tables (repro check --dry-run --format markdown).
func MarkdownCell(s string) string { return md(s) }

func mdURL(u string) string { return mdLink.Replace(u) }

// quoteCell is how many runes of a quote a Markdown table cell shows.
const quoteCell = 90

// cutWords cuts s to at most n runes at a word boundary; ok says whether
// anything was cut. A first word longer than n is cut inside.
func cutWords(s string, n int) (string, bool) {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return s, false
	}
	cut := string(rs[:n])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:"), true
}

// footnoteLabel is a Markdown footnote label for a paper's claim: letters,
// digits and dashes only.
func footnoteLabel(paper, claim string) string {
	var b strings.Builder
	for _, r := range paper + "-" + claim {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteRune('-')
		}
	}
	return b.String()
}
