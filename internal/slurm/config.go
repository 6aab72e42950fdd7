package slurm

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the slurm section of the configuration file: where and how
// jobs are submitted.
type Config struct {
	Partition string   `yaml:"partition,omitempty"`
	Account   string   `yaml:"account,omitempty"`
	QOS       string   `yaml:"qos,omitempty"`
	Extra     []string `yaml:"extra,omitempty"` // more sbatch options, passed last
	// Poll is how often the client asks Slurm about its jobs ("5s").
	Poll string `yaml:"poll,omitempty"`
	// Repro is the repro binary the jobs run, as the compute nodes see it;
	// by default the one that submits.
	Repro string `yaml:"repro,omitempty"`
}

// DefaultPoll is the poll interval without slurm.poll.
const DefaultPoll = 5 * time.Second

// PollEvery returns the poll interval.
func (c Config) PollEvery() (time.Duration, error) {
	if c.Poll == "" {
		return DefaultPoll, nil
	}
	d, err := time.ParseDuration(c.Poll)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("slurm.poll: %q is not a duration: write e.g. 5s or 1m", c.Poll)
	}
	return d, nil
}

// File is the configuration file (repro.yaml, or $REPRO_CONFIG).
type File struct {
	// Executor is local or slurm; the --executor flag and REPRO_EXECUTOR
	// come first.
	Executor string `yaml:"executor,omitempty"`
	Slurm    Config `yaml:"slurm,omitempty"`
}

// ReadFile reads a configuration file strictly: an unknown key is an
// error naming its line. A missing file is an error only when required.
func ReadFile(path string, required bool) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && !required {
		return &File{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file decodes as io.EOF: it is a valid, empty configuration.
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, configError(path, err)
	}
	switch f.Executor {
	case "", "local", "slurm":
	default:
		return nil, fmt.Errorf("%s: executor: %q is not an executor: use local or slurm", path, f.Executor)
	}
	if _, err := f.Slurm.PollEvery(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &f, nil
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)

// configError writes yaml's errors as path:line: message, one a line.
func configError(path string, err error) error {
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	var out []string
	for _, m := range msgs {
		if sm := yamlLine.FindStringSubmatch(m); sm != nil {
			msg := sm[2]
			if f := unknownField.FindStringSubmatch(msg); f != nil {
				msg = fmt.Sprintf("unknown key %q", f[1])
			}
			out = append(out, fmt.Sprintf("%s:%s: %s", path, sm[1], msg))
			continue
		}
		out = append(out, path+": "+strings.TrimPrefix(m, "yaml: "))
	}
	return errors.New(strings.Join(out, "\n"))
}
