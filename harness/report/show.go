package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/repro-harness/repro/harness/audit"
	"github.com/repro-harness/repro/harness/results"
)

// RecordJSON writes one record as stored.
func RecordJSON(w io.Writer, rec *results.Record) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // ">= 10 GB/s" stays readable for scripts
	return enc.Encode(rec)
}

// Show writes one record for a person: what was checked, where, how, and
// the claims table.
// Every string of the record is cleaned with Printable before it is
// printed: records, specs and repositories are written by others.
func Show(w io.Writer, rec *results.Record) error {
	P := Printable
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", P(rec.Paper), P(rec.Title))
	fmt.Fprintf(&b, "status:     %s\n", P(string(rec.Status)))
	if rec.Reason != "" {
		fmt.Fprintf(&b, "reason:     %s\n", P(rec.Reason))
	}
	fmt.Fprintf(&b, "record:     %s/%s.json (harness %s, spec sha256 %.12s)\n", P(rec.Paper), P(rec.ID), P(rec.Harness), P(rec.SpecHash))
	fmt.Fprintf(&b, "checked:    %s (%.1fs) on %s/%s, %d CPUs", rec.Started.UTC().Format("2006-01-02 15:04:05Z"), rec.Seconds, P(rec.Host.OS), P(rec.Host.Arch), rec.Host.CPUs)
	for _, g := range rec.Host.GPUs {
		fmt.Fprintf(&b, ", %s", P(g.Name))
	}
	b.WriteString("\n")
	if r := rec.Repository; r != nil {
		fmt.Fprintf(&b, "repository: %s\n", P(r.URL))
		fmt.Fprintf(&b, "commit:     %s", P(r.Commit))
		if r.Pinned == "" {
			b.WriteString(" (not pinned by the spec: resolved from the default branch)")
		}
		if r.Dirty {
			b.WriteString(" (working copy with uncommitted changes)")
		}
		fmt.Fprintf(&b, "\nfetched:    from %s %s in %.2fs", P(r.Source), P(r.Location), r.FetchSecond)
		if !r.Transferred {
			b.WriteString(" (already cached)")
		}
		b.WriteString("\n")
		if r.Subdir != "" {
			fmt.Fprintf(&b, "subdir:     %s\n", P(r.Subdir))
		}
	} else if rec.NoCode != "" {
		fmt.Fprintf(&b, "no code:    %s\n", P(rec.NoCode))
	}
	if c := rec.Checkout; c != nil && (c.Files > 0 || len(c.Missing) > 0) {
		fmt.Fprintf(&b, "checkout:   %d files, %d bytes", c.Files, c.Bytes)
		if len(c.Missing) > 0 {
			fmt.Fprintf(&b, "; %d missing from the repository: %s", len(c.Missing), P(strings.Join(first(c.Missing, 5), ", ")))
		}
		b.WriteString("\n")
	}
	if a := rec.Audit; a != nil {
		fmt.Fprintf(&b, "audit:      %d/5, licence %s\n", a.Score, P(string(a.License)))
		for _, item := range audit.Items {
			it := a.Checklist[item]
			mark := "no "
			if it.Found {
				mark = "yes"
			}
			fmt.Fprintf(&b, "  %-13s %s %s\n", item, mark, P(it.Evidence))
		}
		for _, wn := range a.Warnings {
			fmt.Fprintf(&b, "  warning: %s\n", P(wn))
		}
	}
	for _, s := range rec.Steps {
		fmt.Fprintf(&b, "step %s: exit %d in %.1fs: %s\n", P(s.Name), s.ExitCode, s.Seconds, P(s.Command))
		if s.TimedOut {
			b.WriteString("  timed out; process group killed\n")
		}
		if s.Stdout != "" {
			fmt.Fprintf(&b, "  logs: %s %s\n", P(s.Stdout), P(s.Stderr))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	return Text(w, Build([]*results.Record{rec}))
}

func first(xs []string, n int) []string {
	if len(xs) > n {
		return append(xs[:n:n], "…")
	}
	return xs
}
