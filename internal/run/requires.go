package run

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/repro-harness/repro/harness/host"
	"github.com/repro-harness/repro/harness/spec"
)

// DataDir finds the folder of a named data set: $REPRO_DATA_<NAME> (upper
// case, dashes as underscores), else <dir>/<name> for each dir in the
// colon-separated $REPRO_DATA.
func DataDir(name string, getenv func(string) string) (string, bool) {
	key := DataEnv(name)
	if d := getenv(key); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
	}
	for _, root := range filepath.SplitList(getenv("REPRO_DATA")) {
		if root == "" {
			continue
		}
		d := filepath.Join(root, name)
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d, true
		}
	}
	return "", false
}

// DataEnv is the variable that names the folder of data set name, as the
// host sets it and as the steps see it.
func DataEnv(name string) string {
	return "REPRO_DATA_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
}

// Unmet returns why h cannot run a paper with requirements r, one reason
// per unmet requirement, or nil when it can.
func Unmet(r spec.Requires, h host.Host, getenv func(string) string) []string {
	var why []string
	if r.GPUs > 0 {
		var need int64
		if r.GPUMemory != "" {
			need, _ = spec.ParseSize(r.GPUMemory)
		}
		fit := 0
		for _, g := range h.GPUs {
			if g.MemoryBytes >= need {
				fit++
			}
		}
		if fit < r.GPUs {
			want := fmt.Sprintf("%d GPU", r.GPUs)
			if r.GPUs > 1 {
				want += "s"
			}
			if need > 0 {
				want += " with " + r.GPUMemory
			}
			have := "none"
			if len(h.GPUs) > 0 {
				have = fmt.Sprintf("%d that qualif%s of %d", fit, map[bool]string{true: "ies", false: "y"}[fit == 1], len(h.GPUs))
			}
			why = append(why, fmt.Sprintf("needs %s; this machine has %s", want, have))
		}
	}
	if r.Memory != "" {
		need, _ := spec.ParseSize(r.Memory)
		if h.MemoryBytes > 0 && h.MemoryBytes < need {
			why = append(why, fmt.Sprintf("needs %s of memory; this machine has %.1f GB", r.Memory, float64(h.MemoryBytes)/(1<<30)))
		}
	}
	if r.CPUs > h.CPUs {
		why = append(why, fmt.Sprintf("needs %d CPUs; this machine has %d", r.CPUs, h.CPUs))
	}
	for _, d := range r.Data {
		if _, ok := DataDir(d, getenv); !ok {
			why = append(why, fmt.Sprintf("needs data set %s; set REPRO_DATA_%s or put it under $REPRO_DATA", d, strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(d))))
		}
	}
	for _, c := range r.Commands {
		if _, err := exec.LookPath(c); err != nil {
			why = append(why, fmt.Sprintf("needs command %s on PATH", c))
		}
	}
	return why
}
