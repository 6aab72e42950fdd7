package results

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/repro-harness/repro/internal/parallel"
)

// Store is a results folder: <Dir>/<paper>/<stamp>.json plus, beside each
// record, a <stamp>/ folder of logs.
type Store struct {
	Dir string
}

// stampFormat sorts lexically in time order and is safe in file names.
const stampFormat = "20060102T150405Z"

// Reserve picks the id of a new record for paper started at t and creates
// its log folder, so steps can write logs before the record exists. Two
// runs started in the same second get distinct ids, and an id is never
// reused, so no record is ever overwritten.
func (s Store) Reserve(paper string, t time.Time) (id, logDir string, err error) {
	dir := filepath.Join(s.Dir, paper)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("create results folder: %w", err)
	}
	base := t.UTC().Format(stampFormat)
	for i := 1; i < 1000; i++ {
		id = base
		if i > 1 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		logDir = filepath.Join(dir, id)
		record := filepath.Join(dir, id+".json")
		if exists(record) {
			continue
		}
		err := os.Mkdir(logDir, 0o755)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", "", fmt.Errorf("create log folder: %w", err)
		}
		// Write removes an empty log folder after the record exists, so
		// look again: the folder may have been another run's.
		if exists(record) {
			os.Remove(logDir)
			continue
		}
		markRunning(logDir)
		return id, logDir, nil
	}
	return "", "", fmt.Errorf("too many records for %s at %s", paper, base)
}

// Write stores r as <paper>/<id>.json atomically: it is written to a
// temporary file, synced, and renamed, so readers see the whole record or
// none, even after kill -9 or a full disk.
func (s Store) Write(ctx context.Context, r *Record, id string) (string, error) {
	dir := filepath.Join(s.Dir, r.Paper)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("write record: %w", err)
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", fmt.Errorf("write record: %w", err)
	}
	data = append(data, '\n')
	dst := filepath.Join(dir, id+".json")
	if err := WriteFileAtomic(dst, data); err != nil {
		return "", fmt.Errorf("write record %s: %w", dst, err)
	}
	r.ID = id
	doneRunning(filepath.Join(dir, id))
	// An empty log folder is noise in a committed results tree.
	os.Remove(filepath.Join(dir, id))
	return dst, nil
}

// runningFile, in a reserved log folder, is locked (flock) by the process
// that reserved it until its record is written; the kernel drops the lock
// when that process dies, kill -9 included, so a folder whose lock can be
// taken and that has no record belongs to a run that was killed.
const runningFile = ".running"

var (
	runningMu sync.Mutex
	running   = map[string]*os.File{}
)

// markRunning creates and locks logDir's running file, held open for the
// life of this process or until doneRunning. Best effort: without it the
// run is only never reported as killed.
func markRunning(logDir string) {
	// The file is locked under a private name and renamed into place
	// (the lock stays with the open file), so a sweep never sees a
	// running file that is not locked yet: it took such a file for a
	// killed run's, removed the folder, and another run of the paper
	// reserved the same id.
	f, err := os.CreateTemp(logDir, runningFile+"-")
	if err != nil {
		return
	}
	if !tryLockFile(f) || os.Rename(f.Name(), filepath.Join(logDir, runningFile)) != nil {
		os.Remove(f.Name())
		f.Close()
		return
	}
	runningMu.Lock()
	running[logDir] = f
	runningMu.Unlock()
}

// doneRunning releases and removes logDir's running file: its record is
// written. (A batch job writing a record reserved by another process
// finds no open file and only removes it.)
func doneRunning(logDir string) {
	runningMu.Lock()
	f := running[logDir]
	delete(running, logDir)
	runningMu.Unlock()
	os.Remove(filepath.Join(logDir, runningFile))
	if f != nil {
		f.Close()
	}
}

// Unreserve gives up the id whose log folder is logDir: no record will
// be written for it. The folder is removed when nothing was logged in it.
func Unreserve(logDir string) {
	doneRunning(logDir)
	os.Remove(logDir)
}

