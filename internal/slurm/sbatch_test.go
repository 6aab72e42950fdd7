package slurm

import (
	"reflect"
	"strings"
	"testing"

	"github.com/repro-harness/repro/harness/spec"
)

func TestArgs(t *testing.T) {
	sub := Submission{Name: "repro-p-20260101T000000Z", Output: "/r/p/20260101T000000Z/slurm-%j.out", Dir: "/w/p", Script: "/j/job.sh"}
	base := []string{"--parsable", "--job-name=repro-p-20260101T000000Z", "--output=/r/p/20260101T000000Z/slurm-%j.out", "--chdir=/w/p", "--nodes=1", "--ntasks=1", "--no-requeue"}
	for _, c := range []struct {
		name string
		req  spec.Requires
		cfg  Config
		want []string
	}{
		{"nothing required", spec.Requires{}, Config{}, nil},
		{"no gres without gpus", spec.Requires{GPUs: 0, GPUMemory: "24GB"}, Config{}, nil},
		{"everything", spec.Requires{GPUs: 2, GPUMemory: "24GB", Memory: "32GB", CPUs: 8, Time: "2h", Data: []string{"x"}},
			Config{Partition: "gpu", Account: "lab", QOS: "long", Extra: []string{"--constraint=a100", "--exclusive"}},
			[]string{"--cpus-per-task=8", "--mem=32768M", "--gres=gpu:2", "--time=120", "--partition=gpu", "--account=lab", "--qos=long", "--constraint=a100", "--exclusive"}},
		{"rounded up", spec.Requires{Memory: "1.5MB", Time: "90s"}, Config{}, []string{"--mem=2M", "--time=2"}},
		{"at least a minute", spec.Requires{Time: "10s"}, Config{}, []string{"--time=1"}},
		{"days", spec.Requires{Time: "1d"}, Config{}, []string{"--time=1440"}},
	} {
		got, err := Args(c.req, c.cfg, sub)
		if err != nil {
			t.Errorf("%s: Args(%+v, %+v) error %v", c.name, c.req, c.cfg, err)
			continue
		}
		want := append(append(append([]string{}, base...), c.want...), "/j/job.sh")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Args(%+v, %+v) = %q; want %q", c.name, c.req, c.cfg, got, want)
		}
	}
}

func TestArgsErrors(t *testing.T) {
	for _, c := range []struct {
		req  spec.Requires
		cfg  Config
		want string
	}{
		{spec.Requires{Memory: "lots"}, Config{}, `requires.memory: "lots" is not a size`},
		{spec.Requires{Time: "soon"}, Config{}, `requires.time: "soon" is not a duration`},
		{spec.Requires{}, Config{Extra: []string{"exclusive"}}, `slurm.extra: "exclusive" is not an sbatch option`},
	} {
		_, err := Args(c.req, c.cfg, Submission{})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Args(%+v, %+v) error = %v; want %s…", c.req, c.cfg, err, c.want)
		}
	}
}

func TestScript(t *testing.T) {
	got := Script("/opt/my repro/repro", "/c/slurm/it's-1/task.json", "p", "1")
	want := "#!/bin/sh\n# repro: the steps of paper p, record 1 (repro check --executor slurm)\n" +
		"exec '/opt/my repro/repro' worker '/c/slurm/it'\\''s-1/task.json'\n"
	if got != want {
		t.Errorf("Script() = %q; want %q", got, want)
	}
}
