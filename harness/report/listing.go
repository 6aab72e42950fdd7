package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// Entry is one line of repro list or repro history: a record in brief.
type Entry struct {
	Paper    string `json:"paper"`
	Record   string `json:"record,omitempty"` // the record's id (its UTC start time)
	Status   string `json:"status"`
	Commit   string `json:"commit,omitempty"`
	Verified int    `json:"verified"`
	// Agreed counts claims that artefact or static evidence agrees with
	// (never counted as verified: only a rerun verifies).
	Agreed  int    `json:"agreed,omitempty"`
	Claims  int    `json:"claims"`
	Started string `json:"started,omitempty"`
	// Error says why a record of the history could not be read.
	Error string `json:"error,omitempty"`
}

// Listing is what repro list and repro history print; its JSON form is a
// contract like the report's (schema versioned the same way).
type Listing struct {
	Schema  int     `json:"schema"`
	Entries []Entry `json:"entries"`
}

// EntryOf sums up one paper of a report.
func EntryOf(p Paper) Entry {
	e := Entry{Paper: p.ID, Status: p.Status, Verified: p.Verified(), Agreed: p.Agreed(), Claims: len(p.Claims), Started: p.Started}
	if p.Repository != nil {
		e.Commit = p.Repository.Commit
	}
	if p.Record != "" {
		e.Record = recordID(p.Record)
	}
	return e
}

func recordID(rel string) string {
	for i := len(rel) - 1; i >= 0; i-- {
		if rel[i] == '/' {
			rel = rel[i+1:]
			break
		}
	}
	if len(rel) > 5 && rel[len(rel)-5:] == ".json" {
		rel = rel[:len(rel)-5]
	}
	return rel
}

// ListJSON writes a listing as indented JSON.
func ListJSON(w io.Writer, l Listing) error {
	if l.Entries == nil {
		l.Entries = []Entry{}
	}
	l.Schema = SchemaVersion
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

// ListText writes one aligned line per entry: by paper (repro list) or by
// record (repro history).
func ListText(w io.Writer, l Listing, byRecord bool) error {
	for _, e := range l.Entries {
		commit := e.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if commit == "" {
			commit = "-"
		}
		var err error
		switch {
		case byRecord && e.Error != "":
			_, err = fmt.Fprintf(w, "%-20s unreadable: %s\n", Printable(e.Record), Printable(e.Error))
		case byRecord:
			_, err = fmt.Fprintf(w, "%-20s %-12s %-12s %s\n", Printable(e.Record), Printable(e.Status), Printable(commit), e.verifiedText())
		default:
			// Records are data from elsewhere: print them cleaned.
			_, err = fmt.Fprintf(w, "%-40s %-12s %-12s %s  %s\n", Printable(e.Paper), Printable(e.Status), Printable(commit), e.verifiedText(), e.Started)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (e Entry) verifiedText() string {
	return countText(e.Verified, e.Agreed, e.Claims)
}
