package audit

// Checklist item names, as they appear in JSON (audit.checklist.<item>).
const (
	Dependencies = "dependencies"
	Training     = "training"
	Evaluation   = "evaluation"
	Pretrained   = "pretrained"
	Results      = "results"
)

// Items lists the checklist items in the order the checklist gives them.
var Items = []string{Dependencies, Training, Evaluation, Pretrained, Results}

// Report is the audit of one tree. Its JSON shape is part of the record
// and report contract: audit.score, audit.license,
// audit.checklist.<item>.found and .evidence.
type Report struct {
	Score     int             `json:"score"`
	License   string          `json:"license"` // SPDX id, "none", or "unknown"
	Checklist map[string]Item `json:"checklist"`
	// LicenseFile is the file the licence was recognised from.
	LicenseFile string   `json:"license_file,omitempty"`
	Submodules  []Module `json:"submodules,omitempty"`
	LFSPointers []string `json:"lfs_pointers,omitempty"`
	LargeFiles  []string `json:"large_files,omitempty"`
	// Missing lists files the repository could not provide (incomplete mirror).
	Missing []string `json:"missing,omitempty"`
	// ClaimsInReadme maps a claim id to where the README states its number.
	ClaimsInReadme map[string]string `json:"claims_in_readme,omitempty"`
	Warnings       []string          `json:"warnings,omitempty"`
}

// Item is one checklist item and the file (path or path:line) that is its
// evidence.
type Item struct {
	Found    bool   `json:"found"`
	Evidence string `json:"evidence,omitempty"`
}

// Module is a submodule and whether its commit could be resolved.
type Module struct {
	Path     string `json:"path"`
	URL      string `json:"url,omitempty"`
	Resolved bool   `json:"resolved"`
}
