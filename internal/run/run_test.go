package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/spec"
)

func TestExec(t *testing.T) {
	dir := t.TempDir()
	res := Exec(context.Background(), Step{Name: "s", Command: `echo "$GREETING"; echo oops >&2; exit 3`, Dir: dir, Env: []string{"GREETING=hello"}, LogDir: dir})
	if res.ExitCode != 3 || res.OK() {
		t.Errorf("Exec exit = %d, ok %v; want 3, false", res.ExitCode, res.OK())
	}
	if out, _ := os.ReadFile(res.Stdout); string(out) != "hello\n" {
		t.Errorf("stdout log = %q; want hello", out)
	}
	if !strings.Contains(res.Tail, "oops") {
		t.Errorf("Tail = %q; want the stderr of the failed step", res.Tail)
	}
}

func TestExecTimeoutKillsGroup(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	res := Exec(context.Background(), Step{Name: "s", Command: "sleep 60 & sleep 60", Dir: dir, LogDir: dir, Timeout: 200 * time.Millisecond})
	if !res.TimedOut || res.OK() {
		t.Errorf("Exec = %+v; want timed out", res)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Exec took %v after a 200ms timeout", d)
	}
}

func TestExecCancel(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	res := Exec(ctx, Step{Name: "s", Command: "sleep 60", Dir: dir, LogDir: dir})
	if !res.Interrupted {
		t.Errorf("Exec(cancelled) = %+v; want interrupted", res)
	}
}

func TestExecCap(t *testing.T) {
	dir := t.TempDir()
	res := Exec(context.Background(), Step{Name: "s", Command: "head -c 100000 /dev/zero | tr '\\0' a; echo; echo metric=7", Dir: dir, LogDir: dir, LogCap: 1000})
	if !res.Truncated {
		t.Errorf("Exec(100 kB, cap 1 kB).Truncated = false")
	}
	st, _ := os.Stat(res.Stdout)
	if st.Size() > 1200 {
		t.Errorf("stdout log is %d bytes; want about the 1000-byte cap", st.Size())
	}
	if v, err := fromRegexp(`metric=([0-9]+)`, res.Output); err != nil || v != 7 {
		t.Errorf("metric after the cap = %v, %v; want 7 (the tail is kept)", v, err)
	}
}

