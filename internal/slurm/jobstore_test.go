package slurm

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func testJob(dir, paper, id string) *Job {
	return &Job{
		Paper: paper, ID: id, Name: JobName(paper, "20260101T000000Z"), Record: "20260101T000000Z",
		SpecHash: "abc", Task: filepath.Join(dir, "jobs", paper+"-20260101T000000Z", "task.json"),
		Limit: "1m", Submitted: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestJobStore(t *testing.T) {
	dir := t.TempDir()
	if j, err := ReadJob(dir, "p"); j != nil || err != nil {
		t.Fatalf("ReadJob(empty) = %v, %v; want nil, nil", j, err)
	}
	want := testJob(dir, "p", "")
	if err := WriteJob(dir, want); err != nil {
		t.Fatal(err)
	}
	want.ID = "42" // the second write: sbatch answered
	if err := WriteJob(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadJob(dir, "p")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("ReadJob() = %+v, %v; want %+v", got, err, want)
	}
	if err := WriteJob(dir, testJob(dir, "q", "43")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "nojob"), 0o755)
	js, err := Jobs(dir, nil)
	if err != nil || len(js) != 2 || js[0].Paper != "p" || js[1].Paper != "q" {
		t.Fatalf("Jobs(all) = %v, %v; want the jobs of p and q", js, err)
	}
	if js, err := Jobs(dir, []string{"q", "nojob"}); err != nil || len(js) != 1 || js[0].ID != "43" {
		t.Fatalf("Jobs(q, nojob) = %v, %v; want q's job", js, err)
	}
	if err := RemoveJob(dir, "p"); err != nil {
		t.Fatal(err)
	}
	if err := RemoveJob(dir, "p"); err != nil {
		t.Fatalf("RemoveJob twice: %v", err)
	}
	if j, _ := ReadJob(dir, "p"); j != nil {
		t.Fatalf("ReadJob after RemoveJob = %+v; want nil", j)
	}
	// No temporary files are left beside the job file.
	entries, _ := os.ReadDir(filepath.Join(dir, "q"))
	if len(entries) != 1 || entries[0].Name() != JobFile {
		t.Errorf("results/q holds %v; want only %s", entries, JobFile)
	}
}

func TestJobStoreRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		edit func(j *Job)
		want string
	}{
		{"relative task", func(j *Job) { j.Task = "jobs/p-20260101T000000Z/task.json" }, "bad task path"},
		{"task outside its job folder", func(j *Job) { j.Task = "/task.json" }, "bad task path"},
		{"another job's folder", func(j *Job) { j.Task = "/jobs/q-1/task.json" }, "bad task path"},
		{"unclean task", func(j *Job) { j.Task = "/jobs/../p-20260101T000000Z/task.json" }, "bad task path"},
		{"record traversal", func(j *Job) { j.Record = "../x" }, "bad record id"},
		{"hidden record", func(j *Job) { j.Record = ".lock" }, "bad record id"},
		{"id list", func(j *Job) { j.ID = "1,2" }, "bad job id"},
	} {
		j := testJob(dir, "p", "1")
		c.edit(j)
		if err := WriteJob(dir, j); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: WriteJob(%+v) = %v; want %q", c.name, j, err, c.want)
		}
	}
	os.MkdirAll(filepath.Join(dir, "p"), 0o755)
	for _, c := range []struct{ data, want string }{
		{`{"schema": 1, "paper": "other", "record": "1", "task": "/j/other-1/task.json"}`, `it is for paper "other"`},
		{`{"schema": 2}`, "schema 2"},
		{`{"schema": 1,`, "unexpected end"},
		{`{"schema": 1, "paper": "p", "record": "1", "task": "/task.json"}`, "bad task path"},
	} {
		os.WriteFile(JobPath(dir, "p"), []byte(c.data), 0o644)
		if _, err := ReadJob(dir, "p"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadJob(%s) = %v; want %q", c.data, err, c.want)
		}
	}
}