// killed reports whether the log folder dir was reserved by a process
// that died before writing its record: its running file exists and its
// lock is free.
func killed(dir string) bool {
	f, err := os.OpenFile(filepath.Join(dir, runningFile), os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if !tryLockFile(f) {
		return false
	}
	unlockFile(f)
	return true
}

// hasLogs reports whether dir holds anything but its running file: the
// logs of steps that started.
func hasLogs(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != runningFile {
			return true
		}
	}
	return false
}

// KilledReason is the reason of the record Sweep writes for a run that
// was killed after its steps began.
const KilledReason = "interrupted: repro was killed (no record was written; found by the next run)"

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// WriteFileAtomic writes data to path through a synced temporary file in
// the same folder and a rename.
func WriteFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync() // make the rename durable; best effort where dirs cannot sync
		d.Close()
	}
	return nil
}

// Papers lists the papers that have at least one record, sorted.
func (s Store) Papers() ([]string, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	var ps []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if ids, _ := s.History(e.Name()); len(ids) > 0 {
				ps = append(ps, e.Name())
			}
		}
	}
	return ps, nil
}

// History lists the record ids of paper, oldest first.
func (s Store) History(paper string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(s.Dir, paper))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read results of %s: %w", paper, err)
	}
	var ids []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") {
			ids = append(ids, strings.TrimSuffix(n, ".json"))
		}
	}
	sort.Slice(ids, func(i, j int) bool { return stampLess(ids[i], ids[j]) })
	return ids, nil
}

// stampLess orders "20260101T000000Z-10" after "-9".
func stampLess(a, b string) bool {
	ab, an := splitStamp(a)
	bb, bn := splitStamp(b)
	if ab != bb {
		return ab < bb
	}
	return an < bn
}

func splitStamp(id string) (string, int) {
	base, n, ok := strings.Cut(id, "-")
	if !ok {
		return id, 1
	}
	var k int
	fmt.Sscanf(n, "%d", &k)
	return base, k
}

// Read loads one record.
func (s Store) Read(paper, id string) (*Record, error) {
	path := filepath.Join(s.Dir, paper, id+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read record: %w", err)
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("read record %s: %w", path, err)
	}
	if r.Schema != SchemaVersion {
		return nil, fmt.Errorf("read record %s: schema %d, this repro reads %d", path, r.Schema, SchemaVersion)
	}
	// The folder says whose record this is: a record claiming another
	// paper (or "../../etc") would stand in for that paper in reports and
	// name files outside the site.
	if r.Paper != paper {
		return nil, fmt.Errorf("read record %s: its paper field %q does not match its folder %q: record refused", path, r.Paper, paper)
	}
	r.ID = id
	return &r, nil
}

// Unreadable names the papers whose newest record could not be used; the
// other papers' records are returned beside it.
type Unreadable struct {
	// Errs holds one error per paper, each naming the record file.
	Errs []error
}

func (u *Unreadable) Error() string {
	msgs := make([]string, len(u.Errs))
	for i, e := range u.Errs {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Latest loads paper's newest record; it returns nil, nil when there is none.
func (s Store) Latest(paper string) (*Record, error) {
	ids, err := s.History(paper)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.Read(paper, ids[len(ids)-1])
}

// LatestAll loads the newest record of every paper (or of the named ones).
// A paper whose newest record cannot be read (cut short by a full disk,
// or refused) does not hide the others: their records are returned with
// an *Unreadable error that names it.
func (s Store) LatestAll(papers []string) ([]*Record, error) {
	named := len(papers) > 0
	if !named {
		entries, err := os.ReadDir(s.Dir)
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read results: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				papers = append(papers, e.Name())
			}
		}
	}
	// Reading and decoding records is most of a report's time: spread it
	// over the CPUs, each paper's folder listed once.
	recs := make([]*Record, len(papers))
	errs := make([]error, len(papers))
	parallel.Do(len(papers), func(i int) { recs[i], errs[i] = s.Latest(papers[i]) })
	var rs []*Record
	var bad []error
	for i, p := range papers {
		if errs[i] != nil {
			bad = append(bad, errs[i])
			continue
		}
		switch {
		case recs[i] != nil:
			rs = append(rs, recs[i])
		case named:
			return nil, fmt.Errorf("no record for %s in %s: run repro check %s first", p, s.Dir, p)
		}
	}
	if len(bad) > 0 {
		return rs, &Unreadable{Errs: bad}
	}
	return rs, nil
}

