// Package host describes the machine a check runs on: the evidence a record
// carries, and what the runner compares with a spec's requirements.
package host

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// GPU is one accelerator as nvidia-smi reports it.
type GPU struct {
	Name        string `json:"name"`
	MemoryBytes int64  `json:"memory_bytes"`
}

// Host is what this machine offers.
type Host struct {
	OS   string `json:"os"`
	Arch string `json:"arch"`
	CPUs int    `json:"cpus"`
	// CPUModel is the processor's name ("model name" in /proc/cpuinfo),
	// recorded beside timing claims.
	CPUModel    string `json:"cpu_model,omitempty"`
	MemoryBytes int64  `json:"memory_bytes,omitempty"`
	GPUs        []GPU  `json:"gpus,omitempty"`
	Kernel      string `json:"kernel,omitempty"`
}

// Detect reads the host's resources. It never fails: what it cannot read
// is left empty, and a missing nvidia-smi means no GPUs.
func Detect(ctx context.Context) Host {
	h := Host{OS: runtime.GOOS, Arch: runtime.GOARCH, CPUs: runtime.NumCPU()}
	h.MemoryBytes = memTotal()
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		h.CPUModel = ParseCPUModel(string(b))
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		h.Kernel = strings.TrimSpace(string(b))
	}
	h.GPUs = nvidiaGPUs(ctx)
	return h
}

func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func nvidiaGPUs(ctx context.Context) []GPU {
	smi := os.Getenv("REPRO_NVIDIA_SMI") // lets tests and odd installs point elsewhere
	if smi == "" {
		var err error
		if smi, err = exec.LookPath("nvidia-smi"); err != nil {
			return nil
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, smi, "--query-gpu=name,memory.total", "--format=csv,noheader,nounits").Output()
	if err != nil {
		return nil
	}
	return ParseNvidiaSMI(string(out))
}

// ParseNvidiaSMI reads `nvidia-smi --query-gpu=name,memory.total
// --format=csv,noheader,nounits` output (memory in MiB).
func ParseNvidiaSMI(out string) []GPU {
	var gpus []GPU
	for _, line := range strings.Split(out, "\n") {
		name, mem, ok := strings.Cut(line, ",")
		if !ok {
			continue
		}
		mib, err := strconv.ParseFloat(strings.TrimSpace(mem), 64)
		if err != nil {
			continue
		}
		gpus = append(gpus, GPU{Name: strings.TrimSpace(name), MemoryBytes: int64(mib * (1 << 20))})
	}
	return gpus
}

// ParseCPUModel reads the processor's name from /proc/cpuinfo: the first
// "model name" (x86) or "Model" (ARM boards) line.
func ParseCPUModel(cpuinfo string) string {
	for _, key := range []string{"model name", "Model"} {
		for _, line := range strings.Split(cpuinfo, "\n") {
			k, v, ok := strings.Cut(line, ":")
			if ok && strings.TrimSpace(k) == key {
				if v = strings.Join(strings.Fields(v), " "); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// Machine names the processor and accelerators in a few words, for the
// reader of a timing claim: "Intel Xeon Gold 6248 (2 CPUs), 1x NVIDIA
// A100-SXM4-80GB". Without a model name it falls back to the CPU count and
// architecture.
func (h Host) Machine() string {
	cpu := fmt.Sprintf("%d CPUs %s", h.CPUs, h.Arch)
	if h.CPUModel != "" {
		cpu = fmt.Sprintf("%s (%d CPUs)", h.CPUModel, h.CPUs)
	}
	if h.CPUs == 0 && h.CPUModel == "" {
		cpu = "unknown CPU"
	}
	counts := map[string]int{}
	var names []string
	for _, g := range h.GPUs {
		if counts[g.Name] == 0 {
			names = append(names, g.Name)
		}
		counts[g.Name]++
	}
	for _, n := range names {
		cpu += fmt.Sprintf(", %dx %s", counts[n], n)
	}
	return cpu
}
