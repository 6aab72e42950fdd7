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
	got, err := s.Sweep("p", now)
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