func TestMeasure(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "m.json"), []byte(`{"a": {"b": [1.5, {"c": "2.5%"}]}, "s": "x", "n": "nan"}`), 0o644)
	os.WriteFile(filepath.Join(root, "r.csv"), []byte("model,top1\nbase,70.1\n\"ours\nv2\",72.4\ninf,+Infinity\nlast,73\n"), 0o644)
	os.WriteFile(filepath.Join(root, "train.log"), []byte("epoch 1 psnr=30.1\nepoch 2 psnr=31.5\nepoch 3 loss=0.2\n"), 0o644)
	os.WriteFile(filepath.Join(root, "README.md"), []byte("# R\n\n| Method | PSNR | bpp |\n|---|:-:|--:|\n| JPEG | 30.2 | 0.5 |\n| **Ours** | **32.41** dB | 0.41 |\n"), 0o644)
	os.WriteFile(filepath.Join(root, "eval.ipynb"), []byte(`{"nbformat": 4, "cells": [
		{"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdout", "text": ["acc 0.5\n", "acc 0.7\n"]}]},
		{"cell_type": "markdown"},
		{"cell_type": "code", "outputs": [{"output_type": "execute_result", "data": {"text/plain": "0.912"}}]}]}`), 0o644)
	os.MkdirAll(filepath.Join(root, "src", "codecs"), 0o755)
	os.WriteFile(filepath.Join(root, "src", "a.py"), []byte("register('huff')\nregister('lz')\n"), 0o644)
	os.WriteFile(filepath.Join(root, "src", "codecs", "b.py"), []byte("register('lz')\nregister('ans')\n"), 0o644)
	os.WriteFile(filepath.Join(root, "src", "codecs", "c.txt"), []byte("register('no')\n"), 0o644)
	outputs := map[string][]byte{
		"eval": []byte("ratio=1.2\nratio=1.8\n"),
		"nan":  []byte("v=NaN\n"), "inf": []byte("v=-Inf\n"), "big": []byte("v=1e999\n"), "huge": []byte("v=1e300\n"),
	}
	tests := []struct {
		m    spec.Measure
		want float64
		src  string
		err  string
	}{
		{spec.Measure{File: "m.json", JSON: "a.b.0"}, 1.5, "m.json", ""},
		{spec.Measure{File: "m.json", JSON: "a.b.1.c"}, 2.5, "m.json", ""},
		{spec.Measure{File: "m.json", JSON: "a.x"}, 0, "", `no key "x"`},
		{spec.Measure{File: "m.json", JSON: "a.b.9"}, 0, "", `index "9" out of range`},
		{spec.Measure{File: "m.json", JSON: "s"}, 0, "", `"x" is not a number`},
		{spec.Measure{File: "r.csv", Column: "top1", Row: "model=ours\nv2"}, 72.4, "r.csv:3", ""},
		{spec.Measure{File: "r.csv", Column: "top1", Row: "1"}, 70.1, "r.csv:2", ""},
		{spec.Measure{File: "r.csv", Column: "top1"}, 73, "r.csv:6", ""},
		{spec.Measure{File: "r.csv", Column: "top5"}, 0, "", `no column "top5"`},
		{spec.Measure{File: "r.csv", Column: "top1", Row: "model=big"}, 0, "", "no row with model=big"},
		{spec.Measure{Stdout: `ratio=([0-9.]+)`}, 1.8, "step eval", ""},
		{spec.Measure{Stdout: `ratio=([0-9.]+)`, Step: "eval", Scale: ptr(100)}, 180, "step eval", ""},
		{spec.Measure{Stdout: `psnr=([0-9.]+)`}, 0, "", "no line of the output matches"},
		{spec.Measure{File: "absent.json", JSON: "a"}, 0, "", "was not written by the steps"},
		{spec.Measure{File: "absent.json", JSON: "a", Evidence: spec.Artefact}, 0, "", "file absent.json is not in the tree at the checked-out commit"},
		{spec.Measure{File: "../m.json", JSON: "a"}, 0, "", "path leaves the working tree"},
		// A log: the first group of the last match, and its line.
		{spec.Measure{File: "train.log", Regexp: `psnr=([0-9.]+)`, Evidence: spec.Artefact}, 31.5, "train.log:2", ""},
		{spec.Measure{File: "train.log", Regexp: `ssim=([0-9.]+)`}, 0, "", `train.log: no line matches "ssim=([0-9.]+)"`},
		// A README results table: by first-cell text and header text.
		{spec.Measure{File: "README.md", Row: "Ours", Column: "PSNR"}, 32.41, "README.md:6", ""},
		{spec.Measure{File: "README.md", Row: "jpeg", Column: "bpp"}, 0.5, "README.md:5", ""},
		{spec.Measure{File: "README.md", Row: "Ours", Column: "SSIM"}, 0, "", `none of its 1 tables has both a row "Ours" (first cell) and a column "SSIM" (header)`},
		// A notebook: by cell, by regexp over all outputs, or both.
		{spec.Measure{File: "eval.ipynb", Cell: iptr(2)}, 0.912, "eval.ipynb cell 2", ""},
		{spec.Measure{File: "eval.ipynb", Regexp: `acc ([0-9.]+)`}, 0.7, "eval.ipynb cell 0", ""},
		{spec.Measure{File: "eval.ipynb", Cell: iptr(0), Regexp: `acc ([0-9.]+)`, Scale: ptr(100)}, 70, "eval.ipynb cell 0", ""},
		{spec.Measure{File: "eval.ipynb", Cell: iptr(1)}, 0, "", "cell 1 has no text output"},
		{spec.Measure{File: "eval.ipynb", Cell: iptr(7)}, 0, "", "no cell 7: the notebook has 3 cells (numbered from 0)"},
		{spec.Measure{File: "eval.ipynb", Cell: iptr(2), Regexp: `acc ([0-9.]+)`}, 0, "", `no output of cell 2 matches "acc ([0-9.]+)"`},
		// A static count: files, or distinct names across files.
		{spec.Measure{Count: &spec.Count{Files: "src/**/*.py"}}, 2, "count of files src/**/*.py", ""},
		{spec.Measure{Count: &spec.Count{Files: "src/**", Regexp: `register\('(\w+)'\)`}}, 4, `count of distinct matches of "register\\('(\\w+)'\\)" in files src/**`, ""},
		{spec.Measure{Count: &spec.Count{Files: "src/**/*.py", Regexp: `register\('(\w+)'\)`}}, 3, `count of distinct matches of "register\\('(\\w+)'\\)" in files src/**/*.py`, ""},
		{spec.Measure{Count: &spec.Count{Files: "docs/*.md"}}, 0, "count of files docs/*.md", ""},
		{spec.Measure{Stdout: `v=(\S+)`, Step: "nan"}, 0, "", `"NaN" is not a finite number`},
		{spec.Measure{Stdout: `v=(\S+)`, Step: "inf"}, 0, "", `"-Inf" is not a finite number`},
		{spec.Measure{Stdout: `v=(\S+)`, Step: "big"}, 0, "", `"1e999" is not a finite number`},
		{spec.Measure{Stdout: `v=(\S+)`, Step: "huge", Scale: ptr(1e10)}, 0, "", "1e+300 scaled by 1e+10 is not a finite number"},
		{spec.Measure{File: "m.json", JSON: "n"}, 0, "", `"nan" is not a finite number`},
		{spec.Measure{File: "r.csv", Column: "top1", Row: "model=inf"}, 0, "", `"+Infinity" is not a finite number`},
	}
	for _, tt := range tests {
		got, err := Measure(tt.m, root, outputs, "eval")
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Measure(%+v) = %v, %v; want error containing %q", tt.m, got, err, tt.err)
			}
			continue
		}
		if err != nil || got.Value != tt.want || got.Source != tt.src {
			t.Errorf("Measure(%+v) = %+v, %v; want %v from %q", tt.m, got, err, tt.want, tt.src)
		}
	}
}

