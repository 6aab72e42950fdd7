package results

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"
)

func TestWriteReadLatest(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var ids []string
	for i := 0; i < 3; i++ {
		id, _, err := s.Reserve("p", t0) // same second: distinct ids
		if err != nil {
			t.Fatal(err)
		}
		r := &Record{Schema: SchemaVersion, Paper: "p", Status: Available, Reason: id}
		if _, err := s.Write(context.Background(), r, id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	want := []string{"20260102T030405Z", "20260102T030405Z-2", "20260102T030405Z-3"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("Reserve ids = %v; want %v", ids, want)
	}
	hist, _ := s.History("p")
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("History = %v; want %v", hist, want)
	}
	latest, err := s.Latest("p")
	if err != nil || latest.Reason != want[2] || latest.ID != want[2] {
		t.Errorf("Latest = %+v, %v; want %s", latest, err, want[2])
	}
	papers, _ := s.Papers()
	if !reflect.DeepEqual(papers, []string{"p"}) {
		t.Errorf("Papers = %v", papers)
	}
}

func TestStampOrder(t *testing.T) {
	ids := []string{"20260101T000000Z-10", "20260101T000000Z-9", "20260101T000001Z", "20260101T000000Z"}
	sort.Slice(ids, func(i, j int) bool { return stampLess(ids[i], ids[j]) })
	want := []string{"20260101T000000Z", "20260101T000000Z-9", "20260101T000000Z-10", "20260101T000001Z"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("sorted = %v; want %v", ids, want)
	}
}

// A leftover temporary file (a writer killed before its rename) is never
// taken for a record.
func TestIgnoresTemporaryFiles(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	os.MkdirAll(filepath.Join(s.Dir, "p"), 0o755)
	os.WriteFile(filepath.Join(s.Dir, "p", ".tmp-20260101T000000Z.json-123"), []byte(`{"schema":1,"paper":"p","status":"refut`), 0o644)
	if r, err := s.Latest("p"); r != nil || err != nil {
		t.Errorf("Latest = %v, %v; want no record", r, err)
	}
}

func TestWriteIntoUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "p"), 0o555)
	s := Store{Dir: dir}
	if _, err := s.Write(context.Background(), &Record{Schema: 1, Paper: "p"}, "x"); err == nil {
		t.Errorf("Write into a read-only folder = nil; want an error")
	}
}

func TestConcurrentWriters(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := s.Lock("p")
			if err != nil {
				t.Error(err)
				return
			}
			defer unlock()
			id, _, err := s.Reserve("p", time.Unix(0, 0))
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := s.Write(context.Background(), &Record{Schema: 1, Paper: "p"}, id); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	hist, _ := s.History("p")
	if len(hist) != 16 {
		t.Errorf("History after 16 concurrent writes = %d records; want 16", len(hist))
	}
	for _, id := range hist {
		if _, err := s.Read("p", id); err != nil {
			t.Errorf("Read(%s) = %v", id, err)
		}
	}
}

func TestRank(t *testing.T) {
	if !(Reproduced.Rank() > Partial.Rank() && Partial.Rank() > Available.Rank() && Available.Rank() > Refuted.Rank() && Refuted.Rank() > Unreachable.Rank()) {
		t.Errorf("status ranks out of order")
	}
}

// Sweep removes a killed run's temporary record files and empty log
// folders, but not the folder of a run reserved a moment ago (a second run
// of the same second could take its id), nor anything of a finished record.
func TestSweep(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	dir := filepath.Join(s.Dir, "p")
	old, recent, done := "20260101T000000Z", now.Format(stampFormat), "20260101T000001Z"
	for _, d := range []string{old, recent, done} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, done+".json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, ".tmp-"+old+".json-123"), []byte("{"), 0o644)
	os.MkdirAll(filepath.Join(dir, "20250101T000000Z-2"), 0o755)
	os.WriteFile(filepath.Join(dir, "20250101T000000Z-2", "x.log"), []byte("log"), 0o644)
	got, _, err := s.Sweep("p", now)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".tmp-" + old + ".json-123", old}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sweep = %q; want %q", got, want)
	}
	for _, keep := range []string{recent, done, done + ".json", "20250101T000000Z-2"} {
		if _, err := os.Stat(filepath.Join(dir, keep)); err != nil {
			t.Errorf("Sweep removed %s: %v", keep, err)
		}
	}
}

