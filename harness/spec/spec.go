package spec

// SchemaVersion is the version of the spec format this package decodes.
// Specs must say `schema: 1`; a future incompatible format gets a new number.
const SchemaVersion = 1

// Spec is one paper: where its code lives and what it claims.
type Spec struct {
	Schema     int         `yaml:"schema" json:"schema"`
	ID         string      `yaml:"id" json:"id"`
	Title      string      `yaml:"title" json:"title"`
	Published  string      `yaml:"published,omitempty" json:"published,omitempty"`
	Links      Links       `yaml:"links,omitempty" json:"links,omitempty"`
	Repository *Repository `yaml:"repository" json:"repository"`
	// NoCode says why there is no repository; required when Repository is null.
	NoCode    string     `yaml:"no_code,omitempty" json:"no_code,omitempty"`
	Claims    []Claim    `yaml:"claims" json:"claims"`
	Reproduce *Reproduce `yaml:"reproduce,omitempty" json:"reproduce,omitempty"`
	Notes     string     `yaml:"notes,omitempty" json:"notes,omitempty"`

	// Path is the file the spec was read from; Hash is the SHA-256 of its bytes.
	Path string `yaml:"-" json:"-"`
	Hash string `yaml:"-" json:"-"`
}

// Links are the paper's public pages.
type Links struct {
	Paper   string `yaml:"paper,omitempty" json:"paper,omitempty"`
	Project string `yaml:"project,omitempty" json:"project,omitempty"`
	PDF     string `yaml:"pdf,omitempty" json:"pdf,omitempty"`
}

// Repository is the paper's code, pinned to one commit.
type Repository struct {
	URL string `yaml:"url" json:"url"`
	// Commit is a full 40-hex commit id. Empty means "the default branch
	// head", which the harness resolves and records on every check.
	Commit string `yaml:"commit,omitempty" json:"commit,omitempty"`
	// Subdir scopes the audit and the steps to a folder of a larger repository.
	Subdir string `yaml:"subdir,omitempty" json:"subdir,omitempty"`
}

// Claim is one quantitative (or comparative) statement of the paper.
type Claim struct {
	ID        string   `yaml:"id" json:"id"`
	Quote     string   `yaml:"quote" json:"quote"`
	Metric    string   `yaml:"metric" json:"metric"`
	Value     *float64 `yaml:"value,omitempty" json:"value,omitempty"`
	Min       *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max       *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Unit      string   `yaml:"unit,omitempty" json:"unit,omitempty"`
	Bound     string   `yaml:"bound" json:"bound"`
	Better    string   `yaml:"better,omitempty" json:"better,omitempty"`
	Baseline  string   `yaml:"baseline,omitempty" json:"baseline,omitempty"`
	Context   string   `yaml:"context,omitempty" json:"context,omitempty"`
	Tolerance string   `yaml:"tolerance,omitempty" json:"tolerance,omitempty"`
	// Review, when set, says why a person should check this claim again
	// (the importer sets it for claims it is unsure of).
	Review string `yaml:"review,omitempty" json:"review,omitempty"`
}

// Reproduce declares how to rerun the paper and where each claim's
// measured value comes from.
type Reproduce struct {
	Requires Requires          `yaml:"requires,omitempty" json:"requires,omitempty"`
	Env      map[string]string `yaml:"env,omitempty" json:"env,omitempty"`
	Steps    []Step            `yaml:"steps" json:"steps"`
	Measure  []Measure         `yaml:"measure,omitempty" json:"measure,omitempty"`
}

// Requires is what a machine must offer before the steps are worth running.
type Requires struct {
	GPUs      int      `yaml:"gpus,omitempty" json:"gpus,omitempty"`
	GPUMemory string   `yaml:"gpu_memory,omitempty" json:"gpu_memory,omitempty"`
	Memory    string   `yaml:"memory,omitempty" json:"memory,omitempty"`
	CPUs      int      `yaml:"cpus,omitempty" json:"cpus,omitempty"`
	Time      string   `yaml:"time,omitempty" json:"time,omitempty"`
	Data      []string `yaml:"data,omitempty" json:"data,omitempty"`
	Commands  []string `yaml:"commands,omitempty" json:"commands,omitempty"`
}

// Step is one shell command run in the checked-out tree.
type Step struct {
	Name    string            `yaml:"name" json:"name"`
	Run     string            `yaml:"run" json:"run"`
	Timeout string            `yaml:"timeout,omitempty" json:"timeout,omitempty"`
	Env     map[string]string `yaml:"env,omitempty" json:"env,omitempty"`
}

// Measure says where one claim's measured value comes from: exactly one of
// File (with JSON or CSV) or Stdout/Stderr (a regular expression over the
// named step's output, or the last step's when Step is empty).
type Measure struct {
	Claim string `yaml:"claim" json:"claim"`
	// Role is "method" (default) or "baseline"; a `beats` claim needs both.
	Role   string `yaml:"role,omitempty" json:"role,omitempty"`
	File   string `yaml:"file,omitempty" json:"file,omitempty"`
	JSON   string `yaml:"json,omitempty" json:"json,omitempty"`
	Column string `yaml:"column,omitempty" json:"column,omitempty"`
	Row    string `yaml:"row,omitempty" json:"row,omitempty"`
	Step   string `yaml:"step,omitempty" json:"step,omitempty"`
	Stdout string `yaml:"stdout,omitempty" json:"stdout,omitempty"`
	// Scale multiplies the measured value, e.g. 100 to turn a fraction into %.
	Scale *float64 `yaml:"scale,omitempty" json:"scale,omitempty"`
}
