package sandbox

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestGPUArgs(t *testing.T) {
	for _, tc := range []struct {
		runtime string
		gpus    int
		want    []string
	}{
		{"podman", 0, nil},
		{"podman", 2, []string{"--device", "nvidia.com/gpu=0", "--device", "nvidia.com/gpu=1"}},
		{"docker", 1, []string{"--gpus", "1"}},
		{"docker", 4, []string{"--gpus", "4"}},
		{"apptainer", 2, []string{"--nv"}},
		{"bwrap", 1, nil},
	} {
		if got := GPUArgs(tc.runtime, tc.gpus); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("GPUArgs(%s, %d) = %v; want %v", tc.runtime, tc.gpus, got, tc.want)
		}
	}
}

func TestOCIArgs(t *testing.T) {
	j := &Job{ID: "repro-p-1-s", RunID: "1", Command: "make", Dir: "/w/tree", Home: "/w/home", Tmp: "/w/tmp",
		Env: []string{"A=1"}, Image: "img@sha256:00", Limits: Limits{Memory: 1 << 30, CPUs: 2, GPUs: 1},
		Mounts: []Mount{{Source: "/data/set", ReadOnly: true}}}
	got := strings.Join((&OCI{Program: "podman", Kind: "podman"}).Args(j), " ")
	for _, want := range []string{
		"--network none", "--pids-limit 4096", "--memory 1073741824 --memory-swap 1073741824", "--cpus 2",
		"--device nvidia.com/gpu=0", "-v /w/tree:/repro/work", "-w /repro/work", "-v /w/home:/home/repro",
		"-v /data/set:/data/set:ro", "-e A=1", "-e HOME=/home/repro", "--cap-drop ALL", "--label io.repro.run=1",
		"img@sha256:00 /bin/sh -c make",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("podman args %q lack %q", got, want)
		}
	}
	j.Network = true
	if got := strings.Join((&OCI{Program: "docker", Kind: "docker"}).Args(j), " "); strings.Contains(got, "--network") || !strings.Contains(got, "--gpus 1") {
		t.Errorf("docker args with network and a GPU: %q", got)
	}
}

func TestBwrapArgs(t *testing.T) {
	j := &Job{Command: "make", Dir: "/w/tree", Home: "/w/home", Tmp: "/w/tmp", Env: []string{"A=1"},
		Mounts: []Mount{{Source: "/w", ReadOnly: true}}}
	got := strings.Join((&Bwrap{Program: "bwrap"}).Args(j), " ")
	for _, want := range []string{"--ro-bind / /", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--die-with-parent", "--clearenv",
		"--bind /w/tmp /tmp", "--bind /w/home /home/repro", "--setenv HOME /home/repro", "--setenv A 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("bwrap args %q lack %q", got, want)
		}
	}
	// The writable checkout is bound after a read-only mount above it.
	if strings.Index(got, "--ro-bind /w /w") > strings.Index(got, "--bind /w/tree /w/tree") {
		t.Errorf("bwrap args %q bind the checkout before the read-only mount that holds it", got)
	}
}

func TestParseImage(t *testing.T) {
	const d = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, tc := range []struct {
		in   string
		want ImageRef
		err  string
	}{
		{"python", ImageRef{Name: "python"}, ""},
		{"python:3.12", ImageRef{Name: "python", Tag: "3.12"}, ""},
		{"registry.example:5000/a/b:v1@" + d, ImageRef{Name: "registry.example:5000/a/b", Tag: "v1", Digest: d}, ""},
		{"localhost/x@" + d, ImageRef{Name: "localhost/x", Digest: d}, ""},
		{"x@sha256:abc", ImageRef{}, `digest "sha256:abc" is not`},
		{"X/Y", ImageRef{}, `image name "X/Y" is not valid`},
		{"x:bad tag", ImageRef{}, `tag "bad tag" is not valid`},
	} {
		got, err := ParseImage(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseImage(%q) = %v; want error %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want || got.String() != tc.in {
			t.Errorf("ParseImage(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestChoose(t *testing.T) {
	ctx := context.Background()
	only := func(have ...string) func(string) (string, error) {
		return func(p string) (string, error) {
			for _, h := range have {
				if h == p {
					return "/usr/bin/" + p, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	yes := func(context.Context, Runtime) bool { return true }
	no := func(context.Context, Runtime) bool { return false }
	for _, tc := range []struct {
		name          string
		have          []string
		usable        func(context.Context, Runtime) bool
		container     string // runtime name, or the error's text
		host, hostErr string
		warn          bool
	}{
		{"", []string{"podman", "docker", "bwrap"}, yes, "podman", "bwrap", "", false},
		{"", []string{"docker", "apptainer"}, no, "no container runtime found", "", "install bubblewrap", false},
		{"", []string{"docker", "apptainer"}, yes, "docker", "", "install bubblewrap", false},
		{"apptainer", []string{"podman", "bwrap"}, yes, "runtime apptainer is not installed: install apptainer", "bwrap", "", false},
		{"docker", []string{"docker"}, no, "runtime docker is installed but cannot start containers", "", "install bubblewrap", false},
		{"bwrap", []string{"podman"}, yes, "--runtime bwrap runs no images", "", "runtime bwrap is not installed: apt-get install bubblewrap", false},
		{"none", nil, yes, "--runtime none runs no images", "none", "", true},
	} {
		c, err := Choose(tc.name, only(tc.have...), tc.usable)
		if err != nil {
			t.Fatalf("Choose(%q) = %v", tc.name, err)
		}
		rt, err := c.Container(ctx)
		got := ""
		if rt != nil {
			got = rt.Name()
		} else {
			got = err.Error()
		}
		if !strings.HasPrefix(got, tc.container) {
			t.Errorf("Choose(%q, %v).Container = %q; want %q", tc.name, tc.have, got, tc.container)
		}
		switch {
		case tc.host != "" && (c.Host == nil || c.Host.Name() != tc.host):
			t.Errorf("Choose(%q, %v).Host = %v; want %s", tc.name, tc.have, c.Host, tc.host)
		case tc.hostErr != "" && (c.HostErr == nil || !strings.Contains(c.HostErr.Error(), tc.hostErr)):
			t.Errorf("Choose(%q, %v).HostErr = %v; want %q", tc.name, tc.have, c.HostErr, tc.hostErr)
		}
		if (c.Warning != "") != tc.warn {
			t.Errorf("Choose(%q).Warning = %q", tc.name, c.Warning)
		}
	}
	if _, err := Choose("runc", nil, nil); err == nil || err.Error() != `unknown runtime "runc": use podman, docker, apptainer, bwrap, none` {
		t.Errorf("Choose(runc) = %v", err)
	}
}