func iptr(v int) *int { return &v }

func ptr(v float64) *float64 { return &v }

func TestReadInsideSymlinkEscape(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("{}"), 0o644)
	os.Symlink(filepath.Join(outside, "secret"), filepath.Join(root, "link"))
	os.Symlink(outside, filepath.Join(root, "dirlink"))
	for _, p := range []string{"link", "dirlink/secret", "/etc/passwd"} {
		if _, err := ReadInside(root, p); !errors.Is(err, ErrEscapes) {
			t.Errorf("ReadInside(%q) = %v; want ErrEscapes", p, err)
		}
	}
	os.WriteFile(filepath.Join(root, "ok"), []byte("1"), 0o644)
	os.Symlink("ok", filepath.Join(root, "inner"))
	if _, err := ReadInside(root, "inner"); err != nil {
		t.Errorf("ReadInside(link inside the tree) = %v", err)
	}
}

func TestUnmet(t *testing.T) {
	data := t.TempDir()
	os.MkdirAll(filepath.Join(data, "ShapeNet"), 0o755)
	env := func(k string) string {
		if k == "REPRO_DATA" {
			return data
		}
		return ""
	}
	none := host.Host{CPUs: 2, MemoryBytes: 24 << 30}
	gpu := host.Host{CPUs: 16, MemoryBytes: 128 << 30, GPUs: host.ParseNvidiaSMI("NVIDIA H100, 81559\n")}
	tests := []struct {
		r    spec.Requires
		h    host.Host
		want string
	}{
		{spec.Requires{}, none, ""},
		{spec.Requires{GPUs: 1, GPUMemory: "24GB"}, none, "needs 1 GPU with 24GB; this machine has none"},
		{spec.Requires{GPUs: 1, GPUMemory: "24GB"}, gpu, ""},
		{spec.Requires{GPUs: 2}, gpu, "needs 2 GPUs; this machine has 1 that qualifies of 1"},
		{spec.Requires{GPUs: 1, GPUMemory: "100GB"}, gpu, "needs 1 GPU with 100GB; this machine has 0 that qualify of 1"},
		{spec.Requires{Memory: "32GB"}, none, "needs 32GB of memory; this machine has 24.0 GB"},
		{spec.Requires{CPUs: 4}, none, "needs 4 CPUs; this machine has 2"},
		{spec.Requires{Data: []string{"ShapeNet"}}, none, ""},
		{spec.Requires{Data: []string{"ImageNet-1K"}}, none, "needs data set ImageNet-1K; set REPRO_DATA_IMAGENET_1K or put it under $REPRO_DATA"},
		{spec.Requires{Commands: []string{"no-such-command-xyz"}}, none, "needs command no-such-command-xyz on PATH"},
	}
	for _, tt := range tests {
		got := strings.Join(Unmet(tt.r, tt.h, env), "; ")
		if got != tt.want {
			t.Errorf("Unmet(%+v) = %q; want %q", tt.r, got, tt.want)
		}
	}
}
