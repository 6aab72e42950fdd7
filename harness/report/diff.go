package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/repro-harness/repro/harness/results"
)

// Kinds of change between two result sets, in the order Diff lists them.
const (
	Regression  = "regression"  // a claim verified before is refuted or error now; a paper moved down the ladder
	Improvement = "improvement" // a claim is verified now and was not; a paper moved up the ladder
	Changed     = "changed"     // any other change of status or verdict, a claim added or removed
	NewPaper    = "new"         // a paper with no record before
	Removed     = "removed"     // a paper with no record now
)

var kindOrder = map[string]int{Regression: 0, Improvement: 1, Changed: 2, NewPaper: 3, Removed: 4}

// Diff is what changed between two result sets, paper by paper and claim by
// claim. Its JSON form carries the report schema version.
type Diff struct {
	Schema  int      `json:"schema"`
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Papers  int      `json:"papers"` // papers in either set
	Changes []Change `json:"changes"`
}

// Change is one paper's or one claim's change. From and To are statuses
// for a paper, verdicts for a claim; "" where there was (or is) none.
type Change struct {
	Kind  string `json:"kind"`
	Paper string `json:"paper"`
	Claim string `json:"claim,omitempty"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Compare lists the changes from old to new.
func Compare(old, new *Report) *Diff {
	d := &Diff{Schema: SchemaVersion, Changes: []Change{}}
	before := byID(old)
	seen := map[string]bool{}
	for _, p := range new.Papers {
		seen[p.ID] = true
		q, ok := before[p.ID]
		if !ok {
			d.Changes = append(d.Changes, Change{Kind: NewPaper, Paper: p.ID, To: p.Status})
			continue
		}
		if q.Status != p.Status {
			d.Changes = append(d.Changes, Change{Kind: statusKind(q.Status, p.Status), Paper: p.ID, From: q.Status, To: p.Status})
		}
		was := map[string]string{}
		for _, c := range q.Claims {
			was[c.ID] = string(c.Verdict)
		}
		for _, c := range p.Claims {
			v, ok := was[c.ID]
			delete(was, c.ID)
			if ok && v == string(c.Verdict) {
				continue
			}
			d.Changes = append(d.Changes, Change{Kind: verdictKind(v, string(c.Verdict)), Paper: p.ID, Claim: c.ID, From: v, To: string(c.Verdict)})
		}
		for id, v := range was {
			d.Changes = append(d.Changes, Change{Kind: Changed, Paper: p.ID, Claim: id, From: v})
		}
	}
	for _, q := range old.Papers {
		if !seen[q.ID] {
			d.Changes = append(d.Changes, Change{Kind: Removed, Paper: q.ID, From: q.Status})
		}
		seen[q.ID] = true
	}
	d.Papers = len(seen)
	sort.SliceStable(d.Changes, func(i, j int) bool {
		a, b := d.Changes[i], d.Changes[j]
		if a.Kind != b.Kind {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.Paper != b.Paper {
			return a.Paper < b.Paper
		}
		return a.Claim < b.Claim
	})
	return d
}

// statusKind classifies a paper's move on the ladder (results.Status.Rank).
func statusKind(from, to string) string {
	f, t := results.Status(from).Rank(), results.Status(to).Rank()
	switch {
	case f < 0 || t < 0:
		return Changed
	case t < f:
		return Regression
	case t > f:
		return Improvement
	}
	return Changed
}

// verdictKind classifies a claim's change of verdict ("" = no claim).
func verdictKind(from, to string) string {
	switch {
	case from == "verified" && (to == "refuted" || to == "error"):
		return Regression
	case to == "verified" && from != "":
		return Improvement
	}
	return Changed
}

// Count is the number of changes of one kind.
func (d *Diff) Count(kind string) int {
	n := 0
	for _, c := range d.Changes {
		if c.Kind == kind {
			n++
		}
	}
	return n
}

// Regressed says whether anything regressed.
func (d *Diff) Regressed() bool { return d.Count(Regression) > 0 }

// DiffText writes one line per change, worst first, then a summary line.
func DiffText(w io.Writer, d *Diff) error {
	var b strings.Builder
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%-11s %s\n", c.Kind, Printable(c.describe()))
	}
	b.WriteString(d.summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// DiffJSON writes the diff as indented JSON.
func DiffJSON(w io.Writer, d *Diff) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // ">= 10 GB/s" stays readable for scripts
	return enc.Encode(d)
}

func (c Change) describe() string {
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	switch {
	case c.Kind == NewPaper:
		return fmt.Sprintf("%s: %s", c.Paper, c.To)
	case c.Kind == Removed:
		return fmt.Sprintf("%s: was %s", c.Paper, c.From)
	case c.Claim == "":
		return fmt.Sprintf("%s: %s -> %s", c.Paper, c.From, c.To)
	}
	return fmt.Sprintf("%s/%s: %s -> %s", c.Paper, c.Claim, dash(c.From), dash(c.To))
}

func (d *Diff) summary() string {
	if len(d.Changes) == 0 {
		return fmt.Sprintf("no changes in %d %s", d.Papers, plural(d.Papers, "paper"))
	}
	var parts []string
	for _, k := range []struct{ kind, one string }{
		{Regression, "regression"}, {Improvement, "improvement"}, {Changed, "other change"},
		{NewPaper, "new paper"}, {Removed, "removed paper"},
	} {
		if n := d.Count(k.kind); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, k.one)))
		}
	}
	return fmt.Sprintf("%d %s compared: %s", d.Papers, plural(d.Papers, "paper"), strings.Join(parts, ", "))
}

// MarkChanged sets Changed on the papers and claims of r that differ from
// old: the status or verdict before, or "new" where there was none.
func MarkChanged(r, old *Report) {
	before := byID(old)
	for i := range r.Papers {
		p := &r.Papers[i]
		q, ok := before[p.ID]
		if !ok {
			p.Changed = "new"
			continue
		}
		if q.Status != p.Status {
			p.Changed = q.Status
		}
		was := map[string]string{}
		for _, c := range q.Claims {
			was[c.ID] = string(c.Verdict)
		}
		for j := range p.Claims {
			c := &p.Claims[j]
			switch v, ok := was[c.ID]; {
			case !ok:
				c.Changed = "new"
			case v != string(c.Verdict):
				c.Changed = v
			}
		}
	}
}

func byID(r *Report) map[string]Paper {
	m := map[string]Paper{}
	for _, p := range r.Papers {
		m[p.ID] = p
	}
	return m
}
