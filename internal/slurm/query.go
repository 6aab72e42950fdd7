package slurm

import (
	"regexp"
	"strings"
)

// Info is what Slurm says about one job.
type Info struct {
	State State
	// Reason is why a job waits (squeue's %r), or how it ended.
	Reason   string
	ExitCode string // "2:0": exit status, then the signal that killed it
	Node     string
}

// SqueueFormat is the squeue -o format ParseSqueue reads.
const SqueueFormat = "%i|%T|%r|%N"

// ParseSqueue reads squeue -h -o SqueueFormat output, keyed by job id.
func ParseSqueue(out string) map[string]Info {
	m := map[string]Info{}
	for _, line := range lines(out) {
		f := strings.Split(line, "|")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		in := Info{State: ParseState(f[1])}
		if len(f) > 2 && f[2] != "None" && f[2] != "(null)" {
			in.Reason = f[2]
		}
		if len(f) > 3 && f[3] != "(null)" {
			in.Node = f[3]
		}
		m[f[0]] = in
	}
	return m
}

// SacctFields is the sacct -o list ParseSacct reads (with -n -P -X).
const SacctFields = "JobID,State,ExitCode,NodeList"

// ParseSacct reads sacct -n -P -X -o SacctFields output, keyed by job id.
// Without -X sacct also lists steps ("12.batch"); those are skipped.
func ParseSacct(out string) map[string]Info {
	m := map[string]Info{}
	for _, line := range lines(out) {
		f := strings.Split(line, "|")
		if len(f) < 2 || f[0] == "" || strings.Contains(f[0], ".") {
			continue
		}
		in := Info{State: ParseState(f[1])}
		if len(f) > 2 {
			in.ExitCode = f[2]
		}
		if len(f) > 3 && f[3] != "None assigned" {
			in.Node = f[3]
		}
		m[f[0]] = in
	}
	return m
}

var scontrolField = regexp.MustCompile(`(?:^|\s)(JobId|JobState|Reason|ExitCode|NodeList)=(\S*)`)

// ParseScontrol reads scontrol -o show job output (one job a line, as
// Key=Value pairs), keyed by job id.
func ParseScontrol(out string) map[string]Info {
	m := map[string]Info{}
	for _, line := range lines(out) {
		var id string
		var in Info
		for _, kv := range scontrolField.FindAllStringSubmatch(line, -1) {
			v := kv[2]
			switch kv[1] {
			case "JobId":
				id = v
			case "JobState":
				in.State = ParseState(v)
			case "Reason":
				if v != "None" && v != "(null)" {
					in.Reason = v
				}
			case "ExitCode":
				in.ExitCode = v
			case "NodeList":
				if v != "(null)" {
					in.Node = v
				}
			}
		}
		if id != "" {
			m[id] = in
		}
	}
	return m
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
