package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
)

func paperWith(id, status string, verdicts ...string) Paper {
	p := Paper{ID: id, Status: status}
	for i, v := range verdicts {
		p.Claims = append(p.Claims, Claim{Claim: results.Claim{ID: string(rune('a' + i)), Verdict: claim.Verdict(v)}})
	}
	return p
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new []Paper
		want     string
	}{
		{"same", []Paper{paperWith("p", "reproduced", "verified")}, []Paper{paperWith("p", "reproduced", "verified")}, ""},
		{"claim regression", []Paper{paperWith("p", "partial", "verified", "unverified")}, []Paper{paperWith("p", "partial", "refuted", "verified")}, "regression p/a verified refuted; improvement p/b unverified verified"},
		{"claim error", []Paper{paperWith("p", "reproduced", "verified")}, []Paper{paperWith("p", "reproduced", "error")}, "regression p/a verified error"},
		{"ladder down", []Paper{paperWith("p", "reproduced")}, []Paper{paperWith("p", "available")}, "regression p reproduced available"},
		{"ladder up", []Paper{paperWith("p", "failed")}, []Paper{paperWith("p", "functional")}, "improvement p failed functional"},
		{"verified to skipped", []Paper{paperWith("p", "available", "verified")}, []Paper{paperWith("p", "available", "skipped")}, "changed p/a verified skipped"},
		{"new claim", []Paper{paperWith("p", "available")}, []Paper{paperWith("p", "available", "verified")}, "changed p/a  verified"},
		{"removed claim", []Paper{paperWith("p", "available", "verified")}, []Paper{paperWith("p", "available")}, "changed p/a verified "},
		{"new and removed", []Paper{paperWith("gone", "partial")}, []Paper{paperWith("fresh", "reproduced")}, "new fresh  reproduced; removed gone partial "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Compare(&Report{Papers: tc.old}, &Report{Papers: tc.new})
			var got []string
			for _, c := range d.Changes {
				id := c.Paper
				if c.Claim != "" {
					id += "/" + c.Claim
				}
				got = append(got, strings.Join([]string{c.Kind, id, c.From, c.To}, " "))
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("Compare(%v, %v) = %q; want %q", tc.old, tc.new, g, tc.want)
			}
			if want := strings.HasPrefix(tc.want, "regression"); d.Regressed() != want {
				t.Errorf("Regressed() = %v; want %v", d.Regressed(), want)
			}
		})
	}
}

func TestDiffText(t *testing.T) {
	old := Build(fixtures()[:4])
	recs := fixtures()[1:]
	recs[1].Claims[0].Verdict = claim.Verified // refuted-paper ratio improves
	recs[0].Claims[0].Verdict = claim.Refuted  // partial-paper ratio regresses
	d := Compare(old, Build(recs))
	var b bytes.Buffer
	if err := DiffText(&b, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff.txt", b.Bytes())
	b.Reset()
	if err := DiffJSON(&b, d); err != nil {
		t.Fatal(err)
	}
	var back Diff
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Schema != SchemaVersion || len(back.Changes) != len(d.Changes) {
		t.Errorf("DiffJSON does not read back: %v, %+v", err, back)
	}
}

// TestRecordsAt reads a results folder from two commits of a go-git
// repository and checks the latest record per paper at each.
func TestRecordsAt(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	st := results.Store{Dir: filepath.Join(dir, "results")}
	commit := func(msg string) {
		if _, err := wt.Add("results"); err != nil {
			t.Fatal(err)
		}
		sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		if _, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
			t.Fatal(err)
		}
	}
	recs := fixtures()
	for _, r := range recs[:2] {
		if _, err := st.Write(t.Context(), r, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	commit("first")
	later := *recs[0]
	later.Status = results.Refuted
	if _, err := st.Write(t.Context(), &later, "20260302T000000Z"); err != nil {
		t.Fatal(err)
	}
	commit("second")
	// The working folder may hold more than any commit: it is not read.
	os.WriteFile(filepath.Join(dir, "results", "stray.json"), []byte("{"), 0o644)

	for _, tc := range []struct {
		rev, want string
	}{
		{"HEAD", "partial-paper=partial reproduced-paper=refuted"},
		{"HEAD~1", "partial-paper=partial reproduced-paper=reproduced"},
	} {
		got, err := RecordsAt(filepath.Join(dir, "results"), tc.rev)
		if err != nil {
			t.Fatalf("RecordsAt(%s) = %v", tc.rev, err)
		}
		var s []string
		for _, r := range got {
			s = append(s, r.Paper+"="+string(r.Status))
		}
		if g := strings.Join(s, " "); g != tc.want {
			t.Errorf("RecordsAt(%s) = %s; want %s", tc.rev, g, tc.want)
		}
	}
	if got, err := RecordsAt(filepath.Join(dir, "elsewhere"), "HEAD"); err != nil || len(got) != 0 {
		t.Errorf("RecordsAt(folder absent at HEAD) = %v, %v; want no records, nil", got, err)
	}
	if _, err := RecordsAt(filepath.Join(dir, "results"), "no-such-rev"); err == nil {
		t.Errorf("RecordsAt(no-such-rev) = nil error; want an error")
	}
	if _, err := RecordsAt(t.TempDir(), "HEAD"); err == nil {
		t.Errorf("RecordsAt(outside any repository) = nil error; want an error")
	}
}
