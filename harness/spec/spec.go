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
	// Aggregate folds the values of repeated runs: mean (default), median,
	// min or max.
	Aggregate string `yaml:"aggregate,omitempty" json:"aggregate,omitempty"`
}

// Reproduce declares how to rerun the paper and where each claim's
// measured value comes from.
type Reproduce struct {
	Requires Requires `yaml:"requires,omitempty" json:"requires,omitempty"`
	// Environment is the software environment the steps run in.
	Environment *Environment `yaml:"environment,omitempty" json:"environment,omitempty"`
	// Artifacts are the data sets and weights the steps read.
	Artifacts []Artifact `yaml:"artifacts,omitempty" json:"artifacts,omitempty"`
	// Repeat runs the steps this many times (default 1).
	Repeat  int               `yaml:"repeat,omitempty" json:"repeat,omitempty"`
	Env     map[string]string `yaml:"env,omitempty" json:"env,omitempty"`
	Steps   []Step            `yaml:"steps" json:"steps"`
	Measure []Measure         `yaml:"measure,omitempty" json:"measure,omitempty"`
}

// Environment is where the steps run: exactly one of an OCI image pinned
// by digest, an image built from a Containerfile, or the host (still
// inside the sandbox).
type Environment struct {
	// Image is NAME@sha256:DIGEST; a tag without a digest needs Review.
	Image string `yaml:"image,omitempty" json:"image,omitempty"`
	Build *Build `yaml:"build,omitempty" json:"build,omitempty"`
	Host  bool   `yaml:"host,omitempty" json:"host,omitempty"`
	// Review says why an unpinned image is accepted for now.
	Review string `yaml:"review,omitempty" json:"review,omitempty"`
}

// Build is an image built from a Containerfile in the paper's repository
// (or shipped beside the spec in specs/<id>/).
type Build struct {
	File    string `yaml:"file" json:"file"`
	Context string `yaml:"context,omitempty" json:"context,omitempty"`
}

// Artifact is a data set or model file the steps need, fetched once into
// the content-addressed cache and checked against its size and SHA-256.
type Artifact struct {
	// Name becomes REPRO_ARTIFACT_<NAME> in the steps' environment.
	Name string `yaml:"name" json:"name"`
	// URL is https://… or hf:OWNER/REPO@REVISION[/PATH].
	URL    string `yaml:"url" json:"url"`
	SHA256 string `yaml:"sha256,omitempty" json:"sha256,omitempty"`
	// Size is the exact size in bytes.
	Size    int64  `yaml:"size,omitempty" json:"size,omitempty"`
	Unpack  string `yaml:"unpack,omitempty" json:"unpack,omitempty"` // none, tar or zip
	Licence string `yaml:"licence,omitempty" json:"licence,omitempty"`
	Note    string `yaml:"note,omitempty" json:"note,omitempty"`
	// Review says why an unpinned (no sha256/size, or branch) artifact is
	// accepted for now.
	Review string `yaml:"review,omitempty" json:"review,omitempty"`
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
	// Network lets the step reach the network; off by default.
	Network bool `yaml:"network,omitempty" json:"network,omitempty"`
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

	// Evidence is how the value is obtained: rerun (default: the steps
	// produced it), artefact (read from a file the authors published at the
	// pinned commit) or static (computed from the repository's content).
	Evidence string `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// Regexp, with File, is matched against the file's text (a log); the
	// first group of the last match is the value. With a notebook it is
	// matched against the cells' outputs.
	Regexp string `yaml:"regexp,omitempty" json:"regexp,omitempty"`
	// Cell, with a .ipynb File, picks the notebook cell (0-based index
	// among all cells) whose outputs are read.
	Cell *int `yaml:"cell,omitempty" json:"cell,omitempty"`
	// Count is a static measure: how many files match, or how many matches
	// of a regexp the files hold.
	Count *Count `yaml:"count,omitempty" json:"count,omitempty"`
}

// Count is a counting rule over the repository's tree.
type Count struct {
	// Files is a glob of tree paths (path.Match per segment, ** for any depth).
	Files string `yaml:"files" json:"files"`
	// Regexp, when set, counts distinct matches (first group, or the whole
	// match) across the files instead of the files themselves.
	Regexp string `yaml:"regexp,omitempty" json:"regexp,omitempty"`
}
