package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/claim"
	"github.com/repro-harness/repro/harness/results"
)

const recordChildEnv = "REPRO_TEST_RECORD_WRITER"

// TestRecordWriterChild is not a test: run by TestKillDuringRecordWrite as
// a child process, it writes large records into $REPRO_TEST_RECORD_WRITER
// until it is killed.
func TestRecordWriterChild(t *testing.T) {
	dir := os.Getenv(recordChildEnv)
	if dir == "" {
		t.Skip("run by TestKillDuringRecordWrite")
	}
	st := results.Store{Dir: dir}
	r := bigRecord()
	for i := 0; ; i++ {
		id, _, err := st.Reserve("paper", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Write(t.Context(), r, id); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			// Tell the parent a record is whole on disk, so it kills
			// during a later write however slow a loaded machine is.
			fmt.Println("wrote")
		}
	}
}

func bigRecord() *results.Record {
	r := &results.Record{Schema: results.SchemaVersion, Paper: "paper", Status: results.Available, Claims: []results.Claim{}}
	for i := 0; i < 3000; i++ {
		r.Claims = append(r.Claims, results.Claim{ID: fmt.Sprintf("c%d", i), Metric: "m", Claimed: strings.Repeat("x", 200), Verdict: claim.Unverified})
	}
	return r
}

// kill -9 at random moments of a stream of record writes (each about 1 MB,
// written and synced): every record on disk is whole, and the store keeps
// working.
func TestKillDuringRecordWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	dir := t.TempDir()
	for round := 0; round < 6; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRecordWriterChild$")
		cmd.Env = append(os.Environ(), recordChildEnv+"="+dir)
		cmd.Stderr = io.Discard
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for the first whole record (a loaded machine may take
		// seconds), then kill at a moment that varies with the round.
		first := make(chan struct{})
		go func() {
			buf := make([]byte, 64)
			for n, _ := out.Read(buf); n > 0; n, _ = out.Read(buf) {
				if strings.Contains(string(buf[:n]), "wrote") {
					close(first)
					io.Copy(io.Discard, out)
					return
				}
			}
		}()
		select {
		case <-first:
		case <-time.After(2 * time.Minute):
			t.Log("the writer wrote no record within 2 minutes")
		}
		time.Sleep(time.Duration(round*37) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
	}
	st := results.Store{Dir: dir}
	ids, err := st.History("paper")
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		t.Fatal("the writers wrote no record before they were killed; nothing was tested")
	}
	for _, id := range ids {
		if _, err := st.Read("paper", id); err != nil {
			t.Errorf("record %s after kill -9: %v", id, err)
		}
	}
	// Leftovers are hidden temporary files only, which readers skip.
	entries, _ := os.ReadDir(filepath.Join(dir, "paper"))
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") {
			data, _ := os.ReadFile(filepath.Join(dir, "paper", n))
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON after kill -9", n)
			}
		}
	}
	// A clean rerun: a new record is written and listed as the latest.
	id, _, err := st.Reserve("paper", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	r := bigRecord()
	r.Status = results.Reproduced
	if _, err := st.Write(t.Context(), r, id); err != nil {
		t.Fatalf("Write after kill -9 = %v", err)
	}
	var stdout, stderr strings.Builder
	if code := Main(t.Context(), []string{"list", "--results", dir}, &stdout, &stderr); code != ExitOK || !strings.Contains(stdout.String(), "reproduced") {
		t.Errorf("repro list after kill -9 = %d\n%s%s; want the new record", code, stdout.String(), stderr.String())
	}
	t.Logf("%d records written across 6 killed writers, all whole", len(ids))
}
