package slurm

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, data string
		want       *File
		poll       time.Duration
		err        string
	}{
		{"empty", "", &File{}, DefaultPoll, ""},
		{"full", "executor: slurm\nslurm:\n  partition: gpu\n  account: lab\n  qos: long\n  extra: [--constraint=a100]\n  poll: 30s\n  repro: /opt/repro\n",
			&File{Executor: "slurm", Slurm: Config{Partition: "gpu", Account: "lab", QOS: "long", Extra: []string{"--constraint=a100"}, Poll: "30s", Repro: "/opt/repro"}}, 30 * time.Second, ""},
		{"unknown key", "slurm:\n  partitoin: gpu\n", nil, 0, `repro.yaml:2: unknown key "partitoin"`},
		{"unknown top key", "executer: slurm\n", nil, 0, `repro.yaml:1: unknown key "executer"`},
		{"bad poll", "slurm: {poll: often}\n", nil, 0, `repro.yaml: slurm.poll: "often" is not a duration`},
		{"bad executor", "executor: k8s\n", nil, 0, `repro.yaml: executor: "k8s" is not an executor: use local or slurm`},
		{"bad yaml", "slurm: [\n", nil, 0, "repro.yaml:"},
	} {
		p := filepath.Join(dir, "repro.yaml")
		os.WriteFile(p, []byte(c.data), 0o644)
		f, err := ReadFile(p, true)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: ReadFile(%q) = %v; want error %q", c.name, c.data, err, c.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(f, c.want) {
			t.Errorf("%s: ReadFile(%q) = %+v, %v; want %+v", c.name, c.data, f, err, c.want)
			continue
		}
		if d, _ := f.Slurm.PollEvery(); d != c.poll {
			t.Errorf("%s: PollEvery() = %v; want %v", c.name, d, c.poll)
		}
	}
	missing := filepath.Join(dir, "none.yaml")
	if f, err := ReadFile(missing, false); err != nil || !reflect.DeepEqual(f, &File{}) {
		t.Errorf("ReadFile(missing, optional) = %+v, %v; want empty", f, err)
	}
	if _, err := ReadFile(missing, true); err == nil {
		t.Errorf("ReadFile(missing, required) = nil error; want one")
	}
}