// A run killed after its steps began (its log folder holds logs, its
// running file is no longer locked) gets a record saying interrupted; one
// killed before its steps has its folder removed; a run still going (the
// lock held) is left alone.
func TestSweepKilled(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	now := time.Now()
	live, _, err := s.Reserve("p", now)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(s.Dir, "p")
	os.WriteFile(filepath.Join(dir, live, "step.log"), []byte("log"), 0o644)
	// Dead runs: folders whose running file nobody locks.
	withLogs, empty, batch := "20250101T000000Z", "20250101T000001Z", "20250101T000002Z"
	// A Slurm job's folder, its client killed, the job still running.
	os.WriteFile(filepath.Join(dir, ".slurm-job.json"), []byte(`{"schema": 1, "record": "`+batch+`"}`), 0o644)
	os.MkdirAll(filepath.Join(dir, batch), 0o755)
	os.WriteFile(filepath.Join(dir, batch, "slurm-1.out"), []byte("log"), 0o644)
	for _, d := range []string{withLogs, empty, batch} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
		os.WriteFile(filepath.Join(dir, d, runningFile), nil, 0o644)
	}
	os.MkdirAll(filepath.Join(dir, withLogs, "run-1"), 0o755)
	os.WriteFile(filepath.Join(dir, withLogs, "run-1", "train.log"), []byte("epoch 1"), 0o644)
	removed, recorded, err := s.Sweep("p", now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(removed, []string{empty}) || !reflect.DeepEqual(recorded, []string{withLogs}) {
		t.Errorf("Sweep = removed %q, recorded %q; want %q, %q", removed, recorded, []string{empty}, []string{withLogs})
	}
	r, err := s.Read("p", withLogs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Interrupted || r.Reason != KilledReason || r.Started.Format(stampFormat) != withLogs {
		t.Errorf("killed run's record = %s %q started %v; want interrupted, %q", r.Status, r.Reason, r.Started, KilledReason)
	}
	if _, err := os.Stat(filepath.Join(dir, withLogs, "run-1", "train.log")); err != nil {
		t.Errorf("the killed run's logs are gone: %v", err)
	}
	if exists(filepath.Join(dir, withLogs, runningFile)) {
		t.Errorf("the killed run's running file is left")
	}
	if exists(filepath.Join(dir, live+".json")) || !exists(filepath.Join(dir, live, "step.log")) {
		t.Errorf("Sweep touched the run still going")
	}
	if exists(filepath.Join(dir, batch+".json")) || !exists(filepath.Join(dir, batch, runningFile)) {
		t.Errorf("Sweep touched the outstanding Slurm job's folder")
	}
	// Its record written, the live run's running file goes and a new
	// sweep finds nothing.
	if _, err := s.Write(t.Context(), &Record{Schema: SchemaVersion, Paper: "p", Status: Failed, Claims: []Claim{}}, live); err != nil {
		t.Fatal(err)
	}
	if exists(filepath.Join(dir, live, runningFile)) {
		t.Errorf("Write left the running file")
	}
	if removed, recorded, _ := s.Sweep("p", now); removed != nil || recorded != nil {
		t.Errorf("second Sweep = %q, %q; want nothing", removed, recorded)
	}
}

// TestReserveRacesSweep: a run that reserves its id while another run of
// the same paper sweeps must keep its folder and its id to itself. The
// sweep once saw a reserved folder's running file before its owner had
// locked it, took it for a killed run's, removed the folder, and a second
// run then reserved the same id (the same working tree, the same record).
func TestReserveRacesSweep(t *testing.T) {
	for round := 0; round < 50; round++ {
		s := Store{Dir: t.TempDir()}
		start := time.Now()
		var wg sync.WaitGroup
		ids := make(chan string, 64)
		for i := 0; i < 8; i++ {
			wg.Add(2)
			go func() {
				defer wg.Done()
				s.Sweep("p", start)
			}()
			go func() {
				defer wg.Done()
				id, logDir, err := s.Reserve("p", start)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := os.Stat(filepath.Join(logDir, runningFile)); err != nil {
					t.Errorf("reserved %s has no running file: %v", id, err)
				}
				ids <- id
			}()
		}
		wg.Wait()
		close(ids)
		seen := map[string]bool{}
		for id := range ids {
			if seen[id] {
				t.Fatalf("round %d: id %s reserved twice", round, id)
			}
			seen[id] = true
			if _, err := os.Stat(filepath.Join(s.Dir, "p", id)); err != nil {
				t.Fatalf("round %d: the log folder of %s is gone: %v", round, id, err)
			}
		}
		doneAll(s, seen)
	}
}

// doneAll releases the running files the test's reservations hold.
func doneAll(s Store, ids map[string]bool) {
	for id := range ids {
		doneRunning(filepath.Join(s.Dir, "p", id))
	}
}