// Sweep clears what a killed run of paper left in its folder. Temporary
// record files (.tmp-<id>.json-*) are removed. A log folder without a
// record whose running file is no longer locked belongs to a run that
// died (kill -9, power cut): when it holds step logs, a record saying
// interrupted (KilledReason) is written for it, so the run is not lost
// from the history and its logs are kept; otherwise it is removed. An
// empty log folder of an older repro (no running file) is removed when
// its id is a minute or more older than now: a run that reserved one just
// now may still be before its first log, and removing its folder would
// let another run of the same second take the same id. Sweep holds the
// paper's lock, under which records are written, so no temporary file
// still in use is touched. It returns the names removed, and beside them
// the ids of the interrupted records it wrote.
func (s Store) Sweep(paper string, now time.Time) (removed, recorded []string, err error) {
	dir := filepath.Join(s.Dir, paper)
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	unlock, err := s.Lock(paper)
	if err != nil {
		return nil, nil, fmt.Errorf("sweep results of %s: %w", paper, err)
	}
	defer unlock()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("sweep results of %s: %w", paper, err)
	}
	batch := batchRecord(dir)
	for _, e := range entries {
		n := e.Name()
		p := filepath.Join(dir, n)
		switch {
		case e.Type().IsRegular() && strings.HasPrefix(n, ".tmp-") && strings.Contains(n, ".json-"):
		case !e.IsDir() || strings.HasPrefix(n, ".") || exists(filepath.Join(dir, n+".json")) || n == batch:
			continue
		case killed(p):
			if hasLogs(p) {
				if err := s.writeKilled(paper, n); err == nil {
					recorded = append(recorded, n)
				}
				continue
			}
			os.Remove(filepath.Join(p, runningFile))
		case stampBefore(n, now.Add(-time.Minute)):
			// os.Remove removes a folder only when it is empty.
		default:
			continue
		}
		if os.Remove(p) == nil {
			removed = append(removed, n)
		}
	}
	return removed, recorded, nil
}

// batchRecord is the record id of the paper's outstanding Slurm job, kept
// in .slurm-job.json (package slurm) by a client that may have been
// killed while the job still runs: its folder is the job's, not a dead
// run's. "" when there is none.
func batchRecord(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, ".slurm-job.json"))
	if err != nil {
		return ""
	}
	var j struct {
		Record string `json:"record"`
	}
	if json.Unmarshal(data, &j) != nil {
		return ""
	}
	return j.Record
}

// writeKilled writes the record of the run id of paper that was killed.
// Its start is the id's time; its end is unknown, so left at the start.
func (s Store) writeKilled(paper, id string) error {
	r := &Record{Schema: SchemaVersion, Paper: paper, Status: Interrupted, Reason: KilledReason, Claims: []Claim{}}
	base, _ := splitStamp(id)
	if t, err := time.Parse(stampFormat, base); err == nil {
		r.Started, r.Finished = t, t
	}
	_, err := s.Write(context.Background(), r, id)
	return err
}

// stampBefore reports whether id is a record id whose time is before t.
func stampBefore(id string, t time.Time) bool {
	base, _ := splitStamp(id)
	at, err := time.Parse(stampFormat, base)
	return err == nil && at.Before(t)
}

// Lock takes the per-paper lock that serialises record writes between
// processes; the kernel drops it if the process dies.
func (s Store) Lock(paper string) (func(), error) {
	dir := filepath.Join(s.Dir, paper)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { unlockFile(f); f.Close() }, nil
}

// RanSteps says whether any record of paper holds step results: whether
// its plan has ever been run, not only written.
func (s Store) RanSteps(paper string) (bool, error) {
	ids, err := s.History(paper)
	if err != nil {
		return false, err
	}
	for i := len(ids) - 1; i >= 0; i-- {
		r, err := s.Read(paper, ids[i])
		if err != nil {
			return false, err
		}
		if len(r.Steps) > 0 {
			return true, nil
		}
	}
	return false, nil
}
